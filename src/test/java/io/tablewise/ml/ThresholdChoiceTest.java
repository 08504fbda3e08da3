package io.tablewise.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The chosen threshold lies strictly between 0 and 1, even where calling every row positive scores best (found on a
 * build whose target was mostly positive: threshold 0, and a model folder its own loader refused).
 */
class ThresholdChoiceTest {
    @Test
    void aMostlyPositiveTargetWithUselessScoresStillGetsAThresholdInside() {
        SplittableRandom r = new SplittableRandom(1);
        boolean[] positive = new boolean[5000];
        double[] score = new double[positive.length];
        for (int i = 0; i < positive.length; i++) {
            positive[i] = r.nextDouble() < 0.9;
            score[i] = r.nextDouble(); // no signal: F1 is best when nearly everything is called positive
        }
        double t = Evaluation.chooseThreshold(positive, score, "f1");
        assertTrue(t > 0 && t < 1, "threshold " + t);
        double best = 0;
        for (int k = 1; k <= 99; k++) {
            best = Math.max(best, Evaluation.at(k / 100.0, positive, score).f1());
        }
        assertEquals(best, Evaluation.at(t, positive, score).f1(), 1e-12);
    }
}
