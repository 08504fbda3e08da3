package io.tablewise.ml;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.columns.Column;

/** Column values in the two shapes the analyses use: numbers (NaN for missing) and labels (null for missing). */
public final class Values {
    private Values() {
    }

    /** True for numeric, date and date-time columns. */
    public static boolean orderable(Column<?> c) {
        return c instanceof NumberColumn || c instanceof DateColumn || c instanceof DateTimeColumn;
    }

    /**
     * The value as a number: numbers as they are, booleans as 1/0, dates as epoch days, date-times as epoch
     * seconds; text as NaN.
     */
    public static double number(Column<?> c, int row) {
        if (c.isMissing(row)) {
            return Double.NaN;
        }
        if (c instanceof NumberColumn<?, ?> n) {
            return n.getDouble(row);
        }
        if (c instanceof BooleanColumn b) {
            return b.get(row) ? 1 : 0;
        }
        if (c instanceof DateColumn d) {
            return d.get(row).toEpochDay();
        }
        if (c instanceof DateTimeColumn t) {
            return t.get(row).toEpochSecond(java.time.ZoneOffset.UTC);
        }
        return Double.NaN;
    }

    /** The value as a label (blank text is missing). */
    public static String label(Column<?> c, int row) {
        if (c.isMissing(row)) {
            return null;
        }
        String v = c instanceof BooleanColumn b ? String.valueOf(b.get(row)) : c.getString(row);
        return v.isBlank() ? null : v;
    }

    /** All labels of a column. */
    public static String[] labels(Column<?> c) {
        String[] out = new String[c.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = label(c, i);
        }
        return out;
    }
}
