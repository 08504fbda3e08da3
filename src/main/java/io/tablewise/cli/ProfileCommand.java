package io.tablewise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import tech.tablesaw.api.Table;

import io.tablewise.insights.ColumnProfile;
import io.tablewise.insights.FeaturePower;
import io.tablewise.insights.InsightsOptions;
import io.tablewise.insights.InsightsProfiler;
import io.tablewise.insights.InsightsReport;
import io.tablewise.insights.InsightsReportNode;
import io.tablewise.insights.QualityWarning;
import io.tablewise.insights.ReportHtml;
import io.tablewise.insights.ReportJson;
import io.tablewise.ml.ProblemType;
import io.tablewise.ml.QuickModelResult;
import io.tablewise.node.ProgressMonitor;

/** {@code tablewise profile DATA}: the insights report of a data file, printed and optionally saved. */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Profile a data file "
                + "(CSV/TSV/text, .xlsx, .jsonl or .parquet, or a database with --table or --query): "
                + "warnings and key figures on stdout, "
                + "the full report as HTML and/or JSON.")
final class ProfileCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATA", description = "The data file, or a "
            + "database (a jdbc: URL or a connection's name) with --table or --query.")
    private String data;

    @Option(names = {"-t", "--target"}, paramLabel = "COLUMN", description = "The column to predict.")
    private String target;

    @Option(names = "--problem-type", paramLabel = "TYPE",
            description = "binary, multiclass or regression (default: inferred from the target).")
    private ProblemType problemType;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the report as a self-contained HTML page.")
    private Path html;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the report as JSON.")
    private Path json;

    @Option(names = "--sample", defaultValue = "50000", paramLabel = "ROWS",
            description = "Rows for the sampled parts (default: ${DEFAULT-VALUE}).")
    private int sample;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the samples (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--no-model", description = "Leave out prediction power and the quick model.")
    private boolean noModel;

    @CommandLine.Mixin
    private ImportOptions importOptions = new ImportOptions();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Table table;
        try {
            table = DataArgument.read(data, importOptions, err);
        } catch (DataArgument.Refused e) {
            return e.code();
        }
        InsightsReport report;
        try {
            report = new InsightsProfiler().profile(table, new InsightsOptions(target, problemType,
                    Math.max(1000, sample), seed, true, !noModel), ProgressMonitor.NONE, InsightsReportNode.version());
        } catch (InsightsProfiler.UnknownTargetException e) {
            err.println("error: --target: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        print(report, out);
        if (html != null) {
            ReportHtml.write(report, table.columnNames(), html);
            out.println("HTML report: " + html);
        }
        if (json != null) {
            ReportJson.write(report, json);
            out.println("JSON report: " + json);
        }
        return ExitCodes.OK;
    }

    private static void print(InsightsReport r, PrintWriter out) {
        out.printf(Locale.ROOT, "%s: %,d rows x %d columns, %,d missing cells, %,d duplicate rows (%.2f s)%n",
                r.meta().dataset(), r.summary().rows(), r.summary().columns(), r.summary().missingCells(),
                r.summary().duplicateRows(), r.meta().seconds());
        out.println();
        out.printf(Locale.ROOT, "%-24s %-12s %-9s %9s %9s%n", "column", "type", "storage", "missing", "distinct");
        for (ColumnProfile c : r.columns()) {
            out.printf(Locale.ROOT, "%-24s %-12s %-9s %9s %9s%n", cut(c.name()),
                    c.semanticType().name().toLowerCase(Locale.ROOT), c.storageType(),
                    String.format(Locale.ROOT, "%,d", c.missing()), String.format(Locale.ROOT, "%,d", c.unique()));
        }
        if (r.target() != null) {
            out.println();
            out.println("target " + r.target().column() + " (" + r.target().problemType().name()
                    .toLowerCase(Locale.ROOT) + "): " + String.join(", ", r.target().classes().stream()
                    .map(c -> String.format(Locale.ROOT, "%s %.1f%%", c.value(), c.share() * 100)).toList()));
        }
        if (!r.predictionPower().isEmpty()) {
            out.println();
            out.println("prediction power (" + r.predictionPower().get(0).metric() + "):");
            for (FeaturePower p : r.predictionPower().stream().limit(10).toList()) {
                out.printf(Locale.ROOT, "  %-24s %.3f%n", cut(p.column()), p.score());
            }
        }
        QuickModelResult q = r.quickModel();
        if (q != null) {
            out.println();
            if (q.built()) {
                out.printf(Locale.ROOT, "quick model, %s, on %,d held-out rows: %s%n", q.algorithm(), q.testRows(),
                        String.join(", ", q.metrics().entrySet().stream()
                                .map(e -> String.format(Locale.ROOT, "%s %.4f", e.getKey(), e.getValue())).toList()));
                if (q.metrics().containsKey("accuracy") && q.metrics().containsKey("auc")) { // two classes
                    out.println("  (class metrics at probability 0.5; 'tablewise train' chooses its threshold on "
                            + "validation rows, so its accuracy differs)");
                }
                out.println("  most important: " + String.join(", ", q.importances().stream().limit(5)
                        .map(i -> String.format(Locale.ROOT, "%s %.0f%%", i.column(), i.share() * 100)).toList()));
            } else {
                out.println("quick model: " + String.join("; ", q.notes()));
            }
        }
        out.println();
        out.println(io.tablewise.node.Plural.of(r.warnings().size(), "warning") + ":");
        for (QualityWarning w : r.warnings()) {
            out.println("  " + w.severity() + "  " + w.explanation());
        }
        out.flush();
    }

    private static String cut(String s) {
        return s.length() > 24 ? s.substring(0, 23) + "…" : s;
    }
}
