package io.tablewise.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Metrics against values worked out by hand. */
class MetricsTest {
    private static final double EPS = 1e-12;

    @Test
    void binaryMetricsOfASmallHandWorkedExample() {
        // actual 0,0,0,1,1; P(class 1) = 0.1, 0.6, 0.2, 0.7, 0.4 -> predicted 0,1,0,1,0
        double[] p1 = {0.1, 0.6, 0.2, 0.7, 0.4};
        double[][] probabilities = new double[5][];
        for (int i = 0; i < 5; i++) {
            probabilities[i] = new double[] {1 - p1[i], p1[i]};
        }
        Metrics.Classification m = Metrics.classification(List.of("no", "yes"), new int[] {0, 0, 0, 1, 1},
                probabilities, 1);
        assertArrayEquals(new long[] {2, 1}, m.confusion().counts()[0]);
        assertArrayEquals(new long[] {1, 1}, m.confusion().counts()[1]);
        assertEquals(0.6, m.values().get("accuracy"), EPS);
        // recall: 2/3 and 1/2
        assertEquals((2.0 / 3 + 0.5) / 2, m.values().get("balanced_accuracy"), EPS);
        // precision: 2/3 and 1/2, so F1 equals recall for both classes here
        assertEquals((2.0 / 3 + 0.5) / 2, m.values().get("f1_macro"), EPS);
        // positives 0.7, 0.4 against negatives 0.1, 0.6, 0.2: 5 of 6 pairs ordered
        assertEquals(5.0 / 6, m.values().get("auc"), EPS);
        double logLoss = -(Math.log(0.9) + Math.log(0.4) + Math.log(0.8) + Math.log(0.7) + Math.log(0.4)) / 5;
        assertEquals(logLoss, m.values().get("log_loss"), EPS);
    }

    @Test
    void multiclassAucIsTheMeanOfOneVersusRest() {
        double[][] probabilities = {{0.8, 0.1, 0.1}, {0.2, 0.7, 0.1}, {0.3, 0.3, 0.4}, {0.5, 0.4, 0.1}};
        Metrics.Classification m = Metrics.classification(List.of("a", "b", "c"), new int[] {0, 1, 2, 1},
                probabilities, -1);
        // a: scores .8 (pos) vs .2,.3,.5 -> 1; b: .7,.4 (pos) vs .1,.3 -> 1; c: .4 (pos) vs .1,.1,.1 -> 1
        assertEquals(1.0, m.values().get("auc"), EPS);
        assertEquals(0.75, m.values().get("accuracy"), EPS);
        assertEquals(4, m.confusion().total());
        assertEquals(1, m.confusion().count(1, 0));
    }

    @Test
    void regressionMetricsOfASmallHandWorkedExample() {
        Map<String, Double> m = Metrics.regression(new double[] {1, 2, 3, 4}, new double[] {1.5, 2, 2.5, 5});
        // errors -0.5, 0, 0.5, -1: SSE 1.5; mean 2.5, SST 5
        assertEquals(Math.sqrt(1.5 / 4), m.get("rmse"), EPS);
        assertEquals(0.5, m.get("mae"), EPS);
        assertEquals(0.7, m.get("r2"), EPS);
    }
}
