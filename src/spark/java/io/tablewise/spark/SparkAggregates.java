package io.tablewise.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import io.tablewise.transform.LearnedFrom;

/**
 * The column aggregates a learning transform needs ({@link LearnedFrom}), computed by Spark over every training row
 * where it lies: one pass for the numbers (mean, population deviation, min, max, exact percentiles; the median
 * absolute deviation after a first pass for the median), one grouping per counted column. Missing values are left
 * out as the engine leaves them out.
 */
final class SparkAggregates {
    private SparkAggregates() {
    }

    static Map<LearnedFrom.Need, Object> compute(Dataset<Row> rows, List<LearnedFrom.Need> needs) {
        Map<LearnedFrom.Need, Object> out = new HashMap<>();
        List<LearnedFrom.Need> numeric = new ArrayList<>();
        List<Column> aggregates = new ArrayList<>();
        Map<String, Double> medians = new HashMap<>(); // a first pass, for the deviations from them
        for (LearnedFrom.Need n : needs) {
            if (n.kind() == LearnedFrom.Kind.COUNTS) {
                out.put(n, counts(rows, n.column()));
                continue;
            }
            if (n.kind().byValue()) {
                out.put(n, byValue(rows, n));
                continue;
            }
            Column x = col(quoted(n.column())).cast("double");
            Column present = functions.when(x.isNaN(), null).otherwise(x);
            numeric.add(n);
            aggregates.add(switch (n.kind()) {
                case MEAN -> functions.avg(present);
                case POPULATION_STD -> functions.stddev_pop(present);
                case MIN -> functions.min(present);
                case MAX -> functions.max(present);
                case QUANTILE -> expr("percentile(" + quoted(n.column()) + ", " + n.q() + ")");
                case MEDIAN_ABSOLUTE_DEVIATION -> expr("percentile(abs(" + quoted(n.column()) + " - CAST('"
                        + medians.computeIfAbsent(n.column(), c -> median(rows, c)) + "' AS DOUBLE)), 0.5)");
                case ROWS -> functions.count(functions.lit(1));
                case COUNTS, CROSS_COUNTS, SUMS_BY -> throw new IllegalStateException();
            });
        }
        if (!aggregates.isEmpty()) {
            Row r = rows.agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new))
                    .first();
            for (int i = 0; i < numeric.size(); i++) {
                out.put(numeric.get(i), r.isNullAt(i) ? Double.NaN : ((Number) r.get(i)).doubleValue());
            }
        }
        return out;
    }

    /**
     * A by-value aggregate (a cross table, sums by value): each slice of each part computed by the engine's own
     * code ({@link LearnedFrom#part}, so values are told apart by their text as the engine writes them), the parts
     * added up by Spark.
     */
    private static Map<String, Map<String, Double>> byValue(Dataset<Row> rows, LearnedFrom.Need n) {
        Dataset<Row> two = rows.select(col(quoted(n.column())), col(quoted(n.other())));
        StructType in = two.schema();
        StructType partial = new StructType().add("v", DataTypes.StringType).add("k", DataTypes.StringType)
                .add("x", DataTypes.DoubleType);
        Dataset<Row> parts = two.mapPartitions((MapPartitionsFunction<Row, Row>) it -> PartSlices.map(it,
                new int[0], slice -> {
                    List<Row> out = new ArrayList<>();
                    LearnedFrom.part(n, SparkTables.table(in, slice)).forEach((v, m) -> m.forEach((k, x) ->
                            out.add(RowFactory.create(v, k, x))));
                    return out.iterator();
                }), Encoders.row(partial));
        Map<String, Map<String, Double>> total = new java.util.TreeMap<>();
        for (Row r : parts.groupBy("v", "k").agg(functions.sum("x")).collectAsList()) {
            total.computeIfAbsent(r.getString(0), v -> new LinkedHashMap<>()).put(r.getString(1), r.getDouble(2));
        }
        return total;
    }

    /** The exact median of a column's present numbers (NaN for none: then every deviation is missing too). */
    private static double median(Dataset<Row> rows, String column) {
        Row r = rows.agg(expr("percentile(" + quoted(column) + ", 0.5)")).first();
        return r.isNullAt(0) ? Double.NaN : ((Number) r.get(0)).doubleValue();
    }

    /** Each present value's count, as text; blank texts count as missing, as in the engine. */
    private static Map<String, Long> counts(Dataset<Row> rows, String column) {
        Column text = col(quoted(column)).cast("string");
        Map<String, Long> out = new LinkedHashMap<>();
        for (Row r : rows.select(text.as("v")).where(col("v").isNotNull().and(functions.not(col("v")
                .rlike("^\\s*$")))).groupBy("v").count().collectAsList()) {
            out.put(r.getString(0), r.getLong(1));
        }
        return out;
    }

    /** A column name as Spark reads it (back-quoted, so dots and spaces are part of the name). */
    static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
