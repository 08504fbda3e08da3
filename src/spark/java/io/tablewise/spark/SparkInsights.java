package io.tablewise.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

import io.tablewise.insights.ColumnProfile;
import io.tablewise.insights.Histogram;
import io.tablewise.insights.InsightsReport;
import io.tablewise.insights.MeasuredColumns;
import io.tablewise.insights.NumericHistograms;

/**
 * The insights report of a table larger than the driver's sample: the report is profiled on the sample, then each
 * number, text and true/false column's figures are measured by Spark on all rows ({@link MeasuredColumns}): rows,
 * missing and distinct values, the most frequent values, min, max, mean, deviation, skewness, kurtosis, zeros,
 * negatives, outliers and the histogram's bars exact; quartiles by Spark's approximate percentile (within 1/10,000 of
 * the rows' ranks); dates' range, most frequent values and bars by period, and text lengths and patterns exact. The
 * parts that need the rows together (correlations — a sample in the embedded report too —, the target analysis,
 * the quick model) stay the sample's.
 */
final class SparkInsights {
    /** Spark's percentile accuracy: a quartile's rank is off by at most 1/ACCURACY of the rows. */
    private static final int ACCURACY = 10_000;

    private SparkInsights() {
    }

    static InsightsReport measured(InsightsReport sampled, Dataset<Row> rows) {
        long total = rows.count();
        List<ColumnProfile> columns = sampled.columns().stream().filter(p -> List.of(rows.columns()).contains(p
                .name())).toList();
        List<Column> first = new ArrayList<>();
        for (ColumnProfile p : columns) {
            Column x = present(rows, p.name());
            first.add(functions.count(x));
            first.add(functions.countDistinct(x));
            if (temporal(p)) {
                first.add(functions.min(epoch(x, p)));
                first.add(functions.max(epoch(x, p)));
            } else if (numeric(p)) {
                first.add(functions.min(x));
                first.add(functions.max(x));
                first.add(functions.avg(x));
                first.add(functions.sum(when(x.equalTo(0), 1L).otherwise(0L)));
                first.add(functions.sum(when(x.lt(0), 1L).otherwise(0L)));
                first.add(functions.percentile_approx(x, functions.array(lit(0.25), lit(0.5), lit(0.75)),
                        lit(ACCURACY)));
            }
        }
        Row a = first.isEmpty() ? null : rows.agg(first.get(0), first.subList(1, first.size()).toArray(Column[]::new))
                .first();
        List<MeasuredColumns.Measured> measured = new ArrayList<>();
        int at = 0;
        for (ColumnProfile p : columns) {
            long n = a.getLong(at++);
            long unique = a.getLong(at++);
            Column x = present(rows, p.name());
            if (temporal(p)) {
                measured.add(dates(rows, x, p, total, n, unique, a.isNullAt(at) ? 0 : a.getLong(at),
                        a.isNullAt(at + 1) ? 0 : a.getLong(at + 1)));
                at += 2;
                continue;
            }
            if (!numeric(p)) {
                measured.add(new MeasuredColumns.Measured(p.name(), total, total - n, unique, top(rows, x, p), null,
                        null, null, p.storageType().equals("text") && n > 0 ? text(rows, x, n) : null));
                continue;
            }
            if (n == 0) {
                at += 6;
                measured.add(new MeasuredColumns.Measured(p.name(), total, total, 0, List.of(), null, null));
                continue;
            }
            double min = number(a.get(at++));
            double max = number(a.get(at++));
            double mean = a.getDouble(at++);
            long zeros = a.getLong(at++);
            long negatives = a.getLong(at++);
            List<?> q = a.getList(at++);
            double[] quartiles = {number(q.get(0)), number(q.get(1)), number(q.get(2))};
            double[] fences = MeasuredColumns.fences(quartiles[0], quartiles[2]);
            Column d = x.cast("double").minus(lit(mean));
            Row b = rows.agg(functions.sum(functions.pow(d, 2)), functions.sum(functions.pow(d, 3)),
                    functions.sum(functions.pow(d, 4)), functions.sum(when(x.lt(fences[0]).or(x.gt(fences[1])), 1L)
                            .otherwise(0L)), functions.max(when(x.lt(max), x)), functions.min(when(x.gt(min), x)))
                    .first();
            long outliers = unique <= 2 ? 0 : b.getLong(3); // a two-valued column has no outliers
            MeasuredColumns.Numeric figures = new MeasuredColumns.Numeric(n, min, max, mean, new double[] {
                b.getDouble(0), b.getDouble(1), b.getDouble(2)}, zeros, negatives, quartiles, outliers, b.isNullAt(4)
                    ? max : number(b.get(4)), b.isNullAt(5) ? min : number(b.get(5)));
            measured.add(new MeasuredColumns.Measured(p.name(), total, total - n, unique, top(rows, x, p), figures,
                    histogram(rows, x, p, n, unique, min, max, quartiles)));
        }
        long duplicates = total - rows.distinct().count();
        return MeasuredColumns.apply(sampled, measured, total, duplicates);
    }

