package io.tablewise.monitor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Attribution drift: whether the columns that drive the model's predictions are still the same, comparing each
 * column's mean absolute SHAP value on the training-time test rows with the batch's. Like SageMaker Clarify, the
 * rankings are compared by normalised discounted cumulative gain (NDCG) over the top columns: 1 when the batch ranks
 * the baseline's top columns the same way; under {@link #THRESHOLD} is drift.
 */
public final class AttributionDrift {
    /** NDCG under which the ranking of columns has drifted (Clarify's default). */
    public static final double THRESHOLD = 0.9;
    /** Columns compared. */
    public static final int TOP = 10;

    private AttributionDrift() {
    }

    /** The NDCG of the batch's ranking against the baseline's, over the baseline's top columns. */
    public static double ndcg(Map<String, Double> baseline, Map<String, Double> batch) {
        List<String> ideal = rank(baseline);
        List<String> actual = rank(batch);
        int k = Math.min(TOP, ideal.size());
        double dcg = 0;
        double best = 0;
        for (int i = 0; i < k; i++) {
            best += baseline.get(ideal.get(i)) / log2(i + 2);
            dcg += baseline.getOrDefault(i < actual.size() ? actual.get(i) : "", 0.0) / log2(i + 2);
        }
        return best == 0 ? 1 : dcg / best;
    }

    /** The finding, or null when the ranking holds. */
    public static Finding finding(Map<String, Double> baseline, Map<String, Double> batch) {
        double ndcg = ndcg(baseline, batch);
        List<String> before = rank(baseline);
        List<String> after = rank(batch);
        String text = String.format(Locale.ROOT, "the columns that drive the predictions %s (NDCG %.3f of the top %d): "
                + "before %s; now %s", ndcg < THRESHOLD ? "changed" : "hold", ndcg, Math.min(TOP, before.size()),
                String.join(", ", before.subList(0, Math.min(3, before.size()))),
                String.join(", ", after.subList(0, Math.min(3, after.size()))));
        return new Finding(Finding.Kind.ATTRIBUTION_DRIFT, "attribution", ndcg < THRESHOLD ? Finding.Severity.VIOLATION
                : Finding.Severity.INFO, text, ndcg < THRESHOLD ? "the model now decides on other columns than it "
                + "learned to rely on; check their drift above and retrain on recent rows" : "nothing to do", ndcg);
    }

    private static List<String> rank(Map<String, Double> importance) {
        List<String> out = new ArrayList<>(importance.keySet());
        out.sort(Comparator.comparingDouble((String c) -> -importance.get(c)).thenComparing(c -> c));
        return out;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
