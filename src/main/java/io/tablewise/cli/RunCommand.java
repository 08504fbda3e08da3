package io.tablewise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.tablewise.engine.FlowExecutor;
import io.tablewise.engine.InvalidParameterException;
import io.tablewise.engine.RunHandle;
import io.tablewise.engine.RunRequest;
import io.tablewise.engine.RunResult;
import io.tablewise.flow.Flow;
import io.tablewise.track.RunLog;
import io.tablewise.track.RunRecord;
import io.tablewise.track.RunTracker;

/** {@code tablewise run FLOW}: replays a flow headlessly, with the same engine as the studio. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a flow: progress on stderr, a summary table on stdout. Exit code 0 ok, 1 a node "
                + "failed, 2 invalid flow or arguments.")
final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FLOW", description = "The .flow file.")
    private Path flowFile;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "Override a flow parameter (repeatable).")
    private List<String> params = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Folder for the files the flow writes (default: beside the flow file).")
    private Path outDir;

    @CommandLine.Mixin
    private PathAllowances allowances = new PathAllowances();

    @Option(names = "--keep-going", description = "Run every node that can run even when others have errors "
            + "(those fail with their errors, the nodes after them are skipped); exit code 1 instead of 2.")
    private boolean keepGoing;

    @Option(names = "--plain", description = "Plain progress lines even on a terminal.")
    private boolean plain;

    @Option(names = "--sweep", paramLabel = "NAME=V1,V2,...", description = "Run once per value of a flow "
            + "parameter (repeatable: every combination), recording each model build as a run.")
    private List<String> sweeps = new ArrayList<>();

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "embedded", description = "embedded (the "
            + "default: this machine, as the studio) or spark (Apache Spark: the separate tablewise-spark jar on the "
            + "class path, e.g. through spark-submit).")
    private String engine;

    @Option(names = "--master", paramLabel = "URL", description = "With --engine spark: local[*], spark://HOST:PORT, "
            + "yarn, k8s://... (default: what spark-submit set, else local[*]).")
    private String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "With --engine spark: a Spark setting "
            + "(repeatable), e.g. spark.executor.memory=4g.")
    private List<String> conf = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FlowFile.Loaded loaded = FlowFile.load(flowFile, params, err);
        if (loaded == null) {
            return ExitCodes.INVALID;
        }
        List<Map<String, String>> grid = Sweep.grid(sweeps, loaded.flow(), err);
        if (grid == null) {
            return ExitCodes.INVALID;
        }
        Path flowDir = FlowFile.dirOf(flowFile);
        Path output = outDir == null ? flowDir : outDir.toAbsolutePath();
        try {
            Files.createDirectories(output);
        } catch (IOException e) {
            err.println("error: cannot create the output folder " + output + ": " + e.getMessage());
            return ExitCodes.INVALID;
        }
        if (!Files.isWritable(output)) { // e.g. the installed samples under /opt: refuse before minutes of work
            err.println("error: you cannot write in " + output + (outDir == null
                    ? ", the flow's folder, where its outputs and run record go (installed samples are read-only)."
                    + " Run it with --out DIR to write them elsewhere, for example:\n  tablewise run "
                    + flowFile + " --out " + Path.of(System.getProperty("user.home"), "tablewise-output")
                    + "\nor copy the project folder somewhere of yours first."
                    : "; choose a folder of yours with --out."));
            return ExitCodes.INVALID;
        }
        if (!engine.equalsIgnoreCase("embedded")) {
            return runElsewhere(loaded, flowDir, output, out, err);
        }
        if (master != null || !conf.isEmpty()) {
            err.println("error: --master and --conf are settings of --engine spark");
            return ExitCodes.INVALID;
        }
        int worst = ExitCodes.OK;
        List<RunRecord> recorded = new ArrayList<>();
        for (Map<String, String> combination : grid) {
            Map<String, String> overrides = new LinkedHashMap<>(loaded.overrides());
            overrides.putAll(combination);
            if (!combination.isEmpty()) {
                err.println("sweep: " + combination);
            }
            int code = runOnce(loaded.flow(), overrides, flowDir, output, out, err, recorded);
            worst = Math.max(worst, code);
            if (code == ExitCodes.INVALID) {
                break;
            }
        }
        if (grid.size() > 1) {
            Sweep.print(recorded, grid, out);
        }
        return worst;
    }

    private int runOnce(Flow flow, Map<String, String> overrides, Path flowDir, Path output, PrintWriter out,
                        PrintWriter err, List<RunRecord> recorded) throws InterruptedException {
        boolean terminal = !plain && System.console() != null;
        try (FlowExecutor executor = FlowExecutor.createDefault()) {
            RunHandle handle = executor.start(new RunRequest(flow, flowDir, output, overrides, null,
                            allowances.policy(flowFile, output)).keepingGoing(keepGoing),
                    new ProgressPrinter(err, terminal));
            Thread cancelOnInterrupt = new Thread(() -> {
                handle.cancel();
                try {
                    handle.future().get(3, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // exiting anyway; files are written atomically, so nothing is left half-written
                }
            });
            Runtime.getRuntime().addShutdownHook(cancelOnInterrupt);
            RunResult result = handle.await();
            Runtime.getRuntime().removeShutdownHook(cancelOnInterrupt);
            if (result.status() == RunResult.Status.INVALID) {
                err.println("error: " + flowFile.getFileName() + " is not valid:");
                result.validation().errors().forEach(m -> err.println("  " + m.format()));
                if (!keepGoing) {
                    err.println("(--keep-going runs the nodes that can run)");
                }
                return ExitCodes.INVALID;
            }
            result.validation().messages().stream().filter(m -> !m.isError())
                    .forEach(m -> err.println(m.format()));
            SummaryTable.print(result, out);
            record(flow, overrides, result, output, err, recorded);
            return result.status() == RunResult.Status.OK ? ExitCodes.OK : ExitCodes.NODE_FAILED;
        } catch (InvalidParameterException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.INVALID;
        }
    }

    /** {@code --engine NAME}: the flow run by an engine found on the class path, or how to get it. */
    private int runElsewhere(FlowFile.Loaded loaded, Path flowDir, Path output, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        if (!sweeps.isEmpty()) {
            err.println("error: --sweep runs on the embedded engine only");
            return ExitCodes.INVALID;
        }
        java.util.Optional<io.tablewise.engine.ExternalEngine> found = io.tablewise.engine.ExternalEngine.find(engine);
        if (found.isEmpty()) {
            err.println("error: the " + engine + " engine is not on this installation's class path." + (engine
                    .equalsIgnoreCase("spark") ? " It is a separate artifact, so the desktop installer does not carry "
                    + "Spark: build it with\n  mvn -B install -DskipTests && mvn -B -f src/spark/pom.xml package\n"
                    + "and run the flow with Spark's own launcher (Spark brings its jars):\n  spark-submit --class "
                    + "io.tablewise.Main src/spark/target/tablewise-spark-0.1.0-all.jar run " + flowFile
                    + " --engine spark" : " Engines: embedded, spark."));
            return ExitCodes.INVALID;
        }
        Map<String, String> settings = new LinkedHashMap<>();
        if (master != null) {
            settings.put("master", master);
        }
        for (String c : conf) {
            int eq = c.indexOf('=');
            if (eq <= 0) {
                err.println("error: --conf " + c + ": write KEY=VALUE");
                return ExitCodes.INVALID;
            }
            settings.put("conf." + c.substring(0, eq).strip(), c.substring(eq + 1).strip());
        }
        io.tablewise.engine.ExternalEngine.Outcome outcome = found.get().run(new io.tablewise.engine.ExternalEngine
                .Request(loaded.flow(), flowDir, output, loaded.overrides(), settings, allowances.policy(flowFile,
                output)), line -> err.println(line));
        if (!outcome.refusals().isEmpty()) {
            err.println("error: " + flowFile.getFileName() + " cannot run on " + engine + ":");
            outcome.refusals().forEach(r -> err.println("  " + r));
            return ExitCodes.INVALID;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"node", "type", "result"});
        outcome.nodes().forEach(n -> rows.add(new String[] {n.node(), n.type(), n.note()}));
        TextTable.print(out, rows);
        // a note the table had to cut (a sample's size, the figures measured on all rows) in full below it
        outcome.nodes().stream().filter(n -> TextTable.display(n.note()) > TextTable.MAX_WIDTH)
                .forEach(n -> out.println(n.node() + ": " + n.note()));
        out.flush();
        if (outcome.failure() != null) {
            err.println("error: " + outcome.failure());
            return ExitCodes.NODE_FAILED;
        }
        return ExitCodes.OK;
    }

    /** Appends a run record per model built to the results folder's run log. */
    private void record(Flow flow, Map<String, String> overrides, RunResult result, Path output, PrintWriter err,
                        List<RunRecord> recorded) {
        Map<String, Object> effective = new LinkedHashMap<>(flow.parameters());
        effective.putAll(overrides);
        try {
            List<RunRecord> records = RunTracker.record(output, flow, flowFile, effective, result);
            Path log = new RunLog(output).file();
            records.forEach(r -> err.println("recorded run " + r.runId() + " in " + log));
            recorded.addAll(records);
        } catch (IOException e) {
            err.println("warning: could not record the run: " + e.getMessage());
        }
    }
}
