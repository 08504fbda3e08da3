package io.tablewise.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Rolling-origin backtests: the model is fitted on the history up to an origin and forecasts the next
 * {@code horizon} periods, for several origins stepping back from the end; it never sees what it forecasts. The
 * errors are scaled by the in-sample seasonal naive error (MASE), so series of any size compare.
 */
final class Backtest {
    /**
     * A candidate's backtest.
     *
     * @param name the model's name (of its fit on the whole history)
     * @param mase the mean absolute scaled error over every window and step
     * @param errors each window's errors (actual − forecast) by step, for calibrating quantiles
     */
    record Result(String name, double mase, List<double[]> errors) {
    }

    private Backtest() {
    }

    /** Windows to run: as many as fit (up to {@code windows}) leaving at least two seasons to fit on. */
    static Result run(double[] y, int m, int horizon, int windows, Function<double[], Model> fit) {
        return run(y, m, horizon, windows, horizon, fit);
    }

    /** As {@link #run(double[], int, int, int, Function)}, the origins {@code step} periods apart. */
    static Result run(double[] y, int m, int horizon, int windows, int step, Function<double[], Model> fit) {
        double scale = scale(y, m);
        List<double[]> errors = new ArrayList<>();
        double sum = 0;
        int count = 0;
        int minimum = Math.max(2 * Math.max(m, 1) + 2, 8);
        for (int w = 1; w <= windows; w++) {
            int origin = y.length - horizon - (w - 1) * step;
            if (origin < minimum) {
                break;
            }
            Model model = fit.apply(java.util.Arrays.copyOf(y, origin));
            if (model == null) {
                return null;
            }
            double[] f = model.forecast(horizon);
            double[] e = new double[horizon];
            for (int h = 0; h < horizon; h++) {
                e[h] = y[origin + h] - f[h];
                sum += Math.abs(e[h]) / scale;
                count++;
            }
            errors.add(e);
        }
        if (count == 0) {
            return null;
        }
        Model whole = fit.apply(y);
        return new Result(whole == null ? "?" : whole.name(), sum / count, errors);
    }

    /** The in-sample mean absolute error of the seasonal naive forecast (lag m, or 1). */
    static double scale(double[] y, int m) {
        int lag = m > 1 && y.length > m ? m : 1;
        double s = 0;
        for (int i = lag; i < y.length; i++) {
            s += Math.abs(y[i] - y[i - lag]);
        }
        double mean = s / Math.max(1, y.length - lag);
        return mean > 0 ? mean : 1;
    }
}
