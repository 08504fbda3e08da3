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

import io.tablewise.forecast.ForecastFiles;
import io.tablewise.forecast.ForecastModel;
import io.tablewise.forecast.ForecastReportHtml;
import io.tablewise.forecast.Forecaster;
import io.tablewise.forecast.Holidays;
import io.tablewise.node.NodeException;

/**
 * {@code tablewise forecast DATA --time COL --target COL [--series COL,...] --horizon N --out DIR}: quantile
 * forecasts of every series into {@code DIR/forecast.csv}, the backtests into {@code DIR/metrics.json}, the page
 * {@code DIR/report.html} and the model folder {@code DIR/model}; {@code tablewise forecast --model DIR/model
 * --history FILE --out DIR2} forecasts again from newer history.
 */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = "Forecast one or many series: each series' candidates (the seasonal naive baseline, the Theta "
                + "method, exponential smoothing forms, a blend of the best) backtested from rolling origins, and with "
                + "enough data one boosted model over every series (lags, calendar, holidays, known-ahead columns) "
                + "compared on the last window; quantiles calibrated on backtest errors. With --model and --history: "
                + "forecast again from a saved model.")
final class ForecastCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DATA", description = "The history: a data file, or a "
            + "database with --table or --query. Rows after a series' last value with the target blank carry the "
            + "covariates' future values.")
    private String data;

    @Option(names = "--time", paramLabel = "COL", description = "The time column (dates, or text such as 2024-03).")
    private String time;

    @Option(names = "--target", paramLabel = "COL", description = "The column to forecast.")
    private String target;

    @Option(names = "--series", split = ",", paramLabel = "COL", description = "Columns naming each series (e.g. "
            + "store,item).")
    private List<String> series = new ArrayList<>();

    @Option(names = "--horizon", paramLabel = "N", description = "Periods ahead.")
    private Integer horizon;

    @Option(names = "--frequency", defaultValue = "auto", paramLabel = "auto|D|W|M|Q|Y",
            description = "The series' frequency (default: detected).")
    private String frequency;

    @Option(names = "--quantiles", split = ",", defaultValue = "0.1,0.5,0.9", paramLabel = "Q",
            description = "Quantiles to forecast (default 0.1,0.5,0.9).")
    private List<Double> quantiles;

    @Option(names = "--holidays", paramLabel = "KR|US|FILE", description = "Holidays the global model learns from: "
            + "KR (Korea, with Seollal and Chuseok, 2000-2035), US, or a file of dates (one per line, a name after a "
            + "comma).")
    private String holidays;

    @Option(names = "--covariates", split = ",", paramLabel = "COL", description = "Numeric columns known ahead "
            + "(price, promotion), used by the global model.")
    private List<String> covariates = new ArrayList<>();

    @Option(names = "--budget", paramLabel = "S", defaultValue = "0", description = "Seconds the forecast may take "
            + "(default: no limit): past 60% the remaining series get the quick screen, past 90% last season's "
            + "values; the global model is not started past 70%. Said when it happens.")
    private double budget;

    @Option(names = "--no-global", description = "Only the per-series models (no boosted model over every series).")
    private boolean noGlobal;

    @Option(names = "--model", paramLabel = "DIR", description = "Forecast again from a saved model folder (OUT/model "
            + "of an earlier run), with --history.")
    private Path model;

    @Option(names = "--history", paramLabel = "FILE", description = "With --model: the newer history.")
    private String history;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where forecast.csv, metrics.json, "
            + "report.html and model/ go.")
    private Path out;

    @CommandLine.Mixin
    private ImportOptions importOptions = new ImportOptions();

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (model != null) {
            return again(o, err);
        }
        List<String> missing = new ArrayList<>();
        if (data == null) {
            missing.add("DATA");
        }
        if (time == null) {
            missing.add("--time");
        }
        if (target == null) {
            missing.add("--target");
        }
        if (horizon == null) {
            missing.add("--horizon");
        }
        if (!missing.isEmpty()) {
            err.println("error: missing " + String.join(", ", missing) + " (or forecast again with --model DIR "
                    + "--history FILE)");
            return ExitCodes.INVALID;
        }
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
        ProgressPrinter printer = new ProgressPrinter(err, System.console() != null);
        try {
            Holidays calendar = Holidays.of(holidays, Path::of);
            r = Forecaster.forecast(table, new Forecaster.Options(time, target, series, horizon, frequency,
                    quantiles, calendar, covariates, !noGlobal, budget), printer.monitor("forecast"));
            printer.done();
        } catch (NodeException e) {
            printer.done();
            err.println(ExitCodes.said(e));
            return ExitCodes.INVALID;
        }
        r.notes().forEach(n -> err.println("note: " + n));
        r.method().forEach(n -> err.println("how: " + n));
        write(r, table, o);
        return ExitCodes.OK;
    }

    /** {@code --model DIR --history FILE}: the saved forms refitted on the newer history. */
    private Integer again(PrintWriter o, PrintWriter err) throws IOException {
        String source = history != null ? history : data;
        if (source == null) {
            err.println("error: --model needs --history FILE (the newer history to forecast from)");
            return ExitCodes.INVALID;
        }
        ForecastModel saved;
        try {
            saved = ForecastModel.load(model);
        } catch (IOException e) {
            err.println("error: --model: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        Table table;
        try {
            table = DataArgument.read(source, importOptions, err);
        } catch (DataArgument.Refused e) {
            return e.code();
        }
        Forecaster.Result r;
        try {
            r = saved.forecastFrom(table);
        } catch (NodeException e) {
            err.println("error: " + (e.param() == null ? "" : e.param() + ": ") + e.getMessage());
            return ExitCodes.INVALID;
        }
        r.notes().forEach(n -> err.println("note: " + n));
        r.method().forEach(n -> err.println("how: " + n));
        write(r, table, o);
        return ExitCodes.OK;
    }

    private void write(Forecaster.Result r, Table history, PrintWriter o) throws IOException {
        ForecastFiles.write(r, history, out);
        double[] mean = r.meanMase();
        int h = r.model().options().horizon();
        if (Double.isFinite(mean[0])) {
            o.printf(Locale.ROOT, "%d %s series, %d periods ahead: %s%n", r.series().size(), r.frequency(), h,
                    ForecastReportHtml.inWords(mean[0], mean[1]));
        }
        if (r.overall() != null) {
            o.printf(Locale.ROOT, "last backtest window: WAPE %.3f, MASE %.3f, wQL %.3f, P%d-P%d band held %.0f%%%n",
                    r.overall().wape(), r.overall().mase(), r.overall().wql(), Math.round(100 * r.model().options()
                    .quantiles().stream().mapToDouble(Double::doubleValue).min().orElse(0.5)), Math.round(100
                    * r.model().options().quantiles().stream().mapToDouble(Double::doubleValue).max().orElse(0.5)),
                    100 * r.overall().coverage());
        }
        if (r.series().size() == 1) {
            o.println("model: " + r.series().get(0).model());
        }
        o.println("wrote " + out.resolve("forecast.csv") + ", metrics.json, report.html and model/");
        o.flush();
    }
}
