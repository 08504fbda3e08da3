package io.tablewise.insights;

import java.util.List;
import java.util.Map;

import tech.tablesaw.api.Table;

import io.tablewise.ml.ProblemType;
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
import io.tablewise.node.ProgressMonitor;
import io.tablewise.node.TableSchema;

/** The {@code insights.report} node: profiles its input table into an {@link InsightsReport}. */
public final class InsightsReportNode implements NodeType {
    /** The node type id. */
    public static final String ID = "insights.report";
    /** The port type of a report. */
    public static final PortType REPORT = new PortType("insights-report", "Insights report", InsightsReport.class);

    private static final NodeDescriptor DESCRIPTOR = new NodeDescriptor(ID, 1, "Data insights", "Insights",
            "Profiles a table: statistics and histograms of every column, quality warnings, the target's "
                    + "distribution, each column's prediction power, a quick model, correlations, duplicate and "
                    + "anomalous rows.",
            List.of(PortSpec.of("table", PortType.TABLE, "The table to profile")),
            List.of(PortSpec.of("report", REPORT, "The insights report")),
            List.of(
                    ParamSpec.builder("target", ParamType.COLUMN).label("Target column").columnsFrom("table")
                            .help("The column to predict (optional): adds the target section and prediction power.")
                            .build(),
                    ParamSpec.builder("problemType", ParamType.CHOICE).label("Problem type").defaultValue("auto")
                            .allowed("auto", "binary", "multiclass", "regression")
                            .help("Auto: text and small-integer targets are classification, other numbers "
                                    + "regression.").build(),
                    ParamSpec.builder("sampleRows", ParamType.INTEGER).label("Sample rows").defaultValue(50_000L)
                            .range(1_000.0, 2_000_000.0)
                            .help("Rows used for prediction power, correlations and anomalies; exact statistics "
                                    + "always use every row.").build(),
                    ParamSpec.builder("quickModel", ParamType.BOOLEAN).label("Quick model").defaultValue(true)
                            .help("With a target: train a fast default model on an 80/20 split of the sample for "
                                    + "a first read of how predictable the target is.").build(),
                    ParamSpec.builder("seed", ParamType.INTEGER).label("Seed").defaultValue(42L)
                            .help("Seed of the samples and the train/test split.").build()));

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Map<String, TableSchema> configure(ConfigureContext context) {
        return Map.of();
    }

    @Override
    public Map<String, Object> execute(NodeContext context) throws NodeException {
        Table table = context.input("table", Table.class);
        try {
            InsightsReport report = new InsightsProfiler().profile(table, options(context.params()),
                    ProgressMonitor.of(context), version());
            long high = report.summary().warningsBySeverity().getOrDefault(QualityWarning.Severity.HIGH, 0L);
            context.info(report.warnings().size() + " warnings, " + high + " of them high");
            return Map.of("report", report);
        } catch (InsightsProfiler.UnknownTargetException e) {
            throw new NodeException("target", e.getMessage());
        }
    }

    static InsightsOptions options(NodeParams p) {
        String type = p.string("problemType", "auto");
        ProblemType problem = type.equals("auto") ? null
                : ProblemType.valueOf(type.toUpperCase(java.util.Locale.ROOT));
        String target = p.string("target", "");
        return new InsightsOptions(target.isEmpty() ? null : target, problem, (int) p.integer("sampleRows", 50_000),
                p.integer("seed", 42), true, true).withModelParts(p.bool("quickModel", true));
    }

    /** Tablewise's version, from the jar manifest ("dev" when run from classes). */
    public static String version() {
        String v = InsightsReportNode.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
