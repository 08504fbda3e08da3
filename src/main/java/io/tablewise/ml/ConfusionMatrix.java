package io.tablewise.ml;

import java.util.List;

/**
 * Counts of actual class (rows) against predicted class (columns).
 *
 * @param classes the class labels, in row and column order
 * @param counts {@code counts[actual][predicted]}
 */
public record ConfusionMatrix(List<String> classes, long[][] counts) {
    /** Copies the inputs. */
    public ConfusionMatrix {
        classes = List.copyOf(classes);
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        counts = copy;
    }

    /** Rows counted. */
    public long total() {
        long n = 0;
        for (long[] row : counts) {
            for (long v : row) {
                n += v;
            }
        }
        return n;
    }

    /** Rows of class {@code actual} predicted as {@code predicted}. */
    public long count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /** Rows whose actual class is {@code actual}. */
    public long actual(int actual) {
        long n = 0;
        for (long v : counts[actual]) {
            n += v;
        }
        return n;
    }

    /** Rows predicted as {@code predicted}. */
    public long predicted(int predicted) {
        long n = 0;
        for (long[] row : counts) {
            n += row[predicted];
        }
        return n;
    }
}
