package io.tablewise.cli;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

import io.tablewise.data.csv.CsvOptions;

/** The import options a command offers for its data file; anything not given is detected, as in the studio. */
final class ImportOptions {
    @Option(names = "--separator", paramLabel = "CHAR", description = "Field separator of text files: , ; | or "
            + "tab (default: detected).")
    private String separator;

    @Option(names = "--encoding", paramLabel = "NAME", description = "Text encoding, e.g. UTF-8, CP949, "
            + "windows-1252 (default: detected).")
    private String encoding;

    @Option(names = "--missing", split = ",", paramLabel = "TOKEN", description = "Texts that mean missing "
            + "(comma separated; default: NA, N/A, null, ?).")
    private List<String> missing = new ArrayList<>();

    @Option(names = "--header", arity = "1", paramLabel = "true|false", description = "Whether the first row "
            + "holds the column names (default: detected).")
    private Boolean header;

    @Option(names = "--table", paramLabel = "NAME", description = "With a database (jdbc:… or a connection's "
            + "name) as the data: the table to read.")
    private String table;

    @Option(names = "--query", paramLabel = "SQL", description = "With a database as the data: a read-only SELECT "
            + "to read.")
    private String query;

    /** The database table to read, or null. */
    String table() {
        return table;
    }

    /** The database query to read, or null. */
    String query() {
        return query;
    }

    /** The options given, by their names (for a run record); only those given. */
    java.util.Map<String, Object> asMap() {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        if (separator != null) {
            out.put("separator", separator);
        }
        if (encoding != null) {
            out.put("encoding", encoding);
        }
        if (!missing.isEmpty()) {
            out.put("missing", List.copyOf(missing));
        }
        if (header != null) {
            out.put("header", header);
        }
        if (table != null) {
            out.put("table", table);
        }
        if (query != null) {
            out.put("query", query);
        }
        return out;
    }

    /** The options of a run record ({@link #asMap()}). */
    static ImportOptions of(java.util.Map<String, Object> saved) {
        ImportOptions o = new ImportOptions();
        o.separator = saved.get("separator") instanceof String s ? s : null;
        o.encoding = saved.get("encoding") instanceof String s ? s : null;
        if (saved.get("missing") instanceof List<?> l) {
            l.forEach(v -> o.missing.add(String.valueOf(v)));
        }
        o.header = saved.get("header") instanceof Boolean b ? b : null;
        o.table = saved.get("table") instanceof String s ? s : null;
        o.query = saved.get("query") instanceof String s ? s : null;
        return o;
    }

    /** The reader options, or an IllegalArgumentException whose message names the option. */
    CsvOptions csv() {
        CsvOptions o = CsvOptions.defaults();
        if (separator != null) {
            String s = separator.equalsIgnoreCase("tab") ? "\t" : separator;
            if (s.length() != 1) {
                throw new IllegalArgumentException("--separator must be one character or 'tab', not '" + separator
                        + "'");
            }
            o = o.withDelimiter(s.charAt(0));
        }
        if (encoding != null) {
            try {
                o = o.withEncoding(Charset.forName(encoding));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new IllegalArgumentException("--encoding: '" + encoding + "' is not an encoding this Java "
                        + "knows (try UTF-8, CP949 or windows-1252)");
            }
        }
        if (!missing.isEmpty()) {
            o = o.withMissing(missing, true);
        }
        if (header != null) {
            o = o.withHeader(header);
        }
        return o;
    }
}
