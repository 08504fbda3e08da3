package io.tablewise.anomaly;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.forecast.Forecaster;
import io.tablewise.node.NodeException;

/**
 * Anomalies in time: a value far outside the band its series' level and season lead to, or — with no value column —
 * a burst of rows (many more in an hour or a day than usual, as card testing makes). Each series (or the whole table)
 * becomes a regular series — the value per row in time order, or the rows counted per hour (date-times) or per day
 * (dates), empty periods counting zero — whose usual value is a robust decomposition: a moving median for the level,
 * the median deviation of each position in the season (the hour of the day, the day of the week), so the anomalies
 * themselves do not bend it. A period is unusual when it lies more than {@link #FAR} robust deviations from usual, or
 * {@link #RUN} or more periods in a row lie beyond {@link #NEAR} on the same side; at most the expected share of
 * periods is flagged, the most unusual first.
 */
public final class TimeAnomalies {
    /** Robust deviations beyond which one period is unusual. */
    static final double FAR = 3.5;
    /** Robust deviations beyond which a run of periods is unusual. */
    static final double NEAR = 2.5;
    /** Periods in a row that make a run. */
    static final int RUN = 3;

    private TimeAnomalies() {
    }

    /**
     * What to look at.
     *
     * @param time the time column (dates, date-times, instants, or text dates)
     * @param value the value column, or null to count rows per period
     * @param series columns naming each series (empty: one)
     * @param share the largest share of periods to flag
     */
    public record Options(String time, String value, List<String> series, double share) {
        /** Checks the share. */
        public Options {
            if (!(share > 0 && share < 0.5)) {
                throw new IllegalArgumentException("the share to flag must be between 0 and 0.5, not " + share);
            }
            series = List.copyOf(series);
        }
    }

    /** Scores every row by its period. */
    public static AnomalyReport detect(Table table, Options o) throws NodeException {
        if (!table.containsColumn(o.time())) {
            throw new NodeException("time", "there is no column '" + o.time() + "'; the columns are "
                    + String.join(", ", table.columnNames()));
        }
        NumericColumn<?> value = null;
        if (o.value() != null) {
            if (!table.containsColumn(o.value())) {
                throw new NodeException("value", "there is no column '" + o.value() + "'");
            }
            if (!(table.column(o.value()) instanceof NumericColumn<?> v)) {
                throw new NodeException("value", "'" + o.value() + "' holds text; the value must be a number");
            }
            value = v;
        }
        Column<?> timeColumn = table.column(o.time());
        boolean hourly = o.value() == null && (timeColumn instanceof DateTimeColumn
                || timeColumn instanceof InstantColumn);
        LocalDateTime[] when = times(timeColumn);
        int n = table.rowCount();
        Map<List<String>, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (when[i] == null || value != null && value.isMissing(i)) {
                continue;
            }
            List<String> key = new ArrayList<>();
            for (String s : o.series()) {
                key.add(table.column(s).getString(i));
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        double[] scores = new double[n];
        boolean[] flagged = new boolean[n];
        String[] reasons = new String[n];
        Arrays.fill(reasons, "");
        for (Map.Entry<List<String>, List<Integer>> g : groups.entrySet()) {
            List<Integer> rows = g.getValue();
            rows.sort((a, b) -> when[a].compareTo(when[b]));
            String name = g.getKey().isEmpty() ? "" : String.join("/", g.getKey()) + ": ";
            if (value == null) {
                counts(rows, when, hourly, o.share(), name, scores, flagged, reasons);
            } else {
                values(rows, when, value, o.value(), o.share(), name, scores, flagged, reasons);
            }
        }
        double threshold = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (flagged[i]) {
                threshold = Math.min(threshold, scores[i]);
            }
        }
        return new AnomalyReport(scores, flagged, reasons, Double.isFinite(threshold) ? threshold : Double.NaN,
                o.value() == null ? List.of(o.time()) : List.of(o.time(), o.value()), List.of());
    }

