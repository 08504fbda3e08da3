package io.tablewise.forecast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import tech.tablesaw.api.Table;

import io.tablewise.io.AtomicFiles;
import io.tablewise.io.JsonFiles;
import io.tablewise.node.NodeException;

/**
 * A forecast's model folder: the options, each series' recipe (its forms, refitted on newer history; no fitted
 * numbers go stale), the spread its quantiles come from, the holidays as dates (so the folder needs nothing else)
 * and the global boosted model with its feature layout. {@code tablewise forecast --model DIR --history FILE}
 * forecasts again from it without backtesting.
 */
public final class ForecastModel {
    /** The model description's file name. */
    public static final String FILE = "forecast-model.json";
    /** The global model's file name. */
    static final String GLOBAL_FILE = "global.xgb";
    /** The folder format's version. */
    static final int FORMAT_VERSION = 1;

    /**
     * One series' saved choice.
     *
     * @param key the series columns' values
     * @param recipe its forms and weights
     * @param season its season (1: none)
     * @param span periods its local forms fit on
     * @param spread the sorted errors its quantiles come from (thinned)
     * @param globalSpread whether the spread is relative to the series' scale (global model) rather than growing
     *        with the step
     */
    record SeriesModel(List<String> key, Recipe recipe, int season, int span, double[] spread,
                       boolean globalSpread) {
    }

    private final Forecaster.Options options;
    private final Frequency frequency;
    private final List<SeriesModel> series;
    private final GlobalBoosting global;
    private final GlobalBoosting.Layout layout;

    ForecastModel(Forecaster.Options options, Frequency frequency, List<SeriesModel> series, GlobalBoosting global,
                  GlobalBoosting.Layout layout) {
        this.options = options;
        this.frequency = frequency;
        this.series = List.copyOf(series);
        this.global = global;
        this.layout = layout;
    }

    /** The options it was built with. */
    public Forecaster.Options options() {
        return options;
    }

    Frequency frequency() {
        return frequency;
    }

    /** Whether series {@code key}'s forecast uses the global model (the one that reads covariates and holidays). */
    public boolean usesGlobal(List<String> key) {
        return series.stream().anyMatch(s -> s.key().equals(key) && s.recipe().usesGlobal());
    }

    /** Whether the global boosted model is part of it. */
    public boolean hasGlobal() {
        return global != null;
    }

