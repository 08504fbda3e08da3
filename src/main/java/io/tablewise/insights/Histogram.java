package io.tablewise.insights;

import java.util.List;

/**
 * Bars of a distribution: numeric bins ({@code [lower, upper)}, the last one closed), categories (top k plus
 * "other"), or periods of time.
 *
 * @param kind "bins", "categories" or "periods"
 * @param rule how the bars were chosen, in words (e.g. "Freedman-Diaconis, 32 bins")
 * @param bars the bars in order
 */
public record Histogram(String kind, String rule, List<Bar> bars) {
    /** Copies the list. */
    public Histogram {
        bars = List.copyOf(bars);
    }

    /**
     * One bar.
     *
     * @param label what the bar stands for
     * @param lower numeric lower edge (NaN for categories)
     * @param upper numeric upper edge (NaN for categories)
     * @param count rows in the bar
     */
    public record Bar(String label, double lower, double upper, long count) {
    }
}
