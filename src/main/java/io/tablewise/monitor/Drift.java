package io.tablewise.monitor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The drift statistics of a column: the population stability index on the baseline's bins, and a test suited to the
 * type: two-sample Kolmogorov-Smirnov for numbers (the baseline read from its quantile sketch), chi-square for
 * categories. With many rows every tiny shift is "significant", so drift is flagged only when the effect is large as
 * well: PSI of at least {@link #DRIFT_PSI} (a warning from {@link #WARNING_PSI}) and a p-value under
 * {@link #ALPHA}.
 *
 * @param psi the population stability index
 * @param statistic the test's statistic (KS distance, or chi-square)
 * @param pValue the test's p-value
 * @param test "Kolmogorov-Smirnov" or "chi-square"
 */
public record Drift(double psi, double statistic, double pValue, String test) {
    /** PSI from which drift is a violation (the credit-scoring rule of thumb: above 0.2 is a significant shift). */
    public static final double DRIFT_PSI = 0.2;
    /** PSI from which a shift is worth a warning. */
    public static final double WARNING_PSI = 0.1;
    /** The p-value a shift must be under as well. */
    public static final double ALPHA = 0.001;
    /** Added to empty shares, so an empty bin counts as rare, not as impossible. */
    private static final double FLOOR = 1e-4;

    /** Whether this is drift (a violation). */
    public boolean drifted() {
        return psi >= DRIFT_PSI && pValue < ALPHA;
    }

    /** Whether this is a shift worth a warning (but not drift). */
    public boolean shifted() {
        return !drifted() && psi >= WARNING_PSI && pValue < ALPHA;
    }

    /** The drift of numbers {@code values} (sorted, no NaN) against the baseline. */
    public static Drift ofNumbers(ColumnBaseline base, double[] sorted) {
        long nBase = base.rows() - base.missing();
        if (sorted.length == 0 || nBase == 0) {
            return new Drift(0, 0, 1, "Kolmogorov-Smirnov");
        }
        double psi = psi(base.shares(), binShares(sorted, base.edges()));
        double d = 0;
        int n = sorted.length;
        for (int i = 0; i < n; i++) {
            double f = baseCdf(base.quantiles(), sorted[i]);
            d = Math.max(d, Math.max(Math.abs((i + 1) / (double) n - f), Math.abs(i / (double) n - f)));
        }
        double effective = (double) n * nBase / (n + nBase);
        return new Drift(psi, d, kolmogorovP(d, effective), "Kolmogorov-Smirnov");
    }

    /** The drift of category counts {@code counts} against the baseline (unseen values count as "other"). */
    public static Drift ofCategories(ColumnBaseline base, Map<String, Long> counts) {
        Map<String, Long> observed = new LinkedHashMap<>();
        long n = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            String key = base.categories().containsKey(e.getKey()) ? e.getKey() : "\u0000other";
            observed.merge(key, e.getValue(), Long::sum);
            n += e.getValue();
        }
        if (n == 0) {
            return new Drift(0, 0, 1, "chi-square");
        }
        double[] expected = new double[base.categories().size() + 1];
        double[] actual = new double[expected.length];
        int k = 0;
        for (Map.Entry<String, Double> e : base.categories().entrySet()) {
            expected[k] = e.getValue();
            actual[k++] = observed.getOrDefault(e.getKey(), 0L) / (double) n;
        }
        expected[k] = base.otherShare();
        actual[k] = observed.getOrDefault("\u0000other", 0L) / (double) n;
        double chi = 0;
        int df = -1;
        for (int i = 0; i < expected.length; i++) {
            double e = Math.max(expected[i], FLOOR);
            if (expected[i] > 0 || actual[i] > 0) {
                chi += n * (actual[i] - e) * (actual[i] - e) / e;
                df++;
            }
        }
        return new Drift(psi(expected, actual), chi, df <= 0 ? 1 : chiSquareP(chi, df), "chi-square");
    }

    /** Population stability index of {@code actual} against {@code expected} shares. */
    static double psi(double[] expected, double[] actual) {
        double sum = 0;
        for (int i = 0; i < expected.length; i++) {
            double e = Math.max(expected[i], FLOOR);
            double a = Math.max(actual[i], FLOOR);
            sum += (a - e) * Math.log(a / e);
        }
        return sum;
    }

    /** The share of sorted values in each bin: below the first edge, between edges, from the last edge. */
    static double[] binShares(double[] sorted, double[] edges) {
        double[] shares = new double[edges.length + 1];
        if (sorted.length == 0) {
            return shares;
        }
        int from = 0;
        for (int b = 0; b < edges.length; b++) {
            int to = lowerBound(sorted, edges[b]);
            shares[b] = (to - from) / (double) sorted.length;
            from = to;
        }
        shares[edges.length] = (sorted.length - from) / (double) sorted.length;
        return shares;
    }

    /** The baseline's cumulative share at {@code x}, interpolated between its percentiles. */
    static double baseCdf(double[] q, double x) {
        if (x < q[0]) {
            return 0;
        }
        if (x >= q[q.length - 1]) {
            return 1;
        }
        int hi = upperBound(q, x); // first percentile above x
        int lo = hi - 1;
        double span = q[hi] - q[lo];
        double within = span <= 0 ? 1 : (x - q[lo]) / span;
        return (lo + within) / (q.length - 1);
    }

    static int lowerBound(double[] a, double x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static int upperBound(double[] a, double x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The {@code q} quantile of sorted values, interpolated linearly. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double at = q * (sorted.length - 1);
        int lo = (int) Math.floor(at);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (at - lo) * (sorted[hi] - sorted[lo]);
    }

    /** The asymptotic Kolmogorov p-value of distance {@code d} for {@code n} effective rows (Numerical Recipes). */
    static double kolmogorovP(double d, double n) {
        double root = Math.sqrt(n);
        double lambda = (root + 0.12 + 0.11 / root) * d;
        if (lambda < 0.2) {
            return 1;
        }
        double sum = 0;
        double sign = 1;
        for (int k = 1; k <= 100; k++) {
            double term = sign * Math.exp(-2 * k * k * lambda * lambda);
            sum += term;
            if (Math.abs(term) < 1e-12) {
                break;
            }
            sign = -sign;
        }
        return Math.max(0, Math.min(1, 2 * sum));
    }

    /** The upper tail of the chi-square distribution: 1 - P(df/2, x/2), the regularized lower incomplete gamma. */
    static double chiSquareP(double x, int df) {
        return 1 - regularizedGamma(df / 2.0, x / 2.0);
    }

    private static double regularizedGamma(double a, double x) {
        if (x <= 0) {
            return 0;
        }
        double lnGamma = lnGamma(a);
        if (x < a + 1) { // the series
            double sum = 1 / a;
            double term = sum;
            for (int n = 1; n < 1000; n++) {
                term *= x / (a + n);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * 1e-15) {
                    break;
                }
            }
            return sum * Math.exp(-x + a * Math.log(x) - lnGamma);
        }
        // the continued fraction of the upper tail (Lentz)
        double b = x + 1 - a;
        double c = 1 / 1e-300;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 1000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < 1e-300 ? 1e-300 : d;
            c = b + an / c;
            c = Math.abs(c) < 1e-300 ? 1e-300 : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-15) {
                break;
            }
        }
        return 1 - Math.exp(-x + a * Math.log(x) - lnGamma) * h;
    }

    /** ln Γ(a) by the Lanczos approximation. */
    static double lnGamma(double a) {
        double[] g = {76.18009172947146, -86.50532032941677, 24.01409824083091, -1.231739572450155,
            0.1208650973866179e-2, -0.5395239384953e-5};
        double x = a;
        double y = a;
        double tmp = x + 5.5;
        tmp -= (x + 0.5) * Math.log(tmp);
        double ser = 1.000000000190015;
        for (double c : g) {
            ser += c / ++y;
        }
        return -tmp + Math.log(2.5066282746310005 * ser / x);
    }
}
