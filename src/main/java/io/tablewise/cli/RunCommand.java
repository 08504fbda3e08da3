package io.tablewise.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    @Option(names = "--plain", description = "Plain progress lines even on a terminal.")
    private boolean plain;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FlowFile.Loaded loaded = FlowFile.load(flowFile, params, err);
        if (loaded == null) {
            return ExitCodes.INVALID;
        }
        Flow flow = loaded.flow();
        Map<String, String> overrides = loaded.overrides();
        Path flowDir = FlowFile.dirOf(flowFile);
        Path output = outDir == null ? flowDir : outDir.toAbsolutePath();
        try {
            Files.createDirectories(output);
        } catch (IOException e) {
            err.println("error: cannot create the output folder " + output + ": " + e.getMessage());
            return ExitCodes.INVALID;
        }
        boolean terminal = !plain && System.console() != null;
        try (FlowExecutor executor = FlowExecutor.createDefault()) {
            RunHandle handle = executor.start(new RunRequest(flow, flowDir, output, overrides, null),
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
                return ExitCodes.INVALID;
            }
            result.validation().messages().stream().filter(m -> !m.isError())
                    .forEach(m -> err.println(m.format()));
            SummaryTable.print(result, out);
            return result.status() == RunResult.Status.OK ? ExitCodes.OK : ExitCodes.NODE_FAILED;
        } catch (InvalidParameterException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.INVALID;
        }
    }
}
