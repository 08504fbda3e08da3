package io.tablewise.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import io.tablewise.ml.RowSampler;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;

/**
 * Oversample and undersample on Spark: the classes counted, the engine's seeded choices made on the driver from the
 * counts (which majority rows stay, which minority rows are copied and in what order), the rows found by their rank
 * within their class ({@link RowRanks}). The same rows as the embedded engine, in its order: kept rows in row order,
 * copies after all rows.
 */
final class Rebalance {
    private Rebalance() {
    }

    /**
     * The minority and majority class of a binary target, as the engine orders them (by count; equal counts in the
     * order a hash map of the labels, filled in row order, lists them).
     */
    private static List<Map.Entry<String, Integer>> classes(RowRanks.Counted counted, String target)
            throws NodeException {
        Map<String, Integer> present = new HashMap<>();
        counted.counts().forEach((label, n) -> {
            if (!label.equals(RowRanks.MISSING)) {
                present.put(label, n);
            }
        });
        if (present.size() != 2) {
            throw new NodeException("target", "balancing needs exactly two classes in '" + target + "', found "
                    + present.size());
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(present.entrySet());
        sorted.sort((a, b) -> Integer.compare(a.getValue(), b.getValue()));
        return sorted;
    }

    /**
     * The rows (kept for the passes that follow) counted by class.
     *
     * @param classes the minority and the majority class with their counts; empty when there are no rows
     */
    private record Counted(Dataset<Row> rows, String target, RowRanks.Counted counted,
                           List<Map.Entry<String, Integer>> classes) {
    }

    private static Counted count(Dataset<Row> rows, NodeParams p) throws NodeException {
        String target = p.string("target", "");
        Dataset<Row> kept = rows.persist(StorageLevel.MEMORY_AND_DISK());
        RowRanks.Counted counted = RowRanks.count(kept, target);
        return new Counted(kept, target, counted, counted.counts().isEmpty() ? List.of() : classes(counted, target));
    }

    static Dataset<Row> undersample(Dataset<Row> rows, NodeParams p) throws NodeException {
        Counted c = count(rows, p);
        if (c.classes().isEmpty()) {
            return c.rows();
        }
        List<Map.Entry<String, Integer>> cls = c.classes();
        RowRanks.Counted counted = c.counted();
        int minority = cls.get(0).getValue();
        int majority = cls.get(1).getValue();
        int keep = (int) Math.min(majority, Math.round(minority / p.decimal("ratio", 1)));
        int[] order = RowSampler.permutation(majority, p.integer("seed", 42));
        BitSet kept = new BitSet(majority);
        for (int i = 0; i < keep; i++) {
            kept.set(order[i]);
        }
        Map<String, BitSet[]> choice = new LinkedHashMap<>();
        counted.counts().forEach((label, n) -> {
            BitSet all = new BitSet(n);
            all.set(0, n);
            choice.put(label, new BitSet[] {label.equals(cls.get(1).getKey()) ? kept : all});
        });
        return RowRanks.tag(c.rows(), c.target(), counted, choice).where(col("__tablewise_part").equalTo(1))
                .drop("__tablewise_part");
    }

    /** The minority class's rows, each with its rank within the class ({@link RowRanks#RANK}). */
    private static Dataset<Row> minority(Counted c) {
        return RowRanks.withRanks(c.rows(), c.target(), c.counted()).where(col(RowRanks.LABEL).equalTo(c.classes()
                .get(0).getKey()));
    }

    /** The columns of {@code rows}, to select them again once ranks and picks were added. */
    private static org.apache.spark.sql.Column[] columnsOf(Dataset<Row> rows) {
        return java.util.Arrays.stream(rows.columns()).map(name -> col(SparkAggregates.quoted(name)))
                .toArray(org.apache.spark.sql.Column[]::new);
    }

    /** The rows a rebalancer adds to the minority: the ratio's share of the majority, less what it has. */
    private static int extra(List<Map.Entry<String, Integer>> cls, NodeParams p) {
        return Math.max(0, (int) Math.round(cls.get(1).getValue() * p.decimal("ratio", 1)) - cls.get(0).getValue());
    }

    /**
     * SMOTE on Spark: the minority class's rows, in row order, brought to the driver (up to
     * {@code tablewise.driverRows}; more are refused, naming the way round), where the engine's SMOTE makes the
     * synthetic rows from them alone; they follow all the rows, as in the embedded engine.
     */
    static Dataset<Row> smote(Dataset<Row> input, NodeParams p) throws NodeException {
        Counted c = count(input, p);
        Dataset<Row> rows = c.rows();
        if (c.classes().isEmpty()) {
            return rows;
        }
        List<Map.Entry<String, Integer>> cls = c.classes();
        int minority = cls.get(0).getValue();
        int extra = extra(cls, p);
        long cap = Long.parseLong(rows.sparkSession().conf().get("tablewise.driverRows",
                String.valueOf(DriverNode.DEFAULT_CAP)));
        if (minority > cap) {
            throw new NodeException("target", String.format(java.util.Locale.ROOT, "SMOTE on Spark makes its rows "
                    + "on the driver from the %,d minority rows, more than tablewise.driverRows=%,d; raise it (and "
                    + "the driver's memory), or use Oversample minority", minority, cap));
        }
        Dataset<Row> ranked = minority(c).orderBy(RowRanks.RANK).select(columnsOf(rows));
        tech.tablesaw.api.Table made = io.tablewise.transform.SmoteRows.of(SparkTables.table(rows.schema(),
                ranked.toLocalIterator()), extra, p);
        if (made.rowCount() == 0) {
            return rows;
        }
        return rows.union(rows.sparkSession().createDataFrame(SparkTables.rows(made, rows.schema()), rows.schema())
                .coalesce(1));
    }

    static Dataset<Row> oversample(Dataset<Row> input, NodeParams p) throws NodeException {
        Counted c = count(input, p);
        Dataset<Row> rows = c.rows();
        if (c.classes().isEmpty()) {
            return rows;
        }
        List<Map.Entry<String, Integer>> cls = c.classes();
        int minority = cls.get(0).getValue();
        int extra = extra(cls, p);
        if (extra == 0) {
            return rows;
        }
        SplittableRandom random = new SplittableRandom(p.integer("seed", 42));
        List<Row> picks = new ArrayList<>(extra);
        for (int i = 0; i < extra; i++) {
            picks.add(RowFactory.create((long) random.nextInt(minority), (long) i));
        }
        Dataset<Row> copyOf = rows.sparkSession().createDataFrame(picks, new StructType()
                .add("__tablewise_pick", DataTypes.LongType).add("__tablewise_copy", DataTypes.LongType));
        Dataset<Row> ranked = minority(c);
        Dataset<Row> copies = ranked.join(copyOf, ranked.col(RowRanks.RANK).equalTo(copyOf.col("__tablewise_pick")))
                .orderBy("__tablewise_copy").select(columnsOf(rows));
        return rows.union(copies);
    }
}
