package io.tablewise.data;

/**
 * What the readers accept, so that a small hostile file cannot take minutes or all memory: a 2 KB workbook can
 * name a cell at column ZZZZZZ, a 1 KB one a number with a hundred-million-digit exponent, a JSON Lines file can add
 * a key on every line. Each limit is far beyond real tables, and going past it is refused with a message that
 * names the file, the line or cell, and the limit (the README lists them).
 */
public final class ReadLimits {
    /** Most columns in a table read from a file (Excel's own limit is 16,384). */
    public static final int MAX_COLUMNS = 16_384;
    /** Longest line of a JSON Lines file, in characters. */
    public static final int MAX_LINE_CHARS = 16 * 1024 * 1024;
    /** Largest decimal exponent of a number read from a workbook (a double reaches 10^308). */
    public static final int MAX_EXPONENT = 400;

    private ReadLimits() {
    }
}
