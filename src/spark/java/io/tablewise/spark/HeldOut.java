package io.tablewise.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

import io.tablewise.ml.ProblemType;
import io.tablewise.model.TrainedModel;

/**
 * A model built on the driver's sample, evaluated on every row the sample left out, where they lie: scored by
 * Tablewise's own scorer in the executors ({@link ScoreStep}), then measured by Spark — a binary model's AUC
 * exactly, by sorting the scores (ties counted half, as the rank-sum statistic does) and adding up each part's
 * counts from the parts before it; accuracy; a regression's RMSE, MAE and R². Rows whose target is missing are left
 * out.
 */
final class HeldOut {
    private HeldOut() {
    }

    static Map<String, Object> evaluate(TrainedModel m, Dataset<Row> scored) {
        Column actual = TableStep.missingAsNull(col(SparkAggregates.quoted(m.target())), scored.schema().apply(m
                .target()).dataType());
        Dataset<Row> rows = scored.where(actual.isNotNull());
        Map<String, Object> out = new LinkedHashMap<>();
        if (m.problemType() == ProblemType.REGRESSION) {
            Column y = actual.cast("double");
            Column e = col("prediction").cast("double").minus(y);
            Row r = rows.agg(functions.count(lit(1)), functions.avg(functions.pow(e, 2)), functions.avg(functions.abs(
                    e)), functions.avg(y), functions.var_pop(y)).first();
            out.put("rows", r.getLong(0));
            double mse = r.getDouble(1);
            out.put("rmse", Math.sqrt(mse));
            out.put("mae", r.getDouble(2));
            out.put("r2", 1 - mse / r.getDouble(4));
            return out;
        }
        Row r = rows.agg(functions.count(lit(1)), functions.avg(when(col("prediction").cast("string").equalTo(actual
                .cast("string")), 1.0).otherwise(0.0))).first();
        out.put("rows", r.getLong(0));
        out.put("accuracy", r.getDouble(1));
        if (m.problemType() == ProblemType.BINARY) {
            out.put("auc", auc(rows.select(col(SparkAggregates.quoted("probability_" + m.positiveClass())).as("p"),
                    when(actual.cast("string").equalTo(m.positiveClass()), 1L).otherwise(0L).as("pos"))));
        }
        return out;
    }

    /**
     * The exact AUC of scores {@code p} with labels {@code pos} (1 or 0): the rows grouped by score and sorted, each
     * part's negatives added up on the driver, each score's positives then counted against the negatives below it
     * (and half of those tied with it).
     */
    static double auc(Dataset<Row> scores) {
        Dataset<Row> byScore = scores.groupBy("p").agg(functions.sum("pos").as("pos"), functions.sum(lit(1L).minus(
                col("pos"))).as("neg")).orderBy("p");
        byScore = byScore.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
        List<long[]> perPart = byScore.javaRDD().mapPartitionsWithIndex((index, it) -> {
            long pos = 0;
            long neg = 0;
            while (it.hasNext()) {
                Row r = it.next();
                pos += r.getLong(1);
                neg += r.getLong(2);
            }
            return List.of(new long[] {index, pos, neg}).iterator();
        }, true).collect();
        long[] negBefore = new long[perPart.size()];
        long positives = 0;
        long negatives = 0;
        List<long[]> sorted = new ArrayList<>(perPart);
        sorted.sort((a, b) -> Long.compare(a[0], b[0]));
        for (long[] part : sorted) {
            negBefore[(int) part[0]] = negatives;
            positives += part[1];
            negatives += part[2];
        }
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        long[] offsets = negBefore;
        double wins = byScore.javaRDD().mapPartitionsWithIndex((index, it) -> {
            double sum = 0;
            long below = offsets[index];
            while (it.hasNext()) {
                Row r = it.next();
                long neg = r.getLong(2);
                sum += r.getLong(1) * (below + neg / 2.0);
                below += neg;
            }
            return List.of(sum).iterator();
        }, true).reduce(Double::sum);
        byScore.unpersist();
        return wins / ((double) positives * negatives);
    }
}
