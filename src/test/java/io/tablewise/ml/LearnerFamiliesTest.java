package io.tablewise.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import io.tablewise.SharedData;

/**
 * Every algorithm family on real data (wine quality as numbers and as classes, bank marketing): each learns
 * something, gives proper probabilities, and scores the same after a save and load.
 */
class LearnerFamiliesTest {
    @TempDir
    Path dir;

    private static int[][] split(Table t, String target, ProblemType type) {
        int[] all = java.util.stream.IntStream.range(0, t.rowCount()).toArray();
        return RowSampler.split(all, type == ProblemType.REGRESSION ? null : Values.labels(t.column(target)), 0.2,
                42);
    }

    private static List<String> inputs(Table t, String target) {
        return t.columnNames().stream().filter(c -> !c.equals(target) && !c.equals("duration")).toList();
    }

    @Test
    void everyFamilyLearnsWineQualityAsNumbers() throws Exception {
        Table wine = SharedData.table("winequality-red.csv");
        int[][] s = split(wine, "quality", ProblemType.REGRESSION);
        double[] actual = Arrays.stream(s[1]).mapToDouble(r -> Values.number(wine.column("quality"), r)).toArray();
        // R² on the test rows; a linear model reaches about 0.36 on this file, trees more, one tree less
        Map<Learner, Double> floor = Map.of(Learner.Boosted.defaults(), 0.4, Learner.Forest.defaults(), 0.4,
                Learner.LibLinear.defaults(), 0.3, Learner.LinearSgd.defaults(), 0.3, Learner.Tree.defaults(), 0.15);
        for (Map.Entry<Learner, Double> e : floor.entrySet()) {
            LearnedModel m = LearnedModel.train(wine, "quality", ProblemType.REGRESSION, inputs(wine, "quality"),
                    s[0], e.getKey(), 42);
            double[] predicted = m.values(wine, s[1]);
            if (e.getKey().nativeCode()) {
                assertArrayEquals(m.tribuoValues(wine, s[1]), predicted, 1e-5, e.getKey().id());
            }
            double r2 = Evaluation.regression(actual, predicted).metrics().get("r2");
            assertTrue(r2 > e.getValue() && r2 < 0.7, e.getKey().id() + " R² " + r2);
            assertEquals(e.getKey().scaled(), m.encoder().isStandardised(), e.getKey().id());
            // each family's own measure of column importance: shares of one, alcohol first for the linear models
            // (its standardised least-squares coefficient, about 0.29, is the largest on this file)
            List<QuickModelResult.Importance> own = m.importances();
            assertEquals(1, own.stream().mapToDouble(QuickModelResult.Importance::share).sum(), 1e-9, e.getKey().id());
            assertFalse(m.importanceMeaning().isEmpty());
            if (e.getKey().scaled()) {
                assertEquals("alcohol", own.get(0).column(), e.getKey().id() + " " + own);
            }
        }
        IllegalArgumentException knn = assertThrows(IllegalArgumentException.class, () -> LearnedModel.train(wine,
                "quality", ProblemType.REGRESSION, inputs(wine, "quality"), s[0], Learner.Neighbours.defaults(), 42));
        assertTrue(knn.getMessage().contains("classes only"), knn.getMessage());
        assertFalse(Learner.Neighbours.defaults().supports(ProblemType.REGRESSION));
    }

