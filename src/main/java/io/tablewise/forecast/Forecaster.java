package io.tablewise.forecast;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.node.NodeException;

/**
 * Forecasts every series of a table: its periods read from the time column (dates, date-times, or text such as
 * {@code 2024-03} or {@code 2024-03-15}), its frequency detected, gaps filled by interpolation (said), duplicates
 * refused; each candidate — the seasonal naive baseline and every admissible exponential smoothing form — backtested
 * from rolling origins, the best kept, and its quantiles calibrated on its backtest errors.
 */
public final class Forecaster {
    /** Backtest windows (as many as the history allows), their origins a quarter season apart. */
    static final int WINDOWS = 12;

    private Forecaster() {
    }

    /**
     * What to forecast.
     *
     * @param time the time column
     * @param target the column to forecast
     * @param series the columns that name a series (empty: one series)
     * @param horizon periods ahead
     * @param frequency D, W, M, Q, Y, or null to detect
     * @param quantiles the quantiles to give, e.g. 0.1, 0.5, 0.9
     */
    public record Options(String time, String target, List<String> series, int horizon, String frequency,
                          List<Double> quantiles) {
        /** Copies the lists. */
        public Options {
            series = List.copyOf(series);
            quantiles = List.copyOf(quantiles);
        }
    }

    /** A candidate's backtest, for the leaderboard. */
    public record Candidate(String model, double mase) {
    }

    /** One series' forecast. */
    public record SeriesResult(List<String> key, String model, double mase, double naiveMase,
                               List<Candidate> leaderboard, int history, int filled) {
    }

    /** The forecasts of every series. */
    public record Result(Table forecast, List<SeriesResult> series, String frequency, List<String> notes) {
        /**
         * The mean backtest MASE of the series that could be backtested, and the seasonal naive's on the same
         * series: {chosen, naive}, or NaN for both when none could.
         */
        public double[] meanMase() {
            double sum = 0;
            double naive = 0;
            int counted = 0;
            for (SeriesResult s : series) {
                if (Double.isFinite(s.mase()) && Double.isFinite(s.naiveMase())) {
                    sum += s.mase();
                    naive += s.naiveMase();
                    counted++;
                }
            }
            return counted == 0 ? new double[] {Double.NaN, Double.NaN} : new double[] {sum / counted,
                naive / counted};
        }
    }

