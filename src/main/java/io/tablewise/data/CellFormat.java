package io.tablewise.data;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.columns.Column;

/**
 * Text of a cell for export, so that reading the file back gives the same values and types: decimals keep a
 * fraction ({@code 3.0}) and never use exponent notation, dates are ISO, date-times {@code yyyy-MM-dd HH:mm:ss},
 * missing values are empty.
 */
public final class CellFormat {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter DATE_TIME_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private CellFormat() {
    }

    /** The text of row {@code row} of {@code column}; empty for missing. */
    public static String text(Column<?> column, int row) {
        if (column.isMissing(row)) {
            return "";
        }
        if (column instanceof NumberColumn<?, ?> numbers) {
            String type = column.type().name();
            if (type.equals("DOUBLE") || type.equals("FLOAT")) {
                return decimal(numbers.getDouble(row));
            }
            return column.getString(row);
        }
        if (column instanceof BooleanColumn b) {
            return b.get(row) ? "true" : "false";
        }
        if (column instanceof DateColumn d) {
            return d.get(row).toString();
        }
        if (column instanceof DateTimeColumn dt) {
            LocalDateTime t = dt.get(row);
            return (t.getNano() == 0 ? DATE_TIME : DATE_TIME_MILLIS).format(t);
        }
        return column.getString(row);
    }

    /** A decimal in plain notation, shortest form that reads back to the same double. */
    public static String decimal(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        String s = Double.toString(v);
        if (s.indexOf('E') < 0) {
            return s;
        }
        String plain = new BigDecimal(s).stripTrailingZeros().toPlainString();
        return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }
}
