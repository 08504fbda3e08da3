package io.tablewise.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.node.NodeException;

/**
 * "What if we run the promotion every day next month?": one series forecast again from a saved model with its
 * known-ahead columns set to other values over the horizon, beside the forecast as planned. The history and the
 * fitted forms are the same, so the difference is the covariates' effect as the global model learned it.
 */
public final class ForecastWhatIf {
    private ForecastWhatIf() {
    }

    /**
     * The two forecasts of one series.
     *
     * @param dates the periods ahead
     * @param planned the median forecasts with the covariates as given
     * @param changed the median forecasts with the changed values
     */
    public record Outcome(List<LocalDate> dates, double[] planned, double[] changed) {
        /** The total change over the horizon, relative to the planned total (NaN when that is zero). */
        public double relativeChange() {
            double a = 0;
            double b = 0;
            for (int h = 0; h < planned.length; h++) {
                a += planned[h];
                b += changed[h];
            }
            return a == 0 ? Double.NaN : b / a - 1;
        }

        /** The planned and changed totals. */
        public double[] totals() {
            double a = 0;
            double b = 0;
            for (int h = 0; h < planned.length; h++) {
                a += planned[h];
                b += changed[h];
            }
            return new double[] {a, b};
        }
    }

    /**
     * Forecasts series {@code key} of {@code history} with each covariate in {@code values} set to its value on
     * every future row (rows after the series' last value, the target blank); covariates not named stay as planned.
     */
    public static Outcome run(ForecastModel model, Table history, List<String> key, Map<String, Double> values)
            throws NodeException {
        Forecaster.Options o = model.options();
        if (o.covariates().isEmpty()) {
            throw new NodeException("covariates", "the forecast has no known-ahead columns to change");
        }
        for (String c : values.keySet()) {
            if (!o.covariates().contains(c)) {
                throw new NodeException("covariates", "'" + c + "' is not a known-ahead column of this forecast ("
                        + String.join(", ", o.covariates()) + ")");
            }
        }
        Table changed = history.copy();
        Column<?> target = changed.column(o.target());
        LocalDate[] dates = Forecaster.periods(changed.column(o.time()));
        LocalDate last = null;
        for (int i = 0; i < changed.rowCount(); i++) {
            if (matches(changed, o.series(), key, i) && !target.isMissing(i) && dates[i] != null
                    && (last == null || dates[i].isAfter(last))) {
                last = dates[i];
            }
        }
        int future = 0;
        for (int i = 0; i < changed.rowCount(); i++) {
            if (!matches(changed, o.series(), key, i) || !target.isMissing(i) || dates[i] == null || last == null
                    || !dates[i].isAfter(last)) {
                continue;
            }
            future++;
            for (Map.Entry<String, Double> v : values.entrySet()) {
                set(changed.column(v.getKey()), i, v.getValue());
            }
        }
        if (future == 0) {
            throw new NodeException("covariates", "the series " + String.join("/", key) + " has no rows after its "
                    + "last value: add rows with the future dates, the known-ahead columns filled and the target blank");
        }
        double[] planned = series(model.forecastFrom(history).forecast(), o, key);
        Table after = model.forecastFrom(changed).forecast();
        double[] what = series(after, o, key);
        List<LocalDate> when = new ArrayList<>();
        for (int i = 0; i < after.rowCount(); i++) {
            if (matches(after, o.series(), key, i)) {
                when.add(after.dateColumn(o.time()).get(i));
            }
        }
        return new Outcome(when, planned, what);
    }

    private static double[] series(Table forecast, Forecaster.Options o, List<String> key) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < forecast.rowCount(); i++) {
            if (matches(forecast, o.series(), key, i)) {
                out.add(forecast.doubleColumn("p50").get(i));
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static boolean matches(Table t, List<String> columns, List<String> key, int row) {
        return Forecaster.keyOf(t, columns, row).equals(key);
    }

    /** Sets a numeric or yes/no cell. */
    private static void set(Column<?> c, int row, double v) {
        if (c instanceof BooleanColumn b) {
            b.set(row, v != 0);
        } else if (c instanceof tech.tablesaw.api.DoubleColumn d) {
            d.set(row, v);
        } else if (c instanceof tech.tablesaw.api.IntColumn d) {
            d.set(row, (int) Math.round(v));
        } else if (c instanceof tech.tablesaw.api.LongColumn d) {
            d.set(row, Math.round(v));
        } else if (c instanceof tech.tablesaw.api.FloatColumn d) {
            d.set(row, (float) v);
        } else if (c instanceof tech.tablesaw.api.ShortColumn d) {
            d.set(row, (short) Math.round(v));
        } else if (c instanceof NumericColumn<?>) {
            throw new IllegalStateException("unexpected numeric column type " + c.type());
        }
    }
}
