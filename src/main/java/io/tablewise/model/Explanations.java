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
import io.tablewise.transform.TransformChain;

/**
 * SHAP values of a trained model on raw rows: the rows go through the same conversion and fitted transforms as a
 * prediction, then {@link ModelShap} explains the model on them. The explainer of a model is kept while the model is
 * in use, so a form that asks again and again (the what-if) does not re-read the trees.
 */
public final class Explanations {
    /** Seed of the sampling estimate: the same rows always get the same estimate. */
    public static final long SEED = 20261204L;
    /** Explainers of the models used last (a tree explainer's tables can take tens of megabytes: a few are kept). */
    private static final int KEPT = 4;
    private static final Map<io.tablewise.ml.LearnedModel, ModelShap> EXPLAINERS = java.util.Collections
            .synchronizedMap(new java.util.LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<io.tablewise.ml.LearnedModel, ModelShap> eldest) {
                    return size() > KEPT;
                }
            });

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
            ShapValues v = explainer(m).explain(x, null, SEED);
            return m.explanation() == null ? v : v.grouped(m.explanation().columnGroups());
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
    /** Elementary steps a build spends on its SHAP summary (about a second on two cores). */
    static final double SUMMARY_WORK = 3e8;
    /** Test rows and columns of the partial dependence curves. */
    static final int DEPENDENCE_ROWS = 200;
    static final int DEPENDENCE_COLUMNS = 4;

    /**
     * The summary a model keeps: SHAP values of a seeded sample of its test rows, reported by the input columns the
     * analyst knows (see {@link ColumnLineage}), and partial dependence curves of its top input columns, varied in the
     * raw rows and replayed through the fitted transforms.
     *
     * @param chain the model's fitted transforms
     * @param rawTest the test rows as they came in
     * @param test the same rows after the transforms (what the model reads)
     * @param testRows the rows of {@code test} with a target value
     */
    public static ModelExplanation summarise(io.tablewise.ml.LearnedModel model, TransformChain.Fitted chain,
                                             Table rawTest, Table test, int[] testRows, long seed) {
        ModelShap shap = EXPLAINERS.computeIfAbsent(model, ModelShap::new);
        boolean sameRows = rawTest.rowCount() == test.rowCount();
        Map<String, String> groups = sameRows ? ColumnLineage.measure(chain, Columns.gather(rawTest,
                sample(testRows, DEPENDENCE_ROWS, seed + 3)), rawTest.columnNames(), shap.columns()) : Map.of();
        // deep forests cost far more per row than shallow boosters: the sample is sized to about a second of work
        int affordable = (int) Math.max(50, Math.min(SUMMARY_ROWS, SUMMARY_WORK / Math.max(1, shap.costPerRow())));
        int[] rows = sample(testRows, shap.method() == ShapValues.Method.SAMPLING ? SUMMARY_ROWS_SAMPLED
                : affordable, seed);
        double[][] x = model.features(test, rows);
        double[][] background = shap.method() == ShapValues.Method.SAMPLING
                ? model.features(test, sample(testRows, ModelShap.SAMPLING_BACKGROUND / 2, seed + 1)) : null;
        ShapValues v = shap.explain(x, background, seed).grouped(groups);
        double[][] numbers = new double[v.columns().size()][];
        for (int c = 0; c < numbers.length; c++) {
            String name = v.columns().get(c);
            // a reported column's own values colour its dots: the raw column when the model reads a derived one
            Table from = sameRows && rawTest.containsColumn(name) ? rawTest : test.containsColumn(name) ? test : null;
            Column<?> col = from == null ? null : from.column(name);
            if (col instanceof tech.tablesaw.api.NumericColumn<?> number) {
                numbers[c] = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    numbers[c][i] = col.isMissing(rows[i]) ? Double.NaN : number.getDouble(rows[i]);
                }
            }
        }
        io.tablewise.explain.ShapSummary summary = io.tablewise.explain.ShapSummary.of(v, numbers);
        List<io.tablewise.explain.PartialDependence> curves = new ArrayList<>();
        String unit = model.type() == io.tablewise.ml.ProblemType.REGRESSION ? "predicted value"
                : String.format(java.util.Locale.ROOT, "probability of '%s'", answerClass(model));
        int[] sampled = sample(testRows, DEPENDENCE_ROWS, seed + 2);
        // raw columns when the rows line up (varied before the transforms), else the model's own columns
        Table varied = sameRows ? Columns.gather(rawTest, sampled) : Columns.gather(test, sampled);
        for (io.tablewise.explain.ShapSummary.ColumnImpact c : summary.columns()) {
            if (curves.size() == DEPENDENCE_COLUMNS) {
                break;
            }
            Column<?> col = varied.containsColumn(c.column()) ? varied.column(c.column()) : null;
            if (!(col instanceof tech.tablesaw.api.NumericColumn<?> || col instanceof tech.tablesaw.api.StringColumn)) {
                continue;
            }
            try {
                curves.add(io.tablewise.explain.PartialDependence.of(varied, c.column(),
                        t -> answers(model, sameRows ? replay(chain, t) : t), unit));
            } catch (IllegalStateException e) {
                // a value the transforms refuse in every row: no curve for this column
            }
        }
        return new ModelExplanation(summary, curves, rows.length, groups, List.of());
    }

    private static Table replay(TransformChain.Fitted chain, Table raw) {
        if (chain.steps().isEmpty()) {
            return raw;
        }
        try {
            return chain.apply(raw, io.tablewise.transform.TransformContext.NONE);
        } catch (NodeException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
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
        String error = v.method() == ShapValues.Method.SAMPLING ? String.format(java.util.Locale.ROOT,
                " The largest standard error of a value is %.3g.", v.largestError()) : "";
        return v.methodText() + error + " Values are in " + unit + "; shap_base plus the shap_ columns equals the model's "
                + "output" + (v.space() == ShapValues.Space.LOG_ODDS ? " (in log-odds; the probability is "
                + "1/(1+exp(-output)))" : "") + ".";
    }
}
