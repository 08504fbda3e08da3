package io.tablewise.forecast;

import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import io.tablewise.node.NodeException;

/**
 * One gradient-boosted tree model (XGBoost) over every series at once, as the winners of the M5 competition forecast:
 * each row is a series at a period, its features the series' own values at lags of at least the horizon (so every
 * step ahead is forecast directly from what is known at the origin), its recent means, the calendar, the holidays
 * (for each holiday, how many days ahead or behind it is: sales rise before Chuseok and fall on it), the
 * future-known covariates, the series' key and
 * its size; the target is the value divided by the series' recent mean, so large and small series teach one model.
 * It learns what no single series shows often enough: a promotion's lift, the week before Chuseok.
 */
final class GlobalBoosting {
    /** Rows per series to learn from, the most recent. */
    static final int MAX_ROWS_PER_SERIES = 730;
    /** Periods of the recent mean that scales a series. */
    static final int SCALE_SPAN = 365;
    /** Boosting rounds. */
    static final int ROUNDS = 120;
    /** Days before a holiday that matter. */
    static final int HOLIDAY_AHEAD = 14;
    /** Days after a holiday that matter. */
    static final int HOLIDAY_BEHIND = 7;
    /** Holidays with names beyond this many are one feature ("any holiday"), not one each. */
    static final int MAX_HOLIDAY_NAMES = 24;

    /**
     * What the features are.
     *
     * @param frequency the series' frequency
     * @param horizon periods ahead (the shortest lag)
     * @param season the seasonal period (1: none)
     * @param covariates the future-known covariate columns
     * @param holidays the holiday calendar
     * @param lags the lags, each at least the horizon
     * @param windows the lengths of the recent means ending at the horizon's lag
     * @param keys per series column, then per static attribute, its values' codes
     * @param statics the static attributes (columns with one value per series) the model reads
     */
    record Layout(Frequency frequency, int horizon, int season, List<String> covariates, Holidays holidays,
                  int[] lags, int[] windows, List<Map<String, Integer>> keys, List<String> statics) {
        /** The features' names, in order (for reports and the saved model). */
        List<String> names() {
            List<String> out = new ArrayList<>();
            for (int l : lags) {
                out.add("lag " + l);
            }
            for (int w : windows) {
                out.add("mean of " + w + " periods");
            }
            out.addAll(calendarNames());
            holidayNames().forEach(h -> out.add("days to " + (h == null ? "any holiday" : h)));
            out.addAll(covariates);
            for (int k = 0; k < keys.size() - statics.size(); k++) {
                out.add("series key " + (k + 1));
            }
            out.addAll(statics);
            out.add("series size");
            return out;
        }

        private List<String> calendarNames() {
            return switch (frequency) {
                // not the day of the month or year: with a few years of history they name single days, and a model
                // that remembers the day of a holiday (rather than the holiday) misses it when the lunar date moves
                case D -> List.of("day of week", "month");
                case W -> List.of("week of year", "month");
                case M -> List.of("month");
                case Q -> List.of("quarter");
                case Y -> List.of();
            };
        }

        /**
         * The holidays that are features (of daily and weekly series): each by name, or one for any holiday (null)
         * when a file names very many.
         */
        List<String> holidayNames() {
            if (holidays.days().isEmpty() || !(frequency == Frequency.D || frequency == Frequency.W)) {
                return List.of();
            }
            List<String> names = holidays.names();
            return names.size() <= MAX_HOLIDAY_NAMES ? names : java.util.Collections.singletonList(null);
        }

        /** The number of features. */
        int width() {
            return lags.length + windows.length + calendarNames().size() + holidayNames().size()
                    + covariates.size() + keys.size() + 1;
        }
    }

    private final Layout layout;
    private final Booster booster;

    private GlobalBoosting(Layout layout, Booster booster) {
        this.layout = layout;
        this.booster = booster;
    }

