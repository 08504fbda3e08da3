package io.tablewise.forecast;

import java.time.LocalDate;
import java.util.List;

/**
 * One series ready to forecast: its key (the series columns' values), its first period, its values (gaps filled) and
 * its future-known covariates over the history and the horizon after it (NaN where unknown).
 */
final class SeriesData {
    final List<String> key;
    final LocalDate first;
    final double[] y;
    final int filled;
    /** [covariate][period], the periods of the history then the horizon. */
    final double[][] covariates;
    /** Static attributes: other columns with one value throughout the series (a category, a region). */
    final java.util.Map<String, String> statics;
    private Boolean nonNegative;

    SeriesData(List<String> key, LocalDate first, double[] y, int filled, double[][] covariates) {
        this(key, first, y, filled, covariates, java.util.Map.of());
    }

    SeriesData(List<String> key, LocalDate first, double[] y, int filled, double[][] covariates,
               java.util.Map<String, String> statics) {
        this.statics = java.util.Map.copyOf(statics);
        this.key = List.copyOf(key);
        this.first = first;
        this.y = y;
        this.filled = filled;
        this.covariates = covariates;
    }

    /** A forecast value kept at or above zero when the history never went below it (sales, counts). */
    double floor(double v) {
        if (nonNegative == null) {
            nonNegative = java.util.Arrays.stream(y).allMatch(x -> x >= 0);
        }
        return nonNegative && v < 0 ? 0 : v;
    }

    /** "the series" or the key joined by slashes. */
    String name() {
        return key.isEmpty() ? "the series" : String.join("/", key);
    }

    /** The covariate {@code c} at period {@code t}, NaN when unknown. */
    double covariate(int c, int t) {
        double[] v = covariates[c];
        return t < v.length ? v[t] : Double.NaN;
    }
}
