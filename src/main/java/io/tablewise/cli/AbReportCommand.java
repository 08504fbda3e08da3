package io.tablewise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.abtest.AbAnalysis;
import io.tablewise.abtest.AbReport;
import io.tablewise.abtest.AbReportFiles;
import io.tablewise.abtest.Outcomes;
import io.tablewise.capture.CaptureReader;
import io.tablewise.ml.Values;

/**
 * {@code tablewise ab-report CAPTURE_DIR [--labels FILE --key COL]}: the endpoint's variants compared on the outcomes
 * of the rows they scored.
 */
@Command(name = "ab-report", mixinStandardHelpOptions = true,
        description = "Compare an endpoint's variants: traffic, latency and model metrics with 95%% intervals, and "
                + "whether they differ significantly. Outcomes come from POST /feedback or a labels file.")
final class AbReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CAPTURE_DIR", description = "The endpoint's capture folder.")
    private Path capture;

    @Option(names = "--labels", paramLabel = "FILE", description = "A file of outcomes (CSV, Excel, ...) with a key "
            + "column the captured rows carry.")
    private Path labels;

    @Option(names = "--key", paramLabel = "COL", description = "The key column shared by the labels file and the "
            + "captured rows (e.g. customer_id).")
    private String key;

    @Option(names = "--outcome", paramLabel = "COL", description = "The labels file's outcome column (default: its "
            + "only other column).")
    private String outcome;

    @Option(names = "--json", paramLabel = "FILE", description = "Where to write the JSON (default: "
            + "CAPTURE_DIR/ab-report.json).")
    private Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Where to write the HTML (default: "
            + "CAPTURE_DIR/ab-report.html).")
    private Path html;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the bootstrap (default 42).")
    private long seed;

    @CommandLine.Mixin
    private ImportOptions importOptions = new ImportOptions();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((labels == null) != (key == null)) {
            err.println("error: --labels and --key go together: the file of outcomes and the column that joins it");
            return ExitCodes.INVALID;
        }
        CaptureReader.Contents c;
        try {
            c = CaptureReader.read(capture);
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        if (c.records().isEmpty()) {
            err.println("error: " + capture + " holds no captured requests (capture-*.jsonl); is it the folder of the "
                    + "endpoint's \"capture\" setting?");
            return ExitCodes.INVALID;
        }
        if (c.skippedLines() > 0) {
            err.printf(Locale.ROOT, "warning: %,d lines are not capture records and were skipped (the first: %s)%n",
                    c.skippedLines(), c.firstSkipped());
        }
        Outcomes outcomes;
        if (labels != null) {
            Table t;
            try {
                t = DataArgument.read(labels, importOptions, err);
            } catch (DataArgument.Refused e) {
                return e.code();
            }
            if (!t.columnNames().contains(key)) {
                err.println("error: --key: " + labels + " has no column '" + key + "' (it has "
                        + String.join(", ", t.columnNames()) + ")");
                return ExitCodes.INVALID;
            }
            List<String> others = new ArrayList<>(t.columnNames());
            others.remove(key);
            String o = outcome != null ? outcome : others.size() == 1 ? others.get(0) : null;
            if (o == null || !t.columnNames().contains(o)) {
                err.println("error: --outcome: name the outcome column of " + labels + " (one of "
                        + String.join(", ", others) + ")");
                return ExitCodes.INVALID;
            }
            Map<String, String> byKey = new HashMap<>();
            Column<?> k = t.column(key);
            Column<?> v = t.column(o);
            for (int r = 0; r < t.rowCount(); r++) {
                String kv = Values.label(k, r);
                String vv = Values.label(v, r);
                if (kv != null && vv != null) {
                    byKey.put(kv, vv);
                }
            }
            outcomes = Outcomes.byKey(key, byKey);
        } else {
            outcomes = Outcomes.fromFeedback(c.feedback());
        }
        AbReport report = AbAnalysis.analyse(c.records(), outcomes, seed);
        Path jsonFile = json != null ? json : capture.resolve("ab-report.json");
        Path htmlFile = html != null ? html : capture.resolve("ab-report.html");
        AbReportFiles.writeJson(report, jsonFile);
        AbReportFiles.writeHtml(report, "A/B report: " + capture.toAbsolutePath().normalize().getFileName(), htmlFile);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"variant", "requests", "share", "p50 ms", "p95 ms", "outcomes"});
        for (AbReport.VariantResult v : report.variants()) {
            rows.add(new String[] {v.name() + (v.shadow() && !v.name().equalsIgnoreCase("shadow") ? " (shadow)" : ""), String.format(Locale.ROOT, "%,d",
                v.requests()), Double.isNaN(v.share()) ? "shadow" : String.format(Locale.ROOT, "%.1f%%",
                    100 * v.share()), String.format(Locale.ROOT, "%.2f", v.latencyP50()),
                String.format(Locale.ROOT, "%.2f", v.latencyP95()), String.format(Locale.ROOT, "%,d", v.labelled())});
        }
        TextTable.print(out, rows);
        out.println();
        for (AbReport.VariantResult v : report.variants()) {
            if (!v.metrics().isEmpty()) {
                out.println(v.name() + (v.shadow() && !v.name().equalsIgnoreCase("shadow") ? " (shadow)" : "") + ": " + String.join("; ",
                        v.metrics().stream().map(AbReportFiles::metric).toList()) + "  [95% intervals]");
            }
        }
        for (AbReport.Comparison cmp : report.comparisons()) {
            out.println(cmp.sentence());
        }
        for (String n : report.notes()) {
            out.println("note: " + n);
        }
        out.println("wrote " + htmlFile + " and " + jsonFile);
        out.flush();
        return ExitCodes.OK;
    }
}