    /** A text column's lengths, share of numbers and patterns, counted per part by the profile's own code. */
    private static io.tablewise.insights.TextStats text(Dataset<Row> rows, Column x, long n) {
        List<io.tablewise.insights.TextShapes> parts = rows.select(x.as("v")).where(col("v").isNotNull())
                .javaRDD().mapPartitions((java.util.Iterator<Row> part) -> {
                    io.tablewise.insights.TextShapes shapes = new io.tablewise.insights.TextShapes();
                    part.forEachRemaining(r -> shapes.add(r.getString(0), 1));
                    return List.of(shapes).iterator();
                }).collect();
        io.tablewise.insights.TextShapes all = new io.tablewise.insights.TextShapes();
        parts.forEach(all::add);
        return all.stats(n);
    }

    private static boolean temporal(ColumnProfile p) {
        return p.storageType().equals("date") || p.storageType().equals("datetime");
    }

    /** A date's or date-time's epoch seconds (UTC), as the profile counts them. */
    private static Column epoch(Column x, ColumnProfile p) {
        return p.storageType().equals("date") ? functions.unix_date(x).cast("long").multiply(86_400L)
                : functions.unix_seconds(x.cast("timestamp"));
    }

    /** The start (epoch seconds) of the period a date lies in: its year's or month's first day, its day, its hour. */
    private static Column periodStart(Column x, ColumnProfile p, String period) {
        Column day = p.storageType().equals("date") ? x : functions.to_date(x);
        return switch (period) {
            case "year" -> functions.unix_date(functions.trunc(day, "year")).cast("long").multiply(86_400L);
            case "month" -> functions.unix_date(functions.trunc(day, "month")).cast("long").multiply(86_400L);
            case "day" -> functions.unix_date(day).cast("long").multiply(86_400L);
            default -> functions.floor(epoch(x, p).divide(3600)).multiply(3600L);
        };
    }

    /** A date or date-time column measured: its range, the ten most frequent values and its bars by period. */
    private static MeasuredColumns.Measured dates(Dataset<Row> rows, Column x, ColumnProfile p, long total, long n,
                                                  long unique, long min, long max) {
        if (n == 0) {
            return new MeasuredColumns.Measured(p.name(), total, total, 0, List.of(), null, null,
                    new MeasuredColumns.Temporal(0, 0, Map.of()), null);
        }
        Dataset<Row> present = rows.where(x.isNotNull());
        List<Map.Entry<String, Long>> top = new ArrayList<>();
        for (Row r : present.select(epoch(x, p).as("v")).groupBy("v").count().orderBy(col("count").desc(),
                col("v").asc()).limit(10).collectAsList()) {
            top.add(Map.entry(MeasuredColumns.timeLabel(r.getLong(0), p.storageType()), r.getLong(1)));
        }
        Map<Long, Long> counts = new java.util.HashMap<>();
        for (Row r : present.select(periodStart(x, p, MeasuredColumns.period(min, max)).as("s")).groupBy("s")
                .count().collectAsList()) {
            counts.put(((Number) r.get(0)).longValue(), r.getLong(1));
        }
        return new MeasuredColumns.Measured(p.name(), total, total - n, unique, top, null, null,
                new MeasuredColumns.Temporal(min, max, counts), null);
    }

    private static boolean numeric(ColumnProfile p) {
        return p.storageType().equals("integer") || p.storageType().equals("decimal");
    }

    /** The column's present values: blank text and NaN are missing, as in the profile. */
    private static Column present(Dataset<Row> rows, String name) {
        DataType type = rows.schema().apply(name).dataType();
        return TableStep.missingAsNull(col(SparkAggregates.quoted(name)), type);
    }

    private static double number(Object v) {
        return ((Number) v).doubleValue();
    }

    /** The ten most frequent values, ties in ascending order of value, as the profile lists them. */
    private static List<Map.Entry<String, Long>> top(Dataset<Row> rows, Column x, ColumnProfile p) {
        List<Map.Entry<String, Long>> out = new ArrayList<>();
        for (Row r : rows.select(x.as("v")).where(col("v").isNotNull()).groupBy("v").count()
                .orderBy(col("count").desc(), col("v").asc()).limit(10).collectAsList()) {
            String v = numeric(p) ? MeasuredColumns.format(number(r.get(0)), p.storageType()) : String.valueOf(r
                    .get(0));
            out.add(Map.entry(v, r.getLong(1)));
        }
        return out;
    }

    /** The bars of a number column counted on all rows: one per value, or the profile's equal-width bins. */
    private static Histogram histogram(Dataset<Row> rows, Column x, ColumnProfile p, long n, long unique, double min,
                                       double max, double[] quartiles) {
        if (NumericHistograms.discrete(p.storageType().equals("integer"), unique)) {
            List<double[]> counted = new ArrayList<>();
            for (Row r : rows.select(x.as("v")).where(col("v").isNotNull()).groupBy("v").count().orderBy("v")
                    .collectAsList()) {
                counted.add(new double[] {number(r.get(0)), r.getLong(1)});
            }
            return NumericHistograms.perValue(counted, unique);
        }
        NumericHistograms.Bins bins = NumericHistograms.Bins.of(n, min, max, quartiles[2] - quartiles[0]);
        long[] counts = new long[bins.count()];
        Column bin = bins.count() == 1 ? lit(0) : functions.least(functions.greatest(x.cast("double").minus(lit(min))
                .divide(lit((max - min) / bins.count())).cast(DataTypes.IntegerType), lit(0)), lit(bins.count() - 1));
        for (Row r : rows.where(x.isNotNull()).select(bin.as("b")).groupBy("b").count().collectAsList()) {
            counts[r.getInt(0)] = r.getLong(1);
        }
        return bins.histogram(counts);
    }
}
