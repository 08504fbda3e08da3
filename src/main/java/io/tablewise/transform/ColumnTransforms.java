package io.tablewise.transform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.node.ColumnKind;
import io.tablewise.node.ColumnSchema;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.ParamSpec;
import io.tablewise.node.ParamType;
import io.tablewise.node.TableSchema;

/** The columns group: select, drop, rename, reorder, change type, duplicate, split and merge. */
final class ColumnTransforms {
    private ColumnTransforms() {
    }

    static List<Transform> all() {
        return List.of(new Select(), new Drop(), new Rename(), new Reorder(), new ChangeType(), new Duplicate(),
                new Split(), new Merge());
    }

    /** A transform whose output only picks and orders input columns. */
    abstract static class Picking implements Transform {
        abstract List<String> pick(TableSchema input, NodeParams p) throws NodeException;

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            List<ColumnSchema> out = new ArrayList<>();
            for (String n : pick(input, p)) {
                out.add(input.column(n).orElseThrow());
            }
            return new TableSchema(out);
        }

        @Override
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context)
                throws NodeException {
            List<Column<?>> out = new ArrayList<>();
            for (String n : pick(TableSchema.of(input), p)) {
                out.add(input.column(n));
            }
            return Columns.table(input.name(), out);
        }
    }

    static final class Select extends Picking {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("columns", "select", "Select columns", "Keeps only the chosen columns, in the "
                    + "order chosen.", List.of(Params.requiredColumns("columns", "Columns", "The columns to keep.")));
        }

        @Override
        List<String> pick(TableSchema input, NodeParams p) throws NodeException {
            List<String> names = Columns.chosen(input, p, "columns", false);
            if (names.isEmpty()) {
                throw new NodeException("columns", "choose at least one column to keep");
            }
            return names;
        }
    }

    static final class Drop extends Picking {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("columns", "drop", "Drop columns", "Removes the chosen columns; the others keep "
                    + "their order.",
                    List.of(Params.requiredColumns("columns", "Columns", "The columns to remove.")));
        }

        @Override
        List<String> pick(TableSchema input, NodeParams p) throws NodeException {
            List<String> drop = Columns.chosen(input, p, "columns", false);
            return input.names().stream().filter(n -> !drop.contains(n)).toList();
        }
    }

    static final class Reorder extends Picking {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("columns", "reorder", "Reorder columns", "Moves the chosen columns to the "
                    + "front (or the end), in the order chosen; the others keep their order.", List.of(
                    Params.requiredColumns("columns", "Columns", "The columns to move."),
                    Params.choice("position", "Move to", "Where the chosen columns go.", "front", "end")));
        }

        @Override
        List<String> pick(TableSchema input, NodeParams p) throws NodeException {
            List<String> moved = Columns.chosen(input, p, "columns", false);
            List<String> rest = input.names().stream().filter(n -> !moved.contains(n)).toList();
            List<String> out = new ArrayList<>();
            boolean front = p.string("position", "front").equals("front");
            out.addAll(front ? moved : rest);
            out.addAll(front ? rest : moved);
            return out;
        }
    }

    static final class Rename implements Transform {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("columns", "rename", "Rename columns", "Gives columns new names (names must "
                    + "stay unique).", List.of(ParamSpec.builder("names", ParamType.COLUMN_MAP).label("New names")
                    .required().columnsFrom("table").help("Old name → new name.").build()));
        }

        private static Map<String, String> names(TableSchema input, NodeParams p) throws NodeException {
            Map<String, String> map = p.stringMap("names");
            List<String> result = new ArrayList<>();
            for (String n : input.names()) {
                String to = map.getOrDefault(n, n).trim();
                if (to.isEmpty()) {
                    throw new NodeException("names", "the new name of '" + n + "' is empty");
                }
                if (result.stream().anyMatch(r -> r.equalsIgnoreCase(to))) {
                    throw new NodeException("names", "two columns would be called '" + to + "'");
                }
                result.add(to);
            }
            for (String old : map.keySet()) {
                Columns.require(input, old, "names");
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (int i = 0; i < result.size(); i++) {
                out.put(input.names().get(i), result.get(i));
            }
            return out;
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            Map<String, String> names = names(input, p);
            return new TableSchema(input.columns().stream()
                    .map(c -> new ColumnSchema(names.get(c.name()), c.kind())).toList());
        }

        @Override
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context)
                throws NodeException {
            Map<String, String> names = names(TableSchema.of(input), p);
            List<Column<?>> out = new ArrayList<>();
            for (Column<?> c : input.columns()) {
                String to = names.get(c.name());
                out.add(to.equals(c.name()) ? c : c.copy().setName(to));
            }
            return Columns.table(input.name(), out);
        }
    }

    static final class ChangeType implements Transform {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("columns", "change-type", "Change type", "Converts columns to another type; "
                    + "each value that does not convert is set missing, drops its row, or stops the run, as "
                    + "chosen, with a warning counting them.", List.of(
                    Params.requiredColumns("columns", "Columns", "The columns to convert."),
                    Params.choice("to", "New type", "The type to convert to.", "decimal", "integer", "text",
                            "boolean", "date", "datetime"),
                    Params.text("format", "Date format", "", "For dates: a pattern such as dd.MM.yyyy (empty: "
                            + "ISO yyyy-MM-dd)."),
                    Params.choice("onFailure", "When a value does not convert", "set-missing keeps the row with "
                            + "a missing value.", "set-missing", "drop-row", "fail")));
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            ColumnKind to = ColumnKind.fromId(p.string("to", "decimal")).orElseThrow();
            checkFormat(p);
            List<ColumnSchema> out = new ArrayList<>();
            for (String n : Columns.chosen(input, p, "columns", false)) {
                out.add(new ColumnSchema(n, to));
            }
            return Columns.withSchemaColumns(input, out);
        }

        private static void checkFormat(NodeParams p) throws NodeException {
            String f = p.string("format", "");
            if (!f.isEmpty()) {
                try {
                    Cells.formatter(f);
                } catch (IllegalArgumentException e) {
                    throw new NodeException("format", "'" + f + "' is not a date pattern: " + e.getMessage());
                }
            }
        }

        @Override
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context)
                throws NodeException {
            ColumnKind to = ColumnKind.fromId(p.string("to", "decimal")).orElseThrow();
            String policy = p.string("onFailure", "set-missing");
            String format = p.string("format", "");
            List<Column<?>> out = new ArrayList<>();
            boolean[] drop = new boolean[input.rowCount()];
            for (String n : Columns.chosen(TableSchema.of(input), p, "columns", false)) {
                Column<?> c = input.column(n);
                Column<?> converted = Cells.empty(n, to);
                long failed = 0;
                String example = null;
                for (int i = 0; i < c.size(); i++) {
                    String text = Cells.text(c, i);
                    try {
                        Cells.append(converted, text, format);
                    } catch (Cells.NotConvertible e) {
                        if (policy.equals("fail")) {
                            throw new NodeException("onFailure", String.format(Locale.ROOT, "'%s' in row %,d of "
                                    + "'%s' is not a %s value", text, i + 1, n, to.id()));
                        }
                        converted.appendMissing();
                        drop[i] = policy.equals("drop-row");
                        failed++;
                        example = example == null ? text : example;
                    }
                }
                if (failed > 0) {
                    context.warn(String.format(Locale.ROOT, "%s: %,d values did not convert to %s (e.g. '%s')%s", n,
                            failed, to.id(), example, policy.equals("drop-row") ? "; their rows were dropped"
                                    : "; they are now missing"));
                }
                out.add(converted);
            }
            Table result = Columns.withColumns(input, out);
            return RowTransforms.keep(result, drop, true);
        }
    }

    static final class Duplicate implements Transform {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("columns", "duplicate", "Duplicate column", "Adds a copy of a column under a "
                    + "new name (e.g. to keep the raw value before transforming it).", List.of(
                    Params.column("column", "Column", "The column to copy."),
                    Params.text("name", "New name", "", "The copy's name (empty: <column>_copy).")));
        }

        private static String name(TableSchema input, NodeParams p) throws NodeException {
            String column = Columns.require(input, p.string("column", ""), "column").name();
            String name = p.string("name", "").trim();
            if (name.isEmpty()) {
                return Columns.freeName(input.names(), column + "_copy");
            }
            if (input.has(name)) {
                throw new NodeException("name", "there is already a column '" + name + "'");
            }
            return name;
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            ColumnSchema c = Columns.require(input, p.string("column", ""), "column");
            return Columns.withSchemaColumns(input, List.of(new ColumnSchema(name(input, p), c.kind())));
        }

        @Override
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context)
                throws NodeException {
            String name = name(TableSchema.of(input), p);
            return Columns.withColumn(input, input.column(p.string("column", "")).copy().setName(name));
        }
    }

    static final class Split implements Transform {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("columns", "split", "Split column", "Splits a text column into parts by a "
                    + "delimiter or a regular expression, into new columns <column>_1, <column>_2… (missing where a "
                    + "value has fewer parts).", List.of(
                    Params.column("column", "Column", "The column to split."),
                    Params.text("delimiter", "Delimiter", ",", "The separator: literal text, or a regular "
                            + "expression when 'Regular expression' is on."),
                    Params.bool("regex", "Regular expression", false, "Treat the delimiter as a regular "
                            + "expression (Java syntax)."),
                    Params.integer("parts", "Parts", 2, 1.0, 50.0, "How many columns to make; the last one keeps "
                            + "the rest of the text.")));
        }

        private static Pattern pattern(NodeParams p) throws NodeException {
            String d = p.string("delimiter", ",");
            if (d.isEmpty()) {
                throw new NodeException("delimiter", "the delimiter is empty");
            }
            try {
                return p.bool("regex", false) ? Pattern.compile(d) : Pattern.compile(Pattern.quote(d));
            } catch (PatternSyntaxException e) {
                throw new NodeException("delimiter", "not a valid regular expression: " + e.getDescription()
                        + " at position " + e.getIndex());
            }
        }

        private static List<String> names(TableSchema input, NodeParams p) {
            List<String> wanted = new ArrayList<>();
            for (int i = 1; i <= p.integer("parts", 2); i++) {
                wanted.add(p.string("column", "") + "_" + i);
            }
            return Columns.freeNames(input.names(), wanted);
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            Columns.require(input, p.string("column", ""), "column");
            pattern(p);
            return Columns.retyped(input, names(input, p), ColumnKind.TEXT);
        }

        @Override
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context)
                throws NodeException {
            Pattern pattern = pattern(p);
            Column<?> c = input.column(p.string("column", ""));
            List<String> names = names(TableSchema.of(input), p);
            List<StringColumn> out = names.stream().map(StringColumn::create).toList();
            for (int i = 0; i < c.size(); i++) {
                String v = Cells.text(c, i);
                String[] parts = v == null ? new String[0] : pattern.split(v, names.size());
                for (int k = 0; k < names.size(); k++) {
                    if (k < parts.length) {
                        out.get(k).append(parts[k]);
                    } else {
                        out.get(k).appendMissing();
                    }
                }
            }
            return Columns.withColumns(input, out);
        }
    }

    static final class Merge implements Transform {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("columns", "merge", "Merge columns", "Joins the text of several columns into "
                    + "one new text column with a separator; missing parts are skipped.", List.of(
                    Params.requiredColumns("columns", "Columns", "The columns to join, in order."),
                    Params.text("separator", "Separator", " ", "Put between the parts."),
                    Params.requiredText("name", "New column", "The name of the merged column.")));
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            if (Columns.chosen(input, p, "columns", false).size() < 2) {
                throw new NodeException("columns", "choose at least two columns to merge");
            }
            String name = p.string("name", "").trim();
            if (name.isEmpty() || input.has(name)) {
                throw new NodeException("name", name.isEmpty() ? "give the new column a name"
                        : "there is already a column '" + name + "'");
            }
            return Columns.withSchemaColumns(input, List.of(new ColumnSchema(name, ColumnKind.TEXT)));
        }

        @Override
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context)
                throws NodeException {
            outputSchema(TableSchema.of(input), p);
            List<String> names = p.strings("columns");
            String sep = p.string("separator", " ");
            StringColumn out = StringColumn.create(p.string("name", "").trim());
            for (int i = 0; i < input.rowCount(); i++) {
                StringBuilder sb = new StringBuilder();
                for (String n : names) {
                    String v = Cells.text(input.column(n), i);
                    if (v != null) {
                        sb.append(sb.length() > 0 ? sep : "").append(v);
                    }
                }
                if (sb.length() == 0) {
                    out.appendMissing();
                } else {
                    out.append(sb.toString());
                }
            }
            return Columns.withColumn(input, out);
        }
    }
}
