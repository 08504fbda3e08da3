package io.tablewise.ui.predict;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.tablewise.model.BatchPrediction;
import io.tablewise.model.InputProfile;
import io.tablewise.model.TrainedModel;
import io.tablewise.model.WhatIf;
import io.tablewise.node.CancelledException;
import io.tablewise.node.NodeException;
import io.tablewise.node.ProgressMonitor;

/**
 * The Predict view's state: one text value per model input (starting at the typical training value), the engine's
 * what-if result for them (scored on a background thread each time a value changes; a newer edit wins), and a
 * batch prediction of a file with progress and cancellation.
 */
public final class PredictViewModel {
    /** One thread scores for every Predict view: typing never waits for the model, and results arrive in order. */
    private static final ExecutorService SCORER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "what-if");
        t.setDaemon(true);
        return t;
    });

    private final TrainedModel model;
    private final Executor ui;
    private final List<InputProfile.Input> inputs;
    private final java.util.Set<String> unused;
    private final Map<String, StringProperty> values = new LinkedHashMap<>();
    private final ReadOnlyObjectWrapper<WhatIf.Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper scoring = new ReadOnlyBooleanWrapper();
    private final AtomicLong edits = new AtomicLong();

    private final ReadOnlyBooleanWrapper batchRunning = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper batchProgress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper batchMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<BatchPrediction.Summary> batchSummary = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> batchWarnings = FXCollections.observableArrayList();
    private final AtomicBoolean batchCancel = new AtomicBoolean();

    /** The view model of {@code model}; engine results are handed over through {@code ui} (the JavaFX thread). */
    public PredictViewModel(TrainedModel model, Executor ui) {
        this.model = model;
        this.ui = ui;
        this.inputs = InputProfile.of(model);
        this.unused = InputProfile.unused(model);
        for (InputProfile.Input input : inputs) {
            StringProperty p = new SimpleStringProperty(input.typical() == null ? "" : input.typical());
            p.addListener((o, a, b) -> rescore());
            values.put(input.name(), p);
        }
        rescore();
    }

    /** The model. */
    public TrainedModel model() {
        return model;
    }

    /** The model's raw inputs with what the model saw of them. */
    public List<InputProfile.Input> inputs() {
        return inputs;
    }

    /** The inputs the model's saved transforms leave out: changing them cannot change the prediction. */
    public java.util.Set<String> unusedInputs() {
        return unused;
    }

    /** The value typed for an input (blank: missing). */
    public StringProperty value(String input) {
        StringProperty p = values.get(input);
        if (p == null) {
            throw new IllegalArgumentException("the model has no input '" + input + "'");
        }
        return p;
    }

    /** The engine's answer for the current values (null before the first one arrives). */
    public ReadOnlyObjectProperty<WhatIf.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Why the row could not be scored at all (the engine failed), else empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True while a newer edit has not been scored yet. */
    public ReadOnlyBooleanProperty scoringProperty() {
        return scoring.getReadOnlyProperty();
    }

    /** Sets every input back to its typical training value. */
    public void resetToTypical() {
        for (InputProfile.Input input : inputs) {
            values.get(input.name()).set(input.typical() == null ? "" : input.typical());
        }
    }

    private void rescore() {
        long edit = edits.incrementAndGet();
        Map<String, String> snapshot = new LinkedHashMap<>();
        values.forEach((k, v) -> snapshot.put(k, v.get()));
        scoring.set(true);
        SCORER.execute(() -> {
            if (edit != edits.get()) {
                return; // a newer edit is queued behind this one
            }
            WhatIf.Result r = null;
            String failure = "";
            try {
                r = WhatIf.score(model, snapshot);
            } catch (NodeException | RuntimeException e) {
                failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            WhatIf.Result answer = r;
            String message = failure;
            ui.execute(() -> {
                if (edit == edits.get()) {
                    result.set(answer);
                    error.set(message);
                    scoring.set(false);
                }
            });
        });
    }

    // ---- batch prediction ----

    /** True while a file is being scored. */
    public ReadOnlyBooleanProperty batchRunningProperty() {
        return batchRunning.getReadOnlyProperty();
    }

    /** Progress of the batch in [0, 1]. */
    public ReadOnlyDoubleProperty batchProgressProperty() {
        return batchProgress.getReadOnlyProperty();
    }

    /** What the batch is doing, or how it ended. */
    public ReadOnlyStringProperty batchMessageProperty() {
        return batchMessage.getReadOnlyProperty();
    }

    /** The last finished batch (null until one finishes). */
    public ReadOnlyObjectProperty<BatchPrediction.Summary> batchSummaryProperty() {
        return batchSummary.getReadOnlyProperty();
    }

    /** Warnings of the last batch (missing columns converted, unseen categories, ...). */
    public ObservableList<String> batchWarnings() {
        return batchWarnings;
    }

    /** Where the predictions of {@code input} go unless the analyst says otherwise: beside it, named after it. */
    public static Path defaultOutput(Path input) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return input.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + "-predictions.csv");
    }

    /** Scores {@code input} into {@code output} on a background thread. */
    public void startBatch(Path input, Path output) {
        if (batchRunning.get()) {
            return;
        }
        batchRunning.set(true);
        batchCancel.set(false);
        batchProgress.set(0);
        batchWarnings.clear();
        batchMessage.set(String.format(Locale.ROOT, "%s …", input.getFileName()));
        List<String> warnings = new ArrayList<>();
        Thread worker = new Thread(() -> {
            String message;
            BatchPrediction.Summary summary = null;
            try {
                summary = BatchPrediction.run(model, input, output, new ProgressMonitor() {
                    @Override
                    public void progress(double fraction, String what) {
                        ui.execute(() -> {
                            batchProgress.set(fraction);
                            batchMessage.set(what);
                        });
                    }

                    @Override
                    public boolean isCancelled() {
                        return batchCancel.get();
                    }
                }, warnings::add);
                message = io.tablewise.ui.Messages.get("predict.batchDone", String.format(Locale.ROOT, "%,d",
                        summary.rows()), output, String.format(Locale.ROOT, "%.1f", summary.seconds()));
            } catch (CancelledException e) {
                message = io.tablewise.ui.Messages.get("predict.batchCancelled");
            } catch (NodeException | java.io.IOException | RuntimeException e) {
                message = io.tablewise.ui.Messages.get("predict.batchFailed", input.getFileName(),
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            String text = message;
            BatchPrediction.Summary done = summary;
            ui.execute(() -> {
                batchWarnings.setAll(warnings);
                batchMessage.set(text);
                if (done != null) {
                    batchProgress.set(1);
                    batchSummary.set(done);
                }
                batchRunning.set(false);
            });
        }, "batch-prediction");
        worker.setDaemon(true);
        worker.start();
    }

    /** Asks the running batch to stop; it ends without writing its file. */
    public void cancelBatch() {
        batchCancel.set(true);
    }

    /** Convenience for tests and the view: the current values by input. */
    public Map<String, String> currentValues() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
