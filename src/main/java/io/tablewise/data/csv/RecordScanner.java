package io.tablewise.data.csv;

/**
 * Splits delimited bytes into records and fields (RFC 4180 quoting, LF, CRLF or lone CR line ends), without
 * allocating per field: after {@link #next()} the fields of the record are the ranges
 * {@code [fieldStart[i], fieldEnd[i])} of {@code fieldBuf[i]} (the input, or a scratch buffer for quoted fields
 * with doubled quotes). It works on bytes because every structural character is ASCII, which is safe for UTF-8,
 * Windows-1252 and CP949 alike.
 *
 * <p>Recoveries, each counted so the reader can warn: a quote inside an unquoted field is kept as a character;
 * text after a closing quote is kept; a quote never closed ends its field at the end of the line it opened on.
 */
final class RecordScanner {
    /** A quote inside an unquoted field. */
    static final int STRAY_QUOTE = 1;
    /** Text between a closing quote and the next delimiter. */
    static final int TEXT_AFTER_QUOTE = 2;
    /** A quote that is never closed. */
    static final int UNTERMINATED_QUOTE = 4;

    private final byte[] buf;
    private final int end;
    private final byte delimiter;
    private final int quote;

    int pos;
    /** Physical lines consumed so far (line breaks passed), relative to the start position. */
    long linesPassed;
    /** Line (0-based, relative to the start) on which the current record starts. */
    long recordLine;
    /** Offset where the current record starts. */
    int recordStart;
    int fieldCount;
    byte[][] fieldBuf = new byte[16][];
    int[] fieldStart = new int[16];
    int[] fieldEnd = new int[16];
    /** Problems seen in the current record, a mask of the constants above. */
    int problems;

    /** Bytes that end or complicate an unquoted field: the delimiter, CR, LF and the quote. */
    private final boolean[] special = new boolean[256];
    private byte[] scratch = new byte[256];
    private int scratchLen;

    RecordScanner(byte[] buf, int start, int end, byte delimiter, int quote) {
        this.buf = buf;
        this.pos = start;
        this.end = end;
        this.delimiter = delimiter;
        // 256 never equals a (signed) byte, so "no quote character" needs no check in the loops.
        this.quote = quote < 0 ? 256 : quote;
        special[delimiter & 0xFF] = true;
        special['\n'] = true;
        special['\r'] = true;
        if (quote >= 0) {
            special[quote & 0xFF] = true;
        }
    }

    /** Reads the next non-empty record; false at the end of the input. */
    boolean next() {
        return next(end);
    }

    /**
     * Reads the next non-empty record if it starts before {@code limit}; false otherwise. Empty lines before it
     * are consumed (and counted) either way, so {@link #pos} is then where the next record would start.
     */
    boolean next(int limit) {
        skipEmptyLines();
        if (pos >= end || pos >= limit) {
            return false;
        }
        recordStart = pos;
        recordLine = linesPassed;
        fieldCount = 0;
        problems = 0;
        scratchLen = 0;
        while (true) {
            int terminator = buf[pos] == quote ? quotedField() : unquotedField();
            if (terminator != delimiter) {
                consumeLineEnd();
                return true;
            }
            pos++;
            if (pos >= end) {
                addField(buf, pos, pos);
                return true;
            }
        }
    }

    private void skipEmptyLines() {
        while (pos < end) {
            byte c = buf[pos];
            if (c == '\n') {
                pos++;
                linesPassed++;
            } else if (c == '\r') {
                pos++;
                if (pos < end && buf[pos] == '\n') {
                    pos++;
                }
                linesPassed++;
            } else {
                return;
            }
        }
    }

    /** Reads an unquoted field; returns the byte that ended it (delimiter, CR, LF) or -1 at the end. */
    private int unquotedField() {
        int start = pos;
        final byte[] b = buf;
        final byte d = delimiter;
        int i = pos;
        final boolean[] stop = special;
        while (i < end) {
            byte c = b[i];
            if (stop[c & 0xFF]) {
                if (c == d || c == '\n' || c == '\r') {
                    break;
                }
                problems |= STRAY_QUOTE;
            }
            i++;
        }
        pos = i;
        addField(b, start, i);
        return i < end ? b[i] : -1;
    }

    /** Reads a quoted field starting at the opening quote. */
    private int quotedField() {
        final byte[] b = buf;
        int open = pos;
        long openLine = linesPassed;
        int i = pos + 1;
        int contentStart = i;
        boolean escaped = false;
        int scratchStart = scratchLen;
        while (true) {
            if (i >= end) {
                return unterminated(open, openLine);
            }
            byte c = b[i];
            if (c == quote) {
                if (i + 1 < end && b[i + 1] == quote) {
                    if (!escaped) {
                        escaped = true;
                        appendScratch(b, contentStart, i + 1);
                    } else {
                        appendScratch(b, contentStart, i + 1);
                    }
                    i += 2;
                    contentStart = i;
                    continue;
                }
                break;
            }
            if (c == '\n' || (c == '\r' && (i + 1 >= end || b[i + 1] != '\n'))) {
                linesPassed++;
            }
            i++;
        }
        int contentEnd = i;
        i++;
        int after = i;
        while (i < end && b[i] != delimiter && b[i] != '\n' && b[i] != '\r') {
            i++;
        }
        if (i > after) {
            problems |= TEXT_AFTER_QUOTE;
        }
        if (escaped || i > after) {
            if (!escaped) {
                scratchStart = scratchLen;
            }
            appendScratch(b, contentStart, contentEnd);
            appendScratch(b, after, i);
            addField(null, scratchStart, scratchLen);
        } else {
            addField(b, contentStart, contentEnd);
        }
        pos = i;
        return i < end ? b[i] : -1;
    }

    /** A quote opened at {@code open} never closes: end the field at the end of its line and go on from there. */
    private int unterminated(int open, long openLine) {
        problems |= UNTERMINATED_QUOTE;
        linesPassed = openLine;
        int i = open + 1;
        while (i < end && buf[i] != '\n' && buf[i] != '\r') {
            i++;
        }
        addField(buf, open + 1, i);
        pos = i;
        return i < end ? buf[i] : -1;
    }

    private void consumeLineEnd() {
        if (pos < end) {
            if (buf[pos] == '\r') {
                pos++;
                if (pos < end && buf[pos] == '\n') {
                    pos++;
                }
            } else {
                pos++;
            }
            linesPassed++;
        }
    }

    private void appendScratch(byte[] b, int s, int e) {
        int n = e - s;
        if (scratchLen + n > scratch.length) {
            byte[] bigger = new byte[Math.max(scratch.length * 2, scratchLen + n)];
            System.arraycopy(scratch, 0, bigger, 0, scratchLen);
            // Fields already pointing at the old scratch buffer must follow it.
            for (int f = 0; f < fieldCount; f++) {
                if (fieldBuf[f] == scratch) {
                    fieldBuf[f] = bigger;
                }
            }
            scratch = bigger;
        }
        System.arraycopy(b, s, scratch, scratchLen, n);
        scratchLen += n;
    }

    private void addField(byte[] b, int s, int e) {
        if (fieldCount == fieldStart.length) {
            int n = fieldCount * 2;
            fieldBuf = java.util.Arrays.copyOf(fieldBuf, n);
            fieldStart = java.util.Arrays.copyOf(fieldStart, n);
            fieldEnd = java.util.Arrays.copyOf(fieldEnd, n);
        }
        fieldBuf[fieldCount] = b == null ? scratch : b;
        fieldStart[fieldCount] = s;
        fieldEnd[fieldCount] = e;
        fieldCount++;
    }
}
