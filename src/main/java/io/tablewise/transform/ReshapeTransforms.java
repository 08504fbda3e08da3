package io.tablewise.transform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.ml.Stats;
import io.tablewise.node.ColumnKind;
import io.tablewise.node.ColumnSchema;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.TableSchema;

/** Combine-group transforms on one table: group-by aggregate, pivot (long to wide) and unpivot (wide to long). */
final class ReshapeTransforms {
    static final List<String> AGGREGATES = List.of("count", "sum", "mean", "median", "min", "max", "std",
            "distinct", "first", "last");

    private ReshapeTransforms() {
    }

    static List<Transform> all() {
        return List.of(new GroupBy(), new Pivot(), new Unpivot());
    }

    /** Rows per key of the group columns, in order of first appearance. */
    static Map<List<String>, List<Integer>> groups(Table t, List<String> by) {
        Map<List<String>, List<Integer>> out = new LinkedHashMap<>();
        List<Column<?>> columns = by.stream().<Column<?>>map(t::column).toList();
        for (int i = 0; i < t.rowCount(); i++) {
            out.computeIfAbsent(Columns.rowKey(columns, i), k -> new ArrayList<>()).add(i);
        }
        return out;
    }

    static double aggregate(Column<?> c, List<Integer> rows, String fn) {
        if (fn.equals("count")) {
            return rows.stream().filter(r -> !MissingTransforms.isMissing(c, r)).count();
        }
        if (fn.equals("distinct")) {
            return rows.stream().map(r -> Cells.text(c, r)).filter(v -> v != null).distinct().count();
        }
        double[] v = rows.stream().mapToDouble(r -> io.tablewise.ml.Values.number(c, r)).toArray();
        if (fn.equals("first") || fn.equals("last")) {
            for (int k = 0; k < v.length; k++) {
                double x = v[fn.equals("first") ? k : v.length - 1 - k];
                if (!Double.isNaN(x)) {
                    return x;
                }
            }
            return Double.NaN;
        }
        double[] present = Arrays.stream(v).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (present.length == 0) {
            return fn.equals("sum") ? 0 : Double.NaN;
        }
        return switch (fn) {
            case "sum" -> Arrays.stream(present).sum();
            case "mean" -> Stats.mean(present);
            case "median" -> Stats.quantile(present, 0.5);
            case "min" -> present[0];
            case "max" -> present[present.length - 1];
            default -> {
                if (present.length < 2) {
                    yield Double.NaN;
                }
                double m = Stats.mean(present);
                double ss = Arrays.stream(present).map(x -> (x - m) * (x - m)).sum();
                yield Math.sqrt(ss / (present.length - 1));
            }
        };
    }

    static boolean countLike(String fn) {
        return fn.equals("count") || fn.equals("distinct");
    }

    static final class GroupBy implements Transform {
        @Override
        public TransformSpec spec() {
            return new TransformSpec("combine", "group-by", "Group and aggregate", "One row per group of the key "
                    + "columns, with aggregates of other columns: count, sum, mean, median, min, max, std "
                    + "(sample), distinct count, first, last. Columns are <column>_<aggregate>, plus rows.",
                    List.of(Params.requiredColumns("by", "Group by", "The key columns."),
                            Params.requiredColumns("columns", "Aggregate", "The columns to aggregate."),
                            Params.strings("aggregates", "Aggregates", List.of("mean"), "Any of: "
                                    + String.join(", ", AGGREGATES) + ".")));
        }

