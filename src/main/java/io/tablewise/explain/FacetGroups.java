package io.tablewise.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;

/**
 * The groups of a sensitive column: a category's values (the most frequent, the rest as "(other)"), or a number
 * column split at a threshold or into quantile bins; a blank cell is the group "(blank)".
 *
 * @param names the groups, in order
 * @param groupOf each row's group index
 */
public record FacetGroups(List<String> names, int[] groupOf) {
    /** Category values kept as their own group. */
    public static final int MOST_GROUPS = 12;

    /** Copies the list. */
    public FacetGroups {
        names = List.copyOf(names);
    }

    /**
     * The groups of {@code c}.
     *
     * @param value one value to compare with the rest (categories); null for every group
     * @param threshold a number column's split ({@code <= t} and {@code > t}); NaN for bins
     * @param bins the number of quantile bins of a number column without a threshold
     * @throws IllegalArgumentException when {@code value} is not in the column
     */
    public static FacetGroups of(Column<?> c, String value, double threshold, int bins) {
        int n = c.size();
        int[] groupOf = new int[n];
        List<String> names = new ArrayList<>();
        if (c instanceof NumericColumn<?> number && (value == null || !Double.isNaN(threshold))) {
            double[] cuts;
            if (!Double.isNaN(threshold)) {
                cuts = new double[] {threshold};
                names.add("<= " + plain(threshold));
                names.add("> " + plain(threshold));
            } else {
                double[] sorted = java.util.stream.IntStream.range(0, n).filter(i -> !c.isMissing(i))
                        .mapToDouble(number::getDouble).sorted().toArray();
                java.util.TreeSet<Double> distinct = new java.util.TreeSet<>();
                for (int b = 1; b < bins && sorted.length > 0; b++) {
                    distinct.add(sorted[(int) Math.min(sorted.length - 1, Math.floor(b * sorted.length
                            / (double) bins))]);
                }
                distinct.remove(sorted.length == 0 ? Double.NaN : sorted[0]); // no empty lowest bin
                cuts = distinct.stream().mapToDouble(Double::doubleValue).toArray();
                if (cuts.length == 0) {
                    names.add("all");
                }
                for (int b = 0; b < cuts.length + (cuts.length == 0 ? 0 : 1); b++) {
                    names.add(b == 0 ? "< " + plain(cuts[0]) : b == cuts.length ? ">= " + plain(cuts[b - 1])
                            : "[" + plain(cuts[b - 1]) + ", " + plain(cuts[b]) + ")");
                }
            }
            boolean blanks = false;
            for (int i = 0; i < n; i++) {
                if (c.isMissing(i)) {
                    groupOf[i] = -1;
                    blanks = true;
                    continue;
                }
                double v = number.getDouble(i);
                int b = 0;
                if (!Double.isNaN(threshold)) {
                    b = v <= threshold ? 0 : 1;
                } else {
                    while (b < cuts.length && v >= cuts[b]) {
                        b++;
                    }
                }
                groupOf[i] = b;
            }
            return withBlanks(names, groupOf, blanks);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (!c.isMissing(i)) {
                counts.merge(c.getString(i), 1, Integer::sum);
            }
        }
        if (value != null && !counts.containsKey(value)) {
            throw new IllegalArgumentException("'" + c.name() + "' has no value '" + value + "'; its values are "
                    + String.join(", ", counts.keySet().stream().limit(MOST_GROUPS).toList()));
        }
        List<String> kept = counts.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue() != 0 ? b.getValue() - a.getValue()
                        : a.getKey().compareTo(b.getKey()))
                .map(Map.Entry::getKey).limit(MOST_GROUPS).toList();
        if (value != null) {
            names.add(value);
            names.add("(other)");
        } else {
            names.addAll(kept);
            if (counts.size() > kept.size()) {
                names.add("(other)");
            }
        }
        boolean blanks = false;
        for (int i = 0; i < n; i++) {
            if (c.isMissing(i)) {
                groupOf[i] = -1;
                blanks = true;
                continue;
            }
            String s = c.getString(i);
            int g = value != null ? (value.equals(s) ? 0 : 1) : names.indexOf(s);
            groupOf[i] = g >= 0 ? g : names.indexOf("(other)");
        }
        return withBlanks(names, groupOf, blanks);
    }

    private static FacetGroups withBlanks(List<String> names, int[] groupOf, boolean blanks) {
        if (blanks) {
            names.add("(blank)");
            for (int i = 0; i < groupOf.length; i++) {
                if (groupOf[i] < 0) {
                    groupOf[i] = names.size() - 1;
                }
            }
        }
        return new FacetGroups(names, groupOf);
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.4g", v);
    }

    /**
     * The report of every group against the rest (with {@code only} set, that group alone), from each row's label
     * and prediction (positive or not); rows with no label are left out.
     */
    public BiasReport report(String facet, String target, String positive, Boolean[] label, boolean[] predicted,
                             String only, long seed) {
        int g = names.size();
        long[][] cells = new long[g][4];
        long rows = 0;
        for (int i = 0; i < label.length; i++) {
            if (label[i] == null) {
                continue;
            }
            rows++;
            int cell = label[i] ? (predicted[i] ? 0 : 2) : (predicted[i] ? 1 : 3);
            cells[groupOf[i]][cell]++;
        }
        long[] total = new long[4];
        for (long[] c : cells) {
            for (int k = 0; k < 4; k++) {
                total[k] += c[k];
            }
        }
        List<BiasReport.Group> groups = new ArrayList<>();
        for (int k = 0; k < g; k++) {
            if (only != null && !names.get(k).equals(only)) {
                continue;
            }
            long[] c = cells[k];
            if (c[0] + c[1] + c[2] + c[3] == 0) {
                continue;
            }
            BiasMetrics.Counts group = new BiasMetrics.Counts(c[0], c[1], c[2], c[3]);
            BiasMetrics.Counts rest = new BiasMetrics.Counts(total[0] - c[0], total[1] - c[1], total[2] - c[2],
                    total[3] - c[3]);
            groups.add(new BiasReport.Group(names.get(k), group, rest, BiasMetrics.measure(group, rest, seed + k)));
        }
        return new BiasReport(facet, target, positive, rows, groups);
    }
}
