package io.tablewise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.tablewise.model.Monitoring;
import io.tablewise.model.TrainedModel;
import io.tablewise.monitor.Baseline;
import io.tablewise.monitor.Constraints;
import io.tablewise.monitor.Finding;
import io.tablewise.monitor.MonitorJson;
import io.tablewise.monitor.MonitorReport;
import io.tablewise.node.NodeException;

/**
 * {@code tablewise monitor --model REF --input FILE}: checks a batch against the model's baseline (data quality, drift
 * per column, prediction drift); exit code 0 when nothing is violated, 3 when something is. {@code monitor baseline}
 * makes the baseline of a model saved before models kept one.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true, subcommands = MonitorCommand.BaselineCommand.class,
        description = "Check new data against a model's training baseline: data quality (missing columns, types, "
                + "completeness, unseen categories, out-of-range values) and drift per column and of the predictions. "
                + "Exit code 3 when something is violated.")
final class MonitorCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR|REF", description = "The model folder or a registered model.")
    private String model;

    @Option(names = "--registry", paramLabel = "PATH|CONNECTION|JDBC_URL",
            description = "The registry of a model reference.")
    private String registry;

    @Option(names = "--input", arity = "1..*", paramLabel = "FILE|DIR", description = "The new batch (several "
            + "files, or a folder of them in name order, make a timeline).")
    private java.util.List<String> inputs;

    @Option(names = "--capture", paramLabel = "DIR", description = "The scoring endpoint's capture folder: one batch "
            + "per hourly file, the rows as the callers sent them.")
    private Path capture;

    @Option(names = "--variant", paramLabel = "NAME", description = "With --capture: only this variant's rows.")
    private String variant;

    @Option(names = "--labels", paramLabel = "FILE", description = "Outcomes that arrived later, joined to the "
            + "batches' rows by --key: the model's quality again, against training time.")
    private Path labels;

    @Option(names = "--key", paramLabel = "COL", description = "The column that joins --labels to the batches.")
    private String key;

    @Option(names = "--outcome", paramLabel = "COL", description = "The labels' outcome column (default: the model's "
            + "target, or the only other column).")
    private String outcome;

    @Option(names = "--baseline", paramLabel = "FILE", description = "A baseline made by 'monitor baseline' (default: "
            + "the one the model keeps).")
    private Path baseline;

    @Option(names = "--constraints", paramLabel = "FILE", description = "Edited constraints (default: the ones the "
            + "baseline suggests).")
    private Path constraints;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the report as JSON.")
    private Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the report as an HTML page (a heat map of "
            + "drift over several batches).")
    private Path html;

    @CommandLine.Mixin
    private ImportOptions importOptions = new ImportOptions();

    /** The batches: the files given, a folder's data files in name order, a database's table or query. */
    private java.util.List<String> batches() throws IOException {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String source : inputs) {
            Path p = source.regionMatches(true, 0, "jdbc:", 0, 5) ? null : Path.of(source);
            if (p != null && java.nio.file.Files.isDirectory(p)) {
                try (var files = java.nio.file.Files.list(p)) {
                    files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT)
                            .matches(".*\\.(csv|tsv|txt|xlsx|jsonl|parquet)")).sorted()
                            .forEach(f -> out.add(f.toString()));
                }
            } else {
                out.add(source);
            }
        }
        return out;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (model == null || (inputs == null || inputs.isEmpty()) == (capture == null)) {
            err.println("error: --model and either --input or --capture are required (or 'tablewise monitor "
                    + "baseline')");
            return ExitCodes.INVALID;
        }
        TrainedModel m;
        try {
            m = ModelArgument.load(model, registry, err);
        } catch (DataArgument.Refused e) {
            return e.code();
        }
        Baseline base;
        Constraints rules = null;
        try {
            base = baseline != null ? MonitorJson.readBaseline(baseline) : m.baseline();
            if (constraints != null) {
                rules = MonitorJson.readConstraints(constraints);
            }
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        if (base == null) {
            err.println("error: this model was saved before models kept a baseline; make one from its training rows "
                    + "with 'tablewise monitor baseline --model " + model + " --input TRAIN.csv --out DIR', then pass "
                    + "--baseline DIR/baseline.json");
            return ExitCodes.INVALID;
        }
        if ((labels == null) != (key == null)) {
            err.println("error: --labels and --key go together: the file of outcomes and the column that joins it");
            return ExitCodes.INVALID;
        }
        tech.tablesaw.api.Table outcomes = null;
        if (labels != null) {
            try {
                outcomes = DataArgument.read(labels, importOptions, err);
            } catch (DataArgument.Refused e) {
                return e.code();
            }
        }
        java.util.List<MonitorReport> reports = new java.util.ArrayList<>();
        tech.tablesaw.api.Table feedback = null;
        java.util.List<Object[]> named = new java.util.ArrayList<>();
        if (capture != null) {
            try {
                for (io.tablewise.monitor.CaptureBatches.Batch b : io.tablewise.monitor.CaptureBatches.read(capture,
                        variant)) {
                    if (b.skipped() > 0) {
                        err.printf(Locale.ROOT, "warning: %s: %d line%s could not be read (a line being written?)%n",
                                b.name(), b.skipped(), b.skipped() == 1 ? "" : "s");
                    }
                    named.add(new Object[] {b.name(), b});
                }
                if (outcomes == null) { // the outcomes callers sent to /feedback, when there are some
                    feedback = io.tablewise.monitor.CaptureBatches.feedback(capture);
                }
            } catch (IOException e) {
                err.println("error: --capture: " + e.getMessage());
                return ExitCodes.INVALID;
            }
        } else {
            java.util.List<String> files = batches();
            if (files.isEmpty()) {
                err.println("error: --input: no data files in " + inputs);
                return ExitCodes.INVALID;
            }
            for (String file : files) {
                named.add(new Object[] {DataArgument.name(file, importOptions), file}); // read one at a time below
            }
        }
        for (Object[] batch : named) {
            String name = (String) batch[0];
            tech.tablesaw.api.Table rows;
            io.tablewise.monitor.CaptureBatches.Batch captured = batch[1] instanceof
                    io.tablewise.monitor.CaptureBatches.Batch b ? b : null;
            try {
                rows = batch[1] instanceof String file ? DataArgument.read(file, importOptions, err)
                        : captured.rows();
            } catch (DataArgument.Refused e) {
                return e.code();
            }
            java.util.function.Consumer<String> warn = w -> err.println("warning: " + name + ": " + w);
            MonitorReport r = captured != null ? Monitoring.checkCaptured(m, base, rules, captured, feedback, warn)
                    : Monitoring.check(m, base, rules, rows, name, warn);
            if (outcomes != null && !(captured != null && rows.rowCount() == 0)) {
                try {
                    r = Monitoring.withQuality(m, r, rows, outcomes, labels.getFileName().toString(), key, outcome);
                } catch (NodeException e) {
                    err.println("error: --labels: " + e.getMessage());
                    return ExitCodes.INVALID;
                }
            }
            reports.add(r);
            out.printf(Locale.ROOT, "%s: %,d rows; %d violation%s, %d warning%s%n", r.batch(), r.rows(),
                    r.violations(), r.violations() == 1 ? "" : "s", count(r, Finding.Severity.WARNING),
                    count(r, Finding.Severity.WARNING) == 1 ? "" : "s");
            for (Finding f : r.findings()) {
                out.printf(Locale.ROOT, "%-9s %s%n          → %s%n", f.severity().name().toLowerCase(Locale.ROOT),
                        f.explanation(), f.advice());
            }
        }
        if (json != null) {
            MonitorJson.writeReports(reports, json);
            out.println("wrote " + json);
        }
        if (html != null) {
            io.tablewise.monitor.MonitorReportHtml.write(reports, model, html);
            out.println("wrote " + html);
        }
        out.flush();
        return reports.stream().anyMatch(r -> r.violations() > 0) ? ExitCodes.VIOLATIONS : ExitCodes.OK;
    }

    private static long count(MonitorReport r, Finding.Severity s) {
        return r.findings().stream().filter(f -> f.severity() == s).count();
    }

    /** {@code tablewise monitor baseline --model M --input TRAIN.csv --out DIR}. */
    @Command(name = "baseline", mixinStandardHelpOptions = true, description = "Make the baseline (and suggested "
            + "constraints) of a model saved before models kept one, from its training rows.")
    static final class BaselineCommand implements Callable<Integer> {
        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Option(names = "--model", required = true, paramLabel = "DIR|REF", description = "The model.")
        private String model;

        @Option(names = "--registry", paramLabel = "PATH|CONNECTION|JDBC_URL",
                description = "The registry of a reference.")
        private String registry;

        @Option(names = "--input", required = true, paramLabel = "FILE", description = "The training rows.")
        private String input;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write baseline.json "
                + "and constraints.json.")
        private Path outDir;

        @CommandLine.Mixin
        private ImportOptions importOptions = new ImportOptions();

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                TrainedModel m = ModelArgument.load(model, registry, err);
                Baseline b = Monitoring.baseline(m, DataArgument.read(input, importOptions, err),
                        w -> err.println("warning: " + w));
                java.nio.file.Files.createDirectories(outDir);
                MonitorJson.writeBaseline(b, outDir.resolve("baseline.json"));
                MonitorJson.writeConstraints(Constraints.suggest(b), outDir.resolve("constraints.json"));
                out.printf(Locale.ROOT, "baseline of %,d rows and %d columns; wrote %s and %s%n", b.rows(),
                        b.columns().size(), outDir.resolve("baseline.json"), outDir.resolve("constraints.json"));
                out.flush();
                return ExitCodes.OK;
            } catch (DataArgument.Refused e) {
                return e.code();
            } catch (NodeException e) {
                err.println("error: " + e.getMessage());
                return ExitCodes.NODE_FAILED;
            }
        }
    }
}
