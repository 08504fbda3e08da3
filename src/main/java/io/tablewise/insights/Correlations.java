package io.tablewise.insights;

import java.util.List;

/**
 * Association between columns, as square matrices over {@link #columns()} (NaN where a measure does not apply
 * to a pair): Pearson and Spearman for numeric pairs, Cramér's V for categorical pairs, the correlation ratio
 * (eta) for numeric-categorical pairs, placed in one "association" matrix in [0, 1]; and the variance
 * inflation factor of each numeric column.
 *
 * @param columns the columns, in matrix order
 * @param pearson Pearson correlation (numeric pairs)
 * @param spearman Spearman rank correlation (numeric pairs)
 * @param association |Pearson| for numeric pairs, Cramér's V for categorical pairs, eta for mixed pairs
 * @param vif variance inflation factor per numeric column (NaN for others; infinite for exact collinearity)
 * @param sampleRows rows the correlations were computed on
 */
public record Correlations(List<String> columns, double[][] pearson, double[][] spearman, double[][] association,
                           double[] vif, long sampleRows) {
    /** Copies the list. */
    public Correlations {
        columns = List.copyOf(columns);
    }

    /** Index of a column in the matrices. */
    public int indexOf(String column) {
        return columns.indexOf(column);
    }
}