    @Test
    void everyFamilyGivesProperProbabilitiesAndRanksBankCustomers() throws Exception {
        Table full = SharedData.table("bank-additional-full.csv");
        // every seventh row: 5,884 rows across the whole period (the file is in time order)
        Table bank = full.rows(java.util.stream.IntStream.range(0, full.rowCount()).filter(i -> i % 7 == 0)
                .toArray());
        int[][] s = split(bank, "y", ProblemType.BINARY);
        for (String id : Learner.IDS) {
            Learner learner = Learner.defaults(id);
            LearnedModel m = LearnedModel.train(bank, "y", ProblemType.BINARY, inputs(bank, "y"), s[0], learner, 42);
            assertEquals(List.of("no", "yes"), m.classes(), "the rarer class is the positive one");
            double[][] p = m.probabilities(bank, s[1]);
            boolean[] positive = new boolean[s[1].length];
            double[] score = new double[s[1].length];
            for (int i = 0; i < p.length; i++) {
                assertEquals(1, p[i][0] + p[i][1], 1e-6, id + " row " + i);
                assertTrue(p[i][1] >= 0 && p[i][1] <= 1, id);
                positive[i] = "yes".equals(Values.label(bank.column("y"), s[1][i]));
                score[i] = p[i][1];
            }
            if (learner.nativeCode()) { // boosted trees and forests are walked in Java: the same as XGBoost's own
                double[][] xgboost = m.tribuoProbabilities(bank, s[1]);
                for (int i = 0; i < p.length; i++) {
                    assertArrayEquals(xgboost[i], p[i], 1e-6, id + " row " + i);
                }
            }
            double auc = Evaluation.binary(m.classes(), positive, score, "auc").metrics().get("auc");
            // without duration the best models reach about 0.80; a single tree and nearest neighbours less
            assertTrue(auc > 0.65 && auc < 0.85, id + " AUC " + auc);

            Path file = dir.resolve(id + ".tribuo");
            m.saveModel(file);
            LearnedModel back = LearnedModel.load(file, ProblemType.BINARY, m.classes(),
                    FeatureEncoder.fromState(m.encoder().state()));
            double[][] again = back.probabilities(bank, s[1]);
            for (int i = 0; i < p.length; i++) {
                assertArrayEquals(p[i], again[i], 0.0, id + " after loading, row " + i);
            }
        }
    }

    @Test
    void theLinearModelsFindTheSameClassesOfWineAsTheTrees() throws Exception {
        Table wine = SharedData.table("winequality-red.csv");
        int[][] s = split(wine, "quality", ProblemType.MULTICLASS);
        for (String id : Learner.IDS) {
            LearnedModel m = LearnedModel.train(wine, "quality", ProblemType.MULTICLASS, inputs(wine, "quality"),
                    s[0], Learner.defaults(id), 42);
            List<String> classes = m.classes();
            int[] known = Arrays.stream(s[1]).filter(r -> classes.contains(Values.label(wine.column("quality"), r)))
                    .toArray();
            int[] actual = Arrays.stream(known).map(r -> classes.indexOf(Values.label(wine.column("quality"), r)))
                    .toArray();
            double[][] p = m.probabilities(wine, known);
            double accuracy = Evaluation.multiclass(classes, actual, p).metrics().get("accuracy");
            // 43% of the test rows are the commonest class; every family beats always answering it
            assertTrue(accuracy > 0.5, id + " accuracy " + accuracy);
            for (double[] row : p) {
                assertEquals(1, Arrays.stream(row).sum(), 1e-6, id);
            }
        }
    }

    @Test
    void standardisationIsLearnedOnTheTrainingRowsAndReplayed() {
        Table t = Table.create("t", DoubleColumn.create("x", 1, 2, 3, 4, Double.NaN, 1000),
                DoubleColumn.create("day", 20_000.5, 20_000.25, 20_000.75, 20_000.5, 20_000, 0));
        int[] train = {0, 1, 2, 3, 4};
        FeatureEncoder plain = FeatureEncoder.fit(t, List.of("x", "day"), train);
        FeatureEncoder scaled = plain.standardised(t, train);
        assertFalse(plain.isStandardised());
        assertTrue(scaled.isStandardised());
        double[] xs = {1, 2, 3, 4};
        double mean = new Mean().evaluate(xs);
        double sd = new StandardDeviation(false).evaluate(xs);
        assertEquals((1 - mean) / sd, scaled.encode(t, 0)[0], 1e-12);
        assertEquals(0, scaled.encode(t, 4)[0], 0.0, "a missing value is the training mean");
        assertEquals((1000 - mean) / sd, scaled.encode(t, 5)[0], 1e-9, "the last row taught nothing");
        // a large value with a small spread keeps its precision (two passes, not sum of squares)
        double[] days = {20_000.5, 20_000.25, 20_000.75, 20_000.5, 20_000};
        double dayMean = new Mean().evaluate(days);
        double daySd = new StandardDeviation(false).evaluate(days);
        assertEquals((20_000.75 - dayMean) / daySd, scaled.encode(t, 2)[1], 1e-9);

        FeatureEncoder back = FeatureEncoder.fromState(scaled.state());
        for (int r = 0; r < t.rowCount(); r++) {
            assertArrayEquals(scaled.encode(t, r), back.encode(t, r), 0.0);
        }
        assertTrue(scaled.choices().get(0).action().contains("standardised"), scaled.choices().toString());
    }
}
