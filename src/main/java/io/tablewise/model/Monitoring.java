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
        MonitorReport report = MonitorCheck.check(name, baseline, rules, batch, prediction);
        return prediction == null ? report : withAttribution(m, report, batch);
    }

    /**
     * The checks of one batch of the endpoint's capture, with its quality measured where the capture's feedback
     * (outcomes sent to {@code /feedback}, may be empty) names some of its rows; why it could not be measured goes to
     * {@code warn}.
     */
    public static MonitorReport checkCaptured(TrainedModel m, Baseline baseline, Constraints constraints,
                                              io.tablewise.monitor.CaptureBatches.Batch batch, Table feedback,
                                              Consumer<String> warn) {
        MonitorReport r = check(m, baseline, constraints, batch.rows(), batch.name(), warn);
        if (feedback == null || feedback.rowCount() == 0 || batch.rows().rowCount() == 0) {
            return r;
        }
        String key = io.tablewise.monitor.CaptureBatches.KEY;
        try {
            return withQuality(m, r, batch.withKeys(key), feedback, "feedback", key, "outcome");
        } catch (NodeException e) {
            warn.accept("its quality is not measured: " + e.getMessage());
            return r;
        }
    }

    /** Rows of a batch explained for attribution drift. */
    static final int ATTRIBUTION_ROWS = 1000;

    /**
     * Attribution drift from exact SHAP values where the model has them: mean |SHAP| per column on a seeded sample
     * of the batch against the model's explanation of its test rows (left out, with a note, for a model saved before
     * explanations were kept, and for sampling estimates, which would take too long on a batch).
     */
    static MonitorReport withAttribution(TrainedModel m, MonitorReport report, Table batch) {
        if (m.explanation() == null || Explanations.explainer(m).method()
                == io.tablewise.explain.ShapValues.Method.SAMPLING) {
            return report;
        }
        int[] all = java.util.stream.IntStream.range(0, batch.rowCount()).toArray();
        Table sample = io.tablewise.transform.Columns.gather(batch, Explanations.sample(all, ATTRIBUTION_ROWS, 11));
        io.tablewise.explain.ShapValues v;
        try {
            v = Explanations.explain(m, sample, w -> { });
        } catch (NodeException e) {
            return report;
        }
        java.util.Map<String, Double> before = new java.util.LinkedHashMap<>();
        m.explanation().summary().columns().forEach(c -> before.put(c.column(), c.meanAbs()));
        java.util.Map<String, Double> after = new java.util.LinkedHashMap<>();
        for (int c = 0; c < v.columns().size(); c++) {
            double sum = 0;
            for (double[][] row : v.values()) {
                for (double[] output : row) {
                    sum += Math.abs(output[c]);
                }
            }
            after.put(v.columns().get(c), sum / Math.max(1, v.rows()));
        }
        return report.with(io.tablewise.monitor.AttributionDrift.finding(before, after));
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
        return m.withInfo(info);
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

    /** Bootstrap resamples of the batch metric's interval. */
    static final int QUALITY_RESAMPLES = 300;

    /**
     * The model's quality on a batch whose outcomes arrive later: {@code labels} joined to the batch by {@code key},
     * the outcome in {@code outcome} (null: the model's target, or the labels' only other column). The headline
     * metric (AUC, balanced accuracy or RMSE) is measured with a 95% bootstrap interval and compared with the test
     * value of training time: a violation when the drop is at least three standard errors of the difference (the
     * batch's and the test rows') and of a size that matters (0.02, or 5% of the RMSE).
     *
     * @throws NodeException naming the file and the column when the labels do not join
     */
    public static MonitorReport withQuality(TrainedModel m, MonitorReport report, Table batch, Table labels,
                                            String labelsName, String key, String outcome) throws NodeException {
        if (!labels.containsColumn(key) || !batch.containsColumn(key)) {
            throw new NodeException("key", "the key column '" + key + "' is missing from "
                    + (labels.containsColumn(key) ? "the batch " + report.batch() : labelsName));
        }
        String y = outcome != null ? outcome : labels.containsColumn(m.target()) ? m.target()
                : labels.columnNames().stream().filter(c -> !c.equals(key)).findFirst().orElse(null);
        if (y == null || !labels.containsColumn(y)) {
            throw new NodeException("outcome", labelsName + " has no outcome column " + (y == null ? "" : "'" + y
                    + "'") + "; name it with --outcome");
        }
        java.util.Map<String, String> truth = new java.util.HashMap<>();
        Column<?> k = labels.column(key);
        Column<?> o = labels.column(y);
        for (int i = 0; i < labels.rowCount(); i++) {
            if (!k.isMissing(i) && !o.isMissing(i)) {
                truth.put(k.getString(i), o.getString(i));
            }
        }
        Table scored = Predictor.predict(m, batch, w -> { });
        Column<?> bk = batch.column(key);
        List<Integer> rows = new java.util.ArrayList<>();
        for (int i = 0; i < batch.rowCount() && scored.rowCount() == batch.rowCount(); i++) {
            if (!bk.isMissing(i) && truth.containsKey(bk.getString(i))) {
                rows.add(i);
            }
        }
        if (rows.isEmpty()) {
            throw new NodeException("key", "no '" + key + "' of " + labelsName + " matches a row of " + report.batch()
                    + " (e.g. " + (truth.isEmpty() ? "none" : truth.keySet().iterator().next()) + " against "
                    + (batch.rowCount() == 0 ? "no rows" : bk.getString(0)) + ")");
        }
        String metric = m.problemType() == ProblemType.REGRESSION ? "rmse"
                : m.problemType() == ProblemType.BINARY ? "auc" : "balanced_accuracy";
        int n = rows.size();
        java.util.function.Function<int[], Double> measure;
        if (m.problemType() == ProblemType.REGRESSION) {
            double[] actual = new double[n];
            double[] predicted = new double[n];
            DoubleColumn p = scored.doubleColumn(batch.columnCount());
            for (int i = 0; i < n; i++) {
                actual[i] = Double.parseDouble(truth.get(bk.getString(rows.get(i))));
                predicted[i] = p.get(rows.get(i));
            }
            measure = idx -> {
                double[] a = new double[idx.length];
                double[] b = new double[idx.length];
                for (int j = 0; j < idx.length; j++) {
                    a[j] = actual[idx[j]];
                    b[j] = predicted[idx[j]];
                }
                return io.tablewise.ml.Metrics.regression(a, b).get(metric);
            };
        } else {
            List<String> classes = m.classes();
            int[] actual = new int[n];
            double[][] probabilities = new double[n][classes.size()];
            for (int i = 0; i < n; i++) {
                actual[i] = classes.indexOf(truth.get(bk.getString(rows.get(i))));
                for (int c = 0; c < classes.size(); c++) {
                    probabilities[i][c] = scored.doubleColumn(batch.columnCount() + 1 + c).get(rows.get(i));
                }
            }
            int known = (int) java.util.Arrays.stream(actual).filter(a -> a >= 0).count();
            if (known < n) {
                throw new NodeException("outcome", (n - known) + " outcomes in " + labelsName + "'s '" + y
                        + "' are not classes of the model (" + String.join(", ", classes) + ")");
            }
            measure = idx -> {
                int[] a = new int[idx.length];
                double[][] p = new double[idx.length][];
                for (int j = 0; j < idx.length; j++) {
                    a[j] = actual[idx[j]];
                    p[j] = probabilities[idx[j]];
                }
                return io.tablewise.ml.Metrics.classification(classes, a, p, classes.size() == 2 ? 1 : 0).values()
                        .get(metric);
            };
        }
        int[] all = java.util.stream.IntStream.range(0, n).toArray();
        double value = measure.apply(all);
        java.util.SplittableRandom random = new java.util.SplittableRandom(QUALITY_RESAMPLES);
        double[] resampled = new double[QUALITY_RESAMPLES];
        for (int b = 0; b < QUALITY_RESAMPLES; b++) {
            int[] idx = new int[n];
            for (int j = 0; j < n; j++) {
                idx[j] = random.nextInt(n);
            }
            resampled[b] = measure.apply(idx);
        }
        double[] finite = java.util.Arrays.stream(resampled).filter(Double::isFinite).sorted().toArray();
        double low = finite.length == 0 ? Double.NaN : finite[(int) Math.floor(0.025 * (finite.length - 1))];
        double high = finite.length == 0 ? Double.NaN : finite[(int) Math.ceil(0.975 * (finite.length - 1))];
        double trained = m.evaluation().metrics().getOrDefault(metric, Double.NaN);
        boolean lowerIsBetter = metric.equals("rmse");
        // both figures are estimates: the batch's spread from its interval, the test rows' scaled by their count;
        // a violation needs a drop three standard errors wide (one-sided p < 0.001) and of a size that matters
        double seBatch = (high - low) / 3.92;
        Object testRows = m.info().get("testRows");
        double nTest = testRows instanceof Number t ? t.doubleValue() : n;
        double seDiff = Math.sqrt(seBatch * seBatch * (1 + n / Math.max(1, nTest)));
        double drop = lowerIsBetter ? value - trained : trained - value;
        double margin = lowerIsBetter ? 0.05 * Math.abs(trained) : 0.02;
        boolean worse = seDiff > 0 && drop / seDiff >= 3.09 && drop >= margin;
        String text = String.format(java.util.Locale.ROOT, "%s on %,d labelled rows is %.4f [%.4f, %.4f], against "
                + "%.4f on the test rows at training time (a %s of %.4f, %.1f standard errors)",
                metric.replace('_', ' '), n, value, low, high, trained, drop >= 0 ? "drop" : "gain", Math.abs(drop),
                seDiff > 0 ? Math.abs(drop) / seDiff : 0);
        return report.with(new io.tablewise.monitor.Finding(io.tablewise.monitor.Finding.Kind.MODEL_QUALITY,
                metric, worse ? io.tablewise.monitor.Finding.Severity.VIOLATION
                : io.tablewise.monitor.Finding.Severity.INFO, text, worse ? "the model does worse than it did: "
                + "retrain on recent rows with their outcomes" : "the model does as well as it did", value));
    }
}