        private static List<String> aggregates(NodeParams p) throws NodeException {
            List<String> a = p.strings("aggregates");
            for (String x : a) {
                if (!AGGREGATES.contains(x)) {
                    throw new NodeException("aggregates", "'" + x + "' is not an aggregate; use "
                            + String.join(", ", AGGREGATES));
                }
            }
            if (a.isEmpty()) {
                throw new NodeException("aggregates", "choose at least one aggregate");
            }
            return a;
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            List<String> by = Columns.chosen(input, p, "by", false);
            if (by.isEmpty()) {
                throw new NodeException("by", "choose the columns to group by");
            }
            List<String> cols = Columns.chosen(input, p, "columns", false);
            List<ColumnSchema> out = new ArrayList<>();
            by.forEach(b -> out.add(input.column(b).orElseThrow()));
            out.add(new ColumnSchema(Columns.freeName(by, "rows"), ColumnKind.INTEGER));
            for (String c : cols) {
                for (String a : aggregates(p)) {
                    if (!countLike(a)) {
                        ColumnKind k = input.column(c).orElseThrow().kind();
                        if (!k.isNumeric() && k != ColumnKind.DATE && k != ColumnKind.DATETIME
                                && k != ColumnKind.BOOLEAN) {
                            throw new NodeException("columns", "'" + c + "' holds text: only count and distinct "
                                    + "work on it, not " + a);
                        }
                    }
                    out.add(new ColumnSchema(c + "_" + a, countLike(a) ? ColumnKind.INTEGER : ColumnKind.DECIMAL));
                }
            }
            return new TableSchema(out);
        }

