package io.tablewise.ui.run;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import io.tablewise.engine.ExecutionListener;
import io.tablewise.engine.FlowExecutor;
import io.tablewise.engine.FlowSession;
import io.tablewise.engine.InvalidParameterException;
import io.tablewise.engine.NodeResult;
import io.tablewise.engine.NodeState;
import io.tablewise.engine.RunHandle;
import io.tablewise.engine.RunResult;
import io.tablewise.engine.ValidationReport;
import io.tablewise.flow.Flow;
import io.tablewise.flow.NodeInstance;
import io.tablewise.node.NodeMessage;
import io.tablewise.ui.Messages;
import io.tablewise.ui.editor.FlowEditor;

/**
 * Runs the edited flow through the engine and keeps, for the view, each node's status light, the validation
 * report (for the inspector's column pickers and messages), the run's progress and a log. Engine work (validation,
 * fingerprints, runs) happens on a background thread; results are handed to {@code uiThread}, so the window never
 * waits for the engine.
 */
public final class RunViewModel {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final FlowExecutor executor;
    private final FlowEditor editor;
    private final Executor uiThread;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tablewise-studio-engine");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<Flow> pendingFlow = new AtomicReference<>();
    private final AtomicBoolean analysisQueued = new AtomicBoolean();

    private final ObservableMap<String, NodeStatus> statuses = FXCollections.observableHashMap();
    private final ObjectProperty<ValidationReport> validation = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty statusText = new SimpleStringProperty("");
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObjectProperty<RunResult> lastRun = new SimpleObjectProperty<>();
    private final javafx.beans.property.ReadOnlyIntegerWrapper recordedRuns =
            new javafx.beans.property.ReadOnlyIntegerWrapper();
    /** The flow that the statuses and the validation describe (it lags the editor by one analysis). */
    private final ObjectProperty<Flow> analysedFlow = new SimpleObjectProperty<>();

    // Touched only on the background thread.
    private FlowSession session;
    private Path sessionDir;
    // Touched only on the UI thread.
    private final Map<String, NodeResult> failures = new HashMap<>();
    private final Map<String, NodeStatus> live = new HashMap<>();
    private RunHandle current;
    private Set<String> runTargets = Set.of();

    /** A runner for {@code editor}'s flow; {@code uiThread} is {@code Platform::runLater} in the studio. */
    private java.util.function.Supplier<io.tablewise.ui.project.StudioSettings.PathGrants> grants =
            () -> io.tablewise.ui.project.StudioSettings.PathGrants.NONE;

    public RunViewModel(FlowExecutor executor, FlowEditor editor, Executor uiThread) {
        this.executor = executor;
        this.editor = editor;
        this.uiThread = uiThread;
        editor.flowProperty().addListener((obs, old, now) -> {
            if (!sameExceptLayout(old, now)) {
                analyse(now);
            } else if (analysedFlow.get() == old) {
                analysedFlow.set(now); // moving or renaming nodes changes nothing the engine sees
            }
        });
        editor.fileProperty().addListener((obs, old, now) -> analyse(editor.flow()));
        analyse(editor.flow());
    }

    /** Status light of each node. */
    public ObservableMap<String, NodeStatus> statuses() {
        return statuses;
    }

    /** The latest validation of the flow (null until the first one finishes). */
    public ObjectProperty<ValidationReport> validationProperty() {
        return validation;
    }

    /** True while a run is going. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** Progress of the current run in [0, 1]. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    /** One line for the status bar. */
    public StringProperty statusTextProperty() {
        return statusText;
    }

    /** Time-stamped log lines of runs. */
    public ObservableList<String> log() {
        return log;
    }

    /** The result of the last finished run. */
    public ObjectProperty<RunResult> lastRunProperty() {
        return lastRun;
    }

    /** The flow that the statuses and the validation describe; equal to the editor's once analysis caught up. */
    public javafx.beans.property.ReadOnlyObjectProperty<Flow> analysedFlowProperty() {
        return analysedFlow;
    }

    /** Sets where the user's own allowances come from (the studio settings). */
    public void setPathGrants(java.util.function.Supplier<io.tablewise.ui.project.StudioSettings.PathGrants> source) {
        this.grants = source;
    }

    /**
     * Where the flow may read and write: its folder plus what the user allowed on this machine, never what the flow
     * itself says.
     */
    public io.tablewise.engine.PathPolicy pathPolicy() {
        io.tablewise.ui.project.StudioSettings.PathGrants g = grants.get();
        Path dir = flowDir();
        return new io.tablewise.engine.PathPolicy(dir, editor.fileProperty().get(), dir, g.readDirs(), g.readFiles(),
                g.writeDirs());
    }

