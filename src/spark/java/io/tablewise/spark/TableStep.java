package io.tablewise.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import tech.tablesaw.api.Table;

import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.TableSchema;
import io.tablewise.transform.Cells;
import io.tablewise.transform.Columns;
import io.tablewise.transform.FittedState;
import io.tablewise.transform.Transform;
import io.tablewise.transform.TransformContext;
import io.tablewise.transform.TransformNode;

/**
 * The transforms that need the whole table (sort, drop duplicates, top N, group and aggregate, sample, over- and
 * undersampling) on Spark.
 * The row order they speak of ("the first of equal rows", "stable") is the order of the rows as Spark holds them —
 * the file's order for rows read from a file. A group is aggregated by the transform's own code on the group's rows;
 * a sort or a choice of rows is a Spark sort or window with the engine's rules (missing last, blank text missing,
 * ties in row order) — twins the equivalence test pins to the engine, transform by transform.
 */
final class TableStep {
    static final Set<String> IDS = Set.of("transform.rows.sort", "transform.rows.drop-duplicates",
            "transform.rows.top-n", "transform.combine.group-by", "transform.rows.sample",
            "transform.balance.oversample", "transform.balance.undersample", "transform.balance.smote",
            "transform.combine.pivot");
    /** The row-order column, added for a step and dropped before its output. */
    static final String ORDER = "__tablewise_row";

    private TableStep() {
    }

    static Dataset<Row> apply(Transform t, NodeParams p, Dataset<Row> rows) throws NodeException {
        TableSchema schema = TableSchema.of(SparkTables.empty(rows.schema()));
        t.outputSchema(schema, p);
        Dataset<Row> ordered = rows.withColumn(ORDER, functions.monotonically_increasing_id());
        return switch (t.spec().id()) {
            case "transform.rows.sort" -> {
                List<Column> by = new ArrayList<>();
                for (String c : p.strings("columns")) {
                    by.add(ordering(rows, c, p.bool("descending", false)));
                }
                by.add(col(ORDER));
                yield ordered.orderBy(by.toArray(Column[]::new)).drop(ORDER);
            }
            case "transform.rows.drop-duplicates" -> {
                List<String> keys = p.strings("columns").isEmpty() ? List.of(rows.columns()) : p.strings("columns");
                boolean last = p.string("keep", "first").equals("last");
                WindowSpec w = Window.partitionBy(keys(rows, keys)).orderBy(last ? col(ORDER).desc() : col(ORDER));
                yield ordered.withColumn("__tablewise_n", functions.row_number().over(w))
                        .where(col("__tablewise_n").equalTo(1)).orderBy(ORDER).drop("__tablewise_n", ORDER);
            }
            case "transform.rows.top-n" -> {
                Column by = ordering(rows, p.string("column", ""), !p.bool("smallest", false));
                long n = p.integer("n", 10);
                List<String> groups = p.strings("groupBy");
                if (groups.isEmpty()) {
                    yield ordered.orderBy(by, col(ORDER)).limit((int) Math.min(Integer.MAX_VALUE, n)).drop(ORDER);
                }
                WindowSpec w = Window.partitionBy(keys(rows, groups)).orderBy(by, col(ORDER));
                yield ordered.withColumn("__tablewise_n", functions.row_number().over(w))
                        .where(col("__tablewise_n").leq(n)).orderBy(by, col(ORDER)).drop("__tablewise_n", ORDER);
            }
            case "transform.combine.group-by" -> groups(t, p, ordered, p.strings("by"), null);
            case "transform.combine.pivot" -> groups(t, p, ordered, p.strings("by"), pivotValues(ordered, p));
            case "transform.rows.sample" -> ChosenRows.sample(rows, p);
            case "transform.balance.oversample" -> Rebalance.oversample(rows, p);
            case "transform.balance.undersample" -> Rebalance.undersample(rows, p);
            case "transform.balance.smote" -> Rebalance.smote(rows, p);
            default -> throw new IllegalStateException(t.spec().id() + " has no whole-table step on Spark");
        };
    }

    /**
     * The column as the engine compares it: blank text and NaN are missing, missing last whatever the direction.
     * Text compares by code point here and by UTF-16 unit in the engine: the same order but for characters beyond
     * U+FFFF against U+E000–U+FFFF, which no sort key of ours mixes.
     */
    static Column ordering(Dataset<Row> rows, String column, boolean descending) {
        Column key = key(rows, column);
        return descending ? key.desc_nulls_last() : key.asc_nulls_last();
    }

