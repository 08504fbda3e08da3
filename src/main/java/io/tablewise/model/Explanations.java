package io.tablewise.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

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

    /** What the values mean, in one line for a report or a terminal. */
    public static String describe(ShapValues v) {
        String unit = v.outputs().size() == 1 ? v.unit(0) : v.space() == ShapValues.Space.CLASS_MARGIN
                ? "the softmax margin of the predicted class" : "the probability of the predicted class";
        return v.methodText() + " Values are in " + unit + "; shap_base plus the shap_ columns equals the model's "
                + "output" + (v.space() == ShapValues.Space.LOG_ODDS ? " (in log-odds; the probability is "
                + "1/(1+exp(-output)))" : "") + ".";
    }
}