    /** The folder relative paths resolve against: the flow file's folder, or the working folder for a new flow. */
    public Path flowDir() {
        Path file = editor.fileProperty().get();
        Path parent = file == null ? null : file.toAbsolutePath().getParent();
        return parent != null ? parent : Path.of("").toAbsolutePath();
    }

    /** The node's last result (done, or failed), if it has one. */
    public Optional<NodeResult> result(String nodeId) {
        NodeResult failed = failures.get(nodeId);
        if (failed != null) {
            return Optional.of(failed);
        }
        FlowSession s = session;
        return s == null ? Optional.empty() : s.lastResult(nodeId);
    }

    // ---- running ----

    /** Runs every node. */
    public void runAll() {
        run(Set.of());
    }

    /** Runs the given nodes and what they need. */
    public void run(Set<String> targets) {
        if (running.get()) {
            return;
        }
        Flow flow = editor.flow();
        Path dir = flowDir();
        io.tablewise.engine.PathPolicy policy = pathPolicy();
        running.set(true);
        progress.set(0);
        runTargets = Set.copyOf(targets);
        failures.keySet().removeIf(id -> targets.isEmpty() || targets.contains(id));
        log(targets.isEmpty() ? Messages.get("run.started") : Messages.get("run.upTo", String.join(", ", targets)));
        statusText.set(Messages.get("run.running"));
        background.execute(() -> {
            try {
                FlowSession s = sessionFor(flow, dir, policy);
                RunHandle handle = s.run(targets, new Listener());
                uiThread.execute(() -> current = handle);
            } catch (InvalidParameterException | RuntimeException e) {
                uiThread.execute(() -> finished(null, e.getMessage()));
            }
        });
    }

    /** Cancels the run in progress: running nodes stop at their next check, queued ones are skipped. */
    public void cancel() {
        if (current != null) {
            current.cancel();
            statusText.set(Messages.get("run.cancelling"));
        }
    }

    /** Stops background work (the window closes). */
    public void shutdown() {
        cancel();
        FlowSession kept = session;
        if (kept != null) {
            kept.awaitStored(3000); // results computed this session are kept beside the flow for next time
        }
        // No interrupt: a thread interrupted inside a library's class initialisation (Tablesaw scans the class path)
        // would leave that class unusable for the rest of the JVM.
        background.shutdown();
    }

    // ---- analysis (validation and staleness) ----

