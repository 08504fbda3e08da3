package io.tablewise.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;

import io.tablewise.node.NodeParams;
import io.tablewise.node.TableSchema;

/**
 * Join and concatenate on Spark, in the engine's terms: the output columns (names, suffixes) are the ones the
 * engine's configure found; rows come out in the engine's order — a join by left row, each with its matches in the
 * right table's order, then the right rows nothing matched; a concatenation the first table's rows, then the
 * second's. Keys match as the engine matches them: equal values, a missing key (blank text included) matching
 * nothing.
 */
final class CombineStep {
    private static final String LEFT = "__tablewise_left";
    private static final String RIGHT = "__tablewise_right";

    private CombineStep() {
    }

    static Dataset<Row> join(Dataset<Row> left, Dataset<Row> right, NodeParams p, TableSchema out) {
        List<String> keys = p.strings("keys");
        // each side's columns renamed by position: a table joined with itself (or with its own groups) stays clear
        Dataset<Row> l = renamed(left, "__l").withColumn(LEFT, functions.monotonically_increasing_id());
        Dataset<Row> r = renamed(right, "__r").withColumn(RIGHT, functions.monotonically_increasing_id());
        Column on = null;
        for (String k : keys) {
            DataType lt = left.schema().apply(k).dataType();
            DataType rt = right.schema().apply(k).dataType();
            Column a = TableStep.missingAsNull(side(left, "__l", k), lt);
            Column b = TableStep.missingAsNull(side(right, "__r", k), rt);
            Column eq = lt.equals(rt) ? a.equalTo(b) : a.cast("string").equalTo(b.cast("string"));
            on = on == null ? eq : on.and(eq);
        }
        String how = switch (p.string("how", "inner")) {
            case "left" -> "left_outer";
            case "right" -> "right_outer";
            case "full" -> "full_outer";
            default -> "inner";
        };
        List<Column> select = new ArrayList<>();
        int at = 0;
        for (String c : left.columns()) {
            Column mine = side(left, "__l", c);
            Column value = keys.contains(c) ? functions.coalesce(mine, side(right, "__r", c).cast(left.schema()
                    .apply(c).dataType())) : mine;
            select.add(value.as(out.columns().get(at++).name()));
        }
        for (String c : right.columns()) {
            if (!keys.contains(c)) {
                select.add(side(right, "__r", c).as(out.columns().get(at++).name()));
            }
        }
        select.add(col(LEFT));
        select.add(col(RIGHT));
        return l.join(r, on, how).select(select.toArray(Column[]::new))
                .orderBy(col(LEFT).asc_nulls_last(), col(RIGHT)).drop(LEFT, RIGHT);
    }

    private static Dataset<Row> renamed(Dataset<Row> rows, String prefix) {
        String[] names = new String[rows.columns().length];
        for (int i = 0; i < names.length; i++) {
            names[i] = prefix + i;
        }
        return rows.toDF(names);
    }

    private static Column side(Dataset<Row> original, String prefix, String column) {
        return col(prefix + original.schema().fieldIndex(column));
    }

    static Dataset<Row> concat(Dataset<Row> first, Dataset<Row> second, NodeParams p, TableSchema out) {
        boolean source = p.bool("addSource", false);
        String sourceName = source ? out.columns().get(out.columns().size() - 1).name() : null;
        Dataset<Row> a = source ? first.withColumn(sourceName, lit("first")) : first;
        Dataset<Row> b = source ? second.withColumn(sourceName, lit("second")) : second;
        Dataset<Row> all = a.unionByName(b, true);
        return all.select(out.names().stream().map(n -> col(SparkAggregates.quoted(n))).toArray(Column[]::new));
    }
}
