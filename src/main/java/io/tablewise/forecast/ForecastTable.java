package io.tablewise.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The forecast's output as its series are added: the series columns, the period, one column per quantile (p10, p50,
 * p90). Each quantile is the median forecast plus its distance in the series' error spread — growing with the square
 * root of the step for local models, relative to the series' size for the global one — never below zero for a series
 * that never was.
 */
final class ForecastTable {
    private final Forecaster.Options options;
    private final Frequency frequency;
    private final List<String[]> keys = new ArrayList<>();
    private final List<LocalDate> times = new ArrayList<>();
    private final Map<Double, DoubleColumn> quantiles = new LinkedHashMap<>();

    ForecastTable(Forecaster.Options options, Frequency frequency) {
        this.options = options;
        this.frequency = frequency;
        for (double q : options.quantiles()) {
            quantiles.put(q, DoubleColumn.create(Forecaster.quantileColumn(q)));
        }
    }

    /**
     * Adds the periods after series {@code s}: its median forecasts and the sorted errors its quantiles come from,
     * {@code relative} when they are relative to the series' size (the global model) rather than per step.
     */
    void add(SeriesData s, double[] p50, double[] spread, boolean relative) {
        double scale = GlobalBoosting.scale(s.y, s.y.length);
        LocalDate last = frequency.plus(s.first, s.y.length - 1);
        for (int h = 0; h < p50.length; h++) {
            keys.add(s.key.toArray(String[]::new));
            times.add(frequency.plus(last, h + 1));
            for (Map.Entry<Double, DoubleColumn> q : quantiles.entrySet()) {
                double off = Quantiles.offset(spread, q.getKey());
                q.getValue().append(s.floor(p50[h] + (relative ? off * scale : off * Math.sqrt(h + 1))));
            }
        }
    }

    /** The table of every series added. */
    Table table() {
        Table out = Table.create("forecast");
        for (int k = 0; k < options.series().size(); k++) {
            StringColumn col = StringColumn.create(options.series().get(k));
            for (String[] key : keys) {
                col.append(key[k]);
            }
            out.addColumns(col);
        }
        out.addColumns(DateColumn.create(options.time(), times));
        quantiles.values().forEach(out::addColumns);
        return out;
    }
}
