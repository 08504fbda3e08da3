package io.tablewise.insights;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.columns.Column;

/** Column values in the two shapes the analyses use: numbers (NaN for missing) and labels (null for missing). */
final class Values {
    private Values() {
    }

    /** True for numeric, date and date-time columns. */
    static boolean orderable(Column<?> c) {
        return c instanceof NumberColumn || c instanceof DateColumn || c instanceof DateTimeColumn;
    }

    /** The value as a number: numbers as they are, dates as epoch days, date-times as epoch seconds. */
    static double number(Column<?> c, int row) {
        if (c.isMissing(row)) {
            return Double.NaN;
        }
        if (c instanceof NumberColumn<?, ?> n) {
            return n.getDouble(row);
        }
        if (c instanceof DateColumn d) {
            return d.get(row).toEpochDay();
        }
        return ((DateTimeColumn) c).get(row).toEpochSecond(java.time.ZoneOffset.UTC);
    }

    /** The value as a label (blank text is missing). */
    static String label(Column<?> c, int row) {
        if (c.isMissing(row)) {
            return null;
        }
        String v = c instanceof BooleanColumn b ? String.valueOf(b.get(row)) : c.getString(row);
        return v.isBlank() ? null : v;
    }

    /** All labels of a column. */
    static String[] labels(Column<?> c) {
        String[] out = new String[c.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = label(c, i);
        }
        return out;
    }
}
