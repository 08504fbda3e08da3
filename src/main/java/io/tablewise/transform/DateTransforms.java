package io.tablewise.transform;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.node.ColumnKind;
import io.tablewise.node.ColumnSchema;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.TableSchema;

/** The date and time group: parse with a format, extract parts, difference of two dates, truncate. */
final class DateTransforms {
    private DateTransforms() {
    }

    static final List<String> PARTS = List.of("year", "quarter", "month", "day", "weekday", "day_of_year",
            "week_of_year", "hour", "is_weekend");

    static List<Transform> all() {
        return List.of(new Parse(), new Parts(), new Difference(), new Truncate());
    }

    /** The date-time of a date or date-time cell (dates at midnight), or null. */
    static LocalDateTime at(Column<?> c, int row) {
        if (c.isMissing(row)) {
            return null;
        }
        return c instanceof DateColumn d ? d.get(row).atStartOfDay() : ((DateTimeColumn) c).get(row);
    }

    static ColumnSchema requireTime(TableSchema input, String name, String param) throws NodeException {
        ColumnSchema c = Columns.require(input, name, param);
        if (c.kind() != ColumnKind.DATE && c.kind() != ColumnKind.DATETIME) {
            throw new NodeException(param, "'" + name + "' holds " + c.kind().id() + " values, not dates (parse it "
                    + "first with 'Parse dates')");
        }
        return c;
    }

    static final class Parse implements Transform {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("datetime", "parse", "Parse dates", "Turns text into dates or date-times with "
                    + "a pattern (yyyy year, MM month, dd day, HH hour, mm minute, ss second; e.g. dd.MM.yyyy or "
                    + "yyyy년 MM월 dd일); texts that do not fit become missing, with a warning.", List.of(
                    Params.requiredColumns("columns", "Columns", "The text columns to parse."),
                    Params.text("format", "Pattern", "yyyy-MM-dd", "The layout of the texts."),
                    Params.choice("to", "Result", "date or date-time.", "date", "datetime")));
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            try {
                Cells.formatter(p.string("format", "yyyy-MM-dd"));
            } catch (IllegalArgumentException e) {
                throw new NodeException("format", "not a date pattern: " + e.getMessage());
            }
            ColumnKind to = p.string("to", "date").equals("date") ? ColumnKind.DATE : ColumnKind.DATETIME;
            return Columns.retyped(input, Columns.chosen(input, p, "columns", false), to);
        }

