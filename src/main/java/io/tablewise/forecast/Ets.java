package io.tablewise.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Exponential smoothing (Holt–Winters in state-space form, Hyndman et al.): a level, an optional trend (damped or
 * not) and an optional additive or multiplicative season of period m, each smoothed with its own weight; the weights
 * minimise the one-step-ahead squared errors (Nelder–Mead inside their admissible region), and among the forms the
 * one with the lowest AICc is kept, as R's {@code forecast::ets} does.
 */
final class Ets implements Model {
    enum Trend { NONE, ADDITIVE, DAMPED }

    enum Season { NONE, ADDITIVE, MULTIPLICATIVE }

    private final Trend trend;
    private final Season season;
    private final int m;
    private final double alpha;
    private final double beta;
    private final double gamma;
    private final double phi;
    private final double level;
    private final double slope;
    private final double[] seasonal; // the last m seasonal states, oldest first
    private final double sse;
    private final int n;

    private Ets(Trend trend, Season season, int m, double[] p, State end, double sse, int n) {
        this.trend = trend;
        this.season = season;
        this.m = m;
        this.alpha = p[0];
        this.beta = p[1];
        this.gamma = p[2];
        this.phi = p[3];
        this.level = end.level;
        this.slope = end.slope;
        this.seasonal = end.seasonal;
        this.sse = sse;
        this.n = n;
    }

    /** The states after the last observation. */
    private record State(double level, double slope, double[] seasonal) {
    }

    /** The best form for {@code y} by AICc ({@code m} ≤ 1 or fewer than two seasons: no season). */
    static Ets fit(double[] y, int m) {
        boolean positive = true;
        for (double v : y) {
            positive &= v > 0;
        }
        boolean seasonal = m > 1 && y.length >= 2 * m + 2;
        List<Ets> candidates = new ArrayList<>();
        for (Trend t : Trend.values()) {
            for (Season s : Season.values()) {
                if (s != Season.NONE && !seasonal || s == Season.MULTIPLICATIVE && !positive) {
                    continue;
                }
                if (t != Trend.NONE && y.length < 6) {
                    continue;
                }
                Ets e = fit(y, seasonal ? m : 1, t, s);
                if (e != null) {
                    candidates.add(e);
                }
            }
        }
        Ets best = null;
        for (Ets e : candidates) {
            if (best == null || e.aicc() < best.aicc()) {
                best = e;
            }
        }
        return best;
    }

    static Ets fit(double[] y, int m, Trend t, Season s) {
        int k = 1 + (t == Trend.NONE ? 0 : 1) + (s == Season.NONE ? 0 : 1) + (t == Trend.DAMPED ? 1 : 0);
        int levels = t == Trend.NONE ? 1 : 2;
        // a long season (52 weeks) keeps its seasonal states from the decomposition: estimating 51 more numbers
        // by simplex search is slow and overfits (R's ets refuses seasons over 24 for the same reason)
        int seasons = s == Season.NONE || m > 24 ? 0 : m - 1;
        int states = levels + seasons;
        double[] init = initialStates(y, s == Season.NONE ? 1 : m, t, s);
        // the initial level and trend are estimated with the weights, as R's ets does: in units of the series'
        // typical one-season change, so the simplex's unit steps fit any scale
        double unit = Backtest.scale(y, m);
        double[] start = new double[k + states];
        java.util.Arrays.fill(start, 0, k, -1.0); // about 0.27 on the logistic scale
        java.util.function.Function<double[], double[]> startStates = x -> {
            double[] i = init.clone();
            i[0] += x[k] * unit;
            if (levels == 2) {
                i[1] += x[k + 1] * unit / Math.max(1, m);
            }
            if (seasons > 0) { // m - 1 free seasonal states; the last keeps them summing to 0 (or averaging 1)
                double sum = 0;
                for (int j = 0; j < seasons; j++) {
                    i[2 + j] += x[k + levels + j] * (s == Season.ADDITIVE ? unit : 0.05);
                    sum += i[2 + j];
                }
                i[2 + seasons] = s == Season.ADDITIVE ? -sum : m - sum;
            }
            return i;
        };
        java.util.function.Function<double[], Double> objective = x -> {
            double[] p = params(x, t, s);
            if (p == null) {
                return Double.MAX_VALUE;
            }
            double[] e = run(y, m, t, s, p, startStates.apply(x), null);
            return e == null ? Double.MAX_VALUE : e[0];
        };
        double[] best = NelderMead.minimise(objective, start, 200 * (k + states));
        double[] p = params(best, t, s);
        if (p == null) {
            return null;
        }
        State[] end = new State[1];
        double[] r = run(y, m, t, s, p, startStates.apply(best), end);
        if (r == null || !Double.isFinite(r[0])) {
            return null;
        }
        return new Ets(t, s, m, p, end[0], r[0], y.length);
    }

