package io.tablewise.ui.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import io.tablewise.io.AtomicFiles;

/**
 * A table of text as CSV (RFC 4180 quoting, UTF-8 with a byte-order mark so that spreadsheet programs read Korean
 * text correctly; Tablewise's own import skips the mark).
 */
public final class TableCsv {
    private TableCsv() {
    }

    /** The CSV text of a header and rows, lines ending in CRLF. */
    public static String text(List<String> header, List<List<String>> rows) {
        StringBuilder b = new StringBuilder();
        line(b, header);
        rows.forEach(r -> line(b, r));
        return b.toString();
    }

    /** The same table tab-separated, as spreadsheets paste it (tabs and line breaks in cells become spaces). */
    public static String tabSeparated(List<String> header, List<List<String>> rows) {
        StringBuilder b = new StringBuilder();
        tsvLine(b, header);
        rows.forEach(r -> tsvLine(b, r));
        return b.toString();
    }

    private static void tsvLine(StringBuilder b, List<String> cells) {
        b.append(String.join("\t", cells.stream().map(c -> c == null ? "" : c.replace('\t', ' ').replace('\n', ' ')
                .replace('\r', ' ')).toList())).append('\n');
    }

    /** Writes the CSV atomically. */
    public static void write(Path file, List<String> header, List<List<String>> rows) throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] bytes = text(header, rows).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> {
            out.write(bom);
            out.write(bytes);
        });
    }

    private static void line(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(quote(cells.get(i)));
        }
        b.append("\r\n");
    }

    static String quote(String cell) {
        if (cell == null) {
            return "";
        }
        boolean needs = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0 || !cell.strip().equals(cell);
        return needs ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
