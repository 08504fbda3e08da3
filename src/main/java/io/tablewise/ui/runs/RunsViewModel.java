package io.tablewise.ui.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import io.tablewise.engine.FlowExecutor;
import io.tablewise.flow.Flow;
import io.tablewise.track.RunLog;
import io.tablewise.track.RunRecord;
import io.tablewise.track.SweepGrid;
import io.tablewise.track.RunRebuild;
import io.tablewise.track.SweepRunner;
import io.tablewise.ui.Messages;

/**
 * The Runs view's state: the recorded runs of one flow (newest first, filtered by the analyst's text), which
 * parameters and metrics become columns, the differences between two runs, the points of a metric plotted against
 * a parameter, and a parameter sweep running in the background. Every value is read from the run log.
 */
public final class RunsViewModel {
    /** Metrics shown first, in this order, when a run has them. */
    static final List<String> HEADLINE = List.of("auc", "accuracy", "balancedAccuracy", "f1", "logLoss", "rmse",
            "mae", "r2");

    /**
     * One line of a comparison.
     *
     * @param kind "parameter", "metric" or "data"
     * @param name what differs
     * @param a the first run's value ("" when it has none)
     * @param b the second run's value
     * @param differs true when the values differ
     * @param delta b − a for numbers, else NaN
     */
    public record Difference(String kind, String name, String a, String b, boolean differs, double delta) {
    }

    /**
     * A run as a point of the plot.
     *
     * @param run the run id
     * @param label the parameter's value as text
     * @param x the parameter's value as a number (NaN when it is not one)
     * @param y the metric
     */
    public record Point(String run, String label, double x, double y) {
    }

    private final Executor ui;
    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();
    private final FilteredList<RunRecord> shown = new FilteredList<>(runs);
    private final StringProperty filter = new SimpleStringProperty("");
    private final BooleanProperty everyParameter = new SimpleBooleanProperty(false);
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final javafx.collections.ObservableMap<String, String> registered = FXCollections.observableHashMap();
    private io.tablewise.registry.RegistryLocation registry;
    private Path dir;
    private String flowName;

    private final ReadOnlyBooleanWrapper sweeping = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper sweepProgress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper sweepMessage = new ReadOnlyStringWrapper("");
    private final AtomicBoolean sweepCancel = new AtomicBoolean();

    private java.util.function.Function<Path, io.tablewise.engine.PathPolicy> paths = file -> {
        Path dir = file.toAbsolutePath().getParent();
        return io.tablewise.engine.PathPolicy.of(dir, file, dir);
    };

    /** Where sweeps may read and write: the studio gives the policy with the user's allowances. */
    public void setPathPolicy(java.util.function.Function<Path, io.tablewise.engine.PathPolicy> policy) {
        this.paths = policy;
    }

    /** A view model whose background work reports through {@code ui} (the JavaFX thread). */
    public RunsViewModel(Executor ui) {
        this.ui = ui;
        filter.addListener((o, a, b) -> applyFilter());
    }

    /** Reads the runs of the flow file {@code flowFile} from the run log beside it (none when null). */
    public void load(Path flowFile) {
        problems.clear();
        if (flowFile == null) {
            dir = null;
            flowName = null;
            runs.clear();
            return;
        }
        dir = flowFile.toAbsolutePath().getParent();
        flowName = flowFile.getFileName().toString();
        List<String> found = new ArrayList<>();
        List<RunRecord> all;
        try {
            all = new RunLog(dir).read(found);
        } catch (IOException e) {
            found.add(Messages.get("runs.unreadable", new RunLog(dir).file(), e.getMessage()));
            all = List.of();
        }
        List<RunRecord> mine = new ArrayList<>(all.stream().filter(r -> flowName.equals(r.flow())).toList());
        mine.sort(Comparator.comparing(RunRecord::time).thenComparing(RunRecord::runId).reversed());
        runs.setAll(mine);
        problems.setAll(found);
        applyFilter();
        readRegistered();
    }

    /** The registry whose versions the runs are linked to (none: no links). */
    public void setRegistry(io.tablewise.registry.RegistryLocation location) {
        this.registry = location;
        readRegistered();
    }

    /** Run id to the registry versions registered from that run ({@code churn:3, churn:4}). */
    public javafx.collections.ObservableMap<String, String> registered() {
        return registered;
    }

    /** Reads which versions came from which run, on a thread of its own (a registry may be across the network). */
    private void readRegistered() {
        io.tablewise.registry.RegistryLocation where = registry;
        if (where == null) {
            return;
        }
        Thread t = new Thread(() -> {
            Map<String, String> links = new java.util.HashMap<>();
            try (io.tablewise.registry.Registry r = io.tablewise.registry.Registry.open(where)) {
                r.versionsByRun().forEach((run, refs) -> links.put(run, String.join(", ", refs)));
            } catch (io.tablewise.registry.RegistryException | RuntimeException e) {
                return; // no registry yet, or out of reach: the runs show without links
            }
            ui.execute(() -> registered.putAll(links));
        }, "runs-registry");
        t.setDaemon(true);
        t.start();
    }

