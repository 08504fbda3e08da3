package io.tablewise.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.Table;

import io.tablewise.SharedData;
import io.tablewise.ml.Evaluation;
import io.tablewise.ml.LearnedModel;
import io.tablewise.ml.Learner;
import io.tablewise.ml.ProblemType;
import io.tablewise.ml.RowSampler;
import io.tablewise.node.ProgressMonitor;

/** How the search spends its budget after the families' defaults. */
class AutoMlTest {
    private static AutoMl.Candidate candidate(Learner l, double score, double spread) {
        return new AutoMl.Candidate(l, l, 1, 0.8 / 3, 0, score, spread, 0.1, 0.01);
    }

    @Test
    void onlyFamiliesWhoseDefaultsCameCloseAreSampledAndBoostedTreesAlways() {
        // best 0.80 with spread 0.0224: two standard errors are 2 * 0.0224 / sqrt(5) = 0.02
        List<AutoMl.Candidate> defaults = List.of(candidate(Learner.Boosted.defaults(), 0.70, 0.03),
                candidate(Learner.LibLinear.defaults(), 0.80, 0.0224),
                candidate(Learner.Forest.defaults(), 0.781, 0.02),
                candidate(Learner.LinearSgd.defaults(), 0.779, 0.02),
                candidate(Learner.Tree.defaults(), 0.60, 0.04));
        assertEquals(Set.of("xgboost", "liblinear", "forest"), AutoMl.promising(defaults, true));
        // lower is better (RMSE): the same margins the other way round
        List<AutoMl.Candidate> errors = List.of(candidate(Learner.Boosted.defaults(), 0.60, 0.0224),
                candidate(Learner.Forest.defaults(), 0.615, 0.02), candidate(Learner.Tree.defaults(), 0.70, 0.02));
        assertEquals(Set.of("xgboost", "forest"), AutoMl.promising(errors, false));
        // no spread known: nothing is ruled out
        List<AutoMl.Candidate> unknown = List.of(candidate(Learner.Tree.defaults(), 0.8, Double.NaN),
                candidate(Learner.LibLinear.defaults(), 0.5, 0.01));
        assertEquals(Set.of("xgboost", "cart", "liblinear"), AutoMl.promising(unknown, true));
    }

    @Test
    void samplesStayInTheGivenFamiliesAndFollowTheSeed() {
        SplittableRandom a = new SplittableRandom(5);
        SplittableRandom b = new SplittableRandom(5);
        java.util.Map<String, Integer> drawn = new java.util.TreeMap<>();
        for (int i = 0; i < 2000; i++) {
            Learner x = AutoMl.sample(a, Set.of("xgboost", "liblinear"));
            assertEquals(x, AutoMl.sample(b, Set.of("xgboost", "liblinear")), "same seed, same settings");
            drawn.merge(x.id(), 1, Integer::sum);
        }
        assertEquals(Set.of("xgboost", "liblinear"), drawn.keySet());
        // weights 0.5 and 0.1: five in six draws are boosted trees
        assertEquals(2000 * 5 / 6.0, drawn.get("xgboost"), 60);
    }

    @Test
    void boostersAreReadAtAboutFortyEvenlySpacedRoundCounts() {
        assertEquals(null, AutoMl.stages(0, 1000, 2), "a model without rounds is read once");
        assertArrayEquals(new int[] {1, 2, 3}, AutoMl.stages(3, 1000, 2));
        int[] hundred = AutoMl.stages(100, 6590, 2);
        assertEquals(100, hundred[hundred.length - 1], "the last stage is every round");
        assertEquals(34, hundred.length); // every third round down from 100: 100, 97, ..., 1
        assertEquals(1, hundred[0]);
        int[] many = AutoMl.stages(600, 6590, 2);
        assertEquals(40, many.length);
        for (int k = 1; k < many.length; k++) {
            assertEquals(15, many[k] - many[k - 1]);
        }
        // 200,000 validation rows of two classes: five stages of 400,000 probabilities
        int[] big = AutoMl.stages(600, 200_000, 2);
        assertEquals(5, big.length);
        assertTrue((long) big.length * 200_000 * 2 <= AutoMl.MAX_STAGED_VALUES);
        assertEquals(600, big[big.length - 1]);
        assertEquals(2, AutoMl.stages(600, 200_000, 10).length, "never fewer than two: stopping at half, or not");
    }

