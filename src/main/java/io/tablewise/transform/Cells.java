package io.tablewise.transform;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

import io.tablewise.data.CellFormat;
import io.tablewise.node.ColumnKind;

/** Reading any cell as text and converting text to a typed value, with one rule everywhere. */
public final class Cells {
    private Cells() {
    }

    /**
     * The cell as text as the export writes it (null for missing; blank text is missing): how every transform tells
     * values apart — a key, a class, a category.
     */
    public static String text(Column<?> c, int row) {
        if (c.isMissing(row)) {
            return null;
        }
        String s;
        if (c instanceof DoubleColumn d) {
            s = CellFormat.decimal(d.getDouble(row));
        } else if (c instanceof NumberColumn<?, ?> n && n.type().equals(tech.tablesaw.api.ColumnType.FLOAT)) {
            s = CellFormat.decimal(n.getDouble(row));
        } else if (c instanceof BooleanColumn b) {
            s = String.valueOf(b.get(row));
        } else {
            s = c.getString(row);
        }
        return s.isBlank() ? null : s;
    }

    /** An empty column of a kind. */
    static Column<?> empty(String name, ColumnKind kind) {
        return switch (kind) {
            case INTEGER -> LongColumn.create(name);
            case DECIMAL -> DoubleColumn.create(name);
            case BOOLEAN -> BooleanColumn.create(name);
            case DATE -> DateColumn.create(name);
            case DATETIME -> DateTimeColumn.create(name);
            case TEXT -> StringColumn.create(name);
        };
    }

    /** Thrown when a text does not convert. */
    static final class NotConvertible extends Exception {
        NotConvertible() {
            super(null, null, false, false);
        }
    }

    /**
     * Appends {@code text} converted to the column's kind ({@code null} appends missing).
     *
     * @param format a java.time pattern for dates, or empty for ISO
     */
    static void append(Column<?> out, String text, String format) throws NotConvertible {
        if (text == null) {
            out.appendMissing();
            return;
        }
        String t = text.trim();
        try {
            if (out instanceof LongColumn l) {
                double d = Double.parseDouble(t);
                if (d != Math.rint(d) || Double.isInfinite(d)) {
                    throw new NotConvertible();
                }
                l.append((long) d);
            } else if (out instanceof DoubleColumn d) {
                d.append(Double.parseDouble(t));
            } else if (out instanceof BooleanColumn b) {
                b.append(bool(t));
            } else if (out instanceof DateColumn d) {
                d.append(format.isEmpty() ? LocalDate.parse(t) : LocalDate.parse(t, formatter(format)));
            } else if (out instanceof DateTimeColumn d) {
                d.append(format.isEmpty() ? LocalDateTime.parse(t.replace(' ', 'T'))
                        : LocalDateTime.parse(t, formatter(format)));
            } else {
                ((StringColumn) out).append(text);
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new NotConvertible();
        }
    }

    static DateTimeFormatter formatter(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
    }

    private static boolean bool(String t) throws NotConvertible {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "t" -> true;
            case "false", "no", "n", "0", "f" -> false;
            default -> throw new NotConvertible();
        };
    }
}