    /** The layout for these series. */
    static Layout layout(List<SeriesData> data, Frequency f, int horizon, int season, List<String> covariates,
                         Holidays holidays, int keyColumns) {
        List<String> statics = data.isEmpty() ? List.of() : data.get(0).statics.keySet().stream().sorted().toList();
        TreeSet<Integer> lags = new TreeSet<>();
        int m = Math.max(1, season);
        for (int l = horizon; l < horizon + m && lags.size() < 14; l++) {
            lags.add(l);
        }
        int first = (int) Math.ceil((horizon + m) / (double) m) * m;
        for (int k = 0; k < 3; k++) {
            lags.add(first + k * m);
        }
        int year = switch (f) {
            case D -> 364; // a year back on the same weekday
            case W -> 52;
            case M -> 12;
            case Q -> 4;
            case Y -> 1;
        };
        // last year's value only when most rows to learn from have one: where it is missing for the first year's
        // rows, the trees learn "no value a year ago" as a stand-in for that year's events (a holiday on other days)
        int typical = data.isEmpty() ? 0 : data.stream().mapToInt(s -> s.y.length).sorted().toArray()[data.size() / 2];
        if (year >= horizon && typical - year >= MAX_ROWS_PER_SERIES + horizon) {
            lags.add(year);
        }
        int[] windows = m > 1 ? new int[] {m, 4 * m} : new int[] {3, 12};
        List<Map<String, Integer>> keys = new ArrayList<>();
        for (int k = 0; k < keyColumns + statics.size(); k++) {
            TreeSet<String> values = new TreeSet<>();
            for (SeriesData s : data) {
                values.add(k < keyColumns ? s.key.get(k) : s.statics.getOrDefault(statics.get(k - keyColumns), ""));
            }
            Map<String, Integer> codes = new HashMap<>();
            for (String v : values) {
                codes.put(v, codes.size());
            }
            keys.add(codes);
        }
        return new Layout(f, horizon, m, covariates, holidays, lags.stream().mapToInt(Integer::intValue).toArray(),
                windows, keys, statics);
    }

    /** Whether XGBoost runs here (else the global model is left out, and said). */
    static boolean available() {
        return io.tablewise.ml.NativeBoosting.unavailable().isEmpty();
    }

