package io.tablewise.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import tech.tablesaw.api.Table;

import io.tablewise.data.DataFiles;
import io.tablewise.data.ImportResult;
import io.tablewise.data.csv.CsvOptions;
import io.tablewise.node.NodeException;
import io.tablewise.node.ProgressMonitor;

/** A data file named on the command line: read with automatic detection, its import warnings printed. */
final class DataArgument {
    private DataArgument() {
    }

    /** Thrown after printing why the file cannot be used; carries the exit code. */
    static final class Refused extends Exception {
        private final int code;

        Refused(int code) {
            super(null, null, false, false);
            this.code = code;
        }

        int code() {
            return code;
        }
    }

    /** The table in {@code file}, detected automatically. */
    static Table read(Path file, PrintWriter err) throws Refused {
        return read(file, null, err);
    }

    /** The table in {@code file} read with the command's import options. */
    static Table read(Path file, ImportOptions options, PrintWriter err) throws Refused {
        if (!Files.isRegularFile(file)) {
            err.println("error: " + file + " does not exist or is not a file");
            throw new Refused(ExitCodes.INVALID);
        }
        try {
            CsvOptions csv;
            try {
                csv = options == null ? CsvOptions.defaults() : options.csv();
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                throw new Refused(ExitCodes.INVALID);
            }
            ImportResult imported = DataFiles.read(file, csv, ProgressMonitor.NONE);
            imported.warnings().forEach(w -> err.println("import warning: " + w));
            return imported.table();
        } catch (NodeException e) {
            err.println("error: " + e.getMessage());
            throw new Refused(ExitCodes.NODE_FAILED);
        }
    }
}