    /**
     * Save As into {@code newDir}: the results kept beside the flow go along (hard links where possible), before the
     * next analysis opens a session there, so the saved copy shows them too.
     */
    public void carryResultsTo(Path newDir) {
        FlowSession from = session;
        if (from == null || newDir.equals(sessionDir)) {
            return;
        }
        background.execute(() -> {
            try {
                from.awaitStored();
                from.store().copyTo(io.tablewise.engine.ResultStore.in(newDir), from.fingerprints().values());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Validates the current flow again (after the user changed what flows may read or write). */
    public void refresh() {
        analyse(editor.flow());
    }

    /**
     * The paths a flow names that the path policy refuses, for the question asked when a shared flow is opened.
     * Only the paths are checked (no data is read), so this is instant.
     */
    public List<ValidationReport.PathUse> refusedPaths(Flow flow) {
        try {
            return executor.validate(flow, pathPolicy(), Map.of()).paths().stream()
                    .filter(u -> !u.allowed() && u.path() != null).toList();
        } catch (InvalidParameterException e) {
            return List.of();
        }
    }

    private void analyse(Flow flow) {
        pendingFlow.set(flow);
        Path dir = flowDir();
        io.tablewise.engine.PathPolicy policy = pathPolicy();
        if (analysisQueued.compareAndSet(false, true)) {
            background.execute(() -> {
                analysisQueued.set(false);
                Flow latest = pendingFlow.get();
                ValidationReport report;
                Map<String, NodeState> states;
                try {
                    report = executor.validate(latest, policy, Map.of());
                    FlowSession s = sessionFor(latest, dir, policy);
                    states = s.states();
                } catch (InvalidParameterException | RuntimeException e) {
                    report = new ValidationReport(List.of(NodeMessage.error(null, null, e.getMessage())),
                            Map.of(), Map.of());
                    states = Map.of();
                }
                ValidationReport finalReport = report;
                Map<String, NodeState> finalStates = states;
                uiThread.execute(() -> applyAnalysis(latest, finalReport, finalStates));
            });
        }
    }

    /** True when two flows differ at most in node positions and labels (a drag, a rename). */
    static boolean sameExceptLayout(Flow a, Flow b) {
        if (a == null || b == null || a.nodes().size() != b.nodes().size() || !a.edges().equals(b.edges())
                || !a.parameters().equals(b.parameters())) {
            return false;
        }
        for (int i = 0; i < a.nodes().size(); i++) {
            NodeInstance x = a.nodes().get(i);
            NodeInstance y = b.nodes().get(i);
            if (!x.id().equals(y.id()) || !x.type().equals(y.type()) || x.typeVersion() != y.typeVersion()
                    || !x.params().equals(y.params())) {
                return false;
            }
        }
        return true;
    }

    private FlowSession sessionFor(Flow flow, Path dir, io.tablewise.engine.PathPolicy policy) {
        if (session == null || !dir.equals(sessionDir)) {
            session = new FlowSession(executor, editor.registry(), flow, dir);
            sessionDir = dir;
        } else {
            session.setFlow(flow);
        }
        if (!policy.equals(session.paths())) {
            session.setPaths(policy);
        }
        return session;
    }

    private void applyAnalysis(Flow flow, ValidationReport report, Map<String, NodeState> states) {
        Flow current = editor.flow();
        if (flow != current && !sameExceptLayout(flow, current)) {
            return; // a newer analysis is on its way
        }
        validation.set(report);
        failures.keySet().removeIf(id -> current.node(id).isEmpty());
        statuses.keySet().removeIf(id -> current.node(id).isEmpty());
        for (NodeInstance n : current.nodes()) {
            if (running.get() && live.containsKey(n.id())) {
                continue;
            }
            NodeStatus status = idleStatus(n.id(), report, states.getOrDefault(n.id(), NodeState.IDLE));
            if (!status.equals(statuses.get(n.id()))) {
                statuses.put(n.id(), status);
            }
        }
        analysedFlow.set(current);
    }

    private NodeStatus idleStatus(String id, ValidationReport report, NodeState state) {
        List<String> warnings = new ArrayList<>();
        report.messagesFor(id).stream().filter(m -> !m.isError()).forEach(m -> warnings.add(m.format()));
        Optional<NodeMessage> error = report.messagesFor(id).stream().filter(NodeMessage::isError).findFirst();
        if (error.isPresent()) {
            return new NodeStatus(NodeStatus.Light.INVALID, 0, error.get().format(), warnings);
        }
        NodeResult failed = failures.get(id);
        if (failed != null) {
            return new NodeStatus(NodeStatus.Light.FAILED, 0, failed.error(), warnings);
        }
        if (state == NodeState.DONE) {
            NodeResult last = result(id).orElse(null);
            if (last != null) {
                last.warnings().forEach(w -> warnings.add(w.text()));
            }
            return new NodeStatus(warnings.isEmpty() ? NodeStatus.Light.DONE : NodeStatus.Light.WARNING, 0,
                    warnings.isEmpty() ? "" : warnings.get(0), warnings);
        }
        NodeStatus.Light light = state == NodeState.STALE ? NodeStatus.Light.STALE : NodeStatus.Light.IDLE;
        return new NodeStatus(light, 0, warnings.isEmpty() ? "" : warnings.get(0), warnings);
    }

    // ---- engine events, handed to the UI thread ----

    private final class Listener implements ExecutionListener {
        @Override
        public void nodeStateChanged(String nodeId, NodeState state, NodeResult result) {
            uiThread.execute(() -> onState(nodeId, state, result));
        }

        @Override
        public void nodeProgress(String nodeId, double fraction, String message) {
            uiThread.execute(() -> {
                live.put(nodeId, new NodeStatus(NodeStatus.Light.RUNNING, fraction, message, List.of()));
                statuses.put(nodeId, live.get(nodeId));
                updateProgress();
            });
        }

        @Override
        public void runFinished(RunResult result) {
            uiThread.execute(() -> finished(result, null));
        }
    }

    private void onState(String nodeId, NodeState state, NodeResult result) {
        NodeInstance node = editor.flow().node(nodeId).orElse(null);
        String label = node == null ? nodeId : node.label();
        switch (state) {
            case QUEUED -> live.put(nodeId, NodeStatus.of(NodeStatus.Light.QUEUED, Messages.get("run.waiting")));
            case RUNNING -> live.put(nodeId, NodeStatus.of(NodeStatus.Light.RUNNING, ""));
            case DONE -> {
                failures.remove(nodeId);
                List<String> warnings = result == null ? List.of()
                        : result.warnings().stream().map(NodeMessage::text).toList();
                live.put(nodeId, new NodeStatus(warnings.isEmpty() ? NodeStatus.Light.DONE : NodeStatus.Light.WARNING,
                        0, warnings.isEmpty() ? "" : warnings.get(0), warnings));
                String timing = result == null ? "" : result.fromCache() ? " (" + Messages.get("run.unchanged") + ")"
                        : String.format(" in %.2f s", result.seconds());
                log("✓ " + label + timing);
                warnings.forEach(w -> log("  ⚠ " + label + ": " + w));
            }
            case FAILED -> {
                String error = result == null ? "failed" : result.error();
                ValidationReport known = validation.get();
                if (known != null && known.hasErrors(nodeId)) { // it could not run: its settings are incomplete
                    error = known.messagesFor(nodeId).stream().filter(NodeMessage::isError).findFirst()
                            .map(NodeMessage::format).orElse(error); // names the parameter, as before the run
                    live.put(nodeId, NodeStatus.of(NodeStatus.Light.INVALID, error));
                    log("✗ " + label + " " + Messages.get("run.cannotRun") + ": " + error);
                } else {
                    if (result != null) {
                        failures.put(nodeId, result);
                    }
                    live.put(nodeId, NodeStatus.of(NodeStatus.Light.FAILED, error));
                    log("✗ " + label + ": " + error);
                }
            }
            case NOT_TAKEN -> {
                String why = result == null || result.messages().isEmpty() ? "" : result.messages().get(0).text();
                live.put(nodeId, NodeStatus.of(NodeStatus.Light.NOT_TAKEN, why));
                log("○ " + label + ": " + why);
            }
            case SKIPPED, CANCELLED -> live.remove(nodeId);
            default -> {
            }
        }
        if (live.containsKey(nodeId)) {
            statuses.put(nodeId, live.get(nodeId));
        }
        updateProgress();
    }

    private void updateProgress() {
        long total = runTargets.isEmpty() ? editor.flow().nodes().size() : Math.max(live.size(), 1);
        double done = live.values().stream().mapToDouble(s -> switch (s.light()) {
            case DONE, WARNING, FAILED -> 1.0;
            case RUNNING -> s.progress();
            default -> 0.0;
        }).sum();
        progress.set(total == 0 ? 0 : Math.min(1, done / total));
        live.entrySet().stream().filter(e -> e.getValue().light() == NodeStatus.Light.RUNNING).findFirst()
                .ifPresent(e -> statusText.set(Messages.get("run.runningNode", editor.flow().node(e.getKey())
                        .map(NodeInstance::label).orElse(e.getKey()))
                        + (e.getValue().message().isBlank() ? "" : " " + e.getValue().message())));
    }

    private void finished(RunResult result, String error) {
        running.set(false);
        current = null;
        live.clear();
        progress.set(result == null ? 0 : 1);
        if (result == null) {
            statusText.set(Messages.get("run.notStarted", error));
            log(Messages.get("run.notStarted", error));
        } else {
            lastRun.set(result);
            record(result);
            String text = switch (result.status()) {
                case OK -> Messages.get("run.finished", String.format(Messages.locale(), "%.1f", result.seconds()));
                case FAILED -> Messages.get("run.failures", result.failures().size());
                case CANCELLED -> Messages.get("run.cancelled");
                case INVALID -> Messages.get("run.invalid");
            };
            statusText.set(text);
            log(text);
            result.validation().errors().forEach(m -> log("  " + m.format()));
        }
        analyse(editor.flow());
    }

    /** How many model runs this studio has recorded in the run log (the Runs view reloads when it changes). */
    public javafx.beans.property.ReadOnlyIntegerProperty recordedRunsProperty() {
        return recordedRuns.getReadOnlyProperty();
    }

    /** Appends the run's model builds to the project's run log, as {@code tablewise run} does. */
    private void record(RunResult result) {
        Path file = editor.fileProperty().get();
        Flow flow = editor.flow();
        if (file == null) {
            if (result.nodes().values().stream().anyMatch(r -> !r.fromCache()
                    && r.outputs().get("model") instanceof io.tablewise.model.TrainedModel)) {
                log(Messages.get("run.notRecorded"));
            }
            return;
        }
        Path dir = flowDir();
        background.execute(() -> {
            try {
                java.util.List<io.tablewise.track.RunRecord> records = io.tablewise.track.RunTracker.record(dir, flow,
                        file, new java.util.LinkedHashMap<>(flow.parameters()), result);
                if (!records.isEmpty()) {
                    uiThread.execute(() -> {
                        records.forEach(r -> log(Messages.get("run.recorded", r.runId(), r.node())));
                        recordedRuns.set(recordedRuns.get() + records.size());
                    });
                }
            } catch (java.io.IOException e) {
                uiThread.execute(() -> log(Messages.get("run.recordFailed", e.getMessage())));
            }
        });
    }

    private void log(String line) {
        log.add(LocalTime.now().format(CLOCK) + "  " + line);
        if (log.size() > 2000) {
            log.remove(0, log.size() - 2000);
        }
    }
}
