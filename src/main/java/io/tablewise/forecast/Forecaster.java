package io.tablewise.forecast;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.node.CancelledException;
import io.tablewise.node.NodeException;
import io.tablewise.node.ProgressMonitor;

/**
 * Forecasts every series of a table: its periods read from the time column (dates, date-times, or text such as
 * {@code 2024-03} or {@code 2024-03-15}), its frequency detected, gaps filled by interpolation (said), duplicates
 * refused; each series' local candidates (seasonal naive, Theta, exponential smoothing, a blend) backtested from
 * rolling origins and the best kept; with enough data, one global boosted model over every series (lags, calendar,
 * holidays, future-known covariates) backtested on the last window against the local choices and used, alone or
 * blended, when it does better; quantiles calibrated on the backtest errors.
 */
public final class Forecaster {
    /** Periods over all series below which the global model is not tried (a boosted model needs data). */
    static final int GLOBAL_MIN_POINTS = 2000;

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
     * @param holidays the holiday calendar
     * @param covariates numeric columns known ahead (price, promotion): their future values in rows after each
     *        series' last value, the target blank
     * @param global whether the global boosted model may be tried
     * @param budget seconds the whole forecast may take (0: no limit): past 60% of it the remaining series get the
     *        quick screen, past 90% only the seasonal naive, and the global model is not started past 70%
     */
    public record Options(String time, String target, List<String> series, int horizon, String frequency,
                          List<Double> quantiles, Holidays holidays, List<String> covariates, boolean global,
                          double budget) {
        /** Copies the lists. */
        public Options {
            series = List.copyOf(series);
            quantiles = List.copyOf(quantiles);
            covariates = List.copyOf(covariates);
            holidays = holidays == null ? Holidays.none() : holidays;
        }

        /** No time limit. */
        public Options(String time, String target, List<String> series, int horizon, String frequency,
                       List<Double> quantiles, Holidays holidays, List<String> covariates, boolean global) {
            this(time, target, series, horizon, frequency, quantiles, holidays, covariates, global, 0);
        }

        /** No holidays, no covariates, the global model when the data allow it. */
        public Options(String time, String target, List<String> series, int horizon, String frequency,
                       List<Double> quantiles) {
            this(time, target, series, horizon, frequency, quantiles, Holidays.none(), List.of(), true);
        }
    }

    /** A candidate's backtest, for the leaderboard. */
    public record Candidate(String model, double mase) {
    }

    /**
     * One series' forecast.
     *
     * @param key the series columns' values
     * @param model the chosen model in words
     * @param mase its backtest MASE (over the local windows, or the last window when the global model is chosen)
     * @param naiveMase the seasonal naive's on the same windows
     * @param leaderboard the local candidates' backtests
     * @param history periods of history
     * @param filled periods filled by interpolation
     * @param backtest the metrics of the chosen model's forecasts in the last backtest window (null when too short)
     */
    public record SeriesResult(List<String> key, String model, double mase, double naiveMase,
                               List<Candidate> leaderboard, int history, int filled, BacktestMetrics backtest) {
    }

    /**
     * The forecasts of every series.
     *
     * @param forecast series columns, time, one column per quantile
     * @param series each series' result
     * @param frequency the frequency in words
     * @param notes what the user should check (filled gaps, series left out or too short, missing future values)
     * @param method how it was done (the quick screen, the approaches compared and the one used)
     * @param overall the last backtest window's metrics over every series (null when none could be backtested)
     * @param approaches the last window's mean MASE of the local choices, the global model and their blend (NaN
     *        when not tried), and the seasonal naive's
     * @param model what forecasts again from newer history
     */
    public record Result(Table forecast, List<SeriesResult> series, String frequency, List<String> notes,
                         List<String> method, BacktestMetrics overall, Map<String, Double> approaches, ForecastModel model) {
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
        return forecast(table, o, ProgressMonitor.NONE);
    }

