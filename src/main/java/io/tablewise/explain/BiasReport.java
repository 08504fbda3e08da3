package io.tablewise.explain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bias report of one sensitive column (facet): each of its groups against the rest, with Clarify's pre-training
 * metrics of the labels and post-training metrics of the model's predictions, each with its interval.
 *
 * @param facet the sensitive column
 * @param target the label column
 * @param positive the label value counted as positive (the favourable outcome the rates count)
 * @param rows the rows measured (with a label)
 * @param groups each group against the rest
 */
public record BiasReport(String facet, String target, String positive, long rows, List<Group> groups) {
    /** Copies the list. */
    public BiasReport {
        groups = List.copyOf(groups);
    }

    /**
     * One group of the facet against every other row.
     *
     * @param name the group ("F", "age > 40", "[30, 45)")
     * @param group its confusion counts
     * @param rest the other rows' counts
     * @param values every metric with its interval
     */
    public record Group(String name, BiasMetrics.Counts group, BiasMetrics.Counts rest,
                        List<BiasMetrics.Value> values) {
        /** Copies the list. */
        public Group {
            values = List.copyOf(values);
        }

        /** A metric's value. */
        public BiasMetrics.Value value(BiasMetrics.Metric m) {
            return values.stream().filter(v -> v.metric() == m).findFirst().orElseThrow();
        }
    }

    /** The group with the lowest disparate impact (the one a fairness gate looks at), or null without groups. */
    public Group worst() {
        Group worst = null;
        for (Group g : groups) {
            double di = g.value(BiasMetrics.Metric.DI).value();
            if (Double.isFinite(di) && (worst == null || di < worst.value(BiasMetrics.Metric.DI).value())) {
                worst = g;
            }
        }
        return worst;
    }

    /**
     * The report as numbers a pipeline condition reads: {@code disparateImpact} (the lowest over the groups),
     * {@code maxAbs.<METRIC>} (the largest absolute value of each metric) and {@code groups.<name>.<METRIC>}.
     */
    public Map<String, Object> metrics() {
        Map<String, Object> out = new LinkedHashMap<>();
        Group worst = worst();
        out.put("facet", facet);
        out.put("disparateImpact", worst == null ? null : worst.value(BiasMetrics.Metric.DI).value());
        Map<String, Object> maxAbs = new LinkedHashMap<>();
        for (BiasMetrics.Metric m : BiasMetrics.Metric.values()) {
            double most = Double.NaN;
            for (Group g : groups) {
                double v = Math.abs(g.value(m).value());
                if (Double.isFinite(v) && !(most >= v)) {
                    most = v;
                }
            }
            maxAbs.put(m.name(), Double.isNaN(most) ? null : most);
        }
        out.put("maxAbs", maxAbs);
        Map<String, Object> byGroup = new LinkedHashMap<>();
        for (Group g : groups) {
            Map<String, Object> values = new LinkedHashMap<>();
            g.values().forEach(v -> values.put(v.metric().name(), Double.isFinite(v.value()) ? v.value() : null));
            byGroup.put(g.name(), values);
        }
        out.put("groups", byGroup);
        return out;
    }

    /** The finding in one sentence: positive prediction rates of the worst group and the rest, and its DI. */
    public String headline() {
        Group w = worst();
        if (w == null) {
            return String.format(Locale.ROOT, "No group of %s has a disparate impact that can be measured (no "
                    + "positive predictions).", facet);
        }
        double di = w.value(BiasMetrics.Metric.DI).value();
        return String.format(Locale.ROOT, "The model predicts '%s' for %.1f%% of %s = %s and %.1f%% of the other "
                + "rows: a disparate impact of %.2f, %s the four-fifths rule's 0.8.", positive,
                100 * w.group().predictedRate(), facet, w.name(), 100 * w.rest().predictedRate(), di,
                di >= 0.8 ? "within" : "below");
    }
}
