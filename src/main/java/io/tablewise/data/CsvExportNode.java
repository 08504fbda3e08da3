package io.tablewise.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.data.csv.EncodingDetector;
import io.tablewise.io.AtomicFiles;
import io.tablewise.node.NodeContext;
import io.tablewise.node.NodeParams;
import io.tablewise.node.ParamSpec;
import io.tablewise.node.ParamType;

/**
 * Writes a table as delimited text with RFC 4180 quoting (fields with the delimiter, a quote, a line break or
 * edge spaces are quoted, quotes doubled), atomically. Passes the table through so a flow can go on after it.
 */
public final class CsvExportNode extends FileExportNode {
    /** The node type id. */
    public static final String ID = "data.export.csv";

    /** Creates the node type. */
    public CsvExportNode() {
        super(ID, "Export CSV", "Writes the table to a CSV file (UTF-8, standard quoting) that Excel and other "
                + "tools open.", "Where to write, relative to the flow file (or the run's output folder).", List.of(
                    ParamSpec.builder("delimiter", ParamType.CHOICE).label("Separator").defaultValue(",")
                            .allowed(",", ";", "tab", "|").help("The character between fields.").build(),
                    ParamSpec.builder("encoding", ParamType.CHOICE).label("Encoding").defaultValue("UTF-8")
                            .allowed("UTF-8", "UTF-8 with BOM", "CP949", "windows-1252")
                            .help("UTF-8 with BOM makes older Excel versions show Korean and accented text "
                                    + "correctly.").build(),
                    ParamSpec.builder("lineEnding", ParamType.CHOICE).label("Line ending").defaultValue("crlf")
                            .allowed("crlf", "lf").help("CRLF as RFC 4180 says, or LF.").build(),
                    ParamSpec.builder("header", ParamType.BOOLEAN).label("Header row").defaultValue(true)
                            .help("Write the column names as the first row.").build(),
                    ParamSpec.builder("guardFormulas", ParamType.BOOLEAN).label("Guard against formulas")
                            .defaultValue(true).help("Text that starts with =, +, -, @ (and is not a number) gets a "
                                    + "leading ' so a spreadsheet shows it instead of running it as a formula. "
                                    + "Turn off only for files no spreadsheet opens.").build()));
    }

    @Override
    void write(Table table, Path file, NodeParams p, NodeContext context) throws IOException {
        writeCsv(table, file, p, context);
    }

    /** Writes {@code table} to {@code file} as UTF-8 CSV with the default options (comma, CRLF, header). */
    public static void writeCsv(Table table, Path file) throws IOException {
        writeCsv(table, file, NodeParams.withDefaults(new CsvExportNode().descriptor(), java.util.Map.of()), null);
    }

    /** Writes {@code table} to {@code file} with the node's parameters. */
    static void writeCsv(Table table, Path file, NodeParams p, NodeContext context) throws IOException {
        String enc = p.string("encoding", "UTF-8");
        Charset charset = switch (enc) {
            case "CP949" -> EncodingDetector.CP949;
            case "windows-1252" -> EncodingDetector.WINDOWS_1252;
            default -> StandardCharsets.UTF_8;
        };
        String d = p.string("delimiter", ",");
        char delimiter = d.equals("tab") ? '\t' : d.charAt(0);
        String eol = lineEnd(p);
        boolean header = p.bool("header", true);
        boolean guard = p.bool("guardFormulas", true);
        AtomicFiles.write(file, out -> {
            if (enc.equals("UTF-8 with BOM")) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            Writer w = new BufferedWriter(new OutputStreamWriter(out, charset), 1 << 16);
            List<Column<?>> columns = table.columns();
            if (header) {
                for (int c = 0; c < columns.size(); c++) {
                    if (c > 0) {
                        w.write(delimiter);
                    }
                    writeField(w, guard ? FormulaGuard.guard(columns.get(c).name()) : columns.get(c).name(),
                            delimiter);
                }
                w.write(eol);
            }
            w.flush();
            writeRows(table, out, charset, delimiter, eol, guard, context);
            w.flush();
        });
    }