    /** Forecasts {@code table}, saying how far it got and stopping when cancelled. */
    public static Result forecast(Table table, Options o, ProgressMonitor progress) throws NodeException {
        Prepared p = prepare(table, o, null);
        List<SeriesData> data = p.data;
        int horizon = o.horizon();
        int season = p.frequency.season();
        List<String> notes = p.notes;
        List<String> method = new ArrayList<>();
        // local candidates per series, in parallel
        long started = System.nanoTime();
        java.util.function.DoubleSupplier spent = () -> o.budget() <= 0 ? 0 : (System.nanoTime() - started) / 1e9
                / o.budget();
        java.util.concurrent.atomic.AtomicInteger hurried = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger naiveOnly = new java.util.concurrent.atomic.AtomicInteger();
        boolean[] forcedQuick = new boolean[data.size()];
        boolean anyQuick = false;
        LocalSelection.Choice[] local = new LocalSelection.Choice[data.size()];
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        int total = data.size();
        try {
            java.util.stream.IntStream.range(0, total).parallel().forEach(i -> {
                if (progress.isCancelled()) {
                    throw new CancelledException();
                }
                SeriesData s = data.get(i);
                double used = spent.getAsDouble();
                if (used > 0.9) { // the budget is nearly gone: last season's values, untested
                    naiveOnly.incrementAndGet();
                    local[i] = LocalSelection.naive(s.y, season);
                } else {
                    boolean quick = LocalSelection.quick(s.y.length, total);
                    if (!quick && used > 0.6) {
                        quick = true;
                        forcedQuick[i] = true;
                        hurried.incrementAndGet();
                    }
                    local[i] = LocalSelection.choose(s.y, season, horizon, quick);
                }
                int d = done.incrementAndGet();
                if (d % Math.max(1, total / 100) == 0 || d == total) {
                    progress.progress(0.7 * d / total, String.format(Locale.ROOT, "Backtested %d of %d series", d,
                            total));
                }
            });
        } catch (CancelledException e) {
            throw e;
        }
        for (int i = 0; i < total; i++) {
            SeriesData s = data.get(i);
            anyQuick |= LocalSelection.quick(s.y.length, total) || forcedQuick[i];
            if (local[i].seasonalDropped) {
                notes.add(String.format(Locale.ROOT, "%s: %d periods are fewer than two seasons of %d: no seasonal "
                        + "model was tried", s.name(), s.y.length, season));
            }
        }
        List<String> untested = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            if (Double.isNaN(local[i].mase) && !local[i].outOfTime) {
                untested.add(data.get(i).name() + " (" + data.get(i).y.length + ")");
            }
        }
        if (!untested.isEmpty()) {
            notes.add(String.format(Locale.ROOT, "too short to backtest %d periods ahead, so forecast by repeating "
                    + "the last %s, untested: %s%s", horizon, season > 1 ? "season" : "value", String.join(", ",
                    untested.subList(0, Math.min(10, untested.size()))), untested.size() > 10 ? " and "
                    + (untested.size() - 10) + " more" : ""));
        }
        if (hurried.get() > 0 || naiveOnly.get() > 0) {
            notes.add(String.format(Locale.ROOT, "the time budget of %.0f s ran short: %d series got the quick screen "
                    + "and %d only last season's values, untested", o.budget(), hurried.get(), naiveOnly.get()));
        }
        if (anyQuick) {
            method.add(String.format(Locale.ROOT, "quick screen (%s): local models fitted on the last %d periods, "
                    + "the two exponential smoothing forms with the best AICc backtested from %d origins",
                    total > 20 ? total + " series" : "long series", LocalSelection.span(season, horizon),
                    LocalSelection.QUICK_WINDOWS));
        }
        // the global model, backtested on the last window against the local choices
        Map<String, Double> approaches = new LinkedHashMap<>();
        String approach = "local";
        GlobalBoosting global = null;
        double[][] globalForecast = null;
        double[][] globalBacktest = null;
        long points = data.stream().mapToLong(s -> s.y.length).sum();
        GlobalBoosting.Layout layout = GlobalBoosting.layout(data, p.frequency, horizon, season, o.covariates(),
                o.holidays(), o.series().size());
        if (!o.global()) {
            method.add("global boosted model: not asked for");
        } else if (points < GLOBAL_MIN_POINTS) {
            if (!o.covariates().isEmpty() || !o.holidays().days().isEmpty()) {
                notes.add(String.format(Locale.ROOT, "the global boosted model, the one that uses holidays and "
                        + "covariates, needs at least %d periods over all series; these have %d", GLOBAL_MIN_POINTS,
                        points));
            }
        } else if (spent.getAsDouble() > 0.7) {
            notes.add(String.format(Locale.ROOT, "the global boosted model was not tried: %.0f%% of the time budget "
                    + "was spent on the per-series models", 100 * spent.getAsDouble()));
        } else if (!GlobalBoosting.available()) {
            notes.add("the global boosted model was left out: " + io.tablewise.ml.NativeBoosting.unavailable()
                    .orElse(""));
        } else {
            if (!layout.statics().isEmpty()) {
                method.add("the global boosted model also reads each series' " + String.join(", ", layout.statics())
                        + " (one value per series)");
            }
            progress.progress(0.72, "Training the global model on every series (backtest)");
            GlobalBoosting back = GlobalBoosting.train(data, horizon, layout);
            if (progress.isCancelled()) {
                throw new CancelledException();
            }
            if (back != null) {
                globalBacktest = back.forecast(data, horizon);
                double[] m = compare(data, local, globalBacktest, season, horizon);
                approaches.put("local", m[0]);
                approaches.put("global", m[1]);
                approaches.put("blend", m[2]);
                approaches.put("seasonal naive", m[3]);
                approach = m[1] <= m[0] && m[1] <= m[2] ? "global" : m[2] < m[0] ? "blend" : "local";
                if (!approach.equals("local")) {
                    progress.progress(0.85, "Training the global model on all of the history");
                    global = GlobalBoosting.train(data, 0, layout);
                    globalForecast = global == null ? null : global.forecast(data, 0);
                    if (global == null) {
                        approach = "local";
                    }
                }
                method.add(String.format(Locale.ROOT, "last backtest window, mean MASE: local models %.3f, global "
                        + "boosted model %.3f, their blend %.3f: %s used", m[0], m[1], m[2], switch (approach) {
                            case "global" -> "the global model";
                            case "blend" -> "the blend";
                            default -> "the local models";
                        }));
            }
        }
        progress.progress(0.95, "Writing the forecasts");
        return assemble(o, p, method, local, approach, global, globalForecast, globalBacktest, approaches, layout);
    }

    /** The series read and checked, and the notes so far. */
    static final class Prepared {
        List<SeriesData> data = new ArrayList<>();
        List<String> statics = List.of();
        Frequency frequency;
        List<String> notes = new ArrayList<>();
    }

    /** Reads the series of {@code table}; {@code frequency} fixed (a saved model's) or null to detect. */
    static Prepared prepare(Table table, Options o, Frequency fixed) throws NodeException {
        for (String c : concat(concat(List.of(o.time(), o.target()), o.series()), o.covariates())) {
            if (!table.containsColumn(c)) {
                String param = c.equals(o.time()) ? "time" : c.equals(o.target()) ? "target" : o.series().contains(c)
                        ? "series" : "covariates";
                throw new NodeException(param, "there is no column '" + c + "'; the columns are "
                        + String.join(", ", table.columnNames()));
            }
        }
        if (!(table.column(o.target()) instanceof NumericColumn<?> y)) {
            throw new NodeException("target", "'" + o.target() + "' holds text; a forecast needs numbers");
        }
        List<Column<?>> covs = new ArrayList<>();
        for (String c : o.covariates()) {
            Column<?> col = table.column(c);
            if (!(col instanceof NumericColumn<?>) && !(col instanceof tech.tablesaw.api.BooleanColumn)) {
                throw new NodeException("covariates", "'" + c + "' holds text; a covariate must be a number or "
                        + "yes/no (encode it first, e.g. with One-hot encode)");
            }
            covs.add(col);
        }
        if (o.horizon() < 1) {
            throw new NodeException("horizon", "the horizon must be at least one period");
        }
        LocalDate[] dates = periods(table.column(o.time()));
        Map<List<String>, TreeMap<LocalDate, Double>> groups = new LinkedHashMap<>();
        Map<List<String>, TreeMap<LocalDate, double[]>> known = new LinkedHashMap<>();
        for (int i = 0; i < table.rowCount(); i++) {
            if (dates[i] == null) {
                continue;
            }
            List<String> key = keyOf(table, o.series(), i);
            if (!covs.isEmpty()) {
                double[] v = new double[covs.size()];
                for (int c = 0; c < v.length; c++) {
                    Column<?> col = covs.get(c);
                    v[c] = col.isMissing(i) ? Double.NaN : col instanceof NumericColumn<?> n ? n.getDouble(i)
                            : ((tech.tablesaw.api.BooleanColumn) col).get(i) ? 1 : 0;
                }
                known.computeIfAbsent(key, k -> new TreeMap<>()).put(dates[i], v);
            }
            if (y.isMissing(i)) {
                continue;
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
        Prepared p = new Prepared();
        Map<List<String>, Map<String, String>> statics = statics(table, o, dates);
        if (!statics.isEmpty() && !statics.values().iterator().next().isEmpty()) {
            p.statics = List.copyOf(new java.util.TreeSet<>(statics.values().iterator().next().keySet()));
        }
        List<LocalDate> all = groups.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().toList();
        p.frequency = fixed != null ? fixed : o.frequency() == null || o.frequency().isBlank()
                || o.frequency().equalsIgnoreCase("auto") ? Frequency.detect(all) : Frequency.of(o.frequency());
        Frequency f = p.frequency;
        int withoutFuture = 0;
        List<String> short3 = new ArrayList<>();
        for (Map.Entry<List<String>, TreeMap<LocalDate, Double>> g : groups.entrySet()) {
            TreeMap<LocalDate, Double> points = g.getValue();
            LocalDate first = points.firstKey();
            int n = (int) f.between(first, points.lastKey()) + 1;
            double[] v = new double[n];
            java.util.Arrays.fill(v, Double.NaN);
            LocalDate[] at = new LocalDate[n];
            String name = g.getKey().isEmpty() ? "the series" : String.join("/", g.getKey());
            for (Map.Entry<LocalDate, Double> e : points.entrySet()) {
                int k = (int) f.between(first, e.getKey());
                if (at[k] != null) {
                    throw new NodeException("time", String.format(Locale.ROOT, "%s has %s and %s in the same %s "
                            + "period: the dates mix frequencies. Sum or average them per %s first (Group by), or "
                            + "set the frequency to a shorter one", name, at[k], e.getKey(), f.word(),
                            f.unit()));
                }
                at[k] = e.getKey();
                v[k] = e.getValue();
            }
            if (n < 3) {
                short3.add(name + " (" + n + " period" + (n == 1 ? "" : "s") + ")");
                continue;
            }
            int filled = interpolate(v);
            if (filled > 0) {
                p.notes.add(String.format(Locale.ROOT, "%s: %d missing %s period%s filled by interpolation", name,
                        filled, f.word(), filled == 1 ? "" : "s"));
            }
            double[][] c = new double[covs.size()][n + o.horizon()];
            TreeMap<LocalDate, double[]> rows = known.getOrDefault(g.getKey(), new TreeMap<>());
            boolean future = true;
            for (int t = 0; t < n + o.horizon(); t++) {
                double[] row = rows.get(f.plus(first, t));
                for (int k = 0; k < covs.size(); k++) {
                    c[k][t] = row == null ? Double.NaN : row[k];
                    future &= t < n || !Double.isNaN(c[k][t]);
                }
            }
            withoutFuture += future ? 0 : 1;
            p.data.add(new SeriesData(g.getKey(), first, v, filled, c, statics.getOrDefault(g.getKey(), Map.of())));
        }
        if (p.data.isEmpty()) {
            throw new NodeException("time", (short3.size() == 1 ? short3.get(0).replaceFirst(" \\(", " has ")
                    .replace(")", "") : "every series is too short: " + String.join(", ", short3))
                    + "; a forecast needs at least 3 periods");
        }
        if (!short3.isEmpty()) {
            p.notes.add(String.format(Locale.ROOT, "left out, fewer than 3 periods: %s%s", String.join(", ",
                    short3.subList(0, Math.min(10, short3.size()))), short3.size() > 10 ? " and " + (short3.size()
                    - 10) + " more" : ""));
        }
        if (!covs.isEmpty() && withoutFuture > 0) {
            p.notes.add(String.format(Locale.ROOT, "%d series lack future values of %s for some of the %d periods "
                    + "ahead: they count as unknown there (add rows with the future dates, the covariates filled and "
                    + "the target blank)", withoutFuture, String.join(", ", o.covariates()), o.horizon()));
        }
        return p;
    }

    /**
     * Each series' static attributes: the other text or yes/no columns (not the time, target, series or covariate
     * columns) with one value throughout every series, such as an item's category; none for a single series.
     */
    private static Map<List<String>, Map<String, String>> statics(Table table, Options o, LocalDate[] dates) {
        Map<List<String>, Map<String, String>> out = new LinkedHashMap<>();
        if (o.series().isEmpty()) {
            return out;
        }
        List<String> candidates = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            String n = c.name();
            if (!n.equals(o.time()) && !n.equals(o.target()) && !o.series().contains(n) && !o.covariates().contains(n)
                    && (c instanceof StringColumn || c instanceof tech.tablesaw.api.BooleanColumn)) {
                candidates.add(n);
            }
        }
        Map<List<String>, Map<String, String>> seen = new LinkedHashMap<>();
        List<String> varying = new ArrayList<>();
        for (int i = 0; i < table.rowCount(); i++) {
            if (dates[i] == null) {
                continue;
            }
            List<String> key = keyOf(table, o.series(), i);
            Map<String, String> m = seen.computeIfAbsent(key, k -> new LinkedHashMap<>());
            for (String c : candidates) {
                if (varying.contains(c)) {
                    continue;
                }
                String v = table.column(c).isMissing(i) ? "" : table.column(c).getString(i);
                String before = m.putIfAbsent(c, v);
                if (before != null && !before.equals(v)) {
                    varying.add(c);
                }
            }
        }
        for (Map.Entry<List<String>, Map<String, String>> e : seen.entrySet()) {
            Map<String, String> kept = new LinkedHashMap<>(e.getValue());
            kept.keySet().removeAll(varying);
            out.put(e.getKey(), kept);
        }
        return out;
    }

    /**
     * The last window's mean MASE over the series backtested by both: {local, global, blend, seasonal naive}.
     */
    private static double[] compare(List<SeriesData> data, LocalSelection.Choice[] local, double[][] global,
                                    int season, int horizon) {
        double[] sum = new double[4];
        int counted = 0;
        for (int i = 0; i < data.size(); i++) {
            double[] y = data.get(i).y;
            if (local[i].lastWindow == null || local[i].naiveLastWindow == null || y.length < 2 * horizon) {
                continue;
            }
            double scale = Backtest.scale(java.util.Arrays.copyOf(y, y.length - horizon), local[i].season);
            for (int h = 0; h < horizon; h++) {
                double actual = y[y.length - horizon + h];
                double eLocal = local[i].lastWindow[h];
                double eGlobal = actual - global[i][h];
                sum[0] += Math.abs(eLocal) / scale;
                sum[1] += Math.abs(eGlobal) / scale;
                sum[2] += Math.abs((eLocal + eGlobal) / 2) / scale;
                sum[3] += Math.abs(local[i].naiveLastWindow[h]) / scale;
            }
            counted += horizon;
        }
        if (counted == 0) {
            return new double[] {0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN};
        }
        for (int k = 0; k < 4; k++) {
            sum[k] /= counted;
        }
        return sum;
    }

    private static Result assemble(Options o, Prepared p, List<String> method, LocalSelection.Choice[] local,
                                   String approach,
                                   GlobalBoosting global, double[][] globalForecast, double[][] globalBacktest,
                                   Map<String, Double> approaches, GlobalBoosting.Layout layout) throws NodeException {
        Frequency f = p.frequency;
        int horizon = o.horizon();
        // the global model's errors relative to each series' scale, pooled over series: its quantiles
        double[] pooled = new double[0];
        if (!approach.equals("local")) {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < p.data.size(); i++) {
                double[] y = p.data.get(i).y;
                if (y.length < 2 * horizon || local[i].lastWindow == null) {
                    continue;
                }
                double scale = GlobalBoosting.scale(y, y.length - horizon);
                for (int h = 0; h < horizon; h++) {
                    double e = y[y.length - horizon + h] - globalBacktest[i][h];
                    ratios.add((approach.equals("blend") ? (e + local[i].lastWindow[h]) / 2 : e) / scale);
                }
            }
            pooled = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        }
        List<ForecastModel.SeriesModel> saved = new ArrayList<>();
        List<SeriesResult> results = new ArrayList<>();
        ForecastTable table = new ForecastTable(o, f);
        List<BacktestMetrics.Window> windows = new ArrayList<>();
        for (int i = 0; i < p.data.size(); i++) {
            SeriesData s = p.data.get(i);
            LocalSelection.Choice c = local[i];
            Recipe recipe = switch (approach) {
                case "global" -> Recipe.of(Recipe.GLOBAL);
                case "blend" -> blendWithGlobal(c.recipe);
                default -> c.recipe;
            };
            double[] g = globalForecast == null ? null : globalForecast[i];
            double[] recent = LocalSelection.recent(s.y, c.span);
            double[] p50 = recipe.forecast(recent, c.season, horizon, g);
            if (p50 == null) { // a form that fitted in the backtests but not on the whole history
                recipe = Recipe.of("naive");
                p50 = recipe.forecast(s.y, c.season, horizon, null);
            }
            boolean globalQuantiles = recipe.usesGlobal();
            double scale = GlobalBoosting.scale(s.y, s.y.length);
            double[] errors = globalQuantiles ? pooled : c.scaledErrors;
            table.add(s, p50, errors, globalQuantiles);
            String name = recipe == c.recipe ? c.name : recipe.describe(recent, c.season);
            // the last window's errors of what is used, for the metrics
            double[] lastErrors = null;
            if (c.lastWindow != null) {
                lastErrors = c.lastWindow.clone();
                if (globalBacktest != null && !approach.equals("local")) {
                    for (int h = 0; h < horizon; h++) {
                        double eg = s.y[s.y.length - horizon + h] - globalBacktest[i][h];
                        lastErrors[h] = approach.equals("global") ? eg : (eg + c.lastWindow[h]) / 2;
                    }
                }
            }
            BacktestMetrics metrics = null;
            if (lastErrors != null) {
                BacktestMetrics.Window w = new BacktestMetrics.Window(java.util.Arrays.copyOfRange(s.y,
                        s.y.length - horizon, s.y.length), lastErrors, Backtest.scale(java.util.Arrays.copyOf(s.y,
                        s.y.length - horizon), c.season), o.quantiles(), errors, globalQuantiles ? scale : -1);
                windows.add(w);
                metrics = BacktestMetrics.of(List.of(w));
            }
            double mase = approach.equals("local") ? c.mase : metrics == null ? Double.NaN : metrics.mase();
            double naive = approach.equals("local") ? c.naiveMase : c.naiveLastWindow == null ? Double.NaN
                    : BacktestMetrics.mase(c.naiveLastWindow, Backtest.scale(java.util.Arrays.copyOf(s.y,
                    s.y.length - horizon), c.season));
            List<Candidate> board = c.leaderboard.stream().map(x -> new Candidate(x.model(), x.mase())).toList();
            results.add(new SeriesResult(s.key, name, mase, naive, board, s.y.length, s.filled, metrics));
            saved.add(new ForecastModel.SeriesModel(s.key, recipe, c.season, c.span, Quantiles.thin(errors, 101),
                    globalQuantiles));
        }
        ForecastModel model = new ForecastModel(o, f, saved, global, layout);
        return new Result(table.table(), results, f.word(), p.notes, method, windows.isEmpty() ? null : BacktestMetrics.of(windows),
                approaches, model);
    }

    /** A local recipe half and half with the global model. */
    private static Recipe blendWithGlobal(Recipe local) {
        List<String> forms = new ArrayList<>(local.forms());
        List<Double> weights = new ArrayList<>();
        local.weights().forEach(w -> weights.add(w / 2));
        forms.add(Recipe.GLOBAL);
        weights.add(0.5);
        return new Recipe(forms, weights);
    }

    /** Row {@code row}'s series: its values of the series columns. */
    static List<String> keyOf(Table table, List<String> columns, int row) {
        List<String> key = new ArrayList<>(columns.size());
        for (String c : columns) {
            key.add(table.column(c).getString(row));
        }
        return key;
    }

    /** The column of quantile {@code q}: p10, p50, p90, p2.5 … */
    static String quantileColumn(double q) {
        double pct = q * 100;
        return Math.abs(pct - Math.rint(pct)) < 1e-9 ? String.format(Locale.ROOT, "p%d", Math.round(pct))
                : "p" + java.math.BigDecimal.valueOf(pct).stripTrailingZeros().toPlainString();
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