    /** The columns as the engine tells values apart ({@code Cells.text}): blank text and NaN are missing. */
    static Column[] keys(Dataset<Row> rows, List<String> columns) {
        return columns.stream().map(c -> key(rows, c)).toArray(Column[]::new);
    }

    private static Column key(Dataset<Row> rows, String column) {
        return missingAsNull(col(SparkAggregates.quoted(column)), rows.schema().apply(column).dataType());
    }

    /** A column of {@code type} with blank text and NaN made missing, as the engine sees them. */
    static Column missingAsNull(Column c, DataType type) {
        if (type.equals(DataTypes.StringType)) {
            return functions.when(c.rlike("^\\s*$"), functions.lit(null)).otherwise(c);
        }
        if (type.equals(DataTypes.DoubleType) || type.equals(DataTypes.FloatType)) {
            return functions.when(c.isNaN(), functions.lit(null)).otherwise(c);
        }
        return c;
    }

    /**
     * A pivot's values, in the order they first appear (its columns' order), each value's text as the engine
     * writes it; at most 200, as the engine allows.
     */
    private static List<String> pivotValues(Dataset<Row> ordered, NodeParams p) throws NodeException {
        String pivot = p.string("pivot", "");
        Dataset<Row> two = ordered.select(col(SparkAggregates.quoted(pivot)), col(ORDER));
        StructType in = two.schema();
        StructType seen = new StructType().add("v", DataTypes.StringType).add("at", DataTypes.LongType);
        Dataset<Row> firsts = two.mapPartitions((MapPartitionsFunction<Row, Row>) it -> PartSlices.map(it,
                new int[0], slice -> {
                    List<Row> rows = new ArrayList<>();
                    slice.forEachRemaining(rows::add);
                    tech.tablesaw.columns.Column<?> c = SparkTables.table(new StructType(new org.apache.spark.sql
                            .types.StructField[] {in.fields()[0]}), rows.stream().map(r -> RowFactory.create(r
                            .get(0))).iterator()).column(0);
                    java.util.Map<String, Long> first = new java.util.LinkedHashMap<>();
                    for (int i = 0; i < rows.size(); i++) {
                        String v = Cells.text(c, i);
                        if (v != null) {
                            first.merge(v, rows.get(i).getLong(1), Math::min);
                        }
                    }
                    List<Row> out = new ArrayList<>();
                    first.forEach((v, at) -> out.add(RowFactory.create(v, at)));
                    return out.iterator();
                }), Encoders.row(seen)).groupBy("v").agg(functions.min("at").as("at")).orderBy("at").limit(201);
        List<String> values = firsts.collectAsList().stream().map(r -> r.getString(0)).toList();
        if (values.size() > 200) {
            throw new NodeException("pivot", "'" + pivot + "' has more than 200 values; pivot makes one column per "
                    + "value and allows at most 200");
        }
        return values;
    }

    /**
     * A transform that makes one row of each group's rows (group and aggregate, pivot), by its own code: the rows
     * split by their groups, each group in row order, each slice of groups aggregated in the executors; the groups
     * then ordered by their first row, as the engine lists them. A pivot's slice has columns for the values in that
     * slice only: they are placed among all the values' columns, the others holding what the engine puts in a cell
     * with no rows (0 for a count, else missing).
     */
    private static Dataset<Row> groups(Transform t, NodeParams p, Dataset<Row> ordered, List<String> by,
                                       List<String> pivotValues) throws NodeException {
        Column[] keys = keys(ordered, by);
        List<Column> sort = new ArrayList<>(List.of(keys));
        sort.add(col(ORDER));
        Dataset<Row> parts = ordered.repartition(keys).sortWithinPartitions(sort.toArray(Column[]::new));
        StructType in = ordered.drop(ORDER).schema();
        StructType out;
        if (pivotValues == null) {
            out = SparkTables.schema(t.apply(SparkTables.empty(in), p, FittedState.NONE, TransformContext.NONE));
        } else {
            out = new StructType();
            for (String b : by) {
                out = out.add(in.apply(b));
            }
            List<String> taken = new ArrayList<>(by);
            for (String v : pivotValues) {
                String name = Columns.freeName(taken, v);
                taken.add(name);
                out = out.add(name, DataTypes.DoubleType);
            }
        }
        out = out.add(ORDER, DataTypes.LongType, false);
        int[] groupAt = by.stream().mapToInt(in::fieldIndex).toArray();
        return parts.mapPartitions(new PerGroup(t.spec().id(), ShippedParams.of(p), in, out, groupAt, pivotValues),
                Encoders.row(out)).orderBy(ORDER).drop(ORDER);
    }

