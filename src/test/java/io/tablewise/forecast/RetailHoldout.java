package io.tablewise.forecast;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The generated retail sales with the last days held out (their sales blank, their promotions and prices kept), and
 * the held-out accuracy of a forecast of them: for the retail tests and the forecast benchmark.
 */
public final class RetailHoldout {
    private RetailHoldout() {
    }

    /** {@code all} with the sales from {@code cut} on blank. */
    public static Table history(Table all, LocalDate cut) {
        Table history = all.copy();
        DoubleColumn sales = all.numberColumn("sales").asDoubleColumn().copy();
        sales.setName("sales");
        history.replaceColumn("sales", sales);
        for (int i = 0; i < history.rowCount(); i++) {
            if (!history.dateColumn("date").get(i).isBefore(cut)) {
                sales.setMissing(i);
            }
        }
        return history;
    }

    /**
     * {WAPE of p50, WAPE of the true mean (the noise floor), share inside P10-P90} over the forecast's rows from
     * {@code from} on.
     */
    public static double[] heldOut(Table all, Table forecast, LocalDate from) {
        Map<String, double[]> truth = new HashMap<>();
        for (int i = 0; i < all.rowCount(); i++) {
            truth.put(all.stringColumn("store").get(i) + "/" + all.stringColumn("item").get(i) + "/"
                    + all.dateColumn("date").get(i), new double[] {all.numberColumn("sales").getDouble(i),
                        all.numberColumn("expected").getDouble(i)});
        }
        double err = 0;
        double floor = 0;
        double volume = 0;
        int inside = 0;
        int n = 0;
        for (int i = 0; i < forecast.rowCount(); i++) {
            LocalDate day = forecast.dateColumn("date").get(i);
            if (day.isBefore(from)) {
                continue;
            }
            double[] t = truth.get(forecast.stringColumn("store").get(i) + "/" + forecast.stringColumn("item").get(i)
                    + "/" + day);
            err += Math.abs(t[0] - forecast.doubleColumn("p50").get(i));
            floor += Math.abs(t[0] - t[1]);
            volume += t[0];
            inside += t[0] >= forecast.doubleColumn("p10").get(i) && t[0] <= forecast.doubleColumn("p90").get(i)
                    ? 1 : 0;
            n++;
        }
        return new double[] {err / volume, floor / volume, inside / (double) n};
    }
}
