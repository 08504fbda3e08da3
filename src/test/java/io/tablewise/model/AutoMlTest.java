package io.tablewise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.tablewise.ml.Learner;

/** How the search spends its budget after the families' defaults. */
class AutoMlTest {
    private static AutoMl.Candidate candidate(Learner l, double score, double spread) {
        return new AutoMl.Candidate(l, 1, 0.8 / 3, 0, score, spread, 0.1, 0.01);
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
}
