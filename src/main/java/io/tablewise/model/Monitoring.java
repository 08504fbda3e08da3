package io.tablewise.model;

import java.util.List;
import java.util.function.Consumer;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.ml.LearnedModel;
import io.tablewise.ml.ProblemType;
import io.tablewise.monitor.Baseline;
import io.tablewise.monitor.Constraints;
import io.tablewise.monitor.MonitorCheck;
import io.tablewise.monitor.MonitorReport;
import io.tablewise.node.NodeException;

/**
 * A model's drift monitoring: the baseline it keeps from its training rows (raw inputs as they came in, and its
 * predictions on a seeded sample of them), and the checks of a new batch scored through the same Predictor.
 */
public final class Monitoring {
    /** Training rows whose predictions make the prediction baseline (scoring every row of a large table is slow). */
    static final int PREDICTED_ROWS = 5000;

    private Monitoring() {
    }

    /** The baseline a build keeps: raw inputs on every training row, predictions on a seeded sample. */
    static Baseline atBuild(LearnedModel model, double threshold, Table source, List<String> rawInputs,
                            int[] rawTrainRows, Table train, int[] trainRows, long seed) {
        int[] sample = Explanations.sample(trainRows, PREDICTED_ROWS, seed + 5);
        return Baseline.of(source, rawInputs, rawTrainRows, predictions(model, threshold, train, sample));
    }

    /** The predicted class (or value) of {@code rows}. */
    private static Column<?> predictions(LearnedModel model, double threshold, Table t, int[] rows) {
        if (model.type() == ProblemType.REGRESSION) {
            return DoubleColumn.create("prediction", model.values(t, rows));
        }
        double[][] p = model.probabilities(t, rows);
        StringColumn out = StringColumn.create("prediction");
        for (double[] row : p) {
            int best = 0;
            if (model.type() == ProblemType.BINARY && !Double.isNaN(threshold)) {
                best = row[1] >= threshold ? 1 : 0;
            } else {
                for (int c = 1; c < row.length; c++) {
                    best = row[c] > row[best] ? c : best;
                }
            }
            out.append(model.classes().get(best));
        }
        return out;
    }

    /**
     * The baseline of a model saved before baselines were kept, from its training rows ({@code raw}, as they came
     * in); predictions of at most {@link #PREDICTED_ROWS} of them.
     */
    public static Baseline baseline(TrainedModel m, Table raw, Consumer<String> warn) throws NodeException {
        int[] all = new int[raw.rowCount()];
        java.util.Arrays.setAll(all, i -> i);
        Table sample = io.tablewise.transform.Columns.gather(raw, Explanations.sample(all, PREDICTED_ROWS, 5));
        Table scored = Predictor.predict(m, sample, warn);
        Column<?> prediction = scored.column(scored.rowCount() == sample.rowCount() ? sample.columnCount()
                : scored.columnCount() - (m.problemType() == ProblemType.REGRESSION ? 1 : 1 + m.classes().size()));
        List<String> inputs = m.inputs().stream().map(io.tablewise.node.ColumnSchema::name).toList();
        return Baseline.of(raw, inputs, all, prediction);
    }

    /**
     * The checks of {@code batch} against {@code baseline} and {@code constraints} (the baseline's suggestion when
     * null); the batch is scored for prediction drift, and when it cannot be (a column missing), the report says
     * why in its data-quality findings.
     */
    public static MonitorReport check(TrainedModel m, Baseline baseline, Constraints constraints, Table batch,
                                      String name, Consumer<String> warn) {
        Constraints rules = constraints != null ? constraints : Constraints.suggest(baseline);
        Column<?> prediction = null;
        if (batch.rowCount() > 0) {
            try {
                Table scored = Predictor.predict(m, batch, warn);
                if (scored.rowCount() == batch.rowCount()) {
                    prediction = scored.column(batch.columnCount());
                }
            } catch (NodeException e) {
                warn.accept("the batch could not be scored, so prediction drift is not measured: " + e.getMessage());
            }
        }
        return MonitorCheck.check(name, baseline, rules, batch, prediction);
    }

    /**
     * The model with the report's figures in its facts ({@code info.monitor}: violations, drifted (the count), the
     * drifted columns, and each column's PSI), what a pipeline condition reads as {@code NODE.monitor.violations}.
     */
    public static TrainedModel withReport(TrainedModel m, MonitorReport r) {
        java.util.Map<String, Object> monitor = new java.util.LinkedHashMap<>();
        monitor.put("violations", r.violations());
        monitor.put("drifted", r.drifted().size());
        monitor.put("driftedColumns", r.drifted());
        java.util.Map<String, Object> psi = new java.util.LinkedHashMap<>();
        r.drift().forEach(d -> psi.put(d.column(), d.drift().psi()));
        monitor.put("psi", psi);
        java.util.Map<String, Object> info = new java.util.LinkedHashMap<>(m.info());
        info.put("monitor", monitor);
        return new TrainedModel(m.chain(), m.model(), m.target(), m.problemType(), m.inputs(), m.threshold(),
                m.objective(), m.settings(), m.evaluation(), m.importances(), m.permutation(), info,
                m.explanation(), m.baseline());
    }

    /** The findings as a table. */
    public static Table asTable(MonitorReport r) {
        StringColumn severity = StringColumn.create("severity");
        StringColumn kind = StringColumn.create("kind");
        StringColumn column = StringColumn.create("column");
        StringColumn what = StringColumn.create("finding");
        StringColumn advice = StringColumn.create("what to do");
        DoubleColumn score = DoubleColumn.create("score");
        for (io.tablewise.monitor.Finding f : r.findings()) {
            severity.append(f.severity().name().toLowerCase(java.util.Locale.ROOT));
            kind.append(f.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            column.append(f.column());
            what.append(f.explanation());
            advice.append(f.advice());
            score.append(f.score());
        }
        return Table.create("monitor findings", severity, kind, column, what, advice, score);
    }
}
