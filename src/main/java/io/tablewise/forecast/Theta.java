package io.tablewise.forecast;

/**
 * The Theta method (Assimakopoulos and Nikolopoulos; in the form of Hyndman and Billah, as R's {@code thetaf}):
 * simple exponential smoothing with a drift of half the series' linear trend, on the series with its season taken
 * out by a classical multiplicative decomposition when the season is significant (the autocorrelation at lag m
 * beyond the 90% band) and the values positive. It won the M3 competition and is a strong, cheap second opinion
 * beside exponential smoothing.
 */
final class Theta implements Model {
    private final double level;
    private final double alpha;
    private final double drift;
    private final int n;
    private final double[] season; // the next m seasonal indices, in the order the forecasts use them; empty: none

    private Theta(double level, double alpha, double drift, int n, double[] season) {
        this.level = level;
        this.alpha = alpha;
        this.drift = drift;
        this.n = n;
        this.season = season;
    }

    /** Fits {@code y} (season {@code m}; 1 for none). */
    static Theta fit(double[] y, int m) {
        double[] index = m > 1 && y.length >= 2 * m && seasonal(y, m) ? indices(y, m) : null;
        double[] x = y.clone();
        if (index != null) {
            for (int i = 0; i < x.length; i++) {
                x[i] /= index[i % m];
            }
        }
        // drift: half the least-squares slope of the (deseasonalised) series on time
        double mt = (x.length - 1) / 2.0;
        double mx = 0;
        for (double v : x) {
            mx += v / x.length;
        }
        double sxy = 0;
        double stt = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (i - mt) * (x[i] - mx);
            stt += (i - mt) * (i - mt);
        }
        double drift = stt == 0 ? 0 : sxy / stt / 2;
        // simple exponential smoothing: alpha and the initial level by least squares
        double[] start = {0.0, 0.0};
        double unit = Backtest.scale(x, 1);
        java.util.function.Function<double[], Double> sse = p -> {
            double a = 1e-4 + (0.9999 - 1e-4) / (1 + Math.exp(-p[0]));
            double l = x[0] + p[1] * unit;
            double s = 0;
            for (double v : x) {
                double e = v - l;
                s += e * e;
                l += a * e;
            }
            return s;
        };
        double[] best = NelderMead.minimise(sse, start, 400);
        double a = 1e-4 + (0.9999 - 1e-4) / (1 + Math.exp(-best[0]));
        double l = x[0] + best[1] * unit;
        for (double v : x) {
            l += a * (v - l);
        }
        double[] next = new double[0];
        if (index != null) {
            next = new double[m];
            for (int j = 0; j < m; j++) {
                next[j] = index[(y.length + j) % m];
            }
        }
        return new Theta(l, a, drift, x.length, next);
    }

    /** Whether the autocorrelation at lag m lies beyond the 90% band (Bartlett's variance of the lags below it). */
    static boolean seasonal(double[] y, int m) {
        double mean = 0;
        for (double v : y) {
            mean += v / y.length;
        }
        double c0 = 0;
        for (double v : y) {
            c0 += (v - mean) * (v - mean);
        }
        if (c0 == 0) {
            return false;
        }
        double sum = 0;
        double rm = 0;
        for (int k = 1; k <= m; k++) {
            double ck = 0;
            for (int i = k; i < y.length; i++) {
                ck += (y[i] - mean) * (y[i - k] - mean);
            }
            double r = ck / c0;
            if (k < m) {
                sum += r * r;
            } else {
                rm = r;
            }
        }
        return Math.abs(rm) > 1.645 * Math.sqrt((1 + 2 * sum) / y.length);
    }

    /** Multiplicative seasonal indices by position (mean 1) from a centred moving average; null unless positive. */
    private static double[] indices(double[] y, int m) {
        for (double v : y) {
            if (!(v > 0)) {
                return null;
            }
        }
        double[] out = new double[m];
        double[] dev = new double[m];
        int[] count = new int[m];
        int half = m / 2;
        for (int i = half; i + half < y.length; i++) {
            double sum = 0;
            if (m % 2 == 0) {
                sum = 0.5 * y[i - half] + 0.5 * y[i + half];
                for (int k = i - half + 1; k < i + half; k++) {
                    sum += y[k];
                }
            } else {
                for (int k = i - half; k <= i + half; k++) {
                    sum += y[k];
                }
            }
            dev[i % m] += y[i] / (sum / m);
            count[i % m]++;
        }
        double mean = 0;
        for (int j = 0; j < m; j++) {
            out[j] = count[j] == 0 ? 1 : dev[j] / count[j];
            mean += out[j] / m;
        }
        for (int j = 0; j < m; j++) {
            out[j] /= mean;
        }
        return out;
    }

    @Override
    public double[] forecast(int horizon) {
        double[] out = new double[horizon];
        double tail = (1 - Math.pow(1 - alpha, n)) / alpha;
        for (int h = 0; h < horizon; h++) {
            double f = level + drift * (h + tail);
            out[h] = season.length == 0 ? f : f * season[h % season.length];
        }
        return out;
    }

    @Override
    public String name() {
        return season.length == 0 ? "Theta" : "Theta (seasonally adjusted)";
    }
}