    /** One slice of whole groups through the transform in an executor; each output row keeps its group's first row. */
    static final class PerGroup implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final String id;
        private final String params;
        private final StructType in;
        private final StructType out;
        private final int[] groups;
        private final List<String> pivotValues;

        PerGroup(String id, String params, StructType in, StructType out, int[] groups, List<String> pivotValues) {
            this.pivotValues = pivotValues == null ? null : new ArrayList<>(pivotValues);
            this.id = id;
            this.params = params;
            this.in = in;
            this.out = out;
            this.groups = groups;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) throws Exception {
            Transform t = TransformStep.transform(id);
            NodeParams p = ShippedParams.read(params, new TransformNode(t).descriptor());
            int order = in.fields().length; // the row-order column comes last
            return PartSlices.map(rows, groups, slice -> {
                List<Row> values = new ArrayList<>();
                List<Long> firsts = new ArrayList<>();
                Row previous = null;
                while (slice.hasNext()) {
                    Row r = slice.next();
                    if (previous == null || !PartSlices.sameGroup(groups, previous, r)) {
                        firsts.add(r.getLong(order));
                    }
                    previous = r;
                    Object[] v = new Object[order];
                    for (int i = 0; i < order; i++) {
                        v[i] = r.get(i);
                    }
                    values.add(RowFactory.create(v));
                }
                Table slice0 = SparkTables.table(in, values.iterator());
                Table done = t.apply(slice0, p, FittedState.NONE, TransformContext.NONE);
                if (pivotValues != null) {
                    done = placed(done, slice0, p);
                }
                if (done.rowCount() != firsts.size()) {
                    throw new IllegalStateException(id + " made " + done.rowCount() + " groups of a slice holding "
                            + firsts.size());
                }
                StructType values0 = new StructType(java.util.Arrays.copyOf(out.fields(), out.fields().length - 1));
                List<Row> made = SparkTables.rows(done, values0);
                List<Row> result = new ArrayList<>(made.size());
                for (int i = 0; i < made.size(); i++) {
                    Object[] v = new Object[out.fields().length];
                    for (int k = 0; k < v.length - 1; k++) {
                        v[k] = made.get(i).get(k);
                    }
                    v[v.length - 1] = firsts.get(i);
                    result.add(RowFactory.create(v));
                }
                return result.iterator();
            });
        }

        /** A pivot of one slice with a column for each of all the values, in their order. */
        private Table placed(Table done, Table slice, NodeParams p) {
            List<String> by = p.strings("by");
            tech.tablesaw.columns.Column<?> pivot = slice.column(p.string("pivot", ""));
            java.util.Set<String> here = new java.util.LinkedHashSet<>();
            for (int i = 0; i < pivot.size(); i++) {
                String v = Cells.text(pivot, i);
                if (v != null) {
                    here.add(v);
                }
            }
            java.util.Map<String, String> nameHere = new java.util.HashMap<>();
            List<String> taken = new ArrayList<>(by);
            for (String v : here) {
                String name = Columns.freeName(taken, v);
                taken.add(name);
                nameHere.put(v, name);
            }
            String fn = p.string("aggregate", "sum");
            double empty = fn.equals("count") || fn.equals("distinct") ? 0 : Double.NaN;
            List<tech.tablesaw.columns.Column<?>> columns = new ArrayList<>();
            by.forEach(b -> columns.add(done.column(b)));
            for (String v : pivotValues) {
                tech.tablesaw.api.DoubleColumn c = nameHere.containsKey(v)
                        ? ((tech.tablesaw.api.DoubleColumn) done.column(nameHere.get(v))).copy()
                        : tech.tablesaw.api.DoubleColumn.create("v", done.rowCount()).fillWith(empty);
                columns.add(c.setName("\u0000" + columns.size())); // rows are read by position
            }
            return Table.create("pivot", columns);
        }
    }
}
