package io.tablewise.spark;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import io.tablewise.ml.Values;

/**
 * Each row's rank among the rows of its label in row order, found without moving a row: the labels are counted per
 * part, the driver adds up each part's offsets, and each part then numbers its rows from its offsets. With that
 * rank the engine's own seeded choices ({@code RowSampler}: a sample, a split), made on the driver from the labels'
 * counts alone, pick the very rows the embedded engine picks. The rows must be kept (persisted) between the passes,
 * so both see the same parts in the same order.
 */
final class RowRanks {
    /** The label of rows whose label is missing, as the engine names it. */
    static final String MISSING = "\u0000missing";

    /**
     * The labels' counts, labels in the order they first appear, and each part's offsets.
     *
     * @param counts rows per label
     * @param offsets for each part, the rows of each label in the parts before it
     */
    record Counted(Map<String, Integer> counts, Map<Integer, Map<String, Long>> offsets) implements
            java.io.Serializable {
    }

    private RowRanks() {
    }

    /** Counts the labels of {@code column} (null: one label, "", for all rows). */
    static Counted count(Dataset<Row> rows, String column) {
        int at = column == null ? -1 : rows.schema().fieldIndex(column);
        StructField field = column == null ? null : rows.schema().fields()[at];
        // the part's index in this very RDD (a task's partition id would be another RDD's after a coalesce)
        List<Row> perPart = rows.javaRDD().mapPartitionsWithIndex((part, it) -> {
            Map<String, Long> n = new LinkedHashMap<>();
            List<Row> batch = new ArrayList<>();
            while (it.hasNext()) {
                batch.add(it.next());
                if (batch.size() >= PartSlices.rows() || !it.hasNext()) {
                    labels(batch, at, field).forEach(label -> n.merge(label, 1L, Long::sum));
                    batch.clear();
                }
            }
            List<Row> out = new ArrayList<>();
            int seq = 0;
            for (Map.Entry<String, Long> e : n.entrySet()) {
                out.add(RowFactory.create(part, seq++, e.getKey(), e.getValue()));
            }
            return out.iterator();
        }, true).collect();
        List<Row> sorted = new ArrayList<>(perPart);
        sorted.sort((a, b) -> a.getInt(0) != b.getInt(0) ? Integer.compare(a.getInt(0), b.getInt(0))
                : Integer.compare(a.getInt(1), b.getInt(1)));
        Map<String, Long> totals = new LinkedHashMap<>();
        Map<Integer, Map<String, Long>> offsets = new HashMap<>();
        for (Row r : sorted) {
            offsets.computeIfAbsent(r.getInt(0), k -> new HashMap<>()).put(r.getString(2),
                    totals.getOrDefault(r.getString(2), 0L));
            totals.merge(r.getString(2), r.getLong(3), Long::sum);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        totals.forEach((label, n) -> {
            if (n > Integer.MAX_VALUE) {
                throw new IllegalStateException("the label '" + label + "' has " + n + " rows; a sample or split "
                        + "on Spark takes at most " + Integer.MAX_VALUE + " rows of one label");
            }
            counts.put(label, n.intValue());
        });
        return new Counted(counts, offsets);
    }

    /** The label column {@link #withRanks} adds. */
    static final String LABEL = "__tablewise_label";
    /** The rank column {@link #withRanks} adds. */
    static final String RANK = "__tablewise_rank";

    /** The rows with two more columns: each row's label ({@link #LABEL}) and its rank among its label's rows. */
    static Dataset<Row> withRanks(Dataset<Row> rows, String column, Counted counted) {
        Broadcast<Counted> offsets = new org.apache.spark.api.java.JavaSparkContext(rows.sparkSession()
                .sparkContext()).broadcast(counted);
        StructType out = rows.schema().add(LABEL, DataTypes.StringType, false).add(RANK, DataTypes.LongType, false);
        int at = column == null ? -1 : rows.schema().fieldIndex(column);
        StructField field = column == null ? null : rows.schema().fields()[at];
        int width = rows.schema().fields().length;
        return rows.sparkSession().createDataFrame(rows.javaRDD().mapPartitionsWithIndex((index, it) -> {
            Map<String, Long> next = new HashMap<>(offsets.value().offsets().getOrDefault(index, Map.of()));
            return PartSlices.map(it, new int[0], slice -> {
                List<Row> list = new ArrayList<>();
                slice.forEachRemaining(list::add);
                List<String> labels = labels(list, at, field);
                List<Row> ranked = new ArrayList<>(list.size());
                for (int i = 0; i < list.size(); i++) {
                    Object[] v = new Object[width + 2];
                    for (int c = 0; c < width; c++) {
                        v[c] = list.get(i).get(c);
                    }
                    v[width] = labels.get(i);
                    v[width + 1] = next.merge(labels.get(i), 1L, Long::sum) - 1;
                    ranked.add(RowFactory.create(v));
                }
                return ranked.iterator();
            });
        }, true), out);
    }

    /**
     * The rows with one more column, {@code __tablewise_part}: which of the {@code choice}'s parts each row's label
     * and rank fall in (1, 2, …), or 0 for none.
     *
     * @param choice for each label, one bit set per part number 1.. (bit k: the row of rank k belongs to that part)
     */
    static Dataset<Row> tag(Dataset<Row> rows, String column, Counted counted, Map<String, BitSet[]> choice) {
        Broadcast<Map<String, BitSet[]>> shared = new org.apache.spark.api.java.JavaSparkContext(rows.sparkSession()
                .sparkContext()).broadcast(choice);
        StructType out = rows.schema().add("__tablewise_part", DataTypes.IntegerType, false);
        int width = rows.schema().fields().length;
        return withRanks(rows, column, counted).mapPartitions((MapPartitionsFunction<Row, Row>) it -> {
            Map<String, BitSet[]> parts = shared.value();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Row next() {
                    Row r = it.next();
                    BitSet[] bits = parts.get(r.getString(width));
                    long rank = r.getLong(width + 1);
                    int part = 0;
                    for (int k = 0; bits != null && k < bits.length; k++) {
                        if (bits[k].get((int) rank)) {
                            part = k + 1;
                        }
                    }
                    Object[] v = new Object[width + 1];
                    for (int c = 0; c < width; c++) {
                        v[c] = r.get(c);
                    }
                    v[width] = part;
                    return RowFactory.create(v);
                }
            };
        }, Encoders.row(out));
    }

    /** The rows' labels as the engine reads them ({@code Values.labels}), missing ones named {@link #MISSING}. */
    private static List<String> labels(List<Row> rows, int at, StructField field) {
        List<String> out = new ArrayList<>(rows.size());
        if (at < 0) {
            rows.forEach(r -> out.add(""));
            return out;
        }
        StructType one = new StructType(new StructField[] {field});
        Iterator<Row> values = rows.stream().map(r -> RowFactory.create(r.get(at))).iterator();
        for (String label : Values.labels(SparkTables.table(one, values).column(0))) {
            out.add(label == null ? MISSING : label);
        }
        return out;
    }
}