    /** Forecasts {@code table}. */
    public static Result forecast(Table table, Options o) throws NodeException {
        for (String c : concat(List.of(o.time(), o.target()), o.series())) {
            if (!table.containsColumn(c)) {
                throw new NodeException(c.equals(o.time()) ? "time" : c.equals(o.target()) ? "target" : "series",
                        "there is no column '" + c + "'; the columns are " + String.join(", ", table.columnNames()));
            }
        }
        if (!(table.column(o.target()) instanceof NumericColumn<?> y)) {
            throw new NodeException("target", "'" + o.target() + "' holds text; a forecast needs numbers");
        }
        if (o.horizon() < 1) {
            throw new NodeException("horizon", "the horizon must be at least one period");
        }
        LocalDate[] dates = periods(table.column(o.time()));
        Map<List<String>, TreeMap<LocalDate, Double>> groups = new LinkedHashMap<>();
        for (int i = 0; i < table.rowCount(); i++) {
            if (dates[i] == null || y.isMissing(i)) {
                continue;
            }
            List<String> key = new ArrayList<>();
            for (String s : o.series()) {
                key.add(table.column(s).getString(i));
            }
            Double before = groups.computeIfAbsent(key, k -> new TreeMap<>()).put(dates[i], y.getDouble(i));
            if (before != null) {
                throw new NodeException("time", "the series " + (key.isEmpty() ? "" : String.join("/", key) + " ")
                        + "has two values for " + dates[i] + ": sum or average them per period first (Group by)");
            }
        }
        if (groups.isEmpty()) {
            throw new NodeException("time", "no row has both a time and a value");
        }
        List<LocalDate> all = groups.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().toList();
        Frequency f = o.frequency() == null || o.frequency().isBlank() || o.frequency().equalsIgnoreCase("auto")
                ? Frequency.detect(all) : Frequency.of(o.frequency());
        List<String> notes = new ArrayList<>();
        List<SeriesResult> results = new ArrayList<>();
        List<String[]> keys = new ArrayList<>();
        List<LocalDate> times = new ArrayList<>();
        Map<Double, DoubleColumn> qs = new LinkedHashMap<>();
        for (double q : o.quantiles()) {
            qs.put(q, DoubleColumn.create(String.format(Locale.ROOT, "p%d", Math.round(q * 100))));
        }
        for (Map.Entry<List<String>, TreeMap<LocalDate, Double>> g : groups.entrySet()) {
            TreeMap<LocalDate, Double> points = g.getValue();
            LocalDate first = points.firstKey();
            int n = (int) f.between(first, points.lastKey()) + 1;
            double[] v = new double[n];
            java.util.Arrays.fill(v, Double.NaN);
            for (Map.Entry<LocalDate, Double> p : points.entrySet()) {
                v[(int) f.between(first, p.getKey())] = p.getValue();
            }
            int filled = interpolate(v);
            String name = g.getKey().isEmpty() ? "the series" : String.join("/", g.getKey());
            if (filled > 0) {
                notes.add(String.format(Locale.ROOT, "%s: %d missing %s period%s filled by interpolation", name,
                        filled, f.word(), filled == 1 ? "" : "s"));
            }
            if (n < 3) {
                throw new NodeException("time", name + " has " + n + " period" + (n == 1 ? "" : "s") + "; a forecast "
                        + "needs at least 3");
            }
            SeriesChoice c = choose(v, f.season(), o.horizon());
            if (c.seasonalDropped) {
                notes.add(String.format(Locale.ROOT, "%s: %d periods are fewer than two seasons of %d: no seasonal "
                        + "model was tried", name, n, f.season()));
            }
            double[] p50 = c.model.forecast(o.horizon());
            for (int h = 0; h < o.horizon(); h++) {
                keys.add(g.getKey().toArray(String[]::new));
                times.add(f.plus(points.lastKey(), h + 1));
                for (Map.Entry<Double, DoubleColumn> q : qs.entrySet()) {
                    q.getValue().append(p50[h] + c.offset(q.getKey(), h + 1));
                }
            }
            results.add(new SeriesResult(g.getKey(), c.model.name(), c.mase, c.naiveMase, c.leaderboard, n, filled));
        }
        Table out = Table.create("forecast");
        for (int s = 0; s < o.series().size(); s++) {
            StringColumn col = StringColumn.create(o.series().get(s));
            for (String[] k : keys) {
                col.append(k[s]);
            }
            out.addColumns(col);
        }
        out.addColumns(DateColumn.create(o.time(), times));
        qs.values().forEach(out::addColumns);
        return new Result(out, results, f.word(), notes);
    }

    /** The chosen model of a series, its backtest and its error quantiles. */
    private static final class SeriesChoice {
        Model model;
        double mase;
        double naiveMase;
        boolean seasonalDropped;
        List<Candidate> leaderboard = new ArrayList<>();
        double[] scaledErrors = new double[0];

        /** The quantile {@code q}'s distance from the median forecast {@code h} steps ahead. */
        double offset(double q, int h) {
            if (scaledErrors.length == 0) {
                return 0;
            }
            double pos = q * (scaledErrors.length - 1);
            int lo = (int) Math.floor(pos);
            int hi = Math.min(scaledErrors.length - 1, lo + 1);
            double z = scaledErrors[lo] + (pos - lo) * (scaledErrors[hi] - scaledErrors[lo]);
            double median = scaledErrors[(scaledErrors.length - 1) / 2];
            return (z - median) * Math.sqrt(h);
        }
    }

