package io.tablewise.forecast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tech.tablesaw.api.Table;

/**
 * What a forecast leaves in a folder, the same from {@code tablewise forecast} and a flow's Export model node:
 * {@code forecast.csv}, {@code metrics.json} (the backtests per series and overall), {@code report.html} and the model
 * folder {@code model/} that forecasts again from newer history.
 */
public final class ForecastFiles {
    private ForecastFiles() {
    }

    /** Writes the four into {@code folder} (each file atomically). */
    public static void write(Forecaster.Result r, Table history, Path folder) throws IOException {
        Files.createDirectories(folder);
        io.tablewise.data.CsvExportNode.writeCsv(r.forecast(), folder.resolve("forecast.csv"));
        io.tablewise.io.JsonFiles.write(metrics(r), folder.resolve("metrics.json"));
        ForecastReportHtml.write(r, history, folder.resolve("report.html"));
        r.model().save(folder.resolve("model"));
    }

    /**
     * The metrics as {@code metrics.json} holds them (and a flow's Condition reads them: {@code build.backtest.wape},
     * {@code build.backtestMase}, {@code build.seasonalNaiveMase}, {@code build.backtest.coverage}).
     */
    public static Map<String, Object> metrics(Forecaster.Result r) {
        List<Map<String, Object>> each = new ArrayList<>();
        for (Forecaster.SeriesResult s : r.series()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("series", s.key());
            m.put("model", s.model());
            m.put("backtestMase", s.mase());
            m.put("seasonalNaiveMase", s.naiveMase());
            m.put("backtest", s.backtest() == null ? null : s.backtest().toMap());
            m.put("history", s.history());
            m.put("filled", s.filled());
            List<Map<String, Object>> board = new ArrayList<>();
            s.leaderboard().forEach(c -> board.add(Map.of("model", c.model(), "backtestMase", c.mase())));
            m.put("leaderboard", board);
            each.add(m);
        }
        double[] mean = r.meanMase();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("frequency", r.frequency());
        metrics.put("horizon", r.model().options().horizon());
        if (Double.isFinite(mean[0])) {
            metrics.put("backtestMase", mean[0]);
            metrics.put("seasonalNaiveMase", mean[1]);
        }
        if (r.overall() != null) {
            metrics.put("backtest", r.overall().toMap());
        }
        metrics.put("approaches", r.approaches());
        metrics.put("notes", r.notes());
        metrics.put("method", r.method());
        metrics.put("series", each);
        return metrics;
    }
}
