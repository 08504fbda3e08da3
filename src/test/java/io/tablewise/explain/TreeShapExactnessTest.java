package io.tablewise.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.common.xgboost.XGBoostModel;

import io.tablewise.ml.DecisionTrees;
import io.tablewise.ml.LearnedModel;
import io.tablewise.ml.Learner;
import io.tablewise.ml.ProblemType;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import tech.tablesaw.api.Table;

/**
 * TreeSHAP against two independent references: Shapley values by full enumeration of every coalition (with the
 * trees' cover-weighted expectation, the path-dependent definition), and XGBoost's own {@code pred_contribs} on the
 * same booster.
 */
class TreeShapExactnessTest {
    private static final List<String> NUMBERS = List.of("x1", "x2", "x3", "x4", "x5");

    private static LearnedModel numbersOnly(Table t, String target, ProblemType type, Learner learner) {
        return LearnedModel.train(t, target, type, NUMBERS, ModelShapTest.all(t), learner, 11);
    }

    /** E[f(x) | x_S] with the features outside S averaged over both branches by cover. */
    private static double conditional(DecisionTrees m, DecisionTrees.Tree t, int n, double[] x, int s, int out) {
        if (t.isLeaf(n)) {
            double[] v = t.leaf()[n];
            return t.output() >= 0 ? (t.output() == out ? v[0] : 0) : v[out];
        }
        int f = t.feature()[n];
        if (f >= 0 && (s & 1 << f) != 0) {
            return conditional(m, t, m.next(t, n, x[f]), x, s, out);
        }
        double c = t.cover()[n];
        return (t.cover()[t.left()[n]] * conditional(m, t, t.left()[n], x, s, out)
                + t.cover()[t.right()[n]] * conditional(m, t, t.right()[n], x, s, out)) / c;
    }

    private static double[] bruteForce(DecisionTrees m, double[] x, int features, int out) {
        int all = 1 << features;
        double[] v = new double[all];
        for (int s = 0; s < all; s++) {
            double sum = m.base()[out];
            for (DecisionTrees.Tree t : m.trees()) {
                sum += conditional(m, t, 0, x, s, out);
            }
            v[s] = sum;
        }
        double[] phi = new double[features];
        double[] fact = new double[features + 1];
        fact[0] = 1;
        for (int i = 1; i <= features; i++) {
            fact[i] = fact[i - 1] * i;
        }
        for (int i = 0; i < features; i++) {
            for (int s = 0; s < all; s++) {
                if ((s & 1 << i) == 0) {
                    int size = Integer.bitCount(s);
                    phi[i] += fact[size] * fact[features - size - 1] / fact[features] * (v[s | 1 << i] - v[s]);
                }
            }
        }
        return phi;
    }

    @Test
    void equalShapleyValuesByFullEnumeration() {
        Table t = ModelShapTest.data(5);
        for (Learner l : List.of(new Learner.Boosted(25, 5, 0.3, 0.9, 1, 1, 1), Learner.defaults("cart"),
                new Learner.Forest(20, 6, 0.8, 0.8))) {
            for (ProblemType type : List.of(ProblemType.BINARY, ProblemType.MULTICLASS)) {
                LearnedModel m = numbersOnly(t, type == ProblemType.BINARY ? "churn" : "tier", type, l);
                DecisionTrees trees = m.decisionTrees().orElseThrow();
                int features = m.encoder().featureNames().size();
                TreeShap shap = new TreeShap(trees, features);
                TreeShap integrated = new TreeShap(trees, features, 0);
                double[][] x = m.features(t, new int[] {0, 1, 2, 3, 4, 5, 6, 7});
                double[][][] batch = integrated.explain(x);
                for (int r = 0; r < x.length; r++) {
                    double[] row = x[r];
                    double[][] phi = new double[trees.outputs()][features];
                    shap.explain(row, phi);
                    double[][] recursion = shap.explainByRecursion(row);
                    for (int o = 0; o < trees.outputs(); o++) {
                        double[] exact = bruteForce(trees, row, features, o);
                        for (int f = 0; f < features; f++) {
                            assertEquals(exact[f], phi[o][f], 1e-9, l.id() + " feature " + f + " output " + o);
                            assertEquals(exact[f], recursion[o][f], 1e-9, "recursion, " + l.id());
                            assertEquals(exact[f], batch[r][o][f], 1e-9, "quadrature, " + l.id());
                        }
                        double all = 0;
                        for (DecisionTrees.Tree tree : trees.trees()) {
                            all += conditional(trees, tree, 0, row, 0, o);
                        }
                        assertEquals(trees.base()[o] + all, shap.expected()[o], 1e-9, "the expected output");
                    }
                }
            }
        }
    }

    @Test
    void equalXgboostsOwnContributions() throws Exception {
        Table t = ModelShapTest.data(6);
        for (ProblemType type : List.of(ProblemType.BINARY, ProblemType.MULTICLASS, ProblemType.REGRESSION)) {
            String target = type == ProblemType.BINARY ? "churn" : type == ProblemType.REGRESSION ? "spend" : "tier";
            // the category too: its one-hot parts are features XGBoost splits on like any other
            LearnedModel m = LearnedModel.train(t, target, type, ModelShapTest.INPUTS, ModelShapTest.all(t),
                    new Learner.Boosted(40, 6, 0.2, 0.8, 0.8, 1, 1), 3);
            XGBoostModel<?> xgb = (XGBoostModel<?>) m.tribuoModel();
            ImmutableFeatureMap ids = xgb.getFeatureIDMap();
            List<String> names = m.encoder().featureNames();
            int rows = 100;
            int[] chosen = new int[rows];
            java.util.Arrays.setAll(chosen, i -> i * 3);
            double[][] x = m.features(t, chosen);
            int width = ids.size();
            float[] data = new float[rows * width];
            java.util.Arrays.fill(data, Float.NaN);
            int constant = ids.getID("\u0000constant");
            for (int i = 0; i < rows; i++) {
                if (constant >= 0) {
                    data[i * width + constant] = 1;
                }
                for (int f = 0; f < names.size(); f++) {
                    data[i * width + ids.getID(names.get(f))] = (float) x[i][f];
                }
            }
            Booster booster = xgb.getInnerModels().get(0);
            float[][] contribs = booster.predictContrib(new DMatrix(data, rows, width, Float.NaN), 0);
            DecisionTrees trees = m.decisionTrees().orElseThrow();
            TreeShap shap = new TreeShap(trees, names.size());
            int groups = type == ProblemType.REGRESSION ? 1 : m.classes().size();
            assertEquals(groups * (width + 1), contribs[0].length);
            for (int i = 0; i < rows; i++) {
                double[][] phi = new double[trees.outputs()][names.size()];
                shap.explain(x[i], phi);
                for (int g = 0; g < groups; g++) {
                    int out = type == ProblemType.REGRESSION ? 0
                            : m.classes().indexOf(((org.tribuo.classification.Label) xgb.getOutputIDInfo()
                            .getOutput(g)).getLabel());
                    for (int f = 0; f < names.size(); f++) {
                        float theirs = contribs[i][g * (width + 1) + ids.getID(names.get(f))];
                        assertEquals(theirs, phi[out][f], 2e-5 + 1e-5 * Math.abs(theirs),
                                type + " row " + i + " class " + g + " feature " + names.get(f));
                    }
                    float bias = contribs[i][g * (width + 1) + width];
                    assertEquals(bias, shap.expected()[out], 2e-5 + 1e-5 * Math.abs(bias), "the bias term");
                }
            }
            assertTrue(shap.expected().length == trees.outputs());
        }
    }
}
