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

    /**
     * The table a command's data argument names: a data file (read by its extension, detected automatically), or a
     * database — a JDBC URL ({@code jdbc:sqlite:shop.db}) or a connection's name — with {@code --table} or
     * {@code --query}.
     */
    static Table read(String source, ImportOptions options, PrintWriter err) throws Refused {
        boolean database = source.regionMatches(true, 0, "jdbc:", 0, 5);
        boolean asks = options != null && (options.table() != null || options.query() != null);
        if (!database && !asks) {
            Path file;
            try {
                file = Path.of(source);
            } catch (java.nio.file.InvalidPathException e) {
                err.println("error: '" + source + "' is not a file name");
                throw new Refused(ExitCodes.INVALID);
            }
            return read(file, options, err);
        }
        if (!asks) {
            err.println("error: " + source + " is a database: say what to read with --table NAME or --query SQL"
                    + tables(source));
            throw new Refused(ExitCodes.INVALID);
        }
        if (options.table() != null && options.query() != null) {
            err.println("error: --table and --query: give one of them");
            throw new Refused(ExitCodes.INVALID);
        }
        io.tablewise.data.db.ConnectionSpec spec;
        try {
            spec = io.tablewise.data.db.Connections.user().resolve(source, Path::of);
        } catch (java.io.IOException e) {
            err.println("error: " + e.getMessage());
            throw new Refused(ExitCodes.INVALID);
        }
        try {
            ImportResult r = io.tablewise.data.db.DatabaseReader.read(spec, options.table(), options.query(),
                    java.util.Map.of(), 0, ProgressMonitor.NONE);
            r.warnings().forEach(w -> err.println("import warning: " + w));
            return r.table();
        } catch (NodeException e) {
            err.println("error: " + e.getMessage());
            throw new Refused(ExitCodes.NODE_FAILED);
        }
    }

    /** How a data argument is named in reports: a file's name, or the database and what was read. */
    static String name(String source, ImportOptions options) {
        if (source.regionMatches(true, 0, "jdbc:", 0, 5) || (options != null && (options.table() != null
                || options.query() != null))) {
            return options != null && options.table() != null ? options.table() : "query";
        }
        try {
            Path f = Path.of(source).getFileName();
            return f == null ? source : f.toString();
        } catch (java.nio.file.InvalidPathException e) {
            return source;
        }
    }

    /** "; its tables: a, b" when the database can list them, else nothing. */
    private static String tables(String source) {
        try {
            java.util.List<String> names = io.tablewise.data.db.DatabaseReader.tables(
                    io.tablewise.data.db.Connections.user().resolve(source, Path::of));
            return names.isEmpty() ? "" : "; its tables: " + String.join(", ", names.subList(0, Math.min(20,
                    names.size()))) + (names.size() > 20 ? ", …" : "");
        } catch (java.io.IOException | NodeException e) {
            return "";
        }
    }

    /** The table in {@code file}, detected automatically. */
    static Table read(Path file, PrintWriter err) throws Refused {
        return read(file, null, err);
    }

    /**
     * The table in {@code file} read with the command's import options (also a labels or outcomes file: --table and
     * --query are for the data argument only).
     */
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
