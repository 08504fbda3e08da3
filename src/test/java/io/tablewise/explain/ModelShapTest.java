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

    /**
     * Neighbours: the sampling estimate against exact Shapley values by enumeration of every coalition with the same
     * background rows (the interventional game it samples), within four stated standard errors; and exactly additive.
     */
    @Test
    void theNeighboursEstimateIsWithinItsStatedError() {
        Table t = data(3);
        List<String> numbers = List.of("x1", "x2", "x3", "x4", "x5");
        LearnedModel m = LearnedModel.train(t, "churn", ProblemType.BINARY, numbers, all(t), Learner.defaults("knn"),
                7);
        double[][] background = m.background();
        assertEquals(LearnedModel.BACKGROUND_ROWS, background.length, "neighbours keep a training sample");
        ModelShap shap = new ModelShap(m);
        double[][] x = m.features(t, new int[] {10, 20, 30});
        ShapValues v = shap.explain(x, null, 9);
        assertEquals(ShapValues.Method.SAMPLING, v.method());
        assertEquals(ShapValues.Space.PROBABILITY, v.space());
        assertTrue(v.largestError() > 0 && v.methodText().contains("100 sampled permutations"), v.methodText());
        int n = numbers.size();
        int outside = 0;
        for (int r = 0; r < x.length; r++) {
            double[] game = new double[1 << n];
            for (int s = 0; s < 1 << n; s++) {
                double[][] hybrids = new double[background.length][];
                for (int b = 0; b < background.length; b++) {
                    hybrids[b] = background[b].clone();
                    for (int j = 0; j < n; j++) {
                        if ((s & 1 << j) != 0) {
                            hybrids[b][j] = x[r][j];
                        }
                    }
                }
                for (double[] p : m.outputsOfFeatures(hybrids)) {
                    game[s] += p[1] / background.length;
                }
            }
            double sum = v.base()[0];
            for (int j = 0; j < n; j++) {
                double exact = 0;
                for (int s = 0; s < 1 << n; s++) {
                    if ((s & 1 << j) == 0) {
                        int k = Integer.bitCount(s);
                        exact += factorial(k) * factorial(n - k - 1) / factorial(n) * (game[s | 1 << j] - game[s]);
                    }
                }
                double estimate = v.values()[r][0][j];
                double error = v.errors()[r][0][j];
                outside += Math.abs(estimate - exact) > 4 * error + 1e-12 ? 1 : 0;
                sum += estimate;
            }
            assertEquals(game[(1 << n) - 1], v.totals()[r][0], 1e-12, "the output is the model's probability");
            assertEquals(game[0], v.base()[0], 1e-12, "the base is the background's mean output");
            assertEquals(v.totals()[r][0], sum, 1e-12, "the estimate adds up exactly");
        }
        assertTrue(outside <= 1, outside + " of 15 estimates further than four standard errors from the exact value");
    }

    private static double factorial(int k) {
        double f = 1;
        for (int i = 2; i <= k; i++) {
            f *= i;
        }
        return f;
    }
}