    private static SeriesChoice choose(double[] y, int m, int horizon) {
        SeriesChoice best = new SeriesChoice();
        boolean seasonal = m > 1 && y.length >= 2 * m + 2;
        best.seasonalDropped = m > 1 && !seasonal;
        int season = seasonal ? m : 1;
        Map<String, Function<double[], Model>> candidates = new LinkedHashMap<>();
        candidates.put("naive", h -> new SeasonalNaive(h, season));
        candidates.put("theta", h -> Theta.fit(h, season));
        boolean positive = java.util.Arrays.stream(y).allMatch(v -> v > 0);
        for (Ets.Trend t : Ets.Trend.values()) {
            for (Ets.Season s : Ets.Season.values()) {
                if (s != Ets.Season.NONE && !seasonal || s == Ets.Season.MULTIPLICATIVE && !positive) {
                    continue;
                }
                candidates.put(t + "/" + s, h -> Ets.fit(h, s == Ets.Season.NONE ? 1 : season, t, s));
            }
        }
        Backtest.Result chosen = null;
        Function<double[], Model> chosenFit = null;
        List<Backtest.Result> runs = new ArrayList<>();
        List<Function<double[], Model>> fits = new ArrayList<>();
        int step = Math.max(1, Math.min(horizon, season > 1 ? season / 4 : horizon));
        for (Map.Entry<String, Function<double[], Model>> c : candidates.entrySet()) {
            Backtest.Result r = Backtest.run(y, season, horizon, WINDOWS, step, c.getValue());
            if (r == null) {
                continue;
            }
            runs.add(r);
            fits.add(c.getValue());
            best.leaderboard.add(new Candidate(r.name(), r.mase()));
            if (c.getKey().equals("naive")) {
                best.naiveMase = r.mase();
            }
            if (chosen == null || r.mase() < chosen.mase()) {
                chosen = r;
                chosenFit = c.getValue();
            }
        }
        // the three best, weighted by how well they backtested, when their blend backtests better still
        if (runs.size() >= 3) {
            Integer[] order = new Integer[runs.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> runs.get(i).mase()));
            List<Function<double[], Model>> top = new ArrayList<>();
            double[] w = new double[3];
            double total = 0;
            for (int k = 0; k < 3; k++) {
                top.add(fits.get(order[k]));
                w[k] = 1 / Math.max(1e-9, runs.get(order[k]).mase());
                total += w[k];
            }
            for (int k = 0; k < 3; k++) {
                w[k] /= total;
            }
            Function<double[], Model> blend = h -> {
                List<Model> models = new ArrayList<>();
                for (Function<double[], Model> f : top) {
                    Model m2 = f.apply(h);
                    if (m2 == null) {
                        return null;
                    }
                    models.add(m2);
                }
                return new Ensemble(models, w);
            };
            Backtest.Result r = Backtest.run(y, season, horizon, WINDOWS, step, blend);
            if (r != null) {
                best.leaderboard.add(new Candidate(r.name(), r.mase()));
                if (r.mase() < chosen.mase()) {
                    chosen = r;
                    chosenFit = blend;
                }
            }
        }
        best.leaderboard.sort(java.util.Comparator.comparingDouble(Candidate::mase));
        if (chosen == null) { // too short to backtest: the naive forecast, said by its name
            best.model = new SeasonalNaive(y, season);
            best.mase = Double.NaN;
            best.naiveMase = Double.NaN;
            return best;
        }
        best.model = chosenFit.apply(y);
        best.mase = chosen.mase();
        List<Double> z = new ArrayList<>();
        for (double[] e : chosen.errors()) {
            for (int h = 0; h < e.length; h++) {
                z.add(e[h] / Math.sqrt(h + 1));
            }
        }
        best.scaledErrors = z.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return best;
    }

    /** Fills NaN gaps by straight lines between their neighbours; returns how many. */
    static int interpolate(double[] v) {
        int filled = 0;
        int i = 0;
        while (i < v.length) {
            if (!Double.isNaN(v[i])) {
                i++;
                continue;
            }
            int j = i;
            while (j < v.length && Double.isNaN(v[j])) {
                j++;
            }
            double a = i > 0 ? v[i - 1] : v[j];
            double b = j < v.length ? v[j] : a;
            for (int k = i; k < j; k++) {
                v[k] = a + (b - a) * (k - i + 1) / (j - i + 1);
                filled++;
            }
            i = j;
        }
        return filled;
    }

    /** Each row's period: dates as they are, date-times' dates, text as yyyy-MM-dd, yyyy-MM or yyyy. */
    public static LocalDate[] periods(Column<?> c) throws NodeException {
        LocalDate[] out = new LocalDate[c.size()];
        for (int i = 0; i < c.size(); i++) {
            if (c.isMissing(i)) {
                continue;
            }
            if (c instanceof DateColumn d) {
                out[i] = d.get(i);
            } else if (c instanceof DateTimeColumn d) {
                out[i] = d.get(i).toLocalDate();
            } else {
                String s = c.getString(i).strip();
                try {
                    out[i] = s.matches("\\d{4}") ? LocalDate.of(Integer.parseInt(s), 1, 1)
                            : s.matches("\\d{4}-\\d{1,2}") ? LocalDate.parse(s.length() == 6 ? s.substring(0, 5) + "0"
                            + s.substring(5) + "-01" : s + "-01") : LocalDate.parse(s.length() > 10 ? s.substring(0, 10)
                            : s);
                } catch (DateTimeParseException e) {
                    throw new NodeException("time", "'" + c.name() + "' row " + (i + 1) + " holds '" + s + "', not a "
                            + "date (write it as 2024-03-15, 2024-03 or 2024)");
                }
            }
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
