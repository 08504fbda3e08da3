package io.tablewise.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.Table;

import io.tablewise.SharedData;

/** The quick model on the real datasets: sensible quality, honest bookkeeping, reproducible. */
class QuickModelTest {
    private static QuickModelResult build(Table t, String target, ProblemType type, List<String> drop, long seed) {
        List<String> features = t.columnNames().stream().filter(c -> !c.equals(target) && !drop.contains(c))
                .toList();
        String[] labels = type.isClassification() ? Values.labels(t.column(target)) : null;
        int[] all = RowSampler.uniform(t.rowCount(), t.rowCount(), seed);
        int[][] split = RowSampler.split(all, labels, 0.2, seed);
        return QuickModel.build(t, target, type, features, split[0], split[1], seed, () -> false);
    }

    @Test
    void bankMarketingWithoutTheLeakIsUsefulAndWithItNearlyPerfect() throws Exception {
        Table bank = SharedData.table("bank-additional-full.csv");
        QuickModelResult honest = build(bank, "y", ProblemType.BINARY, List.of("duration"), 42);
        // reference on the same data (benchmarks.md): gradient boosting 0.798-0.812 test AUC without duration
        assertTrue(honest.headline() > 0.78 && honest.headline() < 0.83, "AUC " + honest.headline());
        assertEquals("auc", honest.headlineMetric());
        assertEquals(List.of("no", "yes"), honest.confusion().classes());
        assertEquals(honest.testRows(), honest.confusion().total());
        assertEquals(41_188, honest.trainRows() + honest.testRows());
        // the split is stratified: the held-out rows keep the 11.3% positive share
        assertEquals(0.113, honest.confusion().actual(1) / (double) honest.testRows(), 0.002);
        assertEquals(1.0, honest.importances().stream().mapToDouble(QuickModelResult.Importance::share).sum(), 1e-9);

        QuickModelResult leaky = build(bank, "y", ProblemType.BINARY, List.of(), 42);
        assertTrue(leaky.headline() > 0.92, "AUC with duration " + leaky.headline());
        assertEquals("duration", leaky.importances().get(0).column());
    }

    @Test
    void theSameSeedGivesTheSameModel() throws Exception {
        Table bank = SharedData.table("bank-additional-full.csv");
        QuickModelResult a = build(bank, "y", ProblemType.BINARY, List.of("duration"), 7);
        QuickModelResult b = build(bank, "y", ProblemType.BINARY, List.of("duration"), 7);
        assertEquals(a.metrics(), b.metrics());
        assertEquals(a.importances(), b.importances());
    }

    @Test
    void regressionAndMulticlass() throws Exception {
        QuickModelResult wine = build(SharedData.table("winequality-red.csv"), "quality", ProblemType.REGRESSION,
                List.of(), 42);
        // linear regression reaches R² ~0.36 on this file; trees do better
        assertTrue(wine.metrics().get("r2") > 0.3, "R² " + wine.metrics());
        assertTrue(wine.metrics().get("rmse") < 0.7, "RMSE " + wine.metrics());

        QuickModelResult iris = build(SharedData.table("iris.csv"), "species", ProblemType.MULTICLASS, List.of(),
                42);
        assertEquals(3, iris.confusion().classes().size());
        assertEquals(30, iris.testRows());
        assertTrue(iris.metrics().get("accuracy") >= 0.85, "iris " + iris.metrics());
    }

    @Test
    void theJavaTreeScorerGivesTribuosPredictions() throws Exception {
        // the trees are walked in Java exactly as XGBoost does; the softmax's exp may round its last float bit
        // differently from the C library, so probabilities agree to a float's precision and classes exactly
        Table bank = SharedData.table("bank-additional-full.csv");
        List<String> features = bank.columnNames().stream().filter(c -> !c.equals("y")).toList();
        int[] rows = java.util.stream.IntStream.range(0, 20_000).toArray();
        LearnedModel m = LearnedModel.train(bank, "y", ProblemType.BINARY, features, rows,
                Learner.Boosted.defaults(), 3);
        int[] other = java.util.stream.IntStream.range(20_000, 25_000).toArray();
        double[][] fast = m.fastProbabilities(bank, other);
        double[][] tribuo = m.tribuoProbabilities(bank, other);
        int differentBits = 0;
        for (int i = 0; i < other.length; i++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(tribuo[i], fast[i], 1e-6 * Math.max(1e-3, tribuo[i][1]));
            assertEquals(tribuo[i][1] >= 0.5, fast[i][1] >= 0.5, "row " + other[i]);
            differentBits += tribuo[i][1] == fast[i][1] ? 0 : 1;
        }
        assertTrue(differentBits < other.length / 10, differentBits + " of " + other.length + " differ in the last bit");
        Table wine = SharedData.table("winequality-red.csv");
        int[] all = java.util.stream.IntStream.range(0, wine.rowCount()).toArray();
        LearnedModel r = LearnedModel.train(wine, "quality", ProblemType.REGRESSION, wine.columnNames().stream()
                .filter(c -> !c.equals("quality")).toList(), all, Learner.Boosted.defaults(), 3);
        org.junit.jupiter.api.Assertions.assertArrayEquals(r.tribuoValues(wine, all), r.fastValues(wine, all), 0.0);
        // six wine grades: one tree per class and round, softmax over six margins
        LearnedModel c = LearnedModel.train(wine, "quality", ProblemType.MULTICLASS, wine.columnNames().stream()
                .filter(n -> !n.equals("quality")).toList(), all, Learner.Boosted.defaults(), 3);
        double[][] fastClasses = c.fastProbabilities(wine, all);
        double[][] tribuoClasses = c.tribuoProbabilities(wine, all);
        for (int i = 0; i < all.length; i++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(tribuoClasses[i], fastClasses[i], 1e-6);
        }
    }

    @Test
    void aSingleClassGivesAReasonNotAModel() throws Exception {
        Table bank = SharedData.table("bank-additional-full.csv");
        Table no = bank.where(bank.stringColumn("y").isEqualTo("no"));
        QuickModelResult r = build(no, "y", ProblemType.BINARY, List.of(), 1);
        assertFalse(r.built());
        assertTrue(r.notes().get(0).contains("single class"), r.notes().toString());
    }
}
