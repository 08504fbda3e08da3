package io.tablewise.transform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.ml.Values;
import io.tablewise.node.ColumnKind;
import io.tablewise.node.ColumnSchema;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.TableSchema;

/**
 * The window group for time series: rolling aggregates over the last N rows or a time span, and lag, lead,
 * difference, cumulative sum and rank; each within groups (e.g. per customer) and in the order of a time column.
 * Rows keep their original order in the output.
 */
final class WindowTransforms {
    private WindowTransforms() {
    }

    static List<Transform> all() {
        return List.of(new Rolling(), new Shift());
    }

    /** Row indices per group, each group ordered by the order column (missing last), stable. */
    static List<int[]> partitions(Table t, List<String> groupBy, String orderBy) {
        Map<List<String>, List<Integer>> groups = ReshapeTransforms.groups(t, groupBy);
        Comparator<Integer> order = orderBy.isEmpty() ? null : RowTransforms.byColumn(t.column(orderBy), false);
        List<int[]> out = new ArrayList<>();
        for (List<Integer> rows : groups.values()) {
            if (order != null) {
                rows.sort(order);
            }
            out.add(rows.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    /** A window transform: each row's value from the rows of its group (groupBy) before it in order (orderBy). */
    abstract static class PerGroup implements Transform {
        @Override
        public Reach reach() {
            return Reach.GROUP;
        }

        @Override
        public List<String> groupColumns(NodeParams p) {
            return p.strings("groupBy");
        }

        @Override
        public List<String> orderColumns(NodeParams p) {
            return p.string("orderBy", "").isEmpty() ? List.of() : List.of(p.string("orderBy", ""));
        }
    }

    static List<io.tablewise.node.ParamSpec> common() {
        return List.of(
                Params.columns("groupBy", "Per group of", "Compute within each group of these columns (empty: "
                        + "the whole table)."),
                Params.optionalColumn("orderBy", "Ordered by", "The time (or sequence) column that orders rows "
                        + "within a group (empty: row order)."));
    }

    static void check(TableSchema input, NodeParams p) throws NodeException {
        Columns.require(input, p.string("column", ""), "column");
        Columns.chosen(input, p, "groupBy", false);
        if (!p.string("orderBy", "").isEmpty()) {
            Columns.require(input, p.string("orderBy", ""), "orderBy");
        }
    }

    static String name(TableSchema input, NodeParams p, String suffix) {
        String n = p.string("name", "").trim();
        return n.isEmpty() ? Columns.freeName(input.names(), p.string("column", "") + "_" + suffix) : n;
    }

    static final class Rolling extends PerGroup {
        @Override
        public TransformSpec spec() {
            List<io.tablewise.node.ParamSpec> params = new ArrayList<>(List.of(
                    Params.column("column", "Column", "The numeric column to aggregate."),
                    Params.choice("function", "Function", "The aggregate over the window.", "mean", "sum", "min",
                            "max", "std", "count"),
                    Params.integer("rows", "Window rows", 3, 1.0, 100_000.0, "The window: this row and the rows "
                            + "before it, up to this many."),
                    Params.decimal("days", "Window days", 0.0, 0.0, 36_500.0, "Instead of rows: the rows within "
                            + "this many days up to this row's time (needs a date 'Ordered by' column; 0: use rows)."),
                    Params.text("name", "New column", "", "The result's name (empty: <column>_rolling_<function>).")));
            params.addAll(common());
            return new TransformSpec("window", "rolling", "Rolling aggregate", "Adds a rolling mean, sum, min, max, "
                    + "standard deviation or count of a column over the last N rows or days, per group, in time "
                    + "order; missing values are skipped.", params);
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            check(input, p);
            Columns.requireNumeric(input, List.of(p.string("column", "")), "column", "a rolling aggregate");
            if (p.decimal("days", 0) > 0) {
                ColumnKind k = Columns.require(input, p.string("orderBy", ""), "orderBy").kind();
                if (k != ColumnKind.DATE && k != ColumnKind.DATETIME) {
                    throw new NodeException("orderBy", "a window in days needs a date column to order by");
                }
            }
            return Columns.withSchemaColumns(input, List.of(new ColumnSchema(name(input, p, "rolling_"
                    + p.string("function", "mean")), ColumnKind.DECIMAL)));
        }

        @Override
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context)
                throws NodeException {
            TableSchema schema = TableSchema.of(input);
            outputSchema(schema, p);
            double[] x = Columns.numbers(input, p.string("column", ""));
            double[] out = new double[x.length];
            Arrays.fill(out, Double.NaN);
            String fn = p.string("function", "mean");
            int rows = (int) p.integer("rows", 3);
            double days = p.decimal("days", 0);
            String orderBy = p.string("orderBy", "");
            Column<?> time = orderBy.isEmpty() ? null : input.column(orderBy);
            for (int[] part : partitions(input, p.strings("groupBy"), orderBy)) {
                for (int k = 0; k < part.length; k++) {
                    int from = Math.max(0, k - rows + 1);
                    if (days > 0) {
                        double now = Values.number(time, part[k]) / (time instanceof tech.tablesaw.api.DateColumn
                                ? 1 : 86_400);
                        from = k;
                        while (from > 0) {
                            double t = Values.number(time, part[from - 1]) / (time
                                    instanceof tech.tablesaw.api.DateColumn ? 1 : 86_400);
                            if (Double.isNaN(t) || now - t >= days) {
                                break;
                            }
                            from--;
                        }
                    }
                    out[part[k]] = aggregate(x, part, from, k, fn);
                }
            }
            return Columns.withColumn(input, DoubleColumn.create(name(schema, p, "rolling_" + fn), out));
        }

        static double aggregate(double[] x, int[] part, int from, int to, String fn) {
            double sum = 0;
            double sq = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            int n = 0;
            for (int k = from; k <= to; k++) {
                double v = x[part[k]];
                if (!Double.isNaN(v)) {
                    sum += v;
                    sq += v * v;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    n++;
                }
            }
            if (fn.equals("count")) {
                return n;
            }
            if (n == 0) {
                return Double.NaN;
            }
            return switch (fn) {
                case "sum" -> sum;
                case "min" -> min;
                case "max" -> max;
                case "std" -> n < 2 ? Double.NaN : Math.sqrt(Math.max(0, (sq - sum * sum / n) / (n - 1)));
                default -> sum / n;
            };
        }
    }

    static final class Shift extends PerGroup {
        @Override
        public TransformSpec spec() {
            List<io.tablewise.node.ParamSpec> params = new ArrayList<>(List.of(
                    Params.column("column", "Column", "The numeric column."),
                    Params.choice("operation", "Operation", "lag: the value N rows before; lead: N rows after; "
                            + "difference: this value minus the lag; cumulative-sum: running total; rank: 1 for the "
                            + "smallest within the group (ties share the lowest rank).", "lag", "lead", "difference",
                            "cumulative-sum", "rank"),
                    Params.integer("periods", "Rows", 1, 1.0, 100_000.0, "N for lag, lead and difference."),
                    Params.text("name", "New column", "", "The result's name (empty: <column>_<operation>).")));
            params.addAll(common());
            return new TransformSpec("window", "shift", "Lag, lead and running values", "Adds the previous or next "
                    + "value of a column, its change since N rows before, its running total or its rank — within "
                    + "each group, in time order.", params);
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            check(input, p);
            Columns.requireNumeric(input, List.of(p.string("column", "")), "column", p.string("operation", "lag"));
            return Columns.withSchemaColumns(input, List.of(new ColumnSchema(name(input, p,
                    p.string("operation", "lag")), ColumnKind.DECIMAL)));
        }

        @Override
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context)
                throws NodeException {
            TableSchema schema = TableSchema.of(input);
            outputSchema(schema, p);
            double[] x = Columns.numbers(input, p.string("column", ""));
            double[] out = new double[x.length];
            Arrays.fill(out, Double.NaN);
            String op = p.string("operation", "lag");
            int periods = (int) p.integer("periods", 1);
            for (int[] part : partitions(input, p.strings("groupBy"), p.string("orderBy", ""))) {
                double[] sorted = op.equals("rank") ? Arrays.stream(part).mapToDouble(j -> x[j])
                        .filter(v -> !Double.isNaN(v)).sorted().toArray() : null;
                double running = 0;
                for (int k = 0; k < part.length; k++) {
                    double v = x[part[k]];
                    switch (op) {
                        case "lag" -> out[part[k]] = k - periods >= 0 ? x[part[k - periods]] : Double.NaN;
                        case "lead" -> out[part[k]] = k + periods < part.length ? x[part[k + periods]] : Double.NaN;
                        case "difference" -> out[part[k]] = k - periods >= 0 ? v - x[part[k - periods]] : Double.NaN;
                        case "cumulative-sum" -> {
                            running += Double.isNaN(v) ? 0 : v;
                            out[part[k]] = running;
                        }
                        default -> {
                            if (!Double.isNaN(v)) {
                                out[part[k]] = lowerBound(sorted, v) + 1;
                            }
                        }
                    }
                }
            }
            return Columns.withColumn(input, DoubleColumn.create(name(schema, p, op), out));
        }

        /** The number of values below {@code v} in sorted values. */
        static int lowerBound(double[] sorted, double v) {
            int lo = 0;
            int hi = sorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] < v) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
