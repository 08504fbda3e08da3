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
 * {@code tablewise anomalies DATA [--share S] [--time COL [--value COL] [--series COL,...]] --out DIR}: every row
 * scored for how unusual it is (its values, or with --time its moment: a value far outside its series' band or a
 * burst of rows); writes
 * {@code DIR/anomalies.csv} (the rows with anomaly_score, anomaly, anomaly_reason) and {@code DIR/summary.json}.
 */
@Command(name = "anomalies", mixinStandardHelpOptions = true,
        description = "Find unusual rows without a target: each row's anomaly score, the expected share flagged, and "
                + "the columns that made each flagged row unusual. With --time: anomalies in time instead (a value far "
                + "from its series' level and season, or bursts of rows in an hour or a day). With --label, how well "
                + "the scores rank known anomalies, and the share found of each kind.")
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

    @Option(names = "--time", paramLabel = "COL", description = "Look for anomalies in time: the time column.")
    private String time;

    @Option(names = "--value", paramLabel = "COL", description = "With --time: the value per row (default: count "
            + "the rows per hour or day, to find bursts).")
    private String value;

    @Option(names = "--series", split = ",", paramLabel = "COL", description = "With --time: columns naming each "
            + "series (e.g. store).")
    private List<String> series = new ArrayList<>();

    @Option(names = "--model", paramLabel = "DIR", description = "Score the rows with a saved detector (OUT/model of "
            + "an earlier run) instead of making one: new rows judged against the rows it was made from.")
    private Path model;

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
        io.tablewise.anomaly.AnomalyModel detector = null;
        try {
            if (time != null) {
                r = io.tablewise.anomaly.TimeAnomalies.detect(table, new io.tablewise.anomaly.TimeAnomalies.Options(
                        time, value, series, share));
            } else if (model != null) {
                try {
                    r = io.tablewise.anomaly.AnomalyModel.load(model).score(table);
                } catch (IOException e) {
                    err.println("error: --model: " + e.getMessage());
                    return ExitCodes.INVALID;
                }
            } else {
                detector = AnomalyDetector.fit(table, new AnomalyDetector.Options(share, left, seed));
                r = detector.trainingReport();
            }
        } catch (IllegalArgumentException e) {
            err.println("error: --share: " + e.getMessage());
            return ExitCodes.INVALID;
        } catch (NodeException e) {
            return ExitCodes.refused(err, e);
        }
        Map<String, Object> summary = io.tablewise.anomaly.AnomalyFiles.summary(table, r, model != null ? null
                : share, label, positive);
        o.printf(Locale.ROOT, "flagged %,d of %,d rows (score >= %.3f) on %d columns%n", r.flaggedCount(),
                table.rowCount(), r.threshold(), r.columns().size());
        if (summary.get("label") instanceof Map<?, ?> m) {
            o.printf(Locale.ROOT, "against %s = %s: ROC AUC %.3f, precision %.3f and recall %.3f at the flagged "
                    + "share%n", label, m.get("positive"), m.get("rocAuc"), m.get("precision"), m.get("recall"));
        }
        if (summary.get("foundByLabelValue") instanceof Map<?, ?> byKind) {
            o.println("found of each " + label + ": " + byKind.entrySet().stream().map(e -> String.format(
                    Locale.ROOT, "%s %.0f%%", e.getKey(), 100 * (Double) e.getValue())).collect(
                    java.util.stream.Collectors.joining(", ")));
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
        io.tablewise.anomaly.AnomalyFiles.write(r.withColumns(table), summary, detector, out);
        o.println("wrote " + out.resolve("anomalies.csv") + " and " + out.resolve("summary.json") + (detector == null
                ? "" : "; the detector in " + out.resolve("model") + " scores new rows with --model"));
        o.flush();
        return ExitCodes.OK;
    }
}
