package io.tablewise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import tech.tablesaw.api.Table;

import io.tablewise.forecast.Forecaster;
import io.tablewise.node.NodeException;

/**
 * {@code tablewise forecast DATA --time COL --target COL [--series COL,...] --horizon N --out DIR}: quantile
 * forecasts of every series into {@code DIR/forecast.csv}, the backtests into {@code DIR/metrics.json}.
 */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = "Forecast one or many series: each candidate (the seasonal naive baseline, exponential smoothing "
                + "forms, a blend of the best) backtested from rolling origins, the best kept, quantiles calibrated on "
                + "its backtest errors.")
final class ForecastCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATA", description = "The history: a data file, or a database with "
            + "--table or --query.")
    private String data;

    @Option(names = "--time", required = true, paramLabel = "COL", description = "The time column (dates, or text "
            + "such as 2024-03).")
    private String time;

    @Option(names = "--target", required = true, paramLabel = "COL", description = "The column to forecast.")
    private String target;

    @Option(names = "--series", split = ",", paramLabel = "COL", description = "Columns naming each series (e.g. "
            + "store,item).")
    private List<String> series = new ArrayList<>();

    @Option(names = "--horizon", required = true, paramLabel = "N", description = "Periods ahead.")
    private int horizon;

    @Option(names = "--frequency", defaultValue = "auto", paramLabel = "auto|D|W|M|Q|Y",
            description = "The series' frequency (default: detected).")
    private String frequency;

    @Option(names = "--quantiles", split = ",", defaultValue = "0.1,0.5,0.9", paramLabel = "Q",
            description = "Quantiles to forecast (default 0.1,0.5,0.9).")
    private List<Double> quantiles;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where forecast.csv and "
            + "metrics.json go.")
    private Path out;

    @CommandLine.Mixin
    private ImportOptions importOptions = new ImportOptions();

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!frequency.equalsIgnoreCase("auto") && !frequency.toUpperCase(Locale.ROOT).matches("[DWMQY]")) {
            err.println("error: --frequency must be auto, D, W, M, Q or Y, not " + frequency);
            return ExitCodes.INVALID;
        }
        if (quantiles.stream().anyMatch(q -> !(q > 0 && q < 1)) || !quantiles.contains(0.5)) {
            err.println("error: --quantiles must lie between 0 and 1 and include 0.5 (the median forecast)");
            return ExitCodes.INVALID;
        }
        Table table;
        try {
            table = DataArgument.read(data, importOptions, err);
        } catch (DataArgument.Refused e) {
            return e.code();
        }
        Forecaster.Result r;
        try {
            r = Forecaster.forecast(table, new Forecaster.Options(time, target, series, horizon, frequency,
                    quantiles));
        } catch (NodeException e) {
            err.println("error: " + (e.param() == null ? "" : "--" + e.param() + ": ") + e.getMessage());
            return ExitCodes.INVALID;
        }
        r.notes().forEach(n -> err.println("note: " + n));
        Files.createDirectories(out);
        io.tablewise.data.CsvExportNode.writeCsv(r.forecast(), out.resolve("forecast.csv"));
        List<Map<String, Object>> each = new ArrayList<>();
        for (Forecaster.SeriesResult s : r.series()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("series", s.key());
            m.put("model", s.model());
            m.put("backtestMase", s.mase());
            m.put("seasonalNaiveMase", s.naiveMase());
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
        metrics.put("horizon", horizon);
        metrics.put("series", each);
        if (Double.isFinite(mean[0])) {
            metrics.put("backtestMase", mean[0]);
            metrics.put("seasonalNaiveMase", mean[1]);
            o.printf(Locale.ROOT, "%d %s series, %d periods ahead: backtest MASE %.3f against %.3f for the seasonal "
                    + "naive (%.0f%% %s error)%n", r.series().size(), r.frequency(), horizon, mean[0], mean[1],
                    100 * Math.abs(1 - mean[0] / mean[1]), mean[0] <= mean[1] ? "lower" : "higher");
        }
        if (r.series().size() == 1) {
            o.println("model: " + r.series().get(0).model());
        }
        io.tablewise.io.JsonFiles.write(metrics, out.resolve("metrics.json"));
        o.println("wrote " + out.resolve("forecast.csv") + " and " + out.resolve("metrics.json"));
        o.flush();
        return ExitCodes.OK;
    }
}
