package io.tablewise.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.Table;

import io.tablewise.SharedData;

/**
 * A booster read after fewer rounds (the search's early stopping) answers what XGBoost itself answers for a booster
 * trained with that many rounds, on real wine quality rows, as classes and as numbers.
 */
class StagedPredictionTest {
    private static final Learner.Boosted BOOSTED = new Learner.Boosted(60, 4, 0.2, 0.8, 0.7, 1, 1);

    private static List<String> inputs(Table t) {
        return t.columnNames().stream().filter(c -> !c.equals("quality")).toList();
    }

    @Test
    void classProbabilitiesAfterFewerRoundsAreThoseOfAShorterBooster() throws Exception {
        Table wine = SharedData.table("winequality-red.csv");
        int[] train = IntStream.range(0, wine.rowCount()).filter(r -> r % 4 != 0).toArray();
        int[] test = IntStream.range(0, wine.rowCount()).filter(r -> r % 4 == 0).toArray();
        LearnedModel full = LearnedModel.train(wine, "quality", ProblemType.MULTICLASS, inputs(wine), train, BOOSTED,
                42);
        assertEquals(60, full.rounds());
        int[] stages = {1, 20, 60};
        double[][][] staged = full.stagedPredictions(wine, test, stages);
        assertEquals(3, staged.length);
        double[][] all = full.probabilities(wine, test);
        for (int i = 0; i < test.length; i++) {
            assertArrayEquals(all[i], staged[2][i], 0.0, "all the rounds: the model's own answer, row " + i);
        }
        for (int s = 0; s < 2; s++) {
            LearnedModel shorter = LearnedModel.train(wine, "quality", ProblemType.MULTICLASS, inputs(wine), train,
                    BOOSTED.withTrees(stages[s]), 42);
            assertEquals(full.classes(), shorter.classes());
            double[][] xgboost = shorter.tribuoProbabilities(wine, test); // XGBoost's own prediction
            for (int i = 0; i < test.length; i++) {
                assertArrayEquals(xgboost[i], staged[s][i], 1e-6, stages[s] + " rounds, row " + i);
                assertEquals(1, Arrays.stream(staged[s][i]).sum(), 1e-6);
            }
        }
        // one round barely moves from the prior; sixty separate the classes far more
        assertEquals(true, spread(staged[0]) < spread(staged[2]) / 3);
    }

    private static double spread(double[][] p) {
        return Arrays.stream(p).mapToDouble(row -> Arrays.stream(row).max().orElseThrow()
                - Arrays.stream(row).min().orElseThrow()).average().orElseThrow();
    }

    @Test
    void valuesAfterFewerRoundsAreThoseOfAShorterBooster() throws Exception {
        Table wine = SharedData.table("winequality-white.csv");
        int[] train = IntStream.range(0, wine.rowCount()).filter(r -> r % 5 != 0).toArray();
        int[] test = IntStream.range(0, wine.rowCount()).filter(r -> r % 5 == 0).toArray();
        LearnedModel full = LearnedModel.train(wine, "quality", ProblemType.REGRESSION, inputs(wine), train, BOOSTED,
                7);
        double[][][] staged = full.stagedPredictions(wine, test, new int[] {15, 60});
        LearnedModel shorter = LearnedModel.train(wine, "quality", ProblemType.REGRESSION, inputs(wine), train,
                BOOSTED.withTrees(15), 7);
        double[] xgboost = shorter.tribuoValues(wine, test);
        double[] all = full.values(wine, test);
        for (int i = 0; i < test.length; i++) {
            assertEquals(xgboost[i], staged[0][i][0], 1e-5, "15 rounds, row " + i);
            assertEquals(all[i], staged[1][i][0], 0.0, "60 rounds, row " + i);
        }
    }

    @Test
    void onlyBoostedTreesHaveRounds() throws Exception {
        Table wine = SharedData.table("winequality-red.csv");
        int[] rows = IntStream.range(0, 400).toArray();
        for (Learner l : List.of(Learner.Forest.defaults(), Learner.LibLinear.defaults(), Learner.Tree.defaults())) {
            LearnedModel m = LearnedModel.train(wine, "quality", ProblemType.REGRESSION, inputs(wine), rows, l, 42);
            assertEquals(0, m.rounds(), l.id());
            assertThrows(IllegalStateException.class, () -> m.stagedPredictions(wine, rows, new int[] {1}), l.id());
        }
    }
}
