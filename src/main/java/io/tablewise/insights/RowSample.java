package io.tablewise.insights;

import java.util.List;

/**
 * A row shown as an example: its index in the table, its values as text, and why it is shown.
 *
 * @param row 0-based row index (the first of the group for duplicates)
 * @param values the row's values as text, in column order
 * @param score the anomaly score, or the number of copies for duplicates
 * @param reason in words
 */
public record RowSample(long row, List<String> values, double score, String reason) {
    /** Copies the list. */
    public RowSample {
        values = List.copyOf(values);
    }
}
