package io.tablewise.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tech.tablesaw.api.Table;

import io.tablewise.node.ColumnKind;
import io.tablewise.node.ColumnSchema;
import io.tablewise.node.ConfigureContext;
import io.tablewise.node.NodeContext;
import io.tablewise.node.NodeDescriptor;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.NodeType;
import io.tablewise.node.ParamSpec;
import io.tablewise.node.ParamType;
import io.tablewise.node.PortSpec;
import io.tablewise.node.PortType;
import io.tablewise.node.TableSchema;

/** The {@code model.forecast} node: the history in, the quantile forecasts of every series out. */
public final class ForecastNode implements NodeType {
    /** The node type id. */
    public static final String ID = "model.forecast";

    private static final NodeDescriptor D = new NodeDescriptor(ID, 1, "Forecast", "Model",
            "Forecasts one or many series (a row per period, a column naming each series): the seasonal naive "
                    + "baseline, the Theta method, exponential smoothing forms and a blend of the best are backtested "
                    + "from rolling origins and the best is kept per series; with enough data a boosted model over "
                    + "every series (recent values, calendar, holidays, columns known ahead such as price or "
                    + "promotion) is compared on the last window and used when better. P10/P50/P90 come from the "
                    + "backtest errors. The run says which model each series got and how much lower its error is "
                    + "than last season's values.",
            List.of(PortSpec.of("table", PortType.TABLE, "The history")),
            List.of(PortSpec.of("table", PortType.TABLE, "The forecasts: series, time, one column per quantile")),
            List.of(ParamSpec.builder("time", ParamType.COLUMN).label("Time column").required().columnsFrom("table")
                            .help("Dates, or text such as 2024-03 or 2024-03-15.").build(),
                    ParamSpec.builder("target", ParamType.COLUMN).label("Target column").required()
                            .columnsFrom("table").help("The numbers to forecast.").build(),
                    ParamSpec.builder("series", ParamType.COLUMNS).label("Series columns").defaultValue(List.of())
                            .columnsFrom("table").help("Columns naming each series, e.g. store and item; none for "
                                    + "one series.").build(),
                    ParamSpec.builder("horizon", ParamType.INTEGER).label("Horizon").defaultValue(12L)
                            .range(1.0, 10_000.0).help("Periods ahead.").build(),
                    ParamSpec.builder("frequency", ParamType.CHOICE).label("Frequency").defaultValue("auto")
                            .allowed("auto", "D", "W", "M", "Q", "Y")
                            .help("Daily, weekly, monthly, quarterly or yearly; auto detects it.").build(),
                    ParamSpec.builder("holidays", ParamType.STRING).label("Holidays").defaultValue("none")
                            .help("KR (Korea, with Seollal and Chuseok), US, none, or a file of dates beside the flow "
                                    + "(one per line, a name after a comma).").build(),
                    ParamSpec.builder("covariates", ParamType.COLUMNS).label("Known-ahead columns")
                            .defaultValue(List.of()).columnsFrom("table").help("Numeric columns whose future values "
                                    + "are known (price, promotion): give them in rows after each series' last value, "
                                    + "the target blank.").build(),
                    ParamSpec.builder("global", ParamType.BOOLEAN).label("Boosted model over every series")
                            .defaultValue(true).help("Try one boosted model over all series (it needs 2,000 periods "
                                    + "in all) beside each series' own models.").build()));

    @Override
    public NodeDescriptor descriptor() {
        return D;
    }

    @Override
    public Map<String, TableSchema> configure(ConfigureContext context) throws NodeException {
        NodeParams p = context.params();
        TableSchema in = context.inputSchemas().get("table");
        if (in != null) {
            List<String> wanted = new ArrayList<>(List.of(p.string("time", ""), p.string("target", "")));
            wanted.addAll(p.strings("series"));
            wanted.addAll(p.strings("covariates"));
            for (String c : wanted) {
                if (!c.isEmpty() && !in.has(c)) {
                    throw new NodeException(c.equals(p.string("time", "")) ? "time" : c.equals(p.string("target", ""))
                            ? "target" : p.strings("series").contains(c) ? "series" : "covariates",
                            "there is no column '" + c + "'"
                            + io.tablewise.node.Suggestions.didYouMeanOrColumns(c, in.names()));
                }
            }
        }
        List<ColumnSchema> out = new ArrayList<>();
        p.strings("series").forEach(s -> out.add(new ColumnSchema(s, ColumnKind.TEXT)));
        out.add(new ColumnSchema(p.string("time", "time"), ColumnKind.DATE));
        for (String q : List.of("p10", "p50", "p90")) {
            out.add(new ColumnSchema(q, ColumnKind.DECIMAL));
        }
        return Map.of("table", new TableSchema(out));
    }

    /**
     * The forecast a node with parameters {@code p} makes, a holidays file resolved by {@code resolve} (the run and
     * the studio's what-if read the parameters the same way).
     */
    public static Forecaster.Options options(NodeParams p, java.util.function.Function<String, java.nio.file.Path>
            resolve) throws NodeException {
        return new Forecaster.Options(p.string("time", ""), p.string("target", ""), p.strings("series"),
                (int) p.integer("horizon", 12), p.string("frequency", "auto"), List.of(0.1, 0.5, 0.9),
                Holidays.of(p.string("holidays", "none"), resolve), p.strings("covariates"), p.bool("global", true));
    }

    @Override
    public Map<String, Object> execute(NodeContext context) throws NodeException {
        Table history = context.input("table", Table.class);
        NodeParams p = context.params();
        Forecaster.Result r = Forecaster.forecast(history, options(p, context::resolveInput),
                io.tablewise.node.ProgressMonitor.of(context));
        describe(r, context);
        return Map.of("table", r.forecast());
    }

    /** Says what a forecast did: its notes as warnings, then the summary (which the Forecast tab shows first). */
    public static void describe(Forecaster.Result r, NodeContext context) {
        r.notes().forEach(context::warn);
        double[] mean = r.meanMase();
        Map<String, Long> byModel = new java.util.TreeMap<>();
        r.series().forEach(x -> byModel.merge(x.model(), 1L, Long::sum));
        String models = r.series().size() == 1 ? r.series().get(0).model() : String.join(", ",
                byModel.entrySet().stream().map(e -> e.getKey() + " for " + e.getValue()).toList());
        context.info(!Double.isFinite(mean[0]) ? String.format(Locale.ROOT, "%d %s series: %s (too short to "
                + "backtest)", r.series().size(), r.frequency(), models)
                : String.format(Locale.ROOT, "%d %s series: %s; backtest error %.0f%% %s than last season's values "
                + "(MASE %.3f against %.3f)", r.series().size(), r.frequency(), models,
                100 * Math.abs(1 - mean[0] / mean[1]), mean[0] <= mean[1] ? "lower" : "higher", mean[0], mean[1])
                + (r.overall() == null ? "" : String.format(Locale.ROOT, ". In the last %d periods: WAPE %.1f%%, "
                + "the P10-P90 band held %.0f%% of the values", r.model().options().horizon(), 100 * r.overall().wape(),
                100 * r.overall().coverage())));
        r.method().forEach(context::info); // after the summary, which the studio's Forecast tab shows first
    }
}
