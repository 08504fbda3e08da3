package io.tablewise.insights;

import java.util.List;

/**
 * Everything the report knows about one column.
 *
 * @param name column name
 * @param storageType how it is stored (integer, decimal, boolean, date, datetime, text)
 * @param semanticType what it means
 * @param count rows
 * @param missing missing cells (empty and whitespace-only text counts as missing)
 * @param missingShare missing over rows
 * @param unique distinct non-missing values (exact)
 * @param min smallest value as text (numbers and dates), else null
 * @param max largest value as text (numbers and dates), else null
 * @param topValues the most frequent values
 * @param numeric statistics for numeric columns, else null
 * @param text statistics for text columns, else null
 * @param histogram the distribution
 */
public record ColumnProfile(String name, String storageType, SemanticType semanticType, long count, long missing,
                            double missingShare, long unique, String min, String max, List<ValueCount> topValues,
                            NumericStats numeric, TextStats text, Histogram histogram) {
    /** Copies the list. */
    public ColumnProfile {
        topValues = List.copyOf(topValues);
    }

    /** The share of the most frequent value among non-missing values (0 when empty). */
    public double topShare() {
        return topValues.isEmpty() ? 0 : topValues.get(0).share();
    }
}