        @Override
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context)
                throws NodeException {
            outputSchema(TableSchema.of(input), p);
            ColumnKind to = p.string("to", "date").equals("date") ? ColumnKind.DATE : ColumnKind.DATETIME;
            String format = p.string("format", "yyyy-MM-dd");
            List<Column<?>> out = new ArrayList<>();
            for (String n : Columns.chosen(TableSchema.of(input), p, "columns", false)) {
                Column<?> c = input.column(n);
                Column<?> parsed = Cells.empty(n, to);
                long failed = 0;
                for (int i = 0; i < c.size(); i++) {
                    try {
                        Cells.append(parsed, Cells.text(c, i), format);
                    } catch (Cells.NotConvertible e) {
                        parsed.appendMissing();
                        failed++;
                    }
                }
                if (failed > 0) {
                    context.warn(String.format(Locale.ROOT, "%s: %,d values do not fit the pattern %s and are now "
                            + "missing", n, failed, format));
                }
                out.add(parsed);
            }
            return Columns.withColumns(input, out);
        }
    }

    static final class Parts implements Transform {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("datetime", "parts", "Extract date parts", "Adds columns with parts of a date: "
                    + "year, quarter, month, day, weekday (1 = Monday … 7 = Sunday), day of year, ISO week of year, "
                    + "hour, and whether it is a weekend.", List.of(
                    Params.column("column", "Column", "The date or date-time column."),
                    Params.strings("parts", "Parts", List.of("year", "month", "weekday"), "Any of: "
                            + String.join(", ", PARTS) + ".")));
        }

        private static List<String> parts(NodeParams p) throws NodeException {
            List<String> parts = p.strings("parts");
            for (String part : parts) {
                if (!PARTS.contains(part)) {
                    throw new NodeException("parts", "'" + part + "' is not a date part; use "
                            + String.join(", ", PARTS));
                }
            }
            if (parts.isEmpty()) {
                throw new NodeException("parts", "choose at least one part");
            }
            return parts;
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            requireTime(input, p.string("column", ""), "column");
            List<String> parts = parts(p);
            List<String> names = names(input.names(), p.string("column", ""), parts);
            List<ColumnSchema> out = new ArrayList<>();
            for (int k = 0; k < parts.size(); k++) {
                out.add(new ColumnSchema(names.get(k), parts.get(k).equals("is_weekend") ? ColumnKind.BOOLEAN
                        : ColumnKind.INTEGER));
            }
            return Columns.withSchemaColumns(input, out);
        }

        private static List<String> names(List<String> taken, String column, List<String> parts) {
            return Columns.freeNames(taken, parts.stream().map(part -> column + "_" + part).toList());
        }

        @Override
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context)
                throws NodeException {
            requireTime(TableSchema.of(input), p.string("column", ""), "column");
            Column<?> c = input.column(p.string("column", ""));
            List<Column<?>> out = new ArrayList<>();
            List<String> parts = parts(p);
            List<String> names = names(input.columnNames(), c.name(), parts);
            for (int k = 0; k < parts.size(); k++) {
                String part = parts.get(k);
                String name = names.get(k);
                if (part.equals("is_weekend")) {
                    BooleanColumn b = BooleanColumn.create(name);
                    for (int i = 0; i < c.size(); i++) {
                        LocalDateTime t = at(c, i);
                        if (t == null) {
                            b.appendMissing();
                        } else {
                            b.append(t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY);
                        }
                    }
                    out.add(b);
                    continue;
                }
                IntColumn v = IntColumn.create(name);
                for (int i = 0; i < c.size(); i++) {
                    LocalDateTime t = at(c, i);
                    if (t == null) {
                        v.appendMissing();
                        continue;
                    }
                    v.append(switch (part) {
                        case "year" -> t.getYear();
                        case "quarter" -> (t.getMonthValue() - 1) / 3 + 1;
                        case "month" -> t.getMonthValue();
                        case "day" -> t.getDayOfMonth();
                        case "weekday" -> t.getDayOfWeek().getValue();
                        case "day_of_year" -> t.getDayOfYear();
                        case "week_of_year" -> t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                        default -> t.getHour();
                    });
                }
                out.add(v);
            }
            return Columns.withColumns(input, out);
        }
    }

    static final class Difference implements Transform {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("datetime", "difference", "Date difference", "Adds a column with the time from "
                    + "one date to another (end − start) in days, weeks, months, years or hours; months and years "
                    + "count whole calendar units.", List.of(
                    Params.column("start", "Start", "The earlier date column."),
                    Params.column("end", "End", "The later date column."),
                    Params.choice("unit", "Unit", "The unit of the result.", "days", "weeks", "months", "years",
                            "hours"),
                    Params.text("name", "New column", "", "The result's name (empty: <end>_minus_<start>).")));
        }

        private static String name(TableSchema input, NodeParams p) {
            String n = p.string("name", "").trim();
            return n.isEmpty() ? Columns.freeName(input.names(), p.string("end", "") + "_minus_"
                    + p.string("start", "")) : n;
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            requireTime(input, p.string("start", ""), "start");
            requireTime(input, p.string("end", ""), "end");
            boolean whole = List.of("months", "years").contains(p.string("unit", "days"));
            return Columns.withSchemaColumns(input, List.of(new ColumnSchema(name(input, p),
                    whole ? ColumnKind.INTEGER : ColumnKind.DECIMAL)));
        }

        @Override
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context)
                throws NodeException {
            TableSchema schema = TableSchema.of(input);
            outputSchema(schema, p);
            Column<?> a = input.column(p.string("start", ""));
            Column<?> b = input.column(p.string("end", ""));
            String unit = p.string("unit", "days");
            String name = name(schema, p);
            if (unit.equals("months") || unit.equals("years")) {
                IntColumn out = IntColumn.create(name);
                for (int i = 0; i < a.size(); i++) {
                    LocalDateTime s = at(a, i);
                    LocalDateTime e = at(b, i);
                    if (s == null || e == null) {
                        out.appendMissing();
                    } else {
                        out.append((int) (unit.equals("months") ? ChronoUnit.MONTHS : ChronoUnit.YEARS).between(s, e));
                    }
                }
                return Columns.withColumn(input, out);
            }
            double per = switch (unit) {
                case "weeks" -> 7 * 86_400;
                case "hours" -> 3_600;
                default -> 86_400;
            };
            DoubleColumn out = DoubleColumn.create(name);
            for (int i = 0; i < a.size(); i++) {
                LocalDateTime s = at(a, i);
                LocalDateTime e = at(b, i);
                out.append(s == null || e == null ? Double.NaN : ChronoUnit.SECONDS.between(s, e) / per);
            }
            return Columns.withColumn(input, out);
        }
    }

    static final class Truncate implements Transform {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("datetime", "truncate", "Truncate dates", "Rounds dates down to the start of "
                    + "their year, quarter, month, ISO week (Monday) or day (date-times also to the hour).", List.of(
                    Params.requiredColumns("columns", "Columns", "The date or date-time columns."),
                    Params.choice("to", "To the start of", "The period.", "month", "year", "quarter", "week", "day",
                            "hour")));
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            for (String n : Columns.chosen(input, p, "columns", false)) {
                ColumnSchema c = requireTime(input, n, "columns");
                if (p.string("to", "month").equals("hour") && c.kind() == ColumnKind.DATE) {
                    throw new NodeException("to", "'" + n + "' holds dates without a time; truncate to a day or "
                            + "longer");
                }
            }
            return input;
        }

        @Override
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context)
                throws NodeException {
            outputSchema(TableSchema.of(input), p);
            String to = p.string("to", "month");
            List<Column<?>> out = new ArrayList<>();
            for (String n : Columns.chosen(TableSchema.of(input), p, "columns", false)) {
                Column<?> c = input.column(n);
                if (c instanceof DateColumn d) {
                    DateColumn t = DateColumn.create(n);
                    for (int i = 0; i < d.size(); i++) {
                        if (d.isMissing(i)) {
                            t.appendMissing();
                        } else {
                            t.append(truncate(d.get(i), to));
                        }
                    }
                    out.add(t);
                } else {
                    DateTimeColumn d = (DateTimeColumn) c;
                    DateTimeColumn t = DateTimeColumn.create(n);
                    for (int i = 0; i < d.size(); i++) {
                        if (d.isMissing(i)) {
                            t.appendMissing();
                        } else {
                            LocalDateTime v = d.get(i);
                            t.append(to.equals("hour") ? v.truncatedTo(ChronoUnit.HOURS)
                                    : truncate(v.toLocalDate(), to).atStartOfDay());
                        }
                    }
                    out.add(t);
                }
            }
            return Columns.withColumns(input, out);
        }

        static LocalDate truncate(LocalDate d, String to) {
            return switch (to) {
                case "year" -> d.withDayOfYear(1);
                case "quarter" -> LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1);
                case "week" -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case "day" -> d;
                default -> d.withDayOfMonth(1);
            };
        }
    }
}
