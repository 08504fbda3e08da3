package io.tablewise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.tablewise.explain.BiasMetrics;
import io.tablewise.explain.BiasReport;
import io.tablewise.model.BiasCheck;
import io.tablewise.model.BiasReportFiles;
import io.tablewise.model.TrainedModel;
import io.tablewise.node.NodeException;

/**
 * {@code tablewise bias --model REF --input FILE --facet COL}: the bias report of a model on labelled rows, printed
 * as a table and written as JSON and HTML.
 */
@Command(name = "bias", mixinStandardHelpOptions = true,
        description = "Measure bias for a sensitive column: pre-training metrics of the labels and post-training "
                + "metrics of the model's predictions, each group against the rest, with 95%% intervals.")
final class BiasCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR|REF", description = "The model folder or a "
            + "registered model (churn@champion, churn:3).")
    private String model;

    @Option(names = "--registry", paramLabel = "PATH|CONNECTION|JDBC_URL",
            description = "The registry of a model reference.")
    private String registry;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "Labelled rows (the target "
            + "column included), ideally rows the model did not learn from.")
    private String input;

    @Option(names = "--facet", required = true, paramLabel = "COL", description = "The sensitive column.")
    private String facet;

    @Option(names = "--facet-value", paramLabel = "V", description = "One group to compare with the rest "
            + "(default: every value, or every bin, against the rest).")
    private String facetValue;

    @Option(names = "--threshold", paramLabel = "T", description = "A number column split into <= T and > T "
            + "(default: quantile bins).")
    private Double threshold;

    @Option(names = "--bins", paramLabel = "N", defaultValue = "4", description = "Quantile bins of a number "
            + "column (default: ${DEFAULT-VALUE}).")
    private int bins;

    @Option(names = "--positive", paramLabel = "CLASS", description = "The favourable class (default: a two-class "
            + "model's positive class).")
    private String positive;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the report as JSON.")
    private Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the report as an HTML page.")
    private Path html;

    @CommandLine.Mixin
    private ImportOptions importOptions = new ImportOptions();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (bins < 2 || bins > 20) {
            err.println("error: --bins: " + bins + " is outside 2 … 20");
            return ExitCodes.INVALID;
        }
        TrainedModel m;
        try {
            m = ModelArgument.load(model, registry, err);
        } catch (DataArgument.Refused e) {
            return e.code();
        }
        BiasReport r;
        try {
            r = BiasCheck.check(m, DataArgument.read(input, importOptions, err), new BiasCheck.Facet(facet,
                    facetValue, threshold == null ? Double.NaN : threshold, bins), positive,
                    w -> err.println("warning: " + w));
        } catch (DataArgument.Refused e) {
            return e.code();
        } catch (NodeException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.NODE_FAILED;
        }
        out.println(r.headline());
        out.printf(Locale.ROOT, "%,d labelled rows; favourable outcome '%s'; 95%% intervals%n", r.rows(), r.positive());
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        rows.add(new String[] {"group", "rows", "DI", "DPPL", "recall diff", "FPR diff", "accuracy diff",
            "DPL (data)"});
        for (BiasReport.Group g : r.groups()) {
            rows.add(new String[] {g.name(), String.format(Locale.ROOT, "%,d", g.group().n()),
                cell(g, BiasMetrics.Metric.DI), cell(g, BiasMetrics.Metric.DPPL), cell(g, BiasMetrics.Metric.RD),
                cell(g, BiasMetrics.Metric.FPRD), cell(g, BiasMetrics.Metric.AD), cell(g, BiasMetrics.Metric.DPL)});
        }
        TextTable.print(out, rows);
        try {
            if (json != null) {
                BiasReportFiles.writeJson(r, json);
                out.println("wrote " + json);
            }
            if (html != null) {
                BiasReportFiles.writeHtml(r, DataArgument.name(input, importOptions), html);
                out.println("wrote " + html);
            }
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.NODE_FAILED;
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String cell(BiasReport.Group g, BiasMetrics.Metric m) {
        BiasMetrics.Value v = g.value(m);
        if (Double.isNaN(v.value())) {
            return "–";
        }
        return Double.isNaN(v.low()) ? String.format(Locale.ROOT, "%.3f", v.value())
                : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", v.value(), v.low(), v.high());
    }
}
