package io.tablewise.serve;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    /** Rows from which a request's columns are built in parallel. */
    private static final int PARALLEL_ROWS = 2000;

    private RowTable() {
    }

    /**
     * Builds the table.
     *
     * @param known every column some served model takes or saw in training: a column outside it is refused as
     *     unknown; the others that this model does not take are left out
     */
    static Table of(RequestRows.Rows rows, TrainedModel m, Set<String> known) throws BadRequest {
        for (String name : rows.names()) {
            if (!known.contains(name)) {
                int r = 0;
                while (!rows.has(r, rows.column(name))) {
                    r++;
                }
                throw BadRequest.at(name, r, "row " + r + ": '" + Endpoint.Bounded.text(name, 60) + "' is not a "
                        + "column the model knows; its inputs are " + String.join(", ", m.inputs().stream()
                                .map(ColumnSchema::name).toList()));
            }
        }
        List<ColumnSchema> inputs = m.inputs();
        Column<?>[] columns = new Column<?>[inputs.size()];
        if (rows.size() < PARALLEL_ROWS) {
            for (int i = 0; i < columns.length; i++) {
                columns[i] = column(rows, inputs.get(i));
            }
        } else { // a big request: its columns are built on all processors, the first refusal (by column) reported
            BadRequest[] refused = new BadRequest[columns.length];
            java.util.stream.IntStream.range(0, columns.length).parallel().forEach(i -> {
                try {
                    columns[i] = column(rows, inputs.get(i));
                } catch (BadRequest e) {
                    refused[i] = e;
                }
            });
            for (BadRequest e : refused) {
                if (e != null) {
                    throw e;
                }
            }
        }
        return io.tablewise.transform.Columns.table("request", java.util.Arrays.asList(columns));
    }

    /** A request's rows typed as {@code inputs} say (columns outside them are left out). */
    static Table typed(RequestRows.Rows rows, List<ColumnSchema> inputs) throws BadRequest {
        List<Column<?>> columns = new java.util.ArrayList<>();
        for (ColumnSchema c : inputs) {
            columns.add(column(rows, c));
        }
        return io.tablewise.transform.Columns.table("request", columns);
    }

    private static Column<?> column(RequestRows.Rows rows, ColumnSchema c) throws BadRequest {
        String name = c.name();
        int n = rows.size();
        int at = rows.column(name);
        switch (c.kind()) {
            case INTEGER -> {
                long[] v = new long[n];
                boolean[] blank = new boolean[n];
                boolean wide = false;
                for (int r = 0; r < n; r++) {
                    Object o = value(rows, r, name, at);
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
                    Double d = number(value(rows, r, name, at), r, name);
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
                    Object o = value(rows, r, name, at);
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
                temporal(rows, name, at, v -> out.append(date(v)), out::appendMissing,
                        "a date; write it as YYYY-MM-DD, e.g. 2025-09-11");
                return out;
            }
            case DATETIME -> {
                DateTimeColumn out = DateTimeColumn.create(name);
                temporal(rows, name, at, v -> out.append(LocalDateTime.parse(v.replace(' ', 'T'))), out::appendMissing,
                        "a date and time; write it as YYYY-MM-DDTHH:MM:SS, e.g. 2025-09-11T14:30:00");
                return out;
            }
            default -> {
                StringColumn out = StringColumn.create(name);
                for (int r = 0; r < n; r++) {
                    Object o = value(rows, r, name, at);
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

    /** Appends each row's date or date-time, refusing one that does not parse with what to write instead. */
    private static void temporal(RequestRows.Rows rows, String name, int at, java.util.function.Consumer<String> add,
                                 Runnable missing, String expected) throws BadRequest {
        for (int r = 0; r < rows.size(); r++) {
            Object o = value(rows, r, name, at);
            if (o == null) {
                missing.run();
                continue;
            }
            try {
                add.accept(String.valueOf(o).strip());
            } catch (java.time.DateTimeException e) { // unparsable, or a 31 February
                throw BadRequest.at(name, r, "row " + r + ", '" + name + "': " + quoted(o) + " is not " + expected);
            }
        }
    }

    /** An ISO date; YYYY-MM-DD read digit by digit (ten times faster than the formatter), else the formatter. */
    static LocalDate date(String s) {
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            int y = digits(s, 0, 4);
            int m = digits(s, 5, 7);
            int d = digits(s, 8, 10);
            if (y >= 0 && m >= 0 && d >= 0) {
                return LocalDate.of(y, m, d); // checks the month and the day
            }
        }
        return LocalDate.parse(s);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static Object value(RequestRows.Rows rows, int r, String name, int at) throws BadRequest {
        if (!rows.has(r, at)) {
            throw BadRequest.at(name, r, "row " + r + " has no '" + name + "', which the model needs; send null for "
                    + "a blank value");
        }
        Object o = rows.get(r, at);
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
