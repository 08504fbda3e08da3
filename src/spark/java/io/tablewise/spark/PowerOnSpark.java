package io.tablewise.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.TableSchema;
import io.tablewise.transform.ExactSum;
import io.tablewise.transform.FittedState;
import io.tablewise.transform.PowerFit;

/**
 * The power transform's fit on Spark: the engine's own search ({@link PowerFit}) with each pass one Spark job over the
 * chosen columns (kept in memory meanwhile), its sums exact per part and merged exactly — the same lambda, mean and
 * deviation as the embedded engine, to the last bit. About 160 passes: fine for a column of millions of numbers.
 */
final class PowerOnSpark {
    private PowerOnSpark() {
    }

    static FittedState fit(NodeParams p, Dataset<Row> rows) throws NodeException {
        List<String> names = PowerFit.columns(TableSchema.of(SparkTables.empty(rows.schema())), p);
        if (names.isEmpty()) {
            return PowerFit.fit(names, new long[0], p.string("method", "yeo-johnson"), PowerFit.over(new double[0][]));
        }
        Dataset<Row> numbers = rows.select(names.stream().map(n -> col(SparkAggregates.quoted(n)).cast("double"))
                .toArray(org.apache.spark.sql.Column[]::new)).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            JavaRDD<Row> values = numbers.javaRDD();
            ExactSum[][] ones = sums(values, everyColumn(names.size(), x -> 1));
            long[] counts = new long[names.size()];
            for (int c = 0; c < counts.length; c++) {
                counts[c] = Math.round(ones[c][0].value());
            }
            return PowerFit.fit(names, counts, p.string("method", "yeo-johnson"), fs -> sums(values, fs));
        } finally {
            numbers.unpersist();
        }
    }

    private static PowerFit.ValueFunction[][] everyColumn(int columns, PowerFit.ValueFunction f) {
        PowerFit.ValueFunction[][] out = new PowerFit.ValueFunction[columns][];
        for (int c = 0; c < columns; c++) {
            out[c] = new PowerFit.ValueFunction[] {f};
        }
        return out;
    }

    /** One job: each part's exact sums of {@code fs} over the present (not missing, not NaN) values, merged. */
    private static ExactSum[][] sums(JavaRDD<Row> values, PowerFit.ValueFunction[][] fs) {
        List<ExactSum[][]> parts = values.mapPartitions((Iterator<Row> part) -> {
            ExactSum[][] acc = empty(fs);
            while (part.hasNext()) {
                Row r = part.next();
                for (int c = 0; c < fs.length; c++) {
                    if (r.isNullAt(c) || Double.isNaN(r.getDouble(c))) {
                        continue;
                    }
                    double x = r.getDouble(c);
                    for (int j = 0; j < fs[c].length; j++) {
                        acc[c][j].add(fs[c][j].of(x));
                    }
                }
            }
            List<ExactSum[][]> one = new ArrayList<>(1);
            one.add(acc);
            return one.iterator();
        }).collect();
        ExactSum[][] out = empty(fs);
        for (ExactSum[][] part : parts) {
            for (int c = 0; c < fs.length; c++) {
                for (int j = 0; j < fs[c].length; j++) {
                    out[c][j].add(part[c][j]);
                }
            }
        }
        return out;
    }

    private static ExactSum[][] empty(PowerFit.ValueFunction[][] fs) {
        ExactSum[][] out = new ExactSum[fs.length][];
        for (int c = 0; c < fs.length; c++) {
            out[c] = new ExactSum[fs[c].length];
            for (int j = 0; j < fs[c].length; j++) {
                out[c][j] = new ExactSum();
            }
        }
        return out;
    }
}
