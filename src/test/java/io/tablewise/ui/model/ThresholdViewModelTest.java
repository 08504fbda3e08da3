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

    @Test
    void onTheBankMarketingModelTheSliderShowsTheCountsOfItsTestRowsRescored() throws Exception {
        tech.tablesaw.api.Table bank = io.tablewise.SharedData.table("bank-additional-full.csv");
        io.tablewise.model.TrainedModel model = io.tablewise.model.ModelBuilder.build(bank,
                new io.tablewise.model.BuildOptions("y", null, List.of("duration"), null, 0.2, 42),
                io.tablewise.node.ProgressMonitor.NONE);
        // the test rows of the same stratified, seeded split, scored again through the file scorer
        int[] all = java.util.stream.IntStream.range(0, bank.rowCount()).toArray();
        int[] test = io.tablewise.ml.RowSampler.split(all, io.tablewise.ml.Values.labels(bank.column("y")), 0.2,
                42)[1];
        tech.tablesaw.api.Table scored = io.tablewise.model.Predictor.predict(model, bank.rows(test), w -> { });
        ThresholdViewModel vm = new ThresholdViewModel(model.evaluation());
        for (double t : new double[] {0.05, 0.2, 0.35, 0.6, 0.9}) {
            vm.thresholdProperty().set(t);
            long tp = 0;
            long fp = 0;
            long tn = 0;
            long fn = 0;
            for (int i = 0; i < scored.rowCount(); i++) {
                boolean yes = scored.stringColumn("y").get(i).equals("yes");
                boolean predicted = scored.doubleColumn("probability_yes").get(i) >= t;
                tp += yes && predicted ? 1 : 0;
                fp += !yes && predicted ? 1 : 0;
                tn += !yes && !predicted ? 1 : 0;
                fn += yes && !predicted ? 1 : 0;
            }
            Evaluation.ThresholdRow shown = vm.currentProperty().get();
            assertEquals(List.of(tp, fp, tn, fn), List.of(shown.tp(), shown.fp(), shown.tn(), shown.fn()), "at " + t);
        }
    }
}
