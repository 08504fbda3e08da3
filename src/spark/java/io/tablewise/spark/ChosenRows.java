package io.tablewise.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import io.tablewise.ml.RowSampler;
import io.tablewise.node.NodeParams;

/**
 * A seeded sample and a seeded split on Spark: the engine's own choice ({@link RowSampler}) made on the driver from
 * the labels' counts, the rows picked by their rank within their label ({@link RowRanks}) — the rows the embedded
 * engine picks, in row order. A time split numbers the rows in time order instead.
 */
final class ChosenRows {
    private static final String PART = "__tablewise_part";

    private ChosenRows() {
    }

    /** Sample rows: a count or a fraction, optionally stratified. */
    static Dataset<Row> sample(Dataset<Row> rows, NodeParams p) {
        rows = rows.persist(StorageLevel.MEMORY_AND_DISK());
        String by = p.string("stratifyBy", "");
        RowRanks.Counted counted = RowRanks.count(rows, by.isEmpty() ? null : by);
        long n = counted.counts().values().stream().mapToLong(Integer::longValue).sum();
        int size = (int) (p.string("mode", "fraction").equals("count") ? Math.min(n, p.integer("count", 1000))
                : Math.round(n * p.decimal("fraction", 0.1)));
        long seed = p.integer("seed", 42);
        Map<String, BitSet[]> choice = new LinkedHashMap<>();
        if (by.isEmpty()) {
            choice.put("", new BitSet[] {bits(RowSampler.uniform((int) n, size, seed))});
        } else {
            RowSampler.stratifiedRanks(counted.counts(), size, seed).forEach((label, ranks) -> choice.put(label,
                    new BitSet[] {bits(ranks)}));
        }
        return RowRanks.tag(rows, by.isEmpty() ? null : by, counted, choice).where(col(PART).equalTo(1)).drop(PART);
    }

    /**
     * Split rows, random or stratified: train, validation and test, each in row order — the validation rows split
     * from the training rows with the next seed, as the engine does.
     */
    static List<Dataset<Row>> split(Dataset<Row> rows, NodeParams p) {
        if (p.string("method", "stratified").equals("time")) {
            return byTime(rows, p);
        }
        String target = p.string("method", "stratified").equals("stratified") ? p.string("target", "") : null;
        double test = p.decimal("testShare", 0.2);
        double validation = p.decimal("validationShare", 0);
        long seed = p.integer("seed", 42);
        Dataset<Row> tagged = held(rows.persist(StorageLevel.MEMORY_AND_DISK()), target, test, seed)
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> train = tagged.where(col(PART).equalTo(0)).drop(PART);
        Dataset<Row> testRows = tagged.where(col(PART).equalTo(1)).drop(PART);
        Dataset<Row> validationRows = train.limit(0);
        if (validation > 0) {
            Dataset<Row> second = held(train.persist(StorageLevel.MEMORY_AND_DISK()), target, validation / (1 - test),
                    seed + 1).persist(StorageLevel.MEMORY_AND_DISK());
            train = second.where(col(PART).equalTo(0)).drop(PART);
            validationRows = second.where(col(PART).equalTo(1)).drop(PART);
        }
        return new ArrayList<>(List.of(train, validationRows, testRows));
    }

    /**
     * The time split: the rows in time order (missing last, ties in row order), the earliest for training, the
     * latest for testing; each part back in row order.
     */
    private static List<Dataset<Row>> byTime(Dataset<Row> rows, NodeParams p) {
        double test = p.decimal("testShare", 0.2);
        double validation = p.decimal("validationShare", 0);
        Dataset<Row> ordered = rows.withColumn(TableStep.ORDER, functions.monotonically_increasing_id())
                .persist(StorageLevel.MEMORY_AND_DISK());
        long n = ordered.count();
        long trainEnd = Math.round(n * (1 - test - validation));
        long validationEnd = Math.round(n * (1 - test));
        Dataset<Row> sorted = ordered.orderBy(TableStep.ordering(rows, p.string("time", ""), false),
                col(TableStep.ORDER));
        StructType schema = sorted.schema().add("__tablewise_at", DataTypes.LongType, false);
        JavaRDD<Row> numbered = sorted.javaRDD().zipWithIndex().map(t -> {
            Object[] v = new Object[t._1().length() + 1];
            for (int i = 0; i < v.length - 1; i++) {
                v[i] = t._1().get(i);
            }
            v[v.length - 1] = t._2();
            return RowFactory.create(v);
        });
        Dataset<Row> at = rows.sparkSession().createDataFrame(numbered, schema).persist(StorageLevel
                .MEMORY_AND_DISK());
        Column position = col("__tablewise_at");
        return new ArrayList<>(List.of(inRowOrder(at.where(position.lt(trainEnd))), inRowOrder(at.where(
                position.geq(trainEnd).and(position.lt(validationEnd)))), inRowOrder(at.where(position.geq(
                validationEnd)))));
    }

    private static Dataset<Row> inRowOrder(Dataset<Row> part) {
        return part.orderBy(TableStep.ORDER).drop(TableStep.ORDER, "__tablewise_at");
    }

    /** The rows tagged 1 where held out (a share of each label's rows), else 0. */
    private static Dataset<Row> held(Dataset<Row> rows, String target, double share, long seed) {
        RowRanks.Counted counted = RowRanks.count(rows, target);
        Map<String, BitSet[]> choice = new LinkedHashMap<>();
        RowSampler.splitRanks(counted.counts(), share, seed).forEach((label, bits) -> choice.put(label,
                new BitSet[] {bits}));
        return RowRanks.tag(rows, target, counted, choice);
    }

    private static BitSet bits(int[] chosen) {
        BitSet b = new BitSet();
        for (int i : chosen) {
            b.set(i);
        }
        return b;
    }
}
