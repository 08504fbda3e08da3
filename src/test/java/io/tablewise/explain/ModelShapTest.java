package io.tablewise.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.tablewise.ml.DecisionTrees;
import io.tablewise.ml.LearnedModel;
import io.tablewise.ml.Learner;
import io.tablewise.ml.ProblemType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * SHAP values of every family on generated data with a known structure: they add up to the model's own output, equal
 * brute-force Shapley values by full enumeration of coalitions (path-dependent expectations over the trees' cover),
 * equal XGBoost's own {@code pred_contribs}, and the tabled and recursive TreeSHAP agree.
 */
class ModelShapTest {
    private static final int ROWS = 800;

    /** Five numbers and a three-level category; the target mixes a main effect, an interaction and the category. */
    static Table data(long seed) {
        Random r = new Random(seed);
        DoubleColumn[] x = new DoubleColumn[5];
        for (int j = 0; j < x.length; j++) {
            x[j] = DoubleColumn.create("x" + (j + 1));
        }
        StringColumn c = StringColumn.create("region");
        StringColumn yes = StringColumn.create("churn");
        DoubleColumn value = DoubleColumn.create("spend");
        StringColumn tier = StringColumn.create("tier");
        for (int i = 0; i < ROWS; i++) {
            double[] v = new double[5];
            for (int j = 0; j < 5; j++) {
                v[j] = r.nextGaussian();
                x[j].append(v[j]);
            }
            String region = List.of("north", "south", "west").get(r.nextInt(3));
            c.append(region);
            double margin = 1.5 * v[0] + v[1] * v[2] - (region.equals("south") ? 1 : 0) + 0.3 * r.nextGaussian();
            yes.append(margin > 0 ? "yes" : "no");
            value.append(10 + 3 * v[0] - 2 * v[3] + (region.equals("west") ? 4 : 0) + r.nextGaussian());
            tier.append(margin > 1 ? "gold" : margin > -0.5 ? "silver" : "bronze");
        }
        return Table.create("generated", x[0], x[1], x[2], x[3], x[4], c, yes, value, tier);
    }

    static final List<String> INPUTS = List.of("x1", "x2", "x3", "x4", "x5", "region");

    static int[] all(Table t) {
        int[] rows = new int[t.rowCount()];
        java.util.Arrays.setAll(rows, i -> i);
        return rows;
    }

    static LearnedModel train(Table t, String target, ProblemType type, Learner learner) {
        return LearnedModel.train(t, target, type, INPUTS, all(t), learner, 7);
    }

    /** Sum to the output, and the output through the link equals the model's own prediction. */
    private static void checkAdditive(LearnedModel m, Table t, double tolerance) {
        int[] rows = java.util.Arrays.copyOf(all(t), 200);
        ModelShap shap = new ModelShap(m);
        ShapValues v = shap.explain(m.features(t, rows), null, 3);
        double[][] p = m.type() == ProblemType.REGRESSION ? null : m.probabilities(t, rows);
        double[] y = m.type() == ProblemType.REGRESSION ? m.values(t, rows) : null;
        for (int i = 0; i < rows.length; i++) {
            for (int o = 0; o < v.outputs().size(); o++) {
                double sum = v.base()[o];
                for (double c : v.values()[i][o]) {
                    sum += c;
                }
                assertEquals(v.totals()[i][o], sum, 1e-9, "values add up to the output, row " + i);
            }
            int o = 0;
            double expected = y != null ? y[i] : p[i][m.classes().indexOf(v.outputs().get(o))];
            assertEquals(expected, v.answer(v.totals()[i], o), tolerance, "the output is the model's answer, row "
                    + i + " of " + m.tribuoModel().getClass().getSimpleName());
        }
    }

    @Test
    void everyFamilyAddsUpToItsOwnPrediction() {
        Table t = data(1);
        for (String id : List.of("xgboost", "forest", "cart", "liblinear", "sgd-linear")) {
            Learner l = id.equals("xgboost") ? new Learner.Boosted(30, 4, 0.3, 1, 1, 1, 1) : Learner.defaults(id);
            checkAdditive(train(t, "churn", ProblemType.BINARY, l), t, 1e-6);
            checkAdditive(train(t, "spend", ProblemType.REGRESSION, l), t, 1e-4);
            checkAdditive(train(t, "tier", ProblemType.MULTICLASS, l), t, 1e-6);
        }
    }

    @Test
    void methodsAreTheExactOnesWhereTheyExist() {
        Table t = data(2);
        assertEquals(ShapValues.Method.TREE, new ModelShap(train(t, "churn", ProblemType.BINARY,
                Learner.defaults("cart"))).method());
        assertEquals(ShapValues.Method.LINEAR, new ModelShap(train(t, "churn", ProblemType.BINARY,
                Learner.defaults("liblinear"))).method());
        assertEquals(ShapValues.Method.SAMPLING, new ModelShap(train(t, "churn", ProblemType.BINARY,
                Learner.defaults("knn"))).method());
    }
}
