package io.tablewise.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.tablewise.engine.FlowValidator;
import io.tablewise.engine.InvalidParameterException;
import io.tablewise.engine.ParameterResolver;
import io.tablewise.engine.ValidationReport;
import io.tablewise.flow.Flow;
import io.tablewise.node.NodeMessage;
import io.tablewise.node.registry.NodeRegistry;

/** {@code tablewise validate FLOW}: checks a flow without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a flow without running it. Exit code 0 valid, 2 invalid.")
final class ValidateCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FLOW", description = "The .flow file.")
    private java.nio.file.Path flowFile;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE", description = "Override a flow parameter.")
    private List<String> params = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "The output folder a run would use (default: beside the flow file).")
    private java.nio.file.Path outDir;

    @CommandLine.Mixin
    private PathAllowances allowances = new PathAllowances();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FlowFile.Loaded loaded = FlowFile.load(flowFile, params, err);
        if (loaded == null) {
            return ExitCodes.INVALID;
        }
        Flow flow = loaded.flow();
        Map<String, String> overrides = loaded.overrides();
        try {
            Map<String, Object> values = ParameterResolver.effectiveParameters(flow, overrides);
            java.nio.file.Path output = outDir == null ? FlowFile.dirOf(flowFile) : outDir.toAbsolutePath();
            ValidationReport report = new FlowValidator(NodeRegistry.builtIn())
                    .validate(flow, allowances.policy(flowFile, output), values);
            for (NodeMessage m : report.messages()) {
                (m.isError() ? err : out).println(m.format());
            }
            printPaths(report, out);
            if (report.isValid()) {
                out.println(flowFile.getFileName() + " is valid: " + io.tablewise.node.Plural.of(flow.nodes().size(),
                        "node") + ", " + io.tablewise.node.Plural.of(flow.edges().size(), "edge"));
                return ExitCodes.OK;
            }
            err.println(flowFile.getFileName() + " is not valid: " + report.errors().size() + " error"
                    + (report.errors().size() == 1 ? "" : "s"));
            return ExitCodes.INVALID;
        } catch (InvalidParameterException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.INVALID;
        }
    }

    /** Every file the flow reads or writes, so a shared flow can be checked before it runs. */
    private static void printPaths(ValidationReport report, PrintWriter out) {
        for (boolean write : new boolean[] {false, true}) {
            List<ValidationReport.PathUse> uses = report.paths().stream().filter(u -> u.write() == write).toList();
            out.println((write ? "writes:" : "reads:") + (uses.isEmpty() ? " nothing" : ""));
            for (ValidationReport.PathUse u : uses) {
                out.println("  " + Terminal.printable(String.valueOf(u.path())) + "  (" + u.nodeId() + "." + u.param()
                        + (u.allowed() ? "" : ", REFUSED") + ")");
            }
        }
    }
}