    /** Rows counted per hour or day; a period with far more rows than usual flags its rows. */
    private static void counts(List<Integer> rows, LocalDateTime[] when, boolean hourly, double share, String name,
                               double[] scores, boolean[] flagged, String[] reasons) {
        ChronoUnit unit = hourly ? ChronoUnit.HOURS : ChronoUnit.DAYS;
        LocalDateTime first = when[rows.get(0)].truncatedTo(unit);
        int periods = (int) unit.between(first, when[rows.get(rows.size() - 1)].truncatedTo(unit)) + 1;
        double[] y = new double[periods];
        int[] period = new int[rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            period[k] = (int) unit.between(first, when[rows.get(k)].truncatedTo(unit));
            y[period[k]]++;
        }
        double[] usual = usual(y, hourly ? 24 : 7);
        double[] z = new double[periods];
        for (int t = 0; t < periods; t++) {
            // counts are Poisson around the usual (at least half a row, so one row in a quiet night is no burst):
            // the chance of this many or more, as the normal deviation with that upper tail
            z[t] = y[t] <= usual[t] ? 0 : upperTailToZ(poissonAtLeast((int) y[t], Math.max(usual[t], 0.5)));
        }
        boolean[] unusual = flag(z, share, true);
        for (int k = 0; k < rows.size(); k++) {
            int t = period[k];
            int row = rows.get(k);
            scores[row] = z[t];
            if (unusual[t]) {
                flagged[row] = true;
                LocalDateTime at = first.plus(t, unit);
                reasons[row] = String.format(Locale.ROOT, "%sone of %.0f rows in the %s %s, where about %.1f are "
                        + "usual: a burst", name, y[t], hourly ? "hour" : "day", hourly
                        ? at.toString().replace('T', ' ') : at.toLocalDate().toString(), Math.max(0, usual[t]));
            }
        }
    }

