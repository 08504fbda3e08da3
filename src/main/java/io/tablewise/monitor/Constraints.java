package io.tablewise.monitor;

import java.util.ArrayList;
import java.util.List;

/**
 * What new data must satisfy, suggested from a baseline and editable as JSON: per column its type, the least share of
 * rows with a value, the allowed categories (a column with few values), and the range of numbers.
 *
 * @param columns each column's constraint
 */
public record Constraints(List<Column> columns) {
    /** The JSON format's name and version. */
    public static final String FORMAT = "tablewise.constraints";
    public static final int VERSION = 1;
    /** How far completeness may fall below the baseline's before it is a violation. */
    public static final double COMPLETENESS_MARGIN = 0.05;

    /** Copies the list. */
    public Constraints {
        columns = List.copyOf(columns);
    }

    /**
     * One column's constraint.
     *
     * @param column the column
     * @param type "number" or "category"
     * @param minCompleteness the least share of rows with a value
     * @param allowed the categories seen in training (empty: any value)
     * @param min the smallest number seen in training (NaN: none)
     * @param max the largest
     */
    public record Column(String column, String type, double minCompleteness, List<String> allowed, double min,
                         double max) {
        /** Copies the list. */
        public Column {
            allowed = List.copyOf(allowed);
        }
    }

    /** The constraints a baseline suggests. */
    public static Constraints suggest(Baseline b) {
        List<Column> out = new ArrayList<>();
        for (ColumnBaseline c : b.columns()) {
            double least = Math.max(0, Math.floor((c.completeness() - COMPLETENESS_MARGIN) * 1000) / 1000);
            List<String> allowed = !c.numeric() && c.distinct() <= ColumnBaseline.MOST_CATEGORIES
                    ? List.copyOf(c.categories().keySet()) : List.of();
            double[] q = c.quantiles();
            out.add(new Column(c.column(), c.numeric() ? "number" : "category", least, allowed,
                    q.length == 0 ? Double.NaN : q[0], q.length == 0 ? Double.NaN : q[q.length - 1]));
        }
        return new Constraints(out);
    }

    /** A column's constraint, or null. */
    public Column column(String name) {
        return columns.stream().filter(c -> c.column().equals(name)).findFirst().orElse(null);
    }
}