    @Test
    void finalistsAreScoredEachFamilysBestFirst() {
        AutoMl.Candidate lin1 = candidate(new Learner.LibLinear(1), 0.815, 0.02);
        AutoMl.Candidate lin2 = candidate(new Learner.LibLinear(1.3), 0.814, 0.02);
        AutoMl.Candidate lin3 = candidate(new Learner.LibLinear(2.6), 0.813, 0.02);
        AutoMl.Candidate xgb1 = candidate(Learner.Boosted.defaults(), 0.812, 0.02);
        AutoMl.Candidate sgd = candidate(Learner.LinearSgd.defaults(), 0.811, 0.02);
        AutoMl.Candidate xgb2 = candidate(Learner.Boosted.defaults().withTrees(50), 0.810, 0.02);
        assertEquals(List.of(lin1, xgb1, sgd, lin2, xgb2, lin3),
                AutoMl.finalists(List.of(lin1, lin2, lin3, xgb1, sgd, xgb2)));
        assertEquals(List.of(), AutoMl.finalists(List.of()));
    }

    @Test
    void theBestStageIsTheFirstOfTheBestScores() {
        assertEquals(2, AutoMl.best(new double[] {0.7, 0.75, 0.8, 0.8, 0.79}, true), "ties keep fewer rounds");
        assertEquals(1, AutoMl.best(new double[] {0.7, 0.5, 0.6}, false), "errors: lower is better");
        assertEquals(1, AutoMl.best(new double[] {Double.NaN, 0.6, 0.7}, false));
    }

    @Test
    void boostedTreesKeepTheNumberOfRoundsWithTheBestCrossValidatedScore() throws Exception {
        Table wine = SharedData.table("winequality-red.csv");
        List<String> features = wine.columnNames().stream().filter(c -> !c.equals("quality")).toList();
        int[] rows = IntStream.range(0, wine.rowCount()).toArray();
        long seed = 4;
        // one candidate (boosted trees at their defaults, 100 rounds): then the finalist is that same candidate,
        // cross-validated over all the rows
        AutoMl.Result r = AutoMl.search(wine, "quality", ProblemType.REGRESSION, features, rows, "rmse", 600, 1,
                seed, ProgressMonitor.NONE);
        AutoMl.Candidate finalist = r.leaderboard().get(0);
        assertEquals(AutoMl.FOLDS, finalist.folds());
        assertEquals(Learner.Boosted.defaults(), finalist.trained());
        Learner.Boosted kept = (Learner.Boosted) finalist.learner();
        assertEquals(Learner.Boosted.defaults().withTrees(kept.trees()), kept, "only the number of rounds changes");
        assertEquals(kept, r.best());
        assertTrue(kept.trees() < 100, "this learning rate overfits red wine well before 100 rounds: " + kept);
        // the same folds trained independently with that many trees, and with all of them
        int[][] folds = RowSampler.folds(rows, null, AutoMl.FOLDS, seed + 19);
        double stopped = crossValidatedRmse(wine, features, folds, kept, seed);
        double all = crossValidatedRmse(wine, features, folds, Learner.Boosted.defaults(), seed);
        assertEquals(stopped, finalist.score(), 1e-5, "the leaderboard's score is the stopped booster's");
        assertTrue(stopped < all, stopped + " against " + all + " with every round");
    }

    private static double crossValidatedRmse(Table t, List<String> features, int[][] folds, Learner l, long seed) {
        double sum = 0;
        for (int f = 0; f < folds.length; f++) {
            int held = f;
            int[] fit = IntStream.range(0, folds.length).filter(g -> g != held)
                    .flatMap(g -> Arrays.stream(folds[g])).sorted().toArray();
            LearnedModel m = LearnedModel.train(t, "quality", ProblemType.REGRESSION, features, fit, l, seed);
            double[] actual = Arrays.stream(folds[f]).mapToDouble(r -> t.intColumn("quality").getInt(r)).toArray();
            sum += Evaluation.regression(actual, m.values(t, folds[f])).metrics().get("rmse");
        }
        return sum / folds.length;
    }
}
