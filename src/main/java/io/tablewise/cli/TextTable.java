package io.tablewise.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * Rows printed as aligned columns for a terminal: each column as wide as its widest cell (at most
 * {@value #MAX_WIDTH}, longer cells cut with an ellipsis), Korean and other wide characters counted as two columns
 * so Hangul names line up.
 */
final class TextTable {
    static final int MAX_WIDTH = 48;

    private TextTable() {
    }

    /** Prints {@code rows}, the first one being the header. */
    static void print(PrintWriter out, List<String[]> rows) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.min(MAX_WIDTH, Math.max(width[i], display(r[i])));
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                String cell = cut(r[i] == null ? "" : r[i], width[i]);
                line.append(cell);
                if (i < r.length - 1) {
                    line.append(" ".repeat(width[i] - display(cell) + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** Columns a text takes on a terminal. */
    static int display(String s) {
        if (s == null) {
            return 0;
        }
        return s.codePoints().map(c -> wide(c) ? 2 : 1).sum();
    }

    private static boolean wide(int c) {
        return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
                || (c >= 0xFFE0 && c <= 0xFFE6);
    }

    private static String cut(String s, int width) {
        if (display(s) <= width) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        int used = 0;
        for (int c : s.codePoints().toArray()) {
            int w = wide(c) ? 2 : 1;
            if (used + w > width - 1) {
                break;
            }
            b.appendCodePoint(c);
            used += w;
        }
        return b.append('…').toString();
    }
}
