package io.tablewise.data.csv;

import java.util.HashMap;
import java.util.Map;

/**
 * Guesses the delimiter and quote character from the first lines of a file. For each candidate delimiter
 * ({@code ,} {@code ;} tab {@code |}) it splits up to 50 records quote-aware and scores how consistently they
 * split into the same number (more than one) of fields; the most consistent wins, ties going to the more
 * fields and then to the order above.
 */
public final class DialectSniffer {
    /** Candidate delimiters in order of preference. */
    public static final byte[] CANDIDATES = {',', ';', '\t', '|'};
    private static final int SAMPLE_BYTES = 64 * 1024;
    private static final int SAMPLE_RECORDS = 50;

    /**
     * The sniffed dialect.
     *
     * @param delimiter the delimiter byte
     * @param quote the quote byte, or -1 for none
     */
    public record Dialect(byte delimiter, int quote) {
    }

    private DialectSniffer() {
    }

    /** Sniffs the quote character (unless given, {@code >= 0} or -1 for none) and then the delimiter. */
    public static Dialect sniff(byte[] data, int start, Integer delimiter, Integer quote) {
        int end = sampleEnd(data, start);
        int q = quote != null ? quote : sniffQuote(data, start, end);
        if (delimiter != null) {
            return new Dialect((byte) (int) delimiter, q);
        }
        byte best = ',';
        double bestScore = -1;
        for (byte d : CANDIDATES) {
            double score = score(data, start, end, d, q);
            if (score > bestScore + 1e-9) {
                bestScore = score;
                best = d;
            }
        }
        return new Dialect(best, q);
    }

    private static int sampleEnd(byte[] data, int start) {
        int end = Math.min(data.length, start + SAMPLE_BYTES);
        if (end < data.length) {
            int lastBreak = end;
            while (lastBreak > start && data[lastBreak - 1] != '\n') {
                lastBreak--;
            }
            if (lastBreak > start) {
                end = lastBreak;
            }
        }
        return end;
    }

    /**
     * Consistency score: share of records that have the most common field count, times a small bonus for more
     * fields; 0 when the delimiter never splits a record.
     */
    private static double score(byte[] data, int start, int end, byte delimiter, int quote) {
        RecordScanner scanner = new RecordScanner(data, start, end, delimiter, quote);
        Map<Integer, Integer> counts = new HashMap<>();
        int records = 0;
        while (records < SAMPLE_RECORDS && scanner.next()) {
            counts.merge(scanner.fieldCount, 1, Integer::sum);
            records++;
        }
        if (records == 0) {
            return 0;
        }
        int modeFields = 1;
        int modeCount = 0;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            if (e.getValue() > modeCount || (e.getValue() == modeCount && e.getKey() > modeFields)) {
                modeFields = e.getKey();
                modeCount = e.getValue();
            }
        }
        if (modeFields <= 1) {
            return 0;
        }
        double consistency = modeCount / (double) records;
        return consistency + Math.min(modeFields, 100) * 1e-4;
    }

    /** {@code "} unless the sample has none and single quotes wrap fields; -1 never (quoting stays possible). */
    private static int sniffQuote(byte[] data, int start, int end) {
        int doubleQuotes = 0;
        int singleQuoteFieldStarts = 0;
        for (int i = start; i < end; i++) {
            byte c = data[i];
            if (c == '"') {
                doubleQuotes++;
            } else if (c == '\'' && (i == start || isBoundary(data[i - 1]))) {
                singleQuoteFieldStarts++;
            }
        }
        return doubleQuotes == 0 && singleQuoteFieldStarts >= 2 ? '\'' : '"';
    }

    private static boolean isBoundary(byte c) {
        return c == ',' || c == ';' || c == '\t' || c == '|' || c == '\n' || c == '\r';
    }
}
