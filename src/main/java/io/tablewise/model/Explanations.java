package io.tablewise.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.explain.ModelExplanation;
import io.tablewise.explain.ModelShap;
import io.tablewise.explain.ShapValues;
import io.tablewise.node.NodeException;
import io.tablewise.transform.Columns;

/**
 * SHAP values of a trained model on raw rows: the rows go through the same conversion and fitted transforms as a
 * prediction, then {@link ModelShap} explains the model on them. The explainer of a model is kept while the model is
 * in use, so a form that asks again and again (the what-if) does not re-read the trees.
 */
public final class Explanations {
    /** Seed of the sampling estimate: the same rows always get the same estimate. */
    public static final long SEED = 20261204L;
    private static final Map<io.tablewise.ml.LearnedModel, ModelShap> EXPLAINERS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private Explanations() {
    }

    /** The explainer of {@code m}'s model. */
    public static ModelShap explainer(TrainedModel m) {
        return EXPLAINERS.computeIfAbsent(m.model(), ModelShap::new);
    }

    /** The SHAP values of every row of {@code raw}, as the prediction table orders them. */
    public static ShapValues explain(TrainedModel m, Table raw, Consumer<String> warn) throws NodeException {
        Table ready = Predictor.modelInput(m, raw, warn);
        int[] rows = new int[ready.rowCount()];
        java.util.Arrays.setAll(rows, i -> i);
        double[][] x = m.model().features(ready, rows);
        try {
            return explainer(m).explain(x, null, SEED);
        } catch (IllegalArgumentException e) {
            throw new NodeException(e.getMessage());
        }
    }

    /**
     * The prediction table with the explanation added: {@code shap_base}, then {@code shap_<column>} per input column
     * (for more than two classes, the predicted class's values, named in {@code shap_class}).
     */
    public static Table withShapColumns(TrainedModel m, Table scored, ShapValues v) {
        List<String> taken = new ArrayList<>(scored.columnNames());
        List<Column<?>> all = new ArrayList<>(scored.columns());
        int[] output = new int[v.rows()];
        if (v.outputs().size() > 1) {
            StringColumn named = StringColumn.create(Columns.freeName(taken, "shap_class"));
            for (int i = 0; i < output.length; i++) {
                output[i] = predicted(v, i);
                named.append(v.outputs().get(output[i]));
            }
            taken.add(named.name());
            all.add(named);
        }
        DoubleColumn base = DoubleColumn.create(Columns.freeName(taken, "shap_base"));
        taken.add(base.name());
        for (int i = 0; i < output.length; i++) {
            base.append(v.base()[output[i]]);
        }
        all.add(base);
        for (int c = 0; c < v.columns().size(); c++) {
            DoubleColumn col = DoubleColumn.create(Columns.freeName(taken, "shap_" + v.columns().get(c)));
            taken.add(col.name());
            for (int i = 0; i < output.length; i++) {
                col.append(v.values()[i][output[i]][c]);
            }
            all.add(col);
        }
        return Columns.table(scored.name(), all);
    }

    /** The output of row {@code i} with the highest probability: the predicted class of more than two classes. */
    public static int predicted(ShapValues v, int i) {
        int best = 0;
        for (int o = 1; o < v.outputs().size(); o++) {
            if (v.answer(v.totals()[i], o) > v.answer(v.totals()[i], best)) {
                best = o;
            }
        }
        return best;
    }

    /** Test rows explained for a model's summary (exact methods), and for a sampling estimate, which is slower. */
    static final int SUMMARY_ROWS = 1000;
    static final int SUMMARY_ROWS_SAMPLED = 20;
    /** Test rows and columns of the partial dependence curves. */
    static final int DEPENDENCE_ROWS = 200;
    static final int DEPENDENCE_COLUMNS = 4;

