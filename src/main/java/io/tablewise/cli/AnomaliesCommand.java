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

import io.tablewise.anomaly.AnomalyDetector;
import io.tablewise.anomaly.AnomalyReport;
import io.tablewise.node.NodeException;

/**
 * {@code tablewise anomalies DATA [--share S] --out DIR}: every row scored for how unusual it is; writes
 * {@code DIR/anomalies.csv} (the rows with anomaly_score, anomaly, anomaly_reason) and {@code DIR/summary.json}.
 */
@Command(name = "anomalies", mixinStandardHelpOptions = true,
        description = "Find unusual rows without a target: each row's anomaly score, the expected share flagged, and "
                + "the columns that made each flagged row unusual. With --label, how well the scores rank known "
                + "anomalies.")
final class AnomaliesCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATA", description = "The data file, or a database with --table or "
            + "--query.")
    private String data;

    @Option(names = "--share", defaultValue = "0.01", paramLabel = "S", description = "The share of rows to flag "
            + "(default 0.01).")
    private double share;

    @Option(names = "--exclude", split = ",", paramLabel = "COL", description = "Columns not to score.")
    private List<String> exclude = new ArrayList<>();

    @Option(names = "--label", paramLabel = "COL", description = "A column marking known anomalies (not scored).")
    private String label;

    @Option(names = "--positive", paramLabel = "VALUE", description = "The --label value of an anomaly (default: "
            + "its rarest value).")
    private String positive;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "The forest's seed.")
    private long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where anomalies.csv and "
            + "summary.json go.")
    private Path out;

    @CommandLine.Mixin
    private ImportOptions importOptions = new ImportOptions();

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Table table;
        try {
            table = DataArgument.read(data, importOptions, err);
        } catch (DataArgument.Refused e) {
            return e.code();
        }
        List<String> left = new ArrayList<>(exclude);
        if (label != null) {
            if (!table.containsColumn(label)) {
                err.println("error: --label: there is no column '" + label + "'");
                return ExitCodes.INVALID;
            }
            left.add(label);
        }
        AnomalyReport r;
        try {
            r = AnomalyDetector.detect(table, new AnomalyDetector.Options(share, left, seed));
        } catch (IllegalArgumentException e) {
            err.println("error: --share: " + e.getMessage());
            return ExitCodes.INVALID;
        } catch (NodeException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.NODE_FAILED;
        }
        Files.createDirectories(out);
        io.tablewise.data.CsvExportNode.writeCsv(r.withColumns(table), out.resolve("anomalies.csv"));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("rows", table.rowCount());
        summary.put("flagged", r.flaggedCount());
        summary.put("share", share);
        summary.put("threshold", r.threshold());
        summary.put("columns", r.columns());
        summary.put("leftOut", r.leftOut());
        o.printf(Locale.ROOT, "flagged %,d of %,d rows (score >= %.3f) on %d columns%n", r.flaggedCount(),
                table.rowCount(), r.threshold(), r.columns().size());
        if (label != null) {
            String pos = positive != null ? positive : io.tablewise.anomaly.AnomalyNode.rarestValue(table, label);
            double[] m = r.against(table.column(label), pos);
            summary.put("label", Map.of("column", label, "positive", pos, "rocAuc", m[0], "precision", m[1],
                    "recall", m[2]));
            o.printf(Locale.ROOT, "against %s = %s: ROC AUC %.3f, precision %.3f and recall %.3f at the flagged "
                    + "share%n", label, pos, m[0], m[1], m[2]);
        }
        Integer[] order = new Integer[table.rowCount()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(r.scores()[b], r.scores()[a]));
        o.println("most unusual rows:");
        for (int k = 0; k < Math.min(10, order.length) && r.flagged()[order[k]]; k++) {
            o.printf(Locale.ROOT, "  row %,d  score %.3f  %s%n", order[k] + 1, r.scores()[order[k]],
                    r.reasons()[order[k]]);
        }
        io.tablewise.io.JsonFiles.write(summary, out.resolve("summary.json"));
        o.println("wrote " + out.resolve("anomalies.csv") + " and " + out.resolve("summary.json"));
        o.flush();
        return ExitCodes.OK;
    }
}
