package io.tablewise.serve;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.model.TrainedModel;
import io.tablewise.node.ColumnSchema;

/**
 * A request's rows as a table of the model's input columns with their training types, built the way the CSV import
 * builds them (whole numbers as int columns unless one is too large, decimals as doubles), so an endpoint answer
 * equals the answer for the same rows in a file. A value that does not fit its column's type is refused with its row
 * and column, not quietly made blank.
 */
final class RowTable {
    private RowTable() {
    }

    /**
     * Builds the table.
     *
     * @param known every column some served model takes or saw in training: a column outside it is refused as
     *     unknown; the others that this model does not take are left out
     */
    static Table of(List<Map<String, Object>> rows, TrainedModel m, Set<String> known) throws BadRequest {
        for (int r = 0; r < rows.size(); r++) {
            for (String name : rows.get(r).keySet()) {
                if (!known.contains(name)) {
                    throw BadRequest.at(name, r, "row " + r + ": '" + name + "' is not a column the model knows; "
                            + "its inputs are " + String.join(", ", m.inputs().stream().map(ColumnSchema::name).toList()));
                }
            }
        }
        List<Column<?>> columns = new ArrayList<>(m.inputs().size());
        for (ColumnSchema c : m.inputs()) {
            columns.add(column(rows, c));
        }
        return io.tablewise.transform.Columns.table("request", columns);
    }

    private static Column<?> column(List<Map<String, Object>> rows, ColumnSchema c) throws BadRequest {
        String name = c.name();
        int n = rows.size();
        switch (c.kind()) {
            case INTEGER -> {
                long[] v = new long[n];
                boolean[] blank = new boolean[n];
                boolean wide = false;
                for (int r = 0; r < n; r++) {
                    Object o = value(rows, r, name);
                    Double d = number(o, r, name);
                    if (d == null) {
                        blank[r] = true;
                        continue;
                    }
                    if (d != Math.rint(d) || Math.abs(d) > 9.007199254740992E15) {
                        throw BadRequest.at(name, r, "row " + r + ", '" + name + "': " + quoted(o) + " is not a whole "
                                + "number, which this column holds");
                    }
                    v[r] = o instanceof Long l ? l : d.longValue();
                    wide |= v[r] > Integer.MAX_VALUE || v[r] < -Integer.MAX_VALUE;
                }
                if (wide) {
                    LongColumn out = LongColumn.create(name);
                    for (int r = 0; r < n; r++) {
                        if (blank[r]) {
                            out.appendMissing();
                        } else {
                            out.append(v[r]);
                        }
                    }
                    return out;
                }
                IntColumn out = IntColumn.create(name);
                for (int r = 0; r < n; r++) {
                    if (blank[r]) {
                        out.appendMissing();
                    } else {
                        out.append((int) v[r]);
                    }
                }
                return out;
            }
            case DECIMAL -> {
                DoubleColumn out = DoubleColumn.create(name);
                for (int r = 0; r < n; r++) {
                    Double d = number(value(rows, r, name), r, name);
                    if (d == null) {
                        out.appendMissing();
                    } else {
                        out.append(d);
                    }
                }
                return out;
            }
            case BOOLEAN -> {
                BooleanColumn out = BooleanColumn.create(name);
                for (int r = 0; r < n; r++) {
                    Object o = value(rows, r, name);
                    if (o == null) {
                        out.appendMissing();
                    } else if (o instanceof Boolean b) {
                        out.append(b);
                    } else if (o instanceof String s && (s.strip().equalsIgnoreCase("true")
                            || s.strip().equalsIgnoreCase("false"))) {
                        out.append(s.strip().equalsIgnoreCase("true"));
                    } else {
                        throw BadRequest.at(name, r, "row " + r + ", '" + name + "': " + quoted(o) + " is not true or "
                                + "false, which this column holds");
                    }
                }
                return out;
            }
            case DATE -> {
                DateColumn out = DateColumn.create(name);
                for (int r = 0; r < n; r++) {
                    Object o = value(rows, r, name);
                    if (o == null) {
                        out.appendMissing();
                        continue;
                    }
                    try {
                        out.append(LocalDate.parse(String.valueOf(o).strip()));
                    } catch (DateTimeParseException e) {
                        throw BadRequest.at(name, r, "row " + r + ", '" + name + "': " + quoted(o) + " is not a date; "
                                + "write it as YYYY-MM-DD, e.g. 2025-09-11");
                    }
                }
                return out;
            }
            case DATETIME -> {
                DateTimeColumn out = DateTimeColumn.create(name);
                for (int r = 0; r < n; r++) {
                    Object o = value(rows, r, name);
                    if (o == null) {
                        out.appendMissing();
                        continue;
                    }
                    try {
                        out.append(LocalDateTime.parse(String.valueOf(o).strip().replace(' ', 'T')));
                    } catch (DateTimeParseException e) {
                        throw BadRequest.at(name, r, "row " + r + ", '" + name + "': " + quoted(o) + " is not a date "
                                + "and time; write it as YYYY-MM-DDTHH:MM:SS, e.g. 2025-09-11T14:30:00");
                    }
                }
                return out;
            }
            default -> {
                StringColumn out = StringColumn.create(name);
                for (int r = 0; r < n; r++) {
                    Object o = value(rows, r, name);
                    if (o == null || (o instanceof String s && s.isBlank())) {
                        out.appendMissing();
                    } else {
                        out.append(o instanceof Double d ? plain(d) : String.valueOf(o));
                    }
                }
                return out;
            }
        }
    }

    private static Object value(List<Map<String, Object>> rows, int r, String name) throws BadRequest {
        Map<String, Object> row = rows.get(r);
        if (!row.containsKey(name)) {
            throw BadRequest.at(name, r, "row " + r + " has no '" + name + "', which the model needs; send null for "
                    + "a blank value");
        }
        Object o = row.get(name);
        return o instanceof String s && s.isBlank() ? null : o;
    }

    private static Double number(Object o, int r, String name) throws BadRequest {
        if (o == null) {
            return null;
        }
        if (o instanceof Number num) {
            return num.doubleValue();
        }
        if (o instanceof String s) {
            try {
                double d = Double.parseDouble(s.strip());
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
        }
        throw BadRequest.at(name, r, "row " + r + ", '" + name + "': " + quoted(o) + " is not a number, which this "
                + "column holds");
    }

    private static String quoted(Object o) {
        String s = String.valueOf(o);
        s = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return o instanceof String ? "'" + s + "'" : s;
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d).toLowerCase(
                Locale.ROOT);
    }
}