    /**
     * The node's CSV text of {@code part}'s rows (each ended by the line ending), or with {@code header} of its
     * column names only: how another engine that writes a table in parts writes exactly this node's file.
     */
    public static String text(Table part, NodeParams p, boolean header) {
        String d = p.string("delimiter", ",");
        char delimiter = d.equals("tab") ? '\t' : d.charAt(0);
        String eol = lineEnd(p);
        boolean guard = p.bool("guardFormulas", true);
        try {
            if (!header) {
                return format(part.columns(), 0, part.rowCount(), delimiter, eol, guard);
            }
            java.io.StringWriter w = new java.io.StringWriter();
            for (int c = 0; c < part.columnCount(); c++) {
                if (c > 0) {
                    w.write(delimiter);
                }
                writeField(w, guard ? FormulaGuard.guard(part.column(c).name()) : part.column(c).name(), delimiter);
            }
            w.write(eol);
            return w.toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
        }
    }

    /** The node's line ending: CRLF (RFC 4180) or LF. */
    public static String lineEnd(NodeParams p) {
        return p.string("lineEnding", "crlf").equals("lf") ? "\n" : "\r\n";
    }

    /** Rows per block: formatted in parallel, written in order. */
    private static final int BLOCK = 32_768;

    /**
     * Formats blocks of rows on all cores (at most two blocks per core in flight, so memory stays bounded) and
     * writes them in row order.
     */
    private static void writeRows(Table table, java.io.OutputStream out, Charset charset, char delimiter, String eol,
                                  boolean guard, NodeContext context) throws IOException {
        int rows = table.rowCount();
        int blocks = (rows + BLOCK - 1) / BLOCK;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tablewise-csv-writer");
            t.setDaemon(true);
            return t;
        });
        java.util.ArrayDeque<java.util.concurrent.Future<byte[]>> window = new java.util.ArrayDeque<>();
        List<Column<?>> columns = table.columns();
        try {
            for (int b = 0; b < blocks; b++) {
                int from = b * BLOCK;
                int to = Math.min(rows, from + BLOCK);
                window.add(pool.submit(() -> format(columns, from, to, delimiter, eol, guard).getBytes(charset)));
                if (window.size() >= 2 * threads) {
                    out.write(window.poll().get());
                    if (context != null) {
                        context.checkCancelled();
                        context.progress(to / (double) Math.max(1, rows), "writing");
                    }
                }
            }
            while (!window.isEmpty()) {
                out.write(window.poll().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.tablewise.node.CancelledException();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("could not format the rows: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String format(List<Column<?>> columns, int from, int to, char delimiter, String eol,
                                 boolean guard) throws IOException {
        java.io.StringWriter w = new java.io.StringWriter(64 * (to - from));
        boolean[] text = new boolean[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            text[c] = guard && columns.get(c) instanceof tech.tablesaw.api.StringColumn;
        }
        for (int r = from; r < to; r++) {
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    w.write(delimiter);
                }
                String value = CellFormat.text(columns.get(c), r);
                writeField(w, text[c] ? FormulaGuard.guard(value) : value, delimiter);
            }
            w.write(eol);
        }
        return w.toString();
    }

    /** Writes one field, quoted when RFC 4180 requires it (or when edge spaces would be lost on reading). */
    static void writeField(Writer w, String value, char delimiter) throws IOException {
        boolean quote = !value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ');
        for (int i = 0; i < value.length() && !quote; i++) {
            char ch = value.charAt(i);
            quote = ch == delimiter || ch == '"' || ch == '\n' || ch == '\r';
        }
        if (!quote) {
            w.write(value);
            return;
        }
        w.write('"');
        w.write(value.replace("\"", "\"\""));
        w.write('"');
    }
}
