package io.tablewise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import io.tablewise.ml.Learner;
import io.tablewise.node.ProgressMonitor;

/**
 * A blank number in a column that had none in training is scored the way a careful statistician would (trees: the
 * branch most training rows took; the other families: the training median) and reported, for every family and every
 * column: the mean prediction with the column blanked lies between the mean predictions with the column at its
 * training 10th and 90th percentiles, and a warning names the column and the count. Before, XGBoost's unlearned
 * default branch scored a blank zero-inflated column as its maximum.
 */
class NewBlanksTest {
    private static final List<String> COLUMNS = List.of("score", "gain", "hours");

    /** score ~ N(0, 1); gain zero-inflated (85% zeros, else large); hours 10..80; y from all three, plus noise. */
    private static Table generated(int n, long seed) {
        Random r = new Random(seed);
        double[] score = new double[n];
        double[] gain = new double[n];
        double[] hours = new double[n];
        String[] y = new String[n];
        for (int i = 0; i < n; i++) {
            score[i] = r.nextGaussian();
            gain[i] = r.nextDouble() < 0.85 ? 0 : Math.exp(6 + 2 * r.nextDouble());
            hours[i] = 10 + 70 * r.nextDouble();
            double logit = 1.2 * score[i] + (gain[i] > 0 ? 2.5 : 0) + 0.04 * (hours[i] - 45) - 0.8
                    + r.nextGaussian() * 0.7;
            y[i] = logit > 0 ? "yes" : "no";
        }
        return Table.create("g", DoubleColumn.create("score", score), DoubleColumn.create("gain", gain),
                DoubleColumn.create("hours", hours), StringColumn.create("y", y));
    }

    private static double meanYes(TrainedModel m, Table t, List<String> warnings) throws Exception {
        Table scored = Predictor.predict(m, t, warnings::add);
        return scored.doubleColumn("probability_yes").mean();
    }

    private static Table with(Table t, String column, double value) {
        Table copy = t.copy();
        DoubleColumn c = copy.doubleColumn(column);
        for (int i = 0; i < c.size(); i++) {
            if (Double.isNaN(value)) {
                c.setMissing(i);
            } else {
                c.set(i, value);
            }
        }
        return copy;
    }

    @Test
    void aBlankNewToTheModelScoresWithinTheTypicalRangeAndIsReported() throws Exception {
        Table train = generated(2000, 3);
        Table fresh = generated(400, 4);
        List<String> failures = new ArrayList<>();
        for (String family : Learner.IDS) {
            TrainedModel m = ModelBuilder.build(train, new BuildOptions("y", null, List.of(), "auc", 0.2, 7)
                    .withAlgorithm(family), ProgressMonitor.NONE);
            for (String column : COLUMNS) {
                double[] sorted = train.doubleColumn(column).asDoubleArray();
                Arrays.sort(sorted);
                double p10 = sorted[(int) (0.1 * (sorted.length - 1))];
                double p90 = sorted[(int) (0.9 * (sorted.length - 1))];
                double low = meanYes(m, with(fresh, column, p10), new ArrayList<>());
                double high = meanYes(m, with(fresh, column, p90), new ArrayList<>());
                List<String> warnings = new ArrayList<>();
                double blank = meanYes(m, with(fresh, column, Double.NaN), warnings);
                double lo = Math.min(low, high) - 1e-9;
                double hi = Math.max(low, high) + 1e-9;
                if (blank < lo || blank > hi) {
                    failures.add(String.format("%s/%s: blank %.3f outside [%.3f, %.3f]", family, column, blank, lo,
                            hi));
                }
                assertTrue(warnings.stream().anyMatch(w -> w.startsWith(column + ": 400 rows are blank, a value "
                        + "never blank in training")), family + " " + column + ": " + warnings);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void theReportSaysWhatWasDoneAndCountsValuesOutsideTheTrainingRange() throws Exception {
        Table train = generated(1500, 5);
        TrainedModel trees = ModelBuilder.build(train, new BuildOptions("y", null, List.of(), "auc", 0.2, 7),
                ProgressMonitor.NONE);
        TrainedModel linear = ModelBuilder.build(train, new BuildOptions("y", null, List.of(), "auc", 0.2, 7)
                .withAlgorithm("liblinear"), ProgressMonitor.NONE);
        Table fresh = generated(50, 6);
        fresh.doubleColumn("hours").setMissing(0);
        fresh.doubleColumn("hours").set(1, 500);
        fresh.doubleColumn("hours").set(2, -3);
        List<String> w = new ArrayList<>();
        Predictor.predict(trees, fresh, w::add);
        assertTrue(w.contains("hours: 1 row is blank, a value never blank in training; scored on the branch most "
                + "training rows took at each split"), w.toString());
        assertTrue(w.stream().anyMatch(s -> s.startsWith("hours: 2 values outside the training range")
                && s.contains("(1 below, 1 above)")), w.toString());
        List<String> v = new ArrayList<>();
        Predictor.predict(linear, fresh, v::add);
        assertTrue(v.stream().anyMatch(s -> s.startsWith("hours: 1 row is blank, a value never blank in training; "
                + "scored with the training median ")), v.toString());
    }

    @Test
    void aValueNeverSeenInACappedColumnIsReportedButARareTrainingValueIsNot() throws Exception {
        Random r = new Random(12);
        int n = 1500;
        String[] shop = new String[n];
        double[] x = new double[n];
        String[] y = new String[n];
        for (int i = 0; i < n; i++) {
            // three common shops and a rare one (folded into "other" in training)
            shop[i] = i % 500 == 0 ? "rare-shop" : new String[] {"north", "south", "east"}[i % 3];
            x[i] = r.nextGaussian();
            y[i] = x[i] + (shop[i].equals("north") ? 1 : 0) + r.nextGaussian() > 0.5 ? "yes" : "no";
        }
        Table train = Table.create("s", StringColumn.create("shop", shop), DoubleColumn.create("x", x),
                StringColumn.create("y", y));
        TrainedModel m = ModelBuilder.build(train, new BuildOptions("y", null, List.of(), "auc", 0.2, 7),
                ProgressMonitor.NONE);
        Table fresh = Table.create("f", StringColumn.create("shop", "north", "rare-shop", "brand-new", "brand-new"),
                DoubleColumn.create("x", 0.1, 0.2, 0.3, 0.4));
        List<String> w = new ArrayList<>();
        Predictor.predict(m, fresh, w::add);
        assertEquals(List.of("shop: 2 values never seen in training (e.g. 'brand-new') are scored as 'other'"),
                w.stream().filter(s -> s.startsWith("shop:")).toList(), w.toString());
    }
}