    /** Reads the log again. */
    public void reload() {
        if (dir != null) {
            load(dir.resolve(flowName));
        }
    }

    /** Every run of the flow, newest first. */
    public ObservableList<RunRecord> runs() {
        return runs;
    }

    /** The runs the filter lets through. */
    public ObservableList<RunRecord> shownRuns() {
        return shown;
    }

    /** Text a run must contain (in its id, node, target or a parameter value) to be shown. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** Whether every parameter becomes a column, or only those that differ between runs and the flow's own. */
    public BooleanProperty everyParameterProperty() {
        return everyParameter;
    }

    /** Lines of the run log that could not be read. */
    public ObservableList<String> problems() {
        return problems;
    }

    private void applyFilter() {
        String q = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        shown.setPredicate(q.isEmpty() ? null : r -> (r.runId() + " " + r.node() + " " + r.target() + " "
                + String.join(" ", r.parameters().values())).toLowerCase(Locale.ROOT).contains(q));
    }

    /**
     * The parameter columns: those that differ between runs (or all of them), the flow's own parameters first.
     * With a single run, the flow's parameters.
     */
    public List<String> parameterColumns() {
        Set<String> names = new TreeSet<>();
        runs.forEach(r -> names.addAll(r.parameters().keySet()));
        List<String> out = new ArrayList<>();
        boolean one = runs.size() < 2;
        for (boolean flowOwn : new boolean[] {true, false}) {
            for (String n : names) {
                boolean own = n.startsWith("flow.");
                if (own == flowOwn && (everyParameter.get() || varies(n) || one && own)) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    /** True when the runs do not all have the same value of {@code parameter}. */
    public boolean varies(String parameter) {
        return runs.stream().map(r -> r.parameters().get(parameter)).distinct().count() > 1;
    }

    /** The metric columns: the headline metrics first, then the others by name. */
    public List<String> metricColumns() {
        Set<String> names = new TreeSet<>();
        runs.forEach(r -> r.metrics().forEach((k, v) -> names.add(k)));
        Set<String> out = new LinkedHashSet<>();
        HEADLINE.stream().filter(names::contains).forEach(out::add);
        out.addAll(names);
        return new ArrayList<>(out);
    }

    /** The differences between two runs: parameters, data, then metrics; the differing ones first in each part. */
    public List<Difference> compare(RunRecord a, RunRecord b) {
        List<Difference> out = new ArrayList<>();
        Set<String> params = new TreeSet<>(a.parameters().keySet());
        params.addAll(b.parameters().keySet());
        List<Difference> p = new ArrayList<>();
        for (String n : params) {
            p.add(difference("parameter", n, a.parameters().get(n), b.parameters().get(n)));
        }
        p.sort(Comparator.comparing((Difference d) -> !d.differs()));
        out.addAll(p);
        for (String n : List.of("rows", "columns", "fingerprint")) {
            out.add(difference("data", n, text(a.data().get(n)), text(b.data().get(n))));
        }
        out.add(difference("model", "algorithm", a.model() == null ? "" : text(a.model().get("algorithm")),
                b.model() == null ? "" : text(b.model().get("algorithm"))));
        out.add(difference("model", "settings", a.model() == null ? "" : text(a.model().get("settings")),
                b.model() == null ? "" : text(b.model().get("settings"))));
        Set<String> metrics = new LinkedHashSet<>(metricColumns());
        metrics.addAll(a.metrics().keySet());
        metrics.addAll(b.metrics().keySet());
        for (String n : metrics) {
            Double x = a.metrics().get(n);
            Double y = b.metrics().get(n);
            if (x != null || y != null) {
                out.add(new Difference("metric", n, number(x), number(y), !Objects.equals(x, y),
                        x == null || y == null ? Double.NaN : y - x));
            }
        }
        out.add(new Difference("metric", "seconds", number(a.seconds()), number(b.seconds()),
                a.seconds() != b.seconds(), b.seconds() - a.seconds()));
        return out;
    }

    private static Difference difference(String kind, String name, String a, String b) {
        String x = a == null ? "" : a;
        String y = b == null ? "" : b;
        double delta = Double.NaN;
        try {
            delta = Double.parseDouble(y) - Double.parseDouble(x);
        } catch (NumberFormatException e) {
            // not numbers: no difference to show
        }
        return new Difference(kind, name, x, y, !x.equals(y), delta);
    }

    private static String text(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    /** A metric as the run table shows it. */
    static String number(Double v) {
        return v == null || v.isNaN() ? "" : String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.2f" : "%.4f", v);
    }

    /** The shown runs as points of {@code metric} against {@code parameter}, numeric x in ascending order. */
    public List<Point> plot(String metric, String parameter) {
        List<Point> out = new ArrayList<>();
        for (RunRecord r : shown) {
            Double y = r.metrics().get(metric);
            String label = r.parameters().get(parameter);
            if (y == null || y.isNaN() || label == null) {
                continue;
            }
            double x;
            try {
                x = Double.parseDouble(label);
            } catch (NumberFormatException e) {
                x = Double.NaN;
            }
            out.add(new Point(r.runId(), label, x, y));
        }
        boolean numeric = out.stream().allMatch(p -> !Double.isNaN(p.x()));
        out.sort(numeric ? Comparator.comparingDouble(Point::x).thenComparing(Point::run)
                : Comparator.comparing(Point::label).thenComparing(Point::run));
        return out;
    }

    // ---- sweep ----

    /** True while a sweep runs. */
    public ReadOnlyBooleanProperty sweepingProperty() {
        return sweeping.getReadOnlyProperty();
    }

    /** The sweep's progress in [0, 1]. */
    public ReadOnlyDoubleProperty sweepProgressProperty() {
        return sweepProgress.getReadOnlyProperty();
    }

    /** What the sweep is doing, or how it ended. */
    public ReadOnlyStringProperty sweepMessageProperty() {
        return sweepMessage.getReadOnlyProperty();
    }

    /**
     * Replays {@code flow} (saved as {@code flowFile}) once per combination of {@code values} in the background and
     * records each model build; the table reloads when it ends.
     *
     * @throws IllegalArgumentException when a parameter is unknown or has no values (nothing is started)
     */
    public void startSweep(Flow flow, Path flowFile, Map<String, List<String>> values) {
        List<Map<String, String>> grid = SweepGrid.of(flow, values);
        if (sweeping.get()) {
            return;
        }
        sweeping.set(true);
        sweepCancel.set(false);
        sweepProgress.set(0);
        sweepMessage.set(Messages.get("runs.sweepStarting", grid.size()));
        Thread worker = new Thread(() -> {
            String end;
            try (FlowExecutor executor = FlowExecutor.createDefault()) {
                SweepRunner.Outcome o = SweepRunner.run(executor, flow, flowFile, paths.apply(flowFile), grid,
                        new SweepRunner.Listener() {
                    @Override
                    public void combinationStarted(int index, int total, Map<String, String> combination) {
                        ui.execute(() -> sweepMessage.set(Messages.get("runs.sweepRun", index + 1, total,
                                combination.toString())));
                    }

                    @Override
                    public void progress(double fraction, String message) {
                        ui.execute(() -> sweepProgress.set(fraction));
                    }
                }, sweepCancel::get);
                end = o.cancelled() ? Messages.get("runs.sweepCancelled", o.records().size())
                        : o.failedCombinations().isEmpty() ? Messages.get("runs.sweepDone", o.records().size())
                        : Messages.get("runs.sweepFailures", o.records().size(), o.failedCombinations().size(),
                        o.failedCombinations().entrySet().iterator().next().toString());
            } catch (IOException | RuntimeException e) {
                end = Messages.get("runs.sweepFailed", e.getMessage());
            }
            String message = end;
            ui.execute(() -> {
                sweeping.set(false);
                sweepProgress.set(1);
                sweepMessage.set(message);
                reload();
            });
        }, "sweep");
        worker.setDaemon(true);
        worker.start();
    }

    /** Where the rebuild of a run writes its model folder: {@code rebuilt/RUN_ID} beside the flow. */
    public static Path rebuiltFolder(Path flowFile, RunRecord record) {
        return flowFile.toAbsolutePath().getParent().resolve("rebuilt").resolve(record.runId());
    }

    /**
     * Rebuilds the run's model in the background (the flow as it ran, its settings pinned) into
     * {@link #rebuiltFolder}; progress and the outcome show like a sweep's, and the sweep's cancel stops it.
     */
    public void startRebuild(RunRecord record, Path flowFile) {
        if (sweeping.get()) {
            return;
        }
        sweeping.set(true);
        sweepCancel.set(false);
        sweepProgress.set(0);
        sweepMessage.set(Messages.get("runs.rebuilding", record.runId()));
        Path folder = rebuiltFolder(flowFile, record);
        Thread worker = new Thread(() -> {
            String end;
            try (FlowExecutor executor = FlowExecutor.createDefault()) {
                RunRebuild.Outcome o = RunRebuild.rebuild(executor, record, flowFile, paths.apply(flowFile), folder,
                        new io.tablewise.engine.ExecutionListener() {
                            @Override
                            public void nodeProgress(String nodeId, double fraction, String message) {
                                ui.execute(() -> {
                                    sweepProgress.set(fraction);
                                    sweepMessage.set(Messages.get("runs.rebuildingNode", record.runId(), nodeId,
                                            message));
                                });
                            }
                        }, sweepCancel::get);
                end = o.differences().isEmpty() ? Messages.get("runs.rebuilt", record.runId(), o.folder())
                        : Messages.get("runs.rebuiltDiffers", record.runId(), o.folder(),
                                String.join("; ", o.differences()));
            } catch (IOException | RuntimeException e) {
                end = Messages.get("runs.rebuildFailed", record.runId(), e.getMessage());
            }
            String message = end;
            ui.execute(() -> {
                sweeping.set(false);
                sweepProgress.set(1);
                sweepMessage.set(message);
            });
        }, "rebuild");
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops the sweep after the node that is running. */
    public void cancelSweep() {
        sweepCancel.set(true);
    }
}
