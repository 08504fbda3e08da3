package io.tablewise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.data.CsvExportNode;
import io.tablewise.track.RunLog;
import io.tablewise.track.RunRecord;

/** {@code tablewise runs FLOW}: the model builds recorded for a flow, listed, compared or exported. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List the recorded model builds of a flow (parameters that vary between runs, and metrics); "
                + "compare two runs; export all as CSV.")
final class RunsCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FLOW", description = "The .flow file.")
    private Path flowFile;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "The results folder the runs were recorded in (default: beside the flow file).")
    private Path outDir;

    @Option(names = "--compare", arity = "2", paramLabel = "RUN", description = "Show two runs side by side.")
    private List<String> compare = new ArrayList<>();

    @Option(names = "--csv", paramLabel = "FILE", description = "Write every run with all parameters and metrics "
            + "as CSV.")
    private Path csv;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path root = outDir == null ? FlowFile.dirOf(flowFile) : outDir.toAbsolutePath();
        List<String> problems = new ArrayList<>();
        RunLog log = new RunLog(root);
        List<RunRecord> runs = log.read(problems).stream()
                .filter(r -> r.flow().equals(flowFile.getFileName().toString())).toList();
        problems.forEach(p -> err.println("warning: " + p));
        if (runs.isEmpty()) {
            out.println("no runs recorded for " + flowFile.getFileName() + " in " + log.file()
                    + " (runs are recorded when 'tablewise run' builds a model)");
            out.flush();
            return ExitCodes.OK;
        }
        if (!compare.isEmpty()) {
            return compare(runs, out, err);
        }
        if (csv != null) {
            CsvExportNode.writeCsv(table(runs), csv);
            out.println("wrote " + io.tablewise.node.Plural.of(runs.size(), "run") + " to " + csv);
            out.flush();
            return ExitCodes.OK;
        }
        list(runs, out);
        return ExitCodes.OK;
    }

    private static List<String> varying(List<RunRecord> runs) {
        TreeSet<String> names = new TreeSet<>();
        runs.forEach(r -> names.addAll(r.parameters().keySet()));
        return names.stream().filter(n -> runs.stream().map(r -> r.parameters().get(n)).distinct().count() > 1)
                .toList();
    }

    private static List<String> metricNames(List<RunRecord> runs) {
        TreeSet<String> names = new TreeSet<>();
        runs.forEach(r -> names.addAll(r.metrics().keySet()));
        return new ArrayList<>(names);
    }

    private static void list(List<RunRecord> runs, PrintWriter out) {
        List<String> params = varying(runs);
        List<String> metrics = metricNames(runs);
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-22s %-19s %-10s %-10s", "run", "time",
                "node", "algorithm"));
        params.forEach(p -> header.append(' ').append(cell(p, 16)));
        metrics.forEach(m -> header.append(' ').append(cell(m, 10)));
        out.println(header);
        for (RunRecord r : runs) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-22s %-19s %-10s %-10s", r.runId(),
                    r.time(), r.node(), r.algorithm()));
            params.forEach(p -> line.append(' ').append(cell(String.valueOf(r.parameters().get(p)), 16)));
            metrics.forEach(m -> line.append(' ').append(cell(number(r.metrics().get(m)), 10)));
            out.println(line);
        }
        out.println(io.tablewise.node.Plural.of(runs.size(), "run") + (params.isEmpty() ? "" : "; showing the " + params.size()
                + " parameters that differ between them"));
        out.flush();
    }

    private int compare(List<RunRecord> runs, PrintWriter out, PrintWriter err) {
        RunRecord a = find(runs, compare.get(0));
        RunRecord b = find(runs, compare.get(1));
        if (a == null || b == null) {
            err.println("error: --compare: no run " + (a == null ? compare.get(0) : compare.get(1)) + " (see "
                    + "'tablewise runs " + flowFile + "')");
            return ExitCodes.INVALID;
        }
        out.printf(Locale.ROOT, "%-40s %-24s %-24s%n", "", a.runId(), b.runId());
        Map<String, String[]> rows = new LinkedHashMap<>();
        rows.put("model", new String[] {String.valueOf(a.model() == null ? null : a.model().get("algorithm")),
            String.valueOf(b.model() == null ? null : b.model().get("algorithm"))});
        TreeSet<String> params = new TreeSet<>(a.parameters().keySet());
        params.addAll(b.parameters().keySet());
        params.forEach(p -> rows.put(p, new String[] {a.parameters().get(p), b.parameters().get(p)}));
        TreeSet<String> metrics = new TreeSet<>(a.metrics().keySet());
        metrics.addAll(b.metrics().keySet());
        metrics.forEach(m -> rows.put("metric " + m, new String[] {number(a.metrics().get(m)),
            number(b.metrics().get(m))}));
        rows.forEach((k, v) -> out.printf(Locale.ROOT, "%s %-38s %-24s %-24s%n",
                Objects.equals(v[0], v[1]) ? " " : "*", cell(k, 38), cell(String.valueOf(v[0]), 24),
                cell(String.valueOf(v[1]), 24)));
        out.println("* differs");
        out.flush();
        return ExitCodes.OK;
    }

    private static RunRecord find(List<RunRecord> runs, String id) {
        return runs.stream().filter(r -> r.runId().equals(id)).findFirst().orElse(null);
    }

    private static Table table(List<RunRecord> runs) {
        List<Column<?>> cols = new ArrayList<>();
        cols.add(StringColumn.create("run", runs.stream().map(RunRecord::runId).toList()));
        cols.add(StringColumn.create("time", runs.stream().map(RunRecord::time).toList()));
        cols.add(StringColumn.create("node", runs.stream().map(RunRecord::node).toList()));
        cols.add(StringColumn.create("algorithm", runs.stream().map(RunRecord::algorithm).toList()));
        TreeSet<String> params = new TreeSet<>();
        runs.forEach(r -> params.addAll(r.parameters().keySet()));
        for (String p : params) {
            cols.add(StringColumn.create(p, runs.stream().map(r -> r.parameters().get(p)).toList()));
        }
        for (String m : metricNames(runs)) {
            cols.add(DoubleColumn.create(m, runs.stream().mapToDouble(r -> r.metrics().get(m) == null ? Double.NaN
                    : r.metrics().get(m)).toArray()));
        }
        cols.add(DoubleColumn.create("seconds", runs.stream().mapToDouble(RunRecord::seconds).toArray()));
        return Table.create("runs", cols);
    }

    private static String number(Double v) {
        return v == null || v.isNaN() ? "–" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String cell(String s, int width) {
        String t = s.length() > width ? s.substring(0, width - 1) + "…" : s;
        return String.format(Locale.ROOT, "%-" + width + "s", t);
    }
}
