package io.tablewise.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.tablewise.data.CellFormat;

/**
 * Bins for a numeric histogram. Integers with at most 30 distinct values get one bar per value. Otherwise the
 * Freedman-Diaconis rule (bin width 2 IQR / n^(1/3), robust to outliers) sets the number of equal-width bins,
 * kept between 10 and 50; when the IQR is 0 Sturges' rule (log2 n + 1) is used instead.
 */
final class NumericHistograms {
    private static final int DISCRETE_MAX = 30;
    private static final int MIN_BINS = 10;
    private static final int MAX_BINS = 50;

    private NumericHistograms() {
    }

    static Histogram of(double[] sorted, boolean integers, long unique, NumericStats stats) {
        int n = sorted.length;
        if (integers && unique <= DISCRETE_MAX) {
            List<Histogram.Bar> bars = new ArrayList<>();
            int i = 0;
            while (i < n) {
                int j = i;
                while (j < n && sorted[j] == sorted[i]) {
                    j++;
                }
                bars.add(new Histogram.Bar(Long.toString((long) sorted[i]), sorted[i], sorted[i], j - i));
                i = j;
            }
            return new Histogram("bins", "one bar per value (" + unique + " distinct integers)", bars);
        }
        double min = sorted[0];
        double max = sorted[n - 1];
        if (min == max) {
            return new Histogram("bins", "a single value", List.of(new Histogram.Bar(CellFormat.decimal(min), min,
                    max, n)));
        }
        double iqr = stats.q3() - stats.q1();
        int bins;
        String rule;
        if (iqr > 0) {
            double width = 2 * iqr / Math.cbrt(n);
            bins = (int) Math.ceil((max - min) / width);
            rule = "Freedman-Diaconis";
        } else {
            bins = (int) Math.ceil(Math.log(n) / Math.log(2) + 1);
            rule = "Sturges (the IQR is 0)";
        }
        bins = Math.max(MIN_BINS, Math.min(MAX_BINS, bins));
        double width = (max - min) / bins;
        long[] counts = new long[bins];
        for (double v : sorted) {
            int b = (int) ((v - min) / width);
            counts[Math.min(bins - 1, Math.max(0, b))]++;
        }
        List<Histogram.Bar> bars = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            double lo = min + b * width;
            double hi = b == bins - 1 ? max : min + (b + 1) * width;
            bars.add(new Histogram.Bar(String.format(Locale.ROOT, "%s to %s", label(lo), label(hi)), lo, hi,
                    counts[b]));
        }
        return new Histogram("bins", String.format(Locale.ROOT, "%s, %d equal-width bins", rule, bins), bars);
    }

    private static String label(double v) {
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e6 || a < 1e-3)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 1 ? "%.2f" : "%.3f", v);
    }
}
