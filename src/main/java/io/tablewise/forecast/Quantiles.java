package io.tablewise.forecast;

import java.util.List;

/**
 * Forecast quantiles from backtest errors (conformal in spirit): the errors a model made from past origins, scaled so
 * steps compare, give each quantile's distance from the median forecast.
 */
final class Quantiles {
    private Quantiles() {
    }

    /** Each window's errors (actual − forecast) by step, divided by the square root of the step, sorted. */
    static double[] scaled(List<double[]> errors) {
        int n = 0;
        for (double[] e : errors) {
            n += e.length;
        }
        double[] z = new double[n];
        int i = 0;
        for (double[] e : errors) {
            for (int h = 0; h < e.length; h++) {
                z[i++] = e[h] / Math.sqrt(h + 1);
            }
        }
        java.util.Arrays.sort(z);
        return z;
    }

    /** The {@code q} quantile of sorted values minus their median (0 when there are none). */
    static double offset(double[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return at(sorted, q) - at(sorted, 0.5);
    }

    /** The {@code q} quantile of sorted values, interpolated. */
    static double at(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** At most {@code k} evenly spaced quantiles of sorted values (what a saved model keeps). */
    static double[] thin(double[] sorted, int k) {
        if (sorted.length <= k) {
            return sorted.clone();
        }
        double[] out = new double[k];
        for (int i = 0; i < k; i++) {
            out[i] = at(sorted, i / (double) (k - 1));
        }
        return out;
    }
}
