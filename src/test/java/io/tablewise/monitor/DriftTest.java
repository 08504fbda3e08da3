package io.tablewise.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The drift statistics against reference values of their distributions and hand-computed PSI. */
class DriftTest {
    @Test
    void pValuesEqualTheirDistributions() {
        // chi-square upper tail: 3.841 at 1 degree of freedom and 11.07 at 5 are the 5% points; 0 has p 1
        assertEquals(0.05, Drift.chiSquareP(3.841459, 1), 1e-6);
        assertEquals(0.05, Drift.chiSquareP(11.0705, 5), 1e-5);
        assertEquals(0.001, Drift.chiSquareP(29.5883, 10), 1e-6);
        assertEquals(0.001, Drift.chiSquareP(27.8772, 9), 1e-6);
        assertEquals(1.0, Drift.chiSquareP(0, 3), 1e-12);
        // Kolmogorov: lambda 1.3581 is the 5% point, 1.6276 the 1% point
        double n = 1e6;
        double root = Math.sqrt(n);
        assertEquals(0.05, Drift.kolmogorovP(1.3581 / (root + 0.12 + 0.11 / root), n), 1e-4);
        assertEquals(0.01, Drift.kolmogorovP(1.6276 / (root + 0.12 + 0.11 / root), n), 1e-4);
        assertEquals(Math.log(24), Drift.lnGamma(5), 1e-10);
    }

    @Test
    void psiIsTheSumOfShareChangesTimesTheirLogRatio() {
        double[] before = {0.25, 0.25, 0.5};
        double[] after = {0.5, 0.25, 0.25};
        double expected = (0.5 - 0.25) * Math.log(2) + 0 + (0.25 - 0.5) * Math.log(0.5);
        assertEquals(expected, Drift.psi(before, after), 1e-12);
        assertEquals(0, Drift.psi(before, before), 1e-15);
    }

    @Test
    void aShiftedSampleDriftsAndAFreshOneDoesNot() {
        java.util.Random r = new java.util.Random(1);
        tech.tablesaw.api.DoubleColumn train = tech.tablesaw.api.DoubleColumn.create("x");
        for (int i = 0; i < 20000; i++) {
            train.append(r.nextGaussian());
        }
        int[] all = new int[train.size()];
        java.util.Arrays.setAll(all, i -> i);
        ColumnBaseline base = ColumnBaseline.of(train, all);
        assertEquals(0, base.median(), 0.05);
        double[] fresh = new double[5000];
        double[] shifted = new double[5000];
        for (int i = 0; i < fresh.length; i++) {
            fresh[i] = r.nextGaussian();
            shifted[i] = 0.8 + r.nextGaussian();
        }
        java.util.Arrays.sort(fresh);
        java.util.Arrays.sort(shifted);
        Drift same = Drift.ofNumbers(base, fresh);
        Drift moved = Drift.ofNumbers(base, shifted);
        assertTrue(!same.drifted() && !same.shifted() && same.psi() < 0.02, same.toString());
        assertTrue(moved.drifted() && moved.psi() > 0.4 && moved.pValue() < 1e-12, moved.toString());
        // the KS distance of N(0.8, 1) from N(0, 1) is 2 Phi(0.4) - 1 = 0.3108
        assertEquals(0.3108, moved.statistic(), 0.02);

        tech.tablesaw.api.StringColumn plan = tech.tablesaw.api.StringColumn.create("plan");
        for (int i = 0; i < 10000; i++) {
            plan.append(i % 10 < 6 ? "basic" : i % 10 < 9 ? "plus" : "premium");
        }
        int[] rows = new int[plan.size()];
        java.util.Arrays.setAll(rows, i -> i);
        ColumnBaseline categories = ColumnBaseline.of(plan, rows);
        Drift mix = Drift.ofCategories(categories, Map.of("basic", 300L, "plus", 300L, "premium", 400L));
        Drift alike = Drift.ofCategories(categories, Map.of("basic", 598L, "plus", 302L, "premium", 100L));
        assertTrue(mix.drifted(), mix.toString());
        assertTrue(!alike.drifted() && !alike.shifted(), alike.toString());
    }

    @Test
    void attributionDriftIsTheNdcgOfTheRankings() {
        Map<String, Double> before = Map.of("a", 3.0, "b", 2.0, "c", 1.0);
        assertEquals(1.0, AttributionDrift.ndcg(before, Map.of("a", 30.0, "b", 2.5, "c", 0.1)), 1e-12);
        // reversed: (1 + 2/log2 3 + 3/2) / (3 + 2/log2 3 + 1/2)
        double l3 = Math.log(3) / Math.log(2);
        assertEquals((1 + 2 / l3 + 1.5) / (3 + 2 / l3 + 0.5), AttributionDrift.ndcg(before,
                Map.of("a", 1.0, "b", 2.0, "c", 3.0)), 1e-12);
        assertEquals(Finding.Severity.VIOLATION, AttributionDrift.finding(before, Map.of("a", 1.0, "b", 2.0, "c",
                3.0)).severity());
    }

    @Test
    void theOverlayPutsBothDistributionsOnTheBaselinesBins() {
        tech.tablesaw.api.DoubleColumn train = tech.tablesaw.api.DoubleColumn.create("x");
        for (int i = 1; i <= 1000; i++) {
            train.append(i);
        }
        int[] all = java.util.stream.IntStream.range(0, 1000).toArray();
        ColumnBaseline base = ColumnBaseline.of(train, all);
        // the batch: 501 … 1000, the upper half, so the lower five deciles are empty and the upper ones double
        double[] upper = java.util.stream.IntStream.rangeClosed(501, 1000).asDoubleStream().toArray();
        Overlay o = Overlay.ofNumbers(base, upper);
        assertEquals(10, o.bins().size(), o.bins().toString());
        assertTrue(o.bins().get(0).startsWith("< ") && o.bins().get(9).startsWith("≥ "), o.bins().toString());
        for (int b = 0; b < 10; b++) {
            assertEquals(0.1, o.baseline()[b], 0.002, o.bins().get(b));
            assertEquals(b < 5 ? 0 : 0.2, o.batch()[b], 0.004, o.bins().get(b));
        }

        tech.tablesaw.api.StringColumn plan = tech.tablesaw.api.StringColumn.create("plan");
        for (int i = 0; i < 10; i++) {
            plan.append(i < 6 ? "basic" : i < 9 ? "plus" : "premium");
        }
        ColumnBaseline categories = ColumnBaseline.of(plan, java.util.stream.IntStream.range(0, 10).toArray());
        Overlay c = Overlay.ofCategories(categories, Map.of("basic", 2L, "gold", 1L, "premium", 1L));
        assertEquals(java.util.List.of("basic", "plus", "premium", Overlay.OTHER), c.bins());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0.6, 0.3, 0.1, 0}, c.baseline(), 1e-12);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0.5, 0, 0.25, 0.25}, c.batch(), 1e-12);
    }
}
