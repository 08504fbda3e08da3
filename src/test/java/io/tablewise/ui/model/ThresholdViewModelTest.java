package io.tablewise.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.tablewise.ml.Evaluation;

class ThresholdViewModelTest {
    private final SplittableRandom random = new SplittableRandom(5);
    private final boolean[] positive = new boolean[2000];
    private final double[] score = new double[2000];
    private final Evaluation evaluation;

    ThresholdViewModelTest() {
        for (int i = 0; i < positive.length; i++) {
            positive[i] = random.nextDouble() < 0.3;
            score[i] = Math.min(1, Math.max(0, (positive[i] ? 0.6 : 0.35) + 0.25 * (random.nextDouble() - 0.5)));
        }
        evaluation = Evaluation.binary(List.of("no", "yes"), positive, score, "f1");
    }

    @Test
    void movingTheThresholdShowsTheConfusionCountsTheEngineComputesThere() {
        ThresholdViewModel vm = new ThresholdViewModel(evaluation);
        assertEquals(evaluation.threshold(), vm.currentProperty().get().threshold(), 1e-9);
        for (double t : new double[] {0.0, 0.31, 0.5, 0.72, 1.0}) {
            vm.thresholdProperty().set(t);
            Evaluation.ThresholdRow shown = vm.currentProperty().get();
            Evaluation.ThresholdRow engine = Evaluation.at(shown.threshold(), positive, score);
            assertEquals(t, shown.threshold(), 0.005 + 1e-9);
            assertEquals(List.of(engine.tp(), engine.fp(), engine.tn(), engine.fn()),
                    List.of(shown.tp(), shown.fp(), shown.tn(), shown.fn()), "at " + t);
        }
    }

    @Test
    void theCheapestThresholdFollowsThePricesOfMistakes() {
        ThresholdViewModel vm = new ThresholdViewModel(evaluation);
        vm.costFalsePositiveProperty().set(1);
        vm.costFalseNegativeProperty().set(20);
        double lenient = vm.cheapestThreshold();
        vm.costFalsePositiveProperty().set(20);
        vm.costFalseNegativeProperty().set(1);
        double strict = vm.cheapestThreshold();
        assertEquals(true, lenient < strict, lenient + " vs " + strict);
        // brute force over the engine's own counts: nothing cheaper exists at any grid threshold
        double best = Double.MAX_VALUE;
        for (int k = 0; k <= 100; k++) {
            Evaluation.ThresholdRow r = Evaluation.at(k / 100.0, positive, score);
            best = Math.min(best, 20.0 * r.fp() + r.fn());
        }
        assertEquals(best, vm.cost(vm.rowAt(strict)), 1e-9);
    }
}