    /** Writes the folder (each file atomically). */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("formatVersion", FORMAT_VERSION);
        m.put("kind", "forecast");
        m.put("time", options.time());
        m.put("target", options.target());
        m.put("series", options.series());
        m.put("horizon", options.horizon());
        m.put("frequency", frequency.name());
        m.put("quantiles", options.quantiles());
        m.put("covariates", options.covariates());
        Map<String, Object> holidays = new LinkedHashMap<>();
        holidays.put("name", options.holidays().name());
        Map<String, String> days = new LinkedHashMap<>();
        options.holidays().days().forEach((d, n) -> days.put(d.toString(), n));
        holidays.put("days", days);
        m.put("holidays", holidays);
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("lags", layout.lags());
        l.put("windows", layout.windows());
        l.put("keys", layout.keys());
        l.put("statics", layout.statics());
        l.put("features", layout.names());
        m.put("globalModel", global == null ? null : Map.of("file", GLOBAL_FILE, "layout", l));
        List<Map<String, Object>> each = new ArrayList<>();
        for (SeriesModel s : series) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("key", s.key());
            e.put("forms", s.recipe().forms());
            e.put("weights", s.recipe().weights());
            e.put("season", s.season());
            e.put("span", s.span());
            e.put("spread", s.spread());
            e.put("spreadRelativeToScale", s.globalSpread());
            each.add(e);
        }
        m.put("seriesModels", each);
        if (global != null) {
            byte[] bytes = global.bytes();
            AtomicFiles.write(dir.resolve(GLOBAL_FILE), o -> o.write(bytes));
        } else {
            Files.deleteIfExists(dir.resolve(GLOBAL_FILE));
        }
        JsonFiles.write(m, dir.resolve(FILE));
    }

    /** Reads a folder {@link #save} wrote; a clear message when it is not one. */
    public static ForecastModel load(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(dir + " is not a forecast model folder (it has no " + FILE + "; the forecast "
                    + "command writes one into OUT/model)");
        }
        JsonNode m = new ObjectMapper().readTree(file.toFile());
        int version = m.path("formatVersion").asInt(-1);
        if (version < 1 || version > FORMAT_VERSION) {
            throw new IOException(file + " has format version " + version + "; this Tablewise reads up to "
                    + FORMAT_VERSION);
        }
        try {
            TreeMap<LocalDate, String> days = new TreeMap<>();
            m.path("holidays").path("days").fields().forEachRemaining(e -> days.put(LocalDate.parse(e.getKey()),
                    e.getValue().asText()));
            Holidays holidays = days.isEmpty() ? Holidays.none() : Holidays.saved(m.path("holidays").path("name")
                    .asText("holidays"), days);
            Forecaster.Options o = new Forecaster.Options(m.path("time").asText(), m.path("target").asText(),
                    strings(m.path("series")), m.path("horizon").asInt(), m.path("frequency").asText(),
                    doubles(m.path("quantiles")), holidays, strings(m.path("covariates")), true);
            Frequency f = Frequency.of(m.path("frequency").asText());
            List<SeriesModel> series = new ArrayList<>();
            for (JsonNode s : m.path("seriesModels")) {
                double[] spread = doubles(s.path("spread")).stream().mapToDouble(Double::doubleValue).toArray();
                series.add(new SeriesModel(strings(s.path("key")), new Recipe(strings(s.path("forms")),
                        doubles(s.path("weights"))), s.path("season").asInt(1), s.path("span").asInt(),
                        spread, s.path("spreadRelativeToScale").asBoolean()));
            }
            JsonNode g = m.path("globalModel");
            GlobalBoosting.Layout layout;
            GlobalBoosting global = null;
            if (g.isObject()) {
                JsonNode l = g.path("layout");
                List<Map<String, Integer>> keys = new ArrayList<>();
                for (JsonNode k : l.path("keys")) {
                    Map<String, Integer> codes = new HashMap<>();
                    k.fields().forEachRemaining(e -> codes.put(e.getKey(), e.getValue().asInt()));
                    keys.add(codes);
                }
                layout = new GlobalBoosting.Layout(f, o.horizon(), Math.max(1, f.season()), o.covariates(), holidays,
                        ints(l.path("lags")), ints(l.path("windows")), keys, strings(l.path("statics")));
                global = GlobalBoosting.load(Files.readAllBytes(dir.resolve(GLOBAL_FILE)), layout);
            } else {
                layout = GlobalBoosting.layout(List.of(), f, o.horizon(), f.season(), o.covariates(), holidays, 0);
            }
            return new ForecastModel(o, f, series, global, layout);
        } catch (RuntimeException e) {
            throw new IOException(file + " is damaged: " + e.getMessage(), e);
        }
    }

    /**
     * Forecasts again from newer history: every series' saved forms refitted on it (no backtests), the global model
     * applied as it was trained, the saved spreads for the quantiles. A series the model has not seen gets the
     * local models' choice, said.
     */
    public Forecaster.Result forecastFrom(Table history) throws NodeException {
        Forecaster.Prepared p = Forecaster.prepare(history, options, frequency);
        Map<List<String>, SeriesModel> byKey = new HashMap<>();
        series.forEach(s -> byKey.put(s.key(), s));
        double[][] g = null;
        boolean needsGlobal = p.data.stream().anyMatch(s -> {
            SeriesModel sm = byKey.get(s.key);
            return sm != null && sm.recipe().usesGlobal();
        });
        if (needsGlobal) {
            g = global.forecast(p.data, 0);
        }
        int horizon = options.horizon();
        ForecastTable table = new ForecastTable(options, frequency);
        List<Forecaster.SeriesResult> results = new ArrayList<>();
        int unseen = 0;
        for (int i = 0; i < p.data.size(); i++) {
            SeriesData s = p.data.get(i);
            SeriesModel sm = byKey.get(s.key);
            Recipe recipe;
            int season;
            int span;
            double[] spread;
            boolean relative;
            if (sm == null) {
                unseen++;
                LocalSelection.Choice c = LocalSelection.choose(s.y, frequency.season(), horizon,
                        LocalSelection.quick(s.y.length, p.data.size()));
                recipe = c.recipe;
                season = c.season;
                span = c.span;
                spread = c.scaledErrors;
                relative = false;
            } else {
                recipe = sm.recipe();
                season = sm.season();
                span = sm.span();
                spread = sm.spread();
                relative = sm.globalSpread();
            }
            double[] recent = LocalSelection.recent(s.y, span);
            double[] p50 = recipe.forecast(recent, season, horizon, g == null ? null : g[i]);
            if (p50 == null) {
                recipe = Recipe.of("naive");
                p50 = recipe.forecast(s.y, season, horizon, null);
            }
            table.add(s, p50, spread, relative);
            results.add(new Forecaster.SeriesResult(s.key, recipe.describe(recent, season), Double.NaN, Double.NaN,
                    List.of(), s.y.length, s.filled, null));
        }
        if (unseen > 0) {
            p.notes.add(String.format(Locale.ROOT, "%d series the model has not seen: their models were chosen by "
                    + "backtests now", unseen));
        }
        return new Forecaster.Result(table.table(), results, frequency.word(), p.notes, List.of("forecast again from the saved "
                + "model: its forms refitted on this history, no backtests"), null, Map.of(), this);
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static List<Double> doubles(JsonNode n) {
        List<Double> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asDouble()));
        return out;
    }

    private static int[] ints(JsonNode n) {
        int[] out = new int[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.get(i).asInt();
        }
        return out;
    }
}
