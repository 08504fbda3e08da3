package io.tablewise.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code tablewise} command. */
@Command(name = "tablewise", mixinStandardHelpOptions = true, versionProvider = TablewiseCommand.Version.class,
        description = "Tablewise: no-code machine learning for tables. Without a command, opens the studio.",
        subcommands = {RunCommand.class, ValidateCommand.class, ProfileCommand.class, TrainCommand.class,
            PredictCommand.class, BiasCommand.class, MonitorCommand.class, AnomaliesCommand.class, ForecastCommand.class, ServeCommand.class, AbReportCommand.class, RunsCommand.class, RegistryCommand.class, NodesCommand.class, GenerateCommand.class,
            CommandLine.HelpCommand.class})
public final class TablewiseCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the CLI with the given streams; returns the exit code. */
    public static int execute(String[] args, PrintWriter rawOut, PrintWriter rawErr) {
        CliLogging.install();
        PrintWriter out = Terminal.safe(rawOut);
        PrintWriter err = Terminal.safe(rawErr);
        CommandLine cli = new CommandLine(new TablewiseCommand());
        cli.setOut(out);
        cli.setErr(err);
        // problem types and similar choices are written in lower case in the help and the docs
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof java.io.IOException) {
                err.println("error: " + Terminal.printable(e.getMessage()));
            } else {
                java.util.logging.Logger.getLogger(TablewiseCommand.class.getName())
                        .log(java.util.logging.Level.WARNING, "unexpected failure", e);
                // The top-level boundary: an unexpected failure is reported once, plainly, with what to send us.
                err.println("error: Tablewise failed unexpectedly (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + Terminal.printable(e.getMessage()))
                        + "); please report it with the command and, if you can, the data file");
            }
            err.flush();
            return ExitCodes.NODE_FAILED;
        });
        int code;
        try {
            code = cli.execute(args);
        } catch (StackOverflowError e) {
            err.println("error: the input is nested too deeply for Tablewise to follow (a formula, a flow chain or a "
                    + "file with very deep nesting); simplify it");
            code = ExitCodes.INVALID;
        } catch (OutOfMemoryError e) {
            err.println("error: Tablewise ran out of memory; use the row limit or sample options on the import, or "
                    + "give it more memory (for example JAVA_TOOL_OPTIONS=-Xmx8g)");
            code = ExitCodes.NODE_FAILED;
        }
        out.flush();
        err.flush();
        rawOut.flush();
        rawErr.flush();
        return code;
    }

    /** The version from the jar manifest, or "dev" when run from classes. */
    public static String version() {
        String v = TablewiseCommand.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Supplies {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Tablewise " + version()};
        }
    }
}