    /**
     * Learns from every series' history but its last {@code cut} periods (0: all of it; the horizon: a backtest
     * that never sees them).
     */
    static GlobalBoosting train(List<SeriesData> data, int cut, Layout layout) throws NodeException {
        int f = layout.width();
        List<float[]> rows = new ArrayList<>();
        List<Float> labels = new ArrayList<>();
        for (SeriesData s : data) {
            int known = s.y.length - cut;
            double scale = scale(s.y, known);
            int from = Math.max(layout.horizon(), known - MAX_ROWS_PER_SERIES);
            for (int t = from; t < known; t++) {
                rows.add(features(s, t, known, scale, layout));
                labels.add((float) (s.y[t] / scale));
            }
        }
        if (rows.size() < 200) {
            return null;
        }
        float[] x = new float[rows.size() * f];
        float[] label = new float[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, x, i * f, f);
            label[i] = labels.get(i);
        }
        try {
            DMatrix m = new DMatrix(x, rows.size(), f, Float.NaN);
            try {
                m.setLabel(label);
                Map<String, Object> p = new HashMap<>();
                p.put("objective", "reg:squarederror");
                p.put("eta", 0.1);
                p.put("max_depth", 7);
                p.put("min_child_weight", 5);
                p.put("subsample", 0.8);
                p.put("colsample_bytree", 0.8);
                p.put("tree_method", "hist");
                p.put("max_bin", 128);
                p.put("seed", 1);
                p.put("nthread", Runtime.getRuntime().availableProcessors());
                p.put("verbosity", 0);
                Booster bst = XGBoost.train(m, p, ROUNDS, new HashMap<>(), null, null);
                return new GlobalBoosting(layout, bst);
            } finally {
                m.dispose();
            }
        } catch (XGBoostError e) {
            throw new NodeException(null, "the global boosted model could not be trained: " + e.getMessage());
        }
    }

    /** Each series' forecasts of the {@code horizon} periods after its history minus its last {@code cut}. */
    double[][] forecast(List<SeriesData> data, int cut) throws NodeException {
        int f = layout.width();
        int h = layout.horizon();
        float[] x = new float[data.size() * h * f];
        double[] scales = new double[data.size()];
        for (int i = 0; i < data.size(); i++) {
            SeriesData s = data.get(i);
            int known = s.y.length - cut;
            scales[i] = scale(s.y, known);
            for (int k = 0; k < h; k++) {
                System.arraycopy(features(s, known + k, known, scales[i], layout), 0, x, (i * h + k) * f, f);
            }
        }
        try {
            DMatrix m = new DMatrix(x, data.size() * h, f, Float.NaN);
            try {
                float[][] p = booster.predict(m);
                double[][] out = new double[data.size()][h];
                for (int i = 0; i < data.size(); i++) {
                    for (int k = 0; k < h; k++) {
                        out[i][k] = p[i * h + k][0] * scales[i];
                    }
                }
                return out;
            } finally {
                m.dispose();
            }
        } catch (XGBoostError e) {
            throw new NodeException(null, "the global boosted model could not forecast: " + e.getMessage());
        }
    }

    /** A series' scale: the mean absolute value of its last {@link #SCALE_SPAN} known periods (1 when 0). */
    static double scale(double[] y, int known) {
        double s = 0;
        int from = Math.max(0, known - SCALE_SPAN);
        for (int t = from; t < known; t++) {
            s += Math.abs(y[t]);
        }
        double mean = s / Math.max(1, known - from);
        return mean > 0 ? mean : 1;
    }

    /** The features of series {@code s} at period {@code t}, its values known before period {@code known}. */
    static float[] features(SeriesData s, int t, int known, double scale, Layout layout) {
        float[] out = new float[layout.width()];
        int i = 0;
        for (int lag : layout.lags()) {
            int at = t - lag;
            out[i++] = at >= 0 && at < known ? (float) (s.y[at] / scale) : Float.NaN;
        }
        for (int w : layout.windows()) {
            int end = t - layout.horizon(); // the newest value known for every step ahead
            if (end - w + 1 < 0 || end >= known) {
                out[i++] = Float.NaN;
                continue;
            }
            double sum = 0;
            for (int k = end - w + 1; k <= end; k++) {
                sum += s.y[k];
            }
            out[i++] = (float) (sum / w / scale);
        }
        LocalDate day = layout.frequency().plus(s.first, t);
        switch (layout.frequency()) {
            case D -> {
                out[i++] = day.getDayOfWeek().getValue();
                out[i++] = day.getMonthValue();
            }
            case W -> {
                out[i++] = day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                out[i++] = day.getMonthValue();
            }
            case M -> out[i++] = day.getMonthValue();
            case Q -> out[i++] = (day.getMonthValue() - 1) / 3 + 1;
            case Y -> {
            }
        }
        for (String h : layout.holidayNames()) {
            // a weekly period counts the days from its first day
            out[i++] = (float) layout.holidays().distance(h, day, HOLIDAY_AHEAD, HOLIDAY_BEHIND);
        }
        for (int c = 0; c < layout.covariates().size(); c++) {
            out[i++] = (float) s.covariate(c, t);
        }
        int keyColumns = layout.keys().size() - layout.statics().size();
        for (int k = 0; k < layout.keys().size(); k++) {
            String value = k < keyColumns ? s.key.get(k) : s.statics.get(layout.statics().get(k - keyColumns));
            Integer code = value == null ? null : layout.keys().get(k).get(value);
            out[i++] = code == null ? Float.NaN : code; // a series the model never saw: its key is unknown
        }
        out[i] = (float) Math.log(scale);
        return out;
    }

    /** The model's bytes (XGBoost's own format), for the model folder. */
    byte[] bytes() throws IOException {
        try {
            return booster.toByteArray();
        } catch (XGBoostError e) {
            throw new IOException("the global boosted model could not be saved: " + e.getMessage(), e);
        }
    }

    /** A saved model with its layout. */
    static GlobalBoosting load(byte[] bytes, Layout layout) throws IOException {
        try {
            return new GlobalBoosting(layout, XGBoost.loadModel(bytes));
        } catch (XGBoostError e) {
            throw new IOException("the global boosted model could not be read: " + e.getMessage(), e);
        }
    }

    Layout layout() {
        return layout;
    }
}
