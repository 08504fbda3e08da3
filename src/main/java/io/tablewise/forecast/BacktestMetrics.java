package io.tablewise.forecast;

import java.util.List;

/**
 * Accuracy of forecasts against what happened, in the measures forecasters compare: MASE (error relative to the
 * seasonal naive's in-sample error), WAPE (absolute error over total volume), RMSE, MAPE (over non-zero actuals),
 * wQL (the weighted quantile loss averaged over the quantiles) and the share of actuals inside the outer quantiles'
 * band.
 *
 * @param mase mean absolute scaled error
 * @param wape weighted absolute percentage error, a fraction
 * @param rmse root mean squared error
 * @param mape mean absolute percentage error over non-zero actuals, a fraction (NaN when all are zero)
 * @param wql weighted quantile loss, averaged over the quantiles
 * @param coverage share of actuals between the lowest and highest quantile
 * @param points forecasts measured
 */
public record BacktestMetrics(double mase, double wape, double rmse, double mape, double wql, double coverage,
                              int points) {
    /**
     * One series' window: what happened, the median forecast's errors, and how its quantiles were made.
     *
     * @param actual what happened
     * @param errors actual − median forecast, by step
     * @param scale the MASE denominator
     * @param quantiles the quantiles forecast
     * @param spread the sorted (scaled) errors the quantiles come from
     * @param globalScale the series' scale when the spread is relative to it (global model), or −1 when the spread
     *        grows with the square root of the step (local models)
     */
    record Window(double[] actual, double[] errors, double scale, List<Double> quantiles, double[] spread,
                  double globalScale) {
        double quantile(double q, int step) {
            double off = Quantiles.offset(spread, q);
            return actual[step] - errors[step] + (globalScale >= 0 ? off * globalScale : off * Math.sqrt(step + 1));
        }
    }

    /** The metrics pooled over windows. */
    static BacktestMetrics of(List<Window> windows) {
        double scaled = 0;
        double abs = 0;
        double volume = 0;
        double squares = 0;
        double pct = 0;
        int pctCount = 0;
        double loss = 0;
        int inside = 0;
        int n = 0;
        for (Window w : windows) {
            double lo = w.quantiles().stream().mapToDouble(Double::doubleValue).min().orElse(0.5);
            double hi = w.quantiles().stream().mapToDouble(Double::doubleValue).max().orElse(0.5);
            for (int h = 0; h < w.errors().length; h++) {
                double e = w.errors()[h];
                double a = w.actual()[h];
                scaled += Math.abs(e) / w.scale();
                abs += Math.abs(e);
                volume += Math.abs(a);
                squares += e * e;
                if (a != 0) {
                    pct += Math.abs(e / a);
                    pctCount++;
                }
                for (double q : w.quantiles()) {
                    double f = w.quantile(q, h);
                    loss += 2 * (q * Math.max(a - f, 0) + (1 - q) * Math.max(f - a, 0)) / w.quantiles().size();
                }
                inside += a >= w.quantile(lo, h) && a <= w.quantile(hi, h) ? 1 : 0;
                n++;
            }
        }
        if (n == 0) {
            return null;
        }
        return new BacktestMetrics(scaled / n, volume > 0 ? abs / volume : Double.NaN, Math.sqrt(squares / n),
                pctCount > 0 ? pct / pctCount : Double.NaN, volume > 0 ? loss / volume : Double.NaN,
                inside / (double) n, n);
    }

    /** The mean absolute scaled error of {@code errors}. */
    static double mase(double[] errors, double scale) {
        double s = 0;
        for (double e : errors) {
            s += Math.abs(e) / scale;
        }
        return errors.length == 0 ? Double.NaN : s / errors.length;
    }

    /** For JSON: the measures by name. */
    public java.util.Map<String, Object> toMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("mase", mase);
        m.put("wape", wape);
        m.put("rmse", rmse);
        m.put("mape", mape);
        m.put("wql", wql);
        m.put("coverage", coverage);
        m.put("points", points);
        return m;
    }
}