    /** A value per row in time order; one far from usual, or a run beyond the near band, is flagged. */
    private static void values(List<Integer> rows, LocalDateTime[] when, NumericColumn<?> value, String column,
                               double share, String name, double[] scores, boolean[] flagged, String[] reasons) {
        double[] y = new double[rows.size()];
        for (int k = 0; k < y.length; k++) {
            y[k] = value.getDouble(rows.get(k));
        }
        int season = season(rows, when);
        double[] usual = usual(y, season);
        double s = spread(y, usual);
        double[] z = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            z[t] = s > 0 ? (y[t] - usual[t]) / s : 0;
        }
        boolean[] unusual = flag(z, share, false);
        for (int k = 0; k < y.length; k++) {
            int row = rows.get(k);
            scores[row] = Math.abs(z[k]);
            if (unusual[k]) {
                flagged[row] = true;
                reasons[row] = String.format(Locale.ROOT, "%s'%s' %s is %.1f deviations %s what its level and "
                        + "season lead to (about %s)%s", name, column, number(y[k]), Math.abs(z[k]), z[k] > 0
                        ? "above" : "below", number(usual[k]), Math.abs(z[k]) < FAR ? ", one of a run of unusual "
                        + "values" : "");
            }
        }
    }

    /** The season of a value series from its typical gap: 24 hours, 7 days, 12 months, none. */
    private static int season(List<Integer> rows, LocalDateTime[] when) {
        if (rows.size() < 3) {
            return 1;
        }
        long[] gaps = new long[rows.size() - 1];
        for (int k = 1; k < rows.size(); k++) {
            gaps[k - 1] = ChronoUnit.MINUTES.between(when[rows.get(k - 1)], when[rows.get(k)]);
        }
        Arrays.sort(gaps);
        long gap = gaps[gaps.length / 2];
        int season = gap > 0 && gap <= 60 ? (int) (24 * 60 / gap) : gap <= 24 * 60 ? 7 : gap <= 31 * 24 * 60 ? 12 : 1;
        return rows.size() >= 3 * season ? season : 1;
    }

    /**
     * The usual value of each period: a centred moving median (two seasons wide, at least 7 periods) for the level,
     * plus the median deviation from it of the period's position in the season.
     */
    static double[] usual(double[] y, int season) {
        int n = y.length;
        int half = Math.max(3, season);
        double[] level = new double[n];
        for (int t = 0; t < n; t++) {
            int a = Math.max(0, t - half);
            int b = Math.min(n, t + half + 1);
            level[t] = io.tablewise.ml.Stats.quantile(sorted(y, a, b), 0.5);
        }
        double[] out = level.clone();
        if (season > 1 && n >= 2 * season) {
            double[] position = new double[season];
            for (int j = 0; j < season; j++) {
                List<Double> d = new ArrayList<>();
                for (int t = j; t < n; t += season) {
                    d.add(y[t] - level[t]);
                }
                position[j] = io.tablewise.ml.Stats.quantile(d.stream().mapToDouble(Double::doubleValue).sorted()
                        .toArray(), 0.5);
            }
            for (int t = 0; t < n; t++) {
                out[t] += position[t % season];
            }
        }
        return out;
    }

    /** 1.4826 × the median absolute deviation from usual: the standard deviation, robust to the anomalies. */
    static double spread(double[] y, double[] usual) {
        double[] d = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            d[t] = Math.abs(y[t] - usual[t]);
        }
        Arrays.sort(d);
        return 1.4826 * io.tablewise.ml.Stats.quantile(d, 0.5);
    }

    /** Periods beyond {@link #FAR}, or in runs beyond {@link #NEAR}; at most {@code share} of them, largest first. */
    static boolean[] flag(double[] z, double share, boolean upOnly) {
        int n = z.length;
        boolean[] out = new boolean[n];
        for (int t = 0; t < n; t++) {
            double v = upOnly ? z[t] : Math.abs(z[t]);
            out[t] = v >= FAR;
        }
        int t = 0;
        while (t < n) {
            int sign = z[t] >= NEAR ? 1 : !upOnly && z[t] <= -NEAR ? -1 : 0;
            if (sign == 0) {
                t++;
                continue;
            }
            int end = t;
            while (end + 1 < n && sign * z[end + 1] >= NEAR) {
                end++;
            }
            if (end - t + 1 >= RUN) {
                for (int k = t; k <= end; k++) {
                    out[k] = true;
                }
            }
            t = end + 1;
        }
        int most = Math.max(1, (int) Math.ceil(share * n));
        Integer[] order = java.util.stream.IntStream.range(0, n).filter(k -> out[k]).boxed().toArray(Integer[]::new);
        if (order.length > most) {
            Arrays.sort(order, (a, b) -> Double.compare(Math.abs(z[b]), Math.abs(z[a])));
            for (int k = most; k < order.length; k++) {
                out[order[k]] = false;
            }
        }
        return out;
    }

    /** P(X ≥ k) for X Poisson with mean {@code lambda}. */
    static double poissonAtLeast(int k, double lambda) {
        if (k <= 0) {
            return 1;
        }
        double below = 0;
        double term = Math.exp(-lambda);
        for (int i = 0; i < k; i++) {
            below += term;
            term *= lambda / (i + 1);
        }
        if (below < 0.999) {
            return 1 - below;
        }
        double tail = 0; // 1 - below loses its digits: sum the tail itself
        term = Math.exp(-lambda + k * Math.log(lambda) - lgamma(k + 1));
        for (int i = k; i < k + 200 && term > 1e-300; i++) {
            tail += term;
            term *= lambda / (i + 1);
        }
        return tail;
    }

    /** The standard normal deviate with upper tail {@code p} (Abramowitz and Stegun 26.2.23, error below 5e-4). */
    static double upperTailToZ(double p) {
        if (p >= 0.5) {
            return 0;
        }
        double t = Math.sqrt(-2 * Math.log(Math.max(p, 1e-300)));
        return t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t
                + 0.001308 * t * t * t);
    }

    /** ln Γ(x) (Stirling's series with a shift, ample for counts). */
    private static double lgamma(double x) {
        double shift = 0;
        while (x < 7) {
            shift -= Math.log(x);
            x++;
        }
        double x2 = 1 / (x * x);
        return shift + (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI)
                + (1.0 / 12 - x2 * (1.0 / 360 - x2 / 1260)) / x;
    }

    private static double[] sorted(double[] y, int from, int to) {
        double[] s = Arrays.copyOfRange(y, from, to);
        Arrays.sort(s);
        return s;
    }

    private static String number(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.4g", v);
    }

    /** Each row's moment: date-times as they are, instants in UTC, dates at midnight, text dates by the forecast's rules. */
    private static LocalDateTime[] times(Column<?> c) throws NodeException {
        LocalDateTime[] out = new LocalDateTime[c.size()];
        if (c instanceof DateTimeColumn d) {
            for (int i = 0; i < out.length; i++) {
                out[i] = d.isMissing(i) ? null : d.get(i);
            }
        } else if (c instanceof InstantColumn d) {
            for (int i = 0; i < out.length; i++) {
                out[i] = d.isMissing(i) ? null : LocalDateTime.ofInstant(d.get(i), ZoneOffset.UTC);
            }
        } else {
            LocalDate[] days = c instanceof DateColumn d ? d.asObjectArray() : Forecaster.periods(c);
            for (int i = 0; i < out.length; i++) {
                out[i] = days[i] == null ? null : days[i].atStartOfDay();
            }
        }
        return out;
    }
}