    /** alpha, beta, gamma, phi from the optimiser's free coordinates; null outside the admissible region. */
    private static double[] params(double[] x, Trend t, Season s) {
        int i = 0;
        double alpha = squash(x[i++], 1e-4, 0.9999);
        double beta = t == Trend.NONE ? 0 : squash(x[i++], 1e-4, alpha);
        double gamma = s == Season.NONE ? 0 : squash(x[i++], 1e-4, 1 - alpha);
        double phi = t == Trend.DAMPED ? squash(x[i], 0.8, 0.98) : 1;
        return new double[] {alpha, beta, gamma, phi};
    }

    private static double squash(double x, double lo, double hi) {
        return lo + (hi - lo) / (1 + Math.exp(-x));
    }

    /** Runs the recursions: {SSE}, and the final states into {@code end[0]}; null when a state breaks down. */
    private static double[] run(double[] y, int m, Trend t, Season s, double[] p, double[] init, State[] end) {
        double alpha = p[0];
        double beta = p[1];
        double gamma = p[2];
        double phi = p[3];
        int seasons = s == Season.NONE ? 1 : m;
        double l = init[0];
        double b = init[1];
        double[] season = new double[Math.max(1, seasons)];
        if (s != Season.NONE) {
            System.arraycopy(init, 2, season, 0, seasons);
        }
        double sse = 0;
        for (int i = 0; i < y.length; i++) {
            double sPrev = s == Season.NONE ? 0 : season[i % seasons];
            double base = l + phi * b;
            double fitted = s == Season.MULTIPLICATIVE ? base * sPrev : base + sPrev;
            double e = y[i] - fitted;
            sse += e * e;
            double lNew;
            if (s == Season.MULTIPLICATIVE) {
                if (Math.abs(sPrev) < 1e-12) {
                    return null;
                }
                lNew = alpha * (y[i] / sPrev) + (1 - alpha) * base;
            } else {
                lNew = alpha * (y[i] - sPrev) + (1 - alpha) * base;
            }
            double bNew = t == Trend.NONE ? 0 : beta * (lNew - l) + (1 - beta) * phi * b;
            if (s == Season.ADDITIVE) {
                season[i % seasons] = gamma * (y[i] - base) + (1 - gamma) * sPrev;
            } else if (s == Season.MULTIPLICATIVE) {
                if (Math.abs(base) < 1e-12) {
                    return null;
                }
                season[i % seasons] = gamma * (y[i] / base) + (1 - gamma) * sPrev;
            }
            l = lNew;
            b = bNew;
            if (!Double.isFinite(l) || !Double.isFinite(b)) {
                return null;
            }
        }
        if (end != null) {
            // the seasonal states in the order the next observations use them
            double[] ordered = new double[seasons];
            for (int j = 0; j < seasons; j++) {
                ordered[j] = season[(y.length + j) % seasons];
            }
            end[0] = new State(l, b, ordered);
        }
        return new double[] {sse};
    }

