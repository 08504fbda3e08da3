package io.tablewise.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Logging for the command line: a user sees one plain line per warning on stderr, never a Java trace; the full
 * record, trace included, goes to {@code ~/.tablewise/logs/cli.log} (or under {@code -Dtablewise.home}) for a bug
 * report.
 */
final class CliLogging {
    private static boolean installed;

    private CliLogging() {
    }

    /** Replaces the root logger's handlers once per JVM. */
    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        ConsoleHandler console = new ConsoleHandler();
        console.setLevel(Level.WARNING);
        console.setFormatter(new OneLine());
        root.addHandler(console);
        try {
            Path logs = Files.createDirectories(logFolder());
            FileHandler file = new FileHandler(logs.resolve("cli.log").toString(), 2_000_000, 1, true);
            file.setFormatter(new SimpleFormatter());
            file.setLevel(Level.WARNING);
            root.addHandler(file);
        } catch (IOException | RuntimeException e) {
            // no log file: the one-line messages still say what happened
        }
    }

    /** Where the full log is kept. */
    static Path logFolder() {
        String configured = System.getProperty("tablewise.home");
        Path home = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".tablewise");
        return home.resolve("logs");
    }

    /** "warning: message (details in the log)", without the trace. */
    private static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord r) {
            return r.getLevel().getName().toLowerCase(java.util.Locale.ROOT) + ": "
                    + Terminal.printable(formatMessage(r))
                    + (r.getThrown() == null ? "" : " (details in " + logFolder().resolve("cli.log") + ")")
                    + System.lineSeparator();
        }
    }
}
