package io.tablewise.anomaly;

import java.util.List;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Every row's anomaly score, whether it is flagged, and why.
 *
 * @param scores each row's isolation score (about 0.5 for ordinary rows, towards 1 for anomalies)
 * @param flagged whether the row is among the expected share of most unusual rows
 * @param reasons for a flagged row, the columns that made it unusual in words; else empty
 * @param threshold the lowest flagged score
 * @param columns the columns scored
 * @param leftOut the columns that could not help (constant, identifiers)
 */
public record AnomalyReport(double[] scores, boolean[] flagged, String[] reasons, double threshold,
                            List<String> columns, List<String> leftOut) {
    /** The number of flagged rows. */
    public int flaggedCount() {
        int n = 0;
        for (boolean f : flagged) {
            n += f ? 1 : 0;
        }
        return n;
    }

    /** {@code table} with {@code anomaly_score}, {@code anomaly} and {@code anomaly_reason} added. */
    public Table withColumns(Table table) {
        Table out = table.copy();
        out.addColumns(DoubleColumn.create("anomaly_score", scores), BooleanColumn.create("anomaly", flagged),
                StringColumn.create("anomaly_reason", reasons));
        return out;
    }

    /**
     * How well the scores rank known anomalies: the area under the ROC curve (ties count half) and the precision
     * among the flagged rows.
     *
     * @param label the known answer per row
     * @param positive its value for an anomaly
     * @return {auc, precision at the flagged share, recall at the flagged share}
     */
    public double[] against(Column<?> label, String positive) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSum = 0;
        long pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (isPositive(label, order[k], positive)) {
                    rankSum += rank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = n - pos;
        double auc = pos == 0 || neg == 0 ? Double.NaN : (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
        int hits = 0;
        for (int r = 0; r < n; r++) {
            if (flagged[r] && isPositive(label, r, positive)) {
                hits++;
            }
        }
        int f = flaggedCount();
        return new double[] {auc, f == 0 ? Double.NaN : hits / (double) f, pos == 0 ? Double.NaN : hits / (double) pos};
    }

    private static boolean isPositive(Column<?> label, int row, String positive) {
        return !label.isMissing(row) && label.getString(row).equals(positive);
    }
}