    /**
     * The summary a model keeps: SHAP values of a seeded sample of its test rows ({@code test} as the model reads it,
     * after its transforms), and partial dependence curves of its top columns.
     */
    public static ModelExplanation summarise(io.tablewise.ml.LearnedModel model, Table test, int[] testRows,
                                             long seed) {
        ModelShap shap = EXPLAINERS.computeIfAbsent(model, ModelShap::new);
        int[] rows = sample(testRows, shap.method() == ShapValues.Method.SAMPLING ? SUMMARY_ROWS_SAMPLED
                : SUMMARY_ROWS, seed);
        double[][] x = model.features(test, rows);
        double[][] background = shap.method() == ShapValues.Method.SAMPLING
                ? model.features(test, sample(testRows, ModelShap.SAMPLING_BACKGROUND / 2, seed + 1)) : null;
        ShapValues v = shap.explain(x, background, seed);
        int columns = v.columns().size();
        double[][] numbers = new double[columns][];
        for (int c = 0; c < columns; c++) {
            Column<?> col = test.column(v.columns().get(c));
            boolean numeric = col instanceof tech.tablesaw.api.NumericColumn<?>;
            numbers[c] = numeric ? new double[rows.length] : null;
            for (int i = 0; i < rows.length; i++) {
                if (numeric) {
                    numbers[c][i] = col.isMissing(rows[i]) ? Double.NaN
                            : ((tech.tablesaw.api.NumericColumn<?>) col).getDouble(rows[i]);
                }
            }
        }
        io.tablewise.explain.ShapSummary summary = io.tablewise.explain.ShapSummary.of(v, numbers);
        Table sampled = Columns.gather(test, sample(testRows, DEPENDENCE_ROWS, seed + 2));
        List<io.tablewise.explain.PartialDependence> curves = new ArrayList<>();
        String unit = model.type() == io.tablewise.ml.ProblemType.REGRESSION ? "predicted value"
                : String.format(java.util.Locale.ROOT, "probability of '%s'", answerClass(model));
        for (io.tablewise.explain.ShapSummary.ColumnImpact c : summary.columns()) {
            Column<?> col = test.column(c.column());
            boolean usable = col instanceof tech.tablesaw.api.NumericColumn<?>
                    || col instanceof tech.tablesaw.api.StringColumn;
            if (curves.size() == DEPENDENCE_COLUMNS || !usable) {
                continue;
            }
            curves.add(io.tablewise.explain.PartialDependence.of(sampled, c.column(), t -> answers(model, t),
                    unit));
        }
        return new ModelExplanation(summary, curves, rows.length);
    }

    /** The class whose probability the curves show: the positive class, or the most frequent of several. */
    private static String answerClass(io.tablewise.ml.LearnedModel model) {
        return model.type() == io.tablewise.ml.ProblemType.BINARY ? model.classes().get(1) : model.classes().get(0);
    }

    private static double[] answers(io.tablewise.ml.LearnedModel model, Table t) {
        int[] rows = new int[t.rowCount()];
        java.util.Arrays.setAll(rows, i -> i);
        if (model.type() == io.tablewise.ml.ProblemType.REGRESSION) {
            return model.values(t, rows);
        }
        int c = model.classes().indexOf(answerClass(model));
        double[][] p = model.probabilities(t, rows);
        double[] out = new double[rows.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = p[i][c];
        }
        return out;
    }

    /** A seeded sample of at most {@code n} of {@code rows}, in their order. */
    static int[] sample(int[] rows, int n, long seed) {
        if (rows.length <= n) {
            return rows.clone();
        }
        int[] copy = rows.clone();
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(copy.length - i);
            int t = copy[i];
            copy[i] = copy[j];
            copy[j] = t;
        }
        int[] out = java.util.Arrays.copyOf(copy, n);
        java.util.Arrays.sort(out);
        return out;
    }

    /** What the values mean, in one line for a report or a terminal. */
    public static String describe(ShapValues v) {
        String unit = v.outputs().size() == 1 ? v.unit(0) : v.space() == ShapValues.Space.CLASS_MARGIN
                ? "the softmax margin of the predicted class" : "the probability of the predicted class";
        return v.methodText() + " Values are in " + unit + "; shap_base plus the shap_ columns equals the model's "
                + "output" + (v.space() == ShapValues.Space.LOG_ODDS ? " (in log-odds; the probability is "
                + "1/(1+exp(-output)))" : "") + ".";
    }
}
