package io.tablewise.insights;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.tablewise.data.ValueParsers;

/**
 * A text column's lengths, share of numbers and patterns ({@link TextStats}) gathered value by value, in parts that
 * add up — the profile's own counting, whether the values come as one table's counts or from Spark's parts.
 */
public final class TextShapes implements Serializable {
    private static final long serialVersionUID = 1L;
    private int min = Integer.MAX_VALUE;
    private int max;
    /** Whole numbers: their double sum is exact (below 2^53) in any order. */
    private double totalLength;
    private long numeric;
    private final HashMap<String, long[]> patterns = new HashMap<>();

    /** Counts {@code count} rows holding {@code value} (a present value). */
    public void add(String value, long count) {
        int len = value.codePointCount(0, value.length());
        min = Math.min(min, len);
        max = Math.max(max, len);
        totalLength += (double) len * count;
        byte[] b = value.strip().getBytes(StandardCharsets.UTF_8);
        if ((ValueParsers.classify(b, 0, b.length) & ValueParsers.DOUBLE) != 0) {
            numeric += count;
        }
        patterns.computeIfAbsent(ColumnProfiler.pattern(value), k -> new long[1])[0] += count;
    }

    /** Adds another part's counts. */
    public void add(TextShapes other) {
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        totalLength += other.totalLength;
        numeric += other.numeric;
        for (Map.Entry<String, long[]> e : other.patterns.entrySet()) {
            patterns.computeIfAbsent(e.getKey(), k -> new long[1])[0] += e.getValue()[0];
        }
    }

    /** The statistics of the {@code n} present values counted. */
    public TextStats stats(long n) {
        return new TextStats(min, totalLength / n, max, numeric / (double) n, ColumnProfiler.topPatterns(patterns, n));
    }
}