    /**
     * Initial level, trend and seasonal states, as Hyndman et al. start them: the season from a classical
     * decomposition of the first years (a centred moving average of one season removed, the deviations averaged by
     * position and centred), then the level and trend from a straight line through the first deseasonalised values.
     */
    static double[] initialStates(double[] y, int m, Trend t, Season s) {
        double[] out = new double[2 + Math.max(1, m)];
        double[] deseason = y.clone();
        if (s != Season.NONE) {
            int span = Math.min(y.length, Math.max(2 * m, Math.min(4 * m, y.length)));
            double[] dev = new double[m];
            int[] count = new int[m];
            int half = m / 2;
            for (int i = half; i + half < span && i + half < y.length; i++) {
                double ma;
                if (m % 2 == 0) { // a 2 x m moving average centres an even season
                    if (i - half < 0 || i + half >= y.length) {
                        continue;
                    }
                    double sum = 0.5 * y[i - half] + 0.5 * y[i + half];
                    for (int k = i - half + 1; k < i + half; k++) {
                        sum += y[k];
                    }
                    ma = sum / m;
                } else {
                    double sum = 0;
                    for (int k = i - half; k <= i + half; k++) {
                        sum += y[k];
                    }
                    ma = sum / m;
                }
                dev[i % m] += s == Season.ADDITIVE ? y[i] - ma : y[i] / ma;
                count[i % m]++;
            }
            double mean = 0;
            for (int j = 0; j < m; j++) {
                dev[j] = count[j] == 0 ? (s == Season.ADDITIVE ? 0 : 1) : dev[j] / count[j];
                mean += dev[j] / m;
            }
            for (int j = 0; j < m; j++) {
                out[2 + j] = s == Season.ADDITIVE ? dev[j] - mean : dev[j] / mean;
            }
            for (int i = 0; i < y.length; i++) {
                deseason[i] = s == Season.ADDITIVE ? y[i] - out[2 + i % m] : y[i] / out[2 + i % m];
            }
        }
        int k = Math.min(10, deseason.length);
        double mx = (k - 1) / 2.0;
        double my = 0;
        for (int i = 0; i < k; i++) {
            my += deseason[i] / k;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < k; i++) {
            sxy += (i - mx) * (deseason[i] - my);
            sxx += (i - mx) * (i - mx);
        }
        double slope = t == Trend.NONE || sxx == 0 ? 0 : sxy / sxx;
        // the states before the first observation: one step back along the line
        out[0] = t == Trend.NONE ? my : my - mx * slope - slope;
        out[1] = slope;
        return out;
    }

    /** Small-sample corrected Akaike criterion from the Gaussian likelihood of the one-step errors. */
    double aicc() {
        int k = 2 + (trend == Trend.NONE ? 0 : 2) + (trend == Trend.DAMPED ? 1 : 0)
                + (season == Season.NONE ? 0 : m);
        double aic = n * Math.log(Math.max(sse, 1e-300) / n) + 2 * k;
        return n - k - 1 > 0 ? aic + 2.0 * k * (k + 1) / (n - k - 1) : Double.MAX_VALUE;
    }

    @Override
    public double[] forecast(int horizon) {
        double[] out = new double[horizon];
        double damp = 0;
        for (int h = 1; h <= horizon; h++) {
            damp += trend == Trend.NONE ? 0 : Math.pow(phi, h);
            double base = level + damp * slope;
            double s = season == Season.NONE ? 0 : seasonal[(h - 1) % seasonal.length];
            out[h - 1] = season == Season.MULTIPLICATIVE ? base * s : base + s;
        }
        return out;
    }

    @Override
    public String name() {
        String t = switch (trend) {
            case NONE -> "N";
            case ADDITIVE -> "A";
            case DAMPED -> "Ad";
        };
        String s = switch (season) {
            case NONE -> "N";
            case ADDITIVE -> "A";
            case MULTIPLICATIVE -> "M";
        };
        return String.format(Locale.ROOT, "ETS(A,%s,%s)", t, s);
    }
}
