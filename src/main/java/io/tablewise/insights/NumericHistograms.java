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
public final class NumericHistograms {
    private static final int DISCRETE_MAX = 30;
    private static final int MIN_BINS = 10;
    private static final int MAX_BINS = 50;

    private NumericHistograms() {
    }

    static Histogram of(double[] sorted, boolean integers, long unique, NumericStats stats) {
        int n = sorted.length;
        if (discrete(integers, unique)) {
            List<double[]> counted = new ArrayList<>();
            int i = 0;
            while (i < n) {
                int j = i;
                while (j < n && sorted[j] == sorted[i]) {
                    j++;
                }
                counted.add(new double[] {sorted[i], j - i});
                i = j;
            }
            return perValue(counted, unique);
        }
        Bins bins = Bins.of(n, sorted[0], sorted[n - 1], stats.q3() - stats.q1());
        long[] counts = new long[bins.count()];
        for (double v : sorted) {
            counts[bins.of(v)]++;
        }
        return bins.histogram(counts);
    }

    /** One bar per value: each {value, count} in ascending order of value. */
    public static Histogram perValue(List<double[]> counted, long unique) {
        List<Histogram.Bar> bars = new ArrayList<>();
        for (double[] vc : counted) {
            bars.add(new Histogram.Bar(Long.toString((long) vc[0]), vc[0], vc[0], (long) vc[1]));
        }
        return new Histogram("bins", "one bar per value (" + unique + " distinct integers)", bars);
    }

    /** Whether a column gets one bar per value: integers with at most 30 distinct values. */
    public static boolean discrete(boolean integers, long unique) {
        return integers && unique <= DISCRETE_MAX;
    }

    /**
     * Equal-width bins from a column's figures alone — how many values, the smallest, the largest, the IQR — so an
     * engine holding the values in parts counts them into the very bins the engine draws.
     *
     * @param rule the rule in words
     * @param min the lower edge of the first bin
     * @param max the upper edge of the last bin (closed)
     * @param count how many bins (1 for a single value)
     */
    public record Bins(String rule, double min, double max, int count) implements java.io.Serializable {
        /** The bins for n values between min and max with this IQR. */
        public static Bins of(long n, double min, double max, double iqr) {
            if (min == max) {
                return new Bins("a single value", min, max, 1);
            }
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
            return new Bins(String.format(Locale.ROOT, "%s, %d equal-width bins", rule, bins), min, max, bins);
        }

        /** The bin of a value. */
        public int of(double v) {
            if (count == 1) {
                return 0;
            }
            int b = (int) ((v - min) / ((max - min) / count));
            return Math.min(count - 1, Math.max(0, b));
        }

        /** The bars of counts per bin. */
        public Histogram histogram(long[] counts) {
            if (count == 1) {
                return new Histogram("bins", rule, List.of(new Histogram.Bar(CellFormat.decimal(min), min, max,
                        counts[0])));
            }
            double width = (max - min) / count;
            List<Histogram.Bar> bars = new ArrayList<>();
            for (int b = 0; b < count; b++) {
                double lo = min + b * width;
                double hi = b == count - 1 ? max : min + (b + 1) * width;
                bars.add(new Histogram.Bar(String.format(Locale.ROOT, "%s to %s", label(lo), label(hi)), lo, hi,
                        counts[b]));
            }
            return new Histogram("bins", rule, bars);
        }
    }

    private static String label(double v) {
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e6 || a < 1e-3)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 1 ? "%.2f" : "%.3f", v);
    }
}
