package io.tablewise.abtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

import io.tablewise.capture.CaptureRecord;
import io.tablewise.capture.FeedbackRecord;

/** The A/B analysis against independent computations on generated traffic with known answers. */
class AbAnalysisTest {
    /**
     * Rows of a variant whose score separates the classes by {@code separation} standard deviations (a binormal
     * model: AUC = Phi(separation / sqrt 2)), with {@code positiveRate} positive outcomes.
     */
    private static void traffic(List<CaptureRecord> records, List<FeedbackRecord> feedback, String variant, int n,
                                double separation, double positiveRate, long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < n; i++) {
            boolean positive = r.nextDouble() < positiveRate;
            double z = r.nextGaussian() + (positive ? separation : 0);
            double p = 1 / (1 + Math.exp(-z + separation / 2));
            Map<String, Double> probs = new LinkedHashMap<>();
            probs.put("no", 1 - p);
            probs.put("yes", p);
            String id = variant + "-" + i;
            records.add(new CaptureRecord(id, 0, "2026-12-03T10:00:00Z", variant, "m", variant + ":1", false,
                    1 + r.nextDouble(), Map.of("customer_id", id), p >= 0.5 ? "yes" : "no", probs));
            feedback.add(new FeedbackRecord(id, 0, positive ? "yes" : "no", "2026-12-03T11:00:00Z"));
        }
    }

    @Test
    void aClearlyBetterVariantIsFoundAndItsAucMatchesTheRankFormula() {
        List<CaptureRecord> records = new ArrayList<>();
        List<FeedbackRecord> feedback = new ArrayList<>();
        traffic(records, feedback, "A", 3000, 0.6, 0.3, 1); // AUC about 0.66
        traffic(records, feedback, "B", 1000, 1.8, 0.3, 2); // AUC about 0.90
        AbReport report = AbAnalysis.analyse(records, Outcomes.fromFeedback(feedback), 7);
        assertEquals("binary", report.kind());
        assertEquals("yes", report.positiveClass());
        AbReport.VariantResult a = report.variants().get(0);
        assertEquals("A", a.name(), "the control is the variant with the most traffic");
        assertEquals(0.75, a.share(), 1e-12);
        // the AUC equals the project's rank-sum AUC on the same rows, computed independently
        List<CaptureRecord> aRows = records.subList(0, 3000);
        double expected = io.tablewise.ml.Auc.of(java.util.stream.IntStream.range(0, 3000).toArray(),
                i -> aRows.get(i).probabilities().get("yes"), i -> feedback.get(i).actual().equals("yes"));
        AbReport.Estimate auc = a.metrics().stream().filter(e -> e.metric().equals("auc")).findFirst().orElseThrow();
        assertEquals(expected, auc.value(), 1e-12);
        assertTrue(auc.low() < auc.value() && auc.value() < auc.high());
        assertEquals(new NormalDistribution().cumulativeProbability(0.6 / Math.sqrt(2)), auc.value(), 0.03);

        AbReport.Comparison c = report.comparisons().stream().filter(x -> x.metric().equals("AUC")).findFirst()
                .orElseThrow();
        assertTrue(c.significant(), c.sentence());
        assertTrue(c.sentence().startsWith("B is better than A on AUC by 0."), c.sentence());
        assertTrue(c.low() > 0.15 && c.high() < 0.35, c.toString());
    }

    @Test
    void twoVariantsFromTheSameProcessDoNotDifferAndTheRateTestMatchesTheNormalReference() {
        List<CaptureRecord> records = new ArrayList<>();
        List<FeedbackRecord> feedback = new ArrayList<>();
        traffic(records, feedback, "A", 2000, 1.0, 0.25, 11);
        traffic(records, feedback, "B", 1500, 1.0, 0.25, 12);
        AbReport report = AbAnalysis.analyse(records, Outcomes.fromFeedback(feedback), 3);
        AbReport.Comparison auc = report.comparisons().stream().filter(x -> x.metric().equals("AUC")).findFirst()
                .orElseThrow();
        assertFalse(auc.significant(), auc.sentence());
        assertTrue(auc.sentence().contains("do not differ significantly"), auc.sentence());

        AbReport.Comparison rate = report.comparisons().stream().filter(x -> x.metric().startsWith("positive"))
                .findFirst().orElseThrow();
        int xa = (int) feedback.subList(0, 2000).stream().filter(f -> f.actual().equals("yes")).count();
        int xb = (int) feedback.subList(2000, 3500).stream().filter(f -> f.actual().equals("yes")).count();
        double pa = xa / 2000.0;
        double pb = xb / 1500.0;
        double pooled = (xa + xb) / 3500.0;
        double z = (pb - pa) / Math.sqrt(pooled * (1 - pooled) * (1 / 2000.0 + 1 / 1500.0));
        double p = 2 * (1 - new NormalDistribution().cumulativeProbability(Math.abs(z)));
        assertEquals(pb - pa, rate.difference(), 1e-12);
        assertEquals(p, rate.pValue(), 1e-6);
    }

    @Test
    void outcomesFromALabelsFileJoinByKeyAndTooFewAreSaid() {
        List<CaptureRecord> records = new ArrayList<>();
        List<FeedbackRecord> feedback = new ArrayList<>();
        traffic(records, feedback, "A", 100, 1.0, 0.3, 5);
        traffic(records, feedback, "B", 10, 1.0, 0.3, 6);
        Map<String, String> byKey = new HashMap<>();
        feedback.forEach(f -> byKey.put(f.requestId(), f.actual())); // the key column holds the same ids
        AbReport report = AbAnalysis.analyse(records, Outcomes.byKey("customer_id", byKey), 1);
        assertEquals(110, report.labelled());
        assertTrue(report.comparisons().isEmpty());
        assertTrue(report.notes().stream().anyMatch(n -> n.contains("B is not compared with A: 10 and 100")),
                report.notes().toString());
        AbReport none = AbAnalysis.analyse(records, Outcomes.fromFeedback(List.of()), 1);
        assertEquals(0, none.labelled());
        assertTrue(none.notes().stream().anyMatch(n -> n.startsWith("no outcomes yet")), none.notes().toString());
    }
}
