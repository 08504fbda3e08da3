package io.tablewise.ui.monitor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import tech.tablesaw.api.Table;

import io.tablewise.data.DataFiles;
import io.tablewise.data.ImportResult;
import io.tablewise.model.Monitoring;
import io.tablewise.model.TrainedModel;
import io.tablewise.monitor.Baseline;
import io.tablewise.monitor.CaptureBatches;
import io.tablewise.monitor.MonitorJson;
import io.tablewise.monitor.MonitorReport;
import io.tablewise.monitor.MonitorReportHtml;
import io.tablewise.node.CancelledException;
import io.tablewise.node.NodeException;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.ui.Messages;

/**
 * The Monitor view's state: a model's training baseline, the batches checked against it (files in the order chosen,
 * or the endpoint's capture folder, one batch an hour) read and checked on a background thread that can be
 * cancelled between and within files, the batch and column the analyst looks at, and the report saved as HTML or
 * JSON. Failures become the message, never an exception.
 */
public final class MonitorViewModel {
    private final TrainedModel model;
    private final String modelName;
    private final Executor ui;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "monitor");
        t.setDaemon(true);
        return t;
    });
    private final ObservableList<MonitorReport> reports = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final IntegerProperty batch = new SimpleIntegerProperty(-1);
    private final StringProperty column = new SimpleStringProperty();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper hasBaseline = new ReadOnlyBooleanWrapper();
    private final AtomicBoolean cancel = new AtomicBoolean();
    private volatile Baseline baseline;

    /**
     * A view model for {@code model} (its name in saved reports), reporting through {@code ui}.
     */
    public MonitorViewModel(TrainedModel model, String modelName, Executor ui) {
        this.model = model;
        this.modelName = modelName;
        this.ui = ui;
        this.baseline = model.baseline();
        hasBaseline.set(baseline != null);
        message.set(Messages.get(baseline != null ? "monitor.ready" : "monitor.noBaseline"));
    }

    /** The reports of the batches checked, in order (the latest last). */
    public ObservableList<MonitorReport> reports() {
        return reports;
    }

    /** What reading and checking said by the way (a torn capture line, a column that could not be scored). */
    public ObservableList<String> warnings() {
        return warnings;
    }

    /** The batch looked at (an index into {@link #reports()}), -1 before any. */
    public IntegerProperty batchProperty() {
        return batch;
    }

    /** The column whose distributions are overlaid. */
    public StringProperty columnProperty() {
        return column;
    }

    /** True while batches are read and checked. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The share of the batches done. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the last action did, or why it could not. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the model has a baseline to check against (models saved before baselines need one made). */
    public ReadOnlyBooleanProperty hasBaselineProperty() {
        return hasBaseline.getReadOnlyProperty();
    }

    /** The report of the batch looked at, or null. */
    public MonitorReport shown() {
        int b = batch.get();
        return b >= 0 && b < reports.size() ? reports.get(b) : null;
    }

    /** The columns of the heat map: the baseline's, the prediction last. */
    public List<String> columns() {
        List<String> out = new ArrayList<>();
        Baseline b = baseline;
        if (b != null) {
            b.columns().forEach(c -> out.add(c.column()));
            if (b.prediction() != null) {
                out.add("prediction");
            }
        }
        return out;
    }

    /** A column's drift in a batch, or null where the batch lacks it. */
    public MonitorReport.ColumnDrift drift(int batchIndex, String columnName) {
        if (batchIndex < 0 || batchIndex >= reports.size()) {
            return null;
        }
        return reports.get(batchIndex).drift().stream().filter(d -> d.column().equals(columnName)).findFirst()
                .orElse(null);
    }

    /** Makes the baseline of a model saved before models kept one, from its training rows in {@code file}. */
    public void makeBaseline(Path file) {
        start(Messages.get("monitor.readingTraining", file.getFileName()), false, () -> {
            ImportResult imported = DataFiles.read(file, monitor(0, 1));
            Baseline made = Monitoring.baseline(model, imported.table(), w -> { });
            baseline = made;
            ui.execute(() -> hasBaseline.set(true));
            return Messages.get("monitor.baselineMade", file.getFileName(), String.format(Locale.ROOT, "%,d",
                    made.rows()));
        });
    }

    /** Checks data files, one batch each, in the order given. */
    public void checkFiles(List<Path> files) {
        List<Path> batches = List.copyOf(files);
        start(Messages.get("monitor.checking", batches.size()), () -> {
            List<MonitorReport> done = new ArrayList<>();
            List<String> unread = new ArrayList<>();
            for (int i = 0; i < batches.size(); i++) {
                Path file = batches.get(i);
                String name = file.getFileName().toString();
                Table rows;
                try {
                    ImportResult imported = DataFiles.read(file, monitor(i, batches.size()));
                    imported.warnings().forEach(w -> warn(name + ": " + w));
                    rows = imported.table();
                } catch (NodeException e) {
                    unread.add(Messages.get("monitor.unreadable", name, e.getMessage()));
                    continue;
                }
                done.add(Monitoring.check(model, baseline, null, rows, name, w -> warn(name + ": " + w)));
                publish(done, (i + 1.0) / batches.size());
            }
            unread.forEach(this::warn);
            return summary(done, unread.size());
        });
    }

    /** Checks the endpoint's capture folder, one batch an hour, with the callers' feedback as outcomes. */
    public void checkCapture(Path folder) {
        start(Messages.get("monitor.readingCapture", folder.getFileName()), () -> {
            List<CaptureBatches.Batch> batches;
            Table feedback;
            try {
                batches = CaptureBatches.read(folder, null);
                feedback = CaptureBatches.feedback(folder);
            } catch (IOException e) {
                throw new NodeException(null, e.getMessage());
            }
            List<MonitorReport> done = new ArrayList<>();
            for (int i = 0; i < batches.size(); i++) {
                if (cancel.get()) {
                    throw new CancelledException();
                }
                CaptureBatches.Batch b = batches.get(i);
                if (b.skipped() > 0) {
                    warn(Messages.get("monitor.tornLines", b.name(), b.skipped()));
                }
                done.add(Monitoring.checkCaptured(model, baseline, null, b, feedback, w -> warn(b.name() + ": " + w)));
                publish(done, (i + 1.0) / batches.size());
            }
            return summary(done, 0);
        });
    }

    /** Checks a table already in memory (the rows that reached a Monitor node in the flow). */
    public void checkTable(String name, Table rows) {
        start(Messages.get("monitor.checking", 1), () -> {
            List<MonitorReport> done = List.of(Monitoring.check(model, baseline, null, rows, name,
                    w -> warn(name + ": " + w)));
            publish(done, 1);
            return summary(done, 0);
        });
    }

    /** Asks the running check to stop; the batches already checked stay. */
    public void cancel() {
        cancel.set(true);
    }

    /** Saves the checked batches' report as an HTML page (with its heat map) or, for a .json name, as JSON. */
    public void save(Path file) {
        List<MonitorReport> all = List.copyOf(reports);
        if (all.isEmpty()) {
            return;
        }
        worker.execute(() -> {
            String text;
            try {
                if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
                    MonitorJson.writeReports(all, file);
                } else {
                    MonitorReportHtml.write(all, modelName, file);
                }
                text = Messages.get("monitor.saved", file);
            } catch (IOException | RuntimeException e) {
                text = Messages.get("monitor.saveFailed", file, e.getMessage());
            }
            String said = text;
            ui.execute(() -> message.set(said));
        });
    }

    /** Work that makes the message, or fails with one. */
    private interface Job {
        String run() throws NodeException;
    }

    private void start(String what, Job job) {
        start(what, true, job);
    }

    private void start(String what, boolean needsBaseline, Job job) {
        if (running.get()) {
            return;
        }
        if (needsBaseline && baseline == null) {
            message.set(Messages.get("monitor.noBaseline"));
            return;
        }
        running.set(true);
        cancel.set(false);
        progress.set(0);
        warnings.clear();
        message.set(what);
        worker.execute(() -> {
            String text;
            try {
                text = job.run();
            } catch (CancelledException e) {
                text = Messages.get("monitor.cancelled");
            } catch (NodeException | RuntimeException e) {
                text = Messages.get("monitor.failed", e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage());
            }
            String said = text;
            ui.execute(() -> {
                message.set(said);
                running.set(false);
            });
        });
    }

    /** Shows the batches checked so far, the latest selected, its most drifted column overlaid. */
    private void publish(List<MonitorReport> done, double fraction) {
        List<MonitorReport> copy = List.copyOf(done);
        ui.execute(() -> {
            reports.setAll(copy);
            progress.set(fraction);
            batch.set(copy.size() - 1);
            MonitorReport latest = copy.get(copy.size() - 1);
            if (column.get() == null || latest.drift().stream().noneMatch(d -> d.column().equals(column.get()))) {
                column.set(latest.drift().stream().max(java.util.Comparator.comparingDouble(d -> d.drift().psi()))
                        .map(MonitorReport.ColumnDrift::column).orElse(null));
            }
        });
        if (cancel.get()) {
            throw new CancelledException();
        }
    }

    private void warn(String text) {
        ui.execute(() -> warnings.add(text));
    }

    private String summary(List<MonitorReport> done, int unread) {
        long violations = done.stream().mapToLong(MonitorReport::violations).sum();
        String text = Messages.get("monitor.done", done.size(), violations);
        return unread == 0 ? text : text + " " + Messages.get("monitor.someUnread", unread);
    }

    /** Progress of reading batch {@code index} of {@code count}, cancelled by {@link #cancel()}. */
    private ProgressMonitor monitor(int index, int count) {
        return new ProgressMonitor() {
            @Override
            public void progress(double fraction, String what) {
                double overall = (index + Math.max(0, Math.min(1, fraction)) * 0.8) / count;
                ui.execute(() -> progress.set(overall));
            }

            @Override
            public boolean isCancelled() {
                return cancel.get();
            }
        };
    }
}
