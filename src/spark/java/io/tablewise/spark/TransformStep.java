package io.tablewise.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.CollectionAccumulator;

import tech.tablesaw.api.Table;

import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.TableSchema;
import io.tablewise.transform.FittedState;
import io.tablewise.transform.LearnedFrom;
import io.tablewise.transform.Transform;
import io.tablewise.transform.TransformCatalog;
import io.tablewise.transform.TransformContext;
import io.tablewise.transform.TransformNode;

/**
 * One transform of the catalogue on a Spark table, carried out by the transform itself: its state learned from
 * Spark aggregates of every row ({@link LearnedFrom}, the same state JSON as the embedded engine's), then its own
 * {@code apply} on each part of the table — any part for a row transform, parts holding whole groups in time order for
 * a window transform. One description of each transform, two engines, the same values.
 */
final class TransformStep {
    private TransformStep() {
    }

    /** Why the two transforms without a Spark implementation have none, with the way round. */
    /** Transforms whose state Spark learns by their own search over exact sums, not from fixed aggregates. */
    private static final String POWER = "transform.scale.power";

    /** Why {@code t} with {@code p} cannot run on Spark, or null when it can. */
    static String refusal(Transform t, NodeParams p, TableSchema input) throws NodeException {
        Transform.Reach reach = t.reach(p);
        if (reach == Transform.Reach.TABLE && !TableStep.IDS.contains(t.spec().id())) {
            return "needs the whole table at once";
        }
        if (reach == Transform.Reach.GROUP && t.orderColumns(p).isEmpty()) {
            return "needs 'Ordered by' on Spark, where rows have no order of their own";
        }
        if (t.learns() && input != null && !t.spec().id().equals(POWER) && t.learnedFrom(input, p) == null) {
            return "learns from the values themselves with these settings";
        }
        return null;
    }

    /** The state learned on {@code rows}: from Spark aggregates, or (a transform that learns nothing) from the schema. */
    static FittedState fit(Transform t, NodeParams p, Dataset<Row> rows) throws NodeException {
        Table empty = SparkTables.empty(rows.schema());
        if (!t.learns()) {
            return t.fit(empty, p);
        }
        if (t.spec().id().equals(POWER)) {
            return PowerOnSpark.fit(p, rows);
        }
        LearnedFrom from = t.learnedFrom(TableSchema.of(empty), p);
        return from.state().apply(SparkAggregates.compute(rows, from.needs()));
    }

    /** The transformed table (lazy: Spark computes it when an output needs it). */
    static Dataset<Row> apply(Transform t, NodeParams p, FittedState state, Dataset<Row> rows,
                              CollectionAccumulator<String> warnings) throws NodeException {
        Table empty = SparkTables.empty(rows.schema());
        t.outputSchema(TableSchema.of(empty), p);
        StructType out = SparkTables.schema(t.apply(empty, p, state, TransformContext.NONE));
        Dataset<Row> parts = rows;
        int[] groups = new int[0];
        if (t.reach(p) == Transform.Reach.GROUP) {
            groups = t.groupColumns(p).isEmpty() ? null : t.groupColumns(p).stream().mapToInt(rows.schema()
                    ::fieldIndex).toArray();
            List<Column> group = new ArrayList<>();
            t.groupColumns(p).forEach(g -> group.add(col(SparkAggregates.quoted(g))));
            List<Column> order = new ArrayList<>(group);
            t.orderColumns(p).forEach(o -> order.add(col(SparkAggregates.quoted(o)).asc_nulls_last()));
            parts = (group.isEmpty() ? rows.repartition(1) : rows.repartition(group.toArray(Column[]::new)))
                    .sortWithinPartitions(order.toArray(Column[]::new));
        }
        return parts.mapPartitions(new OnPart(t.spec().id(), ShippedParams.of(p), state.toJson(), rows.schema(), out, groups,
                warnings),
                Encoders.row(out));
    }

    /** A transform of the catalogue by id, in an executor (what is shipped there is its id). */
    static Transform transform(String id) {
        return TransformCatalog.all().stream().filter(x -> x.spec().id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no transform " + id + " in this engine"));
    }

    /** The transform on one part, in an executor: rows to a table, the transform, the table back to rows. */
    static final class OnPart implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final String id;
        private final String params;
        private final String state;
        private final StructType in;
        private final StructType out;
        private final int[] groups;
        private final CollectionAccumulator<String> warnings;

        OnPart(String id, String params, String state, StructType in, StructType out, int[] groups,
               CollectionAccumulator<String> warnings) {
            this.groups = groups;
            this.id = id;
            this.params = params;
            this.state = state;
            this.in = in;
            this.out = out;
            this.warnings = warnings;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) throws Exception {
            Transform t = transform(id);
            NodeParams p = ShippedParams.read(params, new TransformNode(t).descriptor());
            FittedState fitted = FittedState.fromJson(state);
            return PartSlices.map(rows, groups, slice -> SparkTables.iterate(t.apply(SparkTables.table(in, slice), p,
                    fitted, context()), out));
        }

        private TransformContext context() {
            return new TransformContext() {
                @Override
                public void warn(String message) {
                    warnings.add(message);
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            };
        }
    }
}
