package io.tablewise.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A column's distribution in the baseline and in a batch on the same bins (the baseline's decile bins for numbers,
 * its most frequent values and "other" for categories), the two the studio draws overlaid.
 *
 * @param bins each bin's label, in order
 * @param baseline the baseline's share of values per bin
 * @param batch the batch's share of values per bin
 */
public record Overlay(List<String> bins, double[] baseline, double[] batch) {
    /** The label of the bin of values the baseline did not keep by name. */
    public static final String OTHER = "(other)";

    /** Checks the lengths agree. */
    public Overlay {
        bins = List.copyOf(bins);
        if (baseline.length != bins.size() || batch.length != bins.size()) {
            throw new IllegalArgumentException("an overlay needs one share per bin");
        }
    }

    /** The overlay of sorted numbers against the baseline's bins. */
    static Overlay ofNumbers(ColumnBaseline base, double[] sorted) {
        double[] edges = base.edges();
        List<String> bins = new ArrayList<>();
        for (int b = 0; b <= edges.length; b++) {
            if (edges.length == 0) {
                bins.add("all");
            } else if (b == 0) {
                bins.add("< " + plain(edges[0]));
            } else if (b == edges.length) {
                bins.add("≥ " + plain(edges[b - 1]));
            } else {
                bins.add(plain(edges[b - 1]) + " – " + plain(edges[b]));
            }
        }
        double[] shares = base.shares().length == bins.size() ? base.shares() : new double[bins.size()];
        return new Overlay(bins, shares.clone(), Drift.binShares(sorted, edges));
    }

    /** The overlay of category counts against the baseline's kept values (the rest, unseen ones too, as "other"). */
    static Overlay ofCategories(ColumnBaseline base, Map<String, Long> counts) {
        long n = counts.values().stream().mapToLong(Long::longValue).sum();
        List<String> bins = new ArrayList<>(base.categories().keySet());
        bins.add(OTHER);
        double[] before = new double[bins.size()];
        double[] after = new double[bins.size()];
        long named = 0;
        for (int i = 0; i < bins.size() - 1; i++) {
            before[i] = base.categories().get(bins.get(i));
            long c = counts.getOrDefault(bins.get(i), 0L);
            after[i] = n == 0 ? 0 : c / (double) n;
            named += c;
        }
        before[bins.size() - 1] = base.otherShare();
        after[bins.size() - 1] = n == 0 ? 0 : (n - named) / (double) n;
        return new Overlay(bins, before, after);
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.3g", v);
    }
}
