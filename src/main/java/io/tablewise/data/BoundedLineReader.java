package io.tablewise.data;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines (ending in LF or CRLF) like {@code BufferedReader.readLine}, but refuses a line longer than a limit
 * before holding it in memory: a file of one 50 MB line must get a message, not fill the heap.
 */
final class BoundedLineReader implements AutoCloseable {
    /** A line past the limit; carries its 1-based number. */
    static final class LineTooLongException extends IOException {
        private static final long serialVersionUID = 1L;
        private final long line;

        LineTooLongException(long line) {
            super("line " + line + " is too long");
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[1 << 16];
    private int pos;
    private int end;
    private long lineNo;

    BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its ending, or {@code null} at the end of the input. */
    String readLine() throws IOException {
        StringBuilder line = null;
        while (true) {
            if (pos == end) {
                end = in.read(buffer, 0, buffer.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    if (line == null) {
                        return null;
                    }
                    lineNo++;
                    return strip(line);
                }
            }
            int start = pos;
            while (pos < end && buffer[pos] != '\n') {
                pos++;
            }
            if (line == null) {
                line = new StringBuilder(Math.min(maxChars, pos - start + 16));
            }
            if (line.length() + (pos - start) > maxChars + 1) {
                throw new LineTooLongException(lineNo + 1);
            }
            line.append(buffer, start, pos - start);
            if (pos < end) {
                pos++; // the LF
                lineNo++;
                return strip(line);
            }
        }
    }

    private static String strip(StringBuilder line) {
        int n = line.length();
        return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