        @Override
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context)
                throws NodeException {
            TableSchema schema = outputSchema(TableSchema.of(input), p);
            List<String> by = p.strings("by");
            Map<List<String>, List<Integer>> groups = groups(input, by);
            List<Column<?>> out = new ArrayList<>();
            int[] first = groups.values().stream().mapToInt(l -> l.get(0)).toArray();
            Table keys = Columns.gather(input.selectColumns(by.toArray(String[]::new)), first);
            out.addAll(keys.columns());
            LongColumn rows = LongColumn.create(schema.columns().get(by.size()).name());
            groups.values().forEach(l -> rows.append(l.size()));
            out.add(rows);
            for (String c : p.strings("columns")) {
                for (String a : aggregates(p)) {
                    double[] v = groups.values().stream().mapToDouble(l -> aggregate(input.column(c), l, a))
                            .toArray();
                    if (countLike(a)) {
                        LongColumn l = LongColumn.create(c + "_" + a);
                        Arrays.stream(v).forEach(x -> l.append((long) x));
                        out.add(l);
                    } else {
                        out.add(DoubleColumn.create(c + "_" + a, v));
                    }
                }
            }
            return Columns.table(input.name(), out);
        }
    }

    static final class Pivot implements Transform {
        @Override
        public TransformSpec spec() {
            return new TransformSpec("combine", "pivot", "Pivot", "Long to wide: one row per key, one column per "
                    + "value of a column (at most 200), holding an aggregate of a value column.", List.of(
                    Params.requiredColumns("by", "Rows", "The key columns of the output rows."),
                    Params.column("pivot", "Columns from", "Its values become column names."),
                    Params.column("value", "Values", "The column to aggregate into the cells."),
                    Params.choice("aggregate", "Aggregate", "How to combine several values in a cell.", "sum",
                            "mean", "count", "min", "max", "first", "last", "median")));
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            Columns.chosen(input, p, "by", false);
            Columns.require(input, p.string("pivot", ""), "pivot");
            ColumnSchema v = Columns.require(input, p.string("value", ""), "value");
            if (!countLike(p.string("aggregate", "sum")) && !v.kind().isNumeric()) {
                throw new NodeException("value", "'" + v.name() + "' holds text; use the count aggregate");
            }
            return null;
        }

        @Override
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context)
                throws NodeException {
            outputSchema(TableSchema.of(input), p);
            List<String> by = Columns.chosen(TableSchema.of(input), p, "by", false);
            Column<?> pivot = input.column(p.string("pivot", ""));
            Set<String> values = new LinkedHashSet<>();
            for (int i = 0; i < pivot.size(); i++) {
                String v = Cells.text(pivot, i);
                if (v != null) {
                    values.add(v);
                }
            }
            if (values.size() > 200) {
                throw new NodeException("pivot", String.format(Locale.ROOT, "'%s' has %,d values; pivot makes one "
                        + "column per value and allows at most 200", pivot.name(), values.size()));
            }
            Map<List<String>, List<Integer>> groups = groups(input, by);
            List<Column<?>> out = new ArrayList<>();
            int[] first = groups.values().stream().mapToInt(l -> l.get(0)).toArray();
            out.addAll(Columns.gather(input.selectColumns(by.toArray(String[]::new)), first).columns());
            Column<?> value = input.column(p.string("value", ""));
            String fn = p.string("aggregate", "sum");
            List<String> taken = new ArrayList<>(by);
            for (String v : values) {
                String name = Columns.freeName(taken, v);
                taken.add(name);
                double[] cells = new double[groups.size()];
                int g = 0;
                for (List<Integer> rows : groups.values()) {
                    List<Integer> match = rows.stream().filter(r -> v.equals(Cells.text(pivot, r))).toList();
                    cells[g++] = match.isEmpty() ? (countLike(fn) ? 0 : Double.NaN) : aggregate(value, match, fn);
                }
                out.add(DoubleColumn.create(name, cells));
            }
            return Columns.table(input.name(), out);
        }
    }

    static final class Unpivot implements Transform {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("combine", "unpivot", "Unpivot", "Wide to long: each row becomes one row per "
                    + "chosen column (variable = its name, value = its value), next to the kept columns.", List.of(
                    Params.requiredColumns("columns", "Columns to unpivot", "Their names become values."),
                    Params.text("variable", "Name column", "variable", "The column holding the former names."),
                    Params.text("value", "Value column", "value", "The column holding the values.")));
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            List<String> cols = Columns.chosen(input, p, "columns", false);
            if (cols.isEmpty()) {
                throw new NodeException("columns", "choose the columns to unpivot");
            }
            List<ColumnSchema> out = new ArrayList<>(input.columns().stream()
                    .filter(c -> !cols.contains(c.name())).toList());
            List<String> taken = new ArrayList<>(out.stream().map(ColumnSchema::name).toList());
            String variable = Columns.freeName(taken, p.string("variable", "variable"));
            taken.add(variable);
            out.add(new ColumnSchema(variable, ColumnKind.TEXT));
            boolean numeric = cols.stream().allMatch(c -> input.column(c).orElseThrow().kind().isNumeric());
            out.add(new ColumnSchema(Columns.freeName(taken, p.string("value", "value")), numeric ? ColumnKind.DECIMAL
                    : ColumnKind.TEXT));
            return new TableSchema(out);
        }

        @Override
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context)
                throws NodeException {
            TableSchema schema = outputSchema(TableSchema.of(input), p);
            List<String> cols = p.strings("columns");
            List<String> kept = input.columnNames().stream().filter(c -> !cols.contains(c)).toList();
            // row by row (each row's values next to each other), so any part of the table unpivots on its own
            int n = input.rowCount();
            int[] rows = new int[n * cols.size()];
            for (int i = 0; i < n; i++) {
                java.util.Arrays.fill(rows, i * cols.size(), (i + 1) * cols.size(), i);
            }
            Table base = Columns.gather(input.selectColumns(kept.toArray(String[]::new)), rows);
            List<ColumnSchema> sc = schema.columns();
            StringColumn variable = StringColumn.create(sc.get(sc.size() - 2).name());
            boolean numeric = sc.get(sc.size() - 1).kind() == ColumnKind.DECIMAL;
            DoubleColumn numbers = DoubleColumn.create(sc.get(sc.size() - 1).name());
            StringColumn texts = StringColumn.create(sc.get(sc.size() - 1).name());
            List<Column<?>> unpivoted = cols.stream().<Column<?>>map(input::column).toList();
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < cols.size(); k++) {
                    variable.append(cols.get(k));
                    if (numeric) {
                        numbers.append(io.tablewise.ml.Values.number(unpivoted.get(k), i));
                    } else {
                        String v = Cells.text(unpivoted.get(k), i);
                        if (v == null) {
                            texts.appendMissing();
                        } else {
                            texts.append(v);
                        }
                    }
                }
            }
            List<Column<?>> out = new ArrayList<>(base.columns());
            out.add(variable);
            out.add(numeric ? numbers : texts);
            return Columns.table(input.name(), out);
        }
    }
}
