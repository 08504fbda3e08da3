package io.tablewise.insights;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.tablewise.node.ColumnKind;

/**
 * A report profiled on a sample of rows, its column figures replaced by figures measured on all rows where they lie
 * (Apache Spark): rows, missing and distinct values, the smallest and largest, the most frequent values, mean,
 * deviation, skewness, kurtosis, zeros, negatives, outliers and the histogram's bars exact; the quartiles as precise as
 * the measuring engine made them. The statistics follow from the measured sums by the very formulas the profile of a
 * whole table uses ({@link ColumnProfiler#stats}); the bins by the same rule ({@link NumericHistograms.Bins}). The
 * parts that need the rows themselves (text patterns, dates' histograms, correlations, the target's analysis, the
 * quick model, duplicates shown, anomalies) stay the sample's.
 */
public final class MeasuredColumns {
    private MeasuredColumns() {
    }

    /**
     * The sums and order statistics of a numeric column's present values.
     *
     * @param n present values
     * @param central the sums of the 2nd, 3rd and 4th powers of the deviations from the mean
     * @param quartiles the 25th, 50th and 75th percentiles
     */
    public record Numeric(long n, double min, double max, double mean, double[] central, long zeros, long negatives,
                          double[] quartiles, long outliers, double nextBelowMax, double nextAboveMin) {
    }

    /**
     * What was measured of one column.
     *
     * @param name the column
     * @param rows all rows
     * @param missing missing cells
     * @param unique distinct present values
     * @param top the most frequent values (text as the profile writes it) with their counts, most frequent first
     * @param numeric a numeric column's figures, else null
     * @param histogram a numeric column's bars counted on all rows (null for another column: its bars follow from
     *     the most frequent values)
     * @param temporal a date column's range and counts by period, else null
     * @param text a text column's lengths and patterns on all rows, else null (the sample's stay)
     */
    public record Measured(String name, long rows, long missing, long unique, List<Map.Entry<String, Long>> top,
                           Numeric numeric, Histogram histogram, Temporal temporal, TextStats text) {
        /** A number or true/false column's figures. */
        public Measured(String name, long rows, long missing, long unique, List<Map.Entry<String, Long>> top,
                        Numeric numeric, Histogram histogram) {
            this(name, rows, missing, unique, top, numeric, histogram, null, null);
        }
    }

    /**
     * A date or date-time column's range (epoch seconds, UTC) and its values counted by the start of their period
     * ({@link #period}: the first day of the year or month, the day, or the hour): its bars follow.
     */
    public record Temporal(long min, long max, Map<Long, Long> countsByPeriodStart) {
    }

    /** The period a date column's bars count by (year, month, day or hour), from its range in epoch seconds. */
    public static String period(long min, long max) {
        return TimeHistograms.period(min, max);
    }

    /** A date value (epoch seconds) as the profile writes it for a column of this kind. */
    public static String timeLabel(long epochSeconds, String storageType) {
        return TimeHistograms.label(epochSeconds, ColumnKind.fromId(storageType).orElse(ColumnKind.DATETIME));
    }

    /** The outlier fences (1.5 IQR beyond the quartiles) a measuring engine counts outliers against. */
    public static double[] fences(double q1, double q3) {
        return ColumnProfiler.fences(q1, q3);
    }

    /** A value of a column of this kind as the profile writes it. */
    public static String format(double v, String storageType) {
        return ColumnProfiler.format(v, ColumnKind.fromId(storageType).orElse(ColumnKind.DECIMAL));
    }

    /** The report with every measured column's figures, its summary (rows, missing cells, duplicates) and warnings. */
    public static InsightsReport apply(InsightsReport sampled, List<Measured> measured, long rows, long duplicates) {
        List<ColumnProfile> profiles = new ArrayList<>();
        for (ColumnProfile p : sampled.columns()) {
            Measured m = measured.stream().filter(x -> x.name().equals(p.name())).findFirst().orElse(null);
            profiles.add(m == null ? p : profile(p, m));
        }
        DatasetSummary s = sampled.summary();
        long missingCells = profiles.stream().mapToLong(ColumnProfile::missing).sum();
        long cells = rows * s.columns();
        long memory = s.rows() == 0 ? 0 : Math.round(s.memoryBytes() * (rows / (double) s.rows()));
        Map<SemanticType, Long> types = new EnumMap<>(SemanticType.class);
        profiles.forEach(p -> types.merge(p.semanticType(), 1L, Long::sum));
        DatasetSummary draft = new DatasetSummary(s.name(), rows, s.columns(), missingCells, cells == 0 ? 0
                : missingCells / (double) cells, duplicates, rows == 0 ? 0 : duplicates / (double) rows, memory,
                Map.of(), types);
        List<QualityWarning> warnings = WarningRules.apply(draft, profiles, sampled.target(),
                sampled.predictionPower(), sampled.correlations());
        Map<QualityWarning.Severity, Long> bySeverity = new EnumMap<>(QualityWarning.Severity.class);
        for (QualityWarning.Severity v : QualityWarning.Severity.values()) {
            bySeverity.put(v, warnings.stream().filter(w -> w.severity() == v).count());
        }
        DatasetSummary summary = new DatasetSummary(s.name(), rows, s.columns(), missingCells, draft.missingShare(),
                duplicates, draft.duplicateShare(), memory, bySeverity, types);
        return new InsightsReport(sampled.meta(), summary, profiles, warnings, sampled.target(),
                sampled.predictionPower(), sampled.quickModel(), sampled.correlations(), sampled.duplicates(),
                sampled.anomalies());
    }

    private static ColumnProfile profile(ColumnProfile p, Measured m) {
        ColumnKind kind = ColumnKind.fromId(p.storageType()).orElse(ColumnKind.TEXT);
        long n = m.rows() - m.missing();
        List<ValueCount> top = m.top().stream().map(e -> new ValueCount(e.getKey(), e.getValue(),
                ColumnProfiler.share(e.getValue(), n))).toList();
        NumericStats stats = null;
        String min = p.min();
        String max = p.max();
        SemanticType semantic = p.semanticType();
        if (m.numeric() != null && n > 0) {
            Numeric x = m.numeric();
            stats = ColumnProfiler.stats(x.n(), x.min(), x.max(), x.mean(), x.central(), x.zeros(), x.negatives(),
                    x.quartiles(), x.outliers(), x.nextBelowMax(), x.nextAboveMin());
            min = ColumnProfiler.format(x.min(), kind);
            max = ColumnProfiler.format(x.max(), kind);
            semantic = SemanticTypes.of(p.name(), kind, n, m.unique(), 0, 0);
        }
        if (m.temporal() != null) {
            Temporal t = m.temporal();
            return new ColumnProfile(p.name(), p.storageType(), SemanticTypes.of(p.name(), kind, n, m.unique(), 0,
                    0), m.rows(), m.missing(), ColumnProfiler.share(m.missing(), m.rows()), m.unique(),
                    n == 0 ? null : TimeHistograms.label(t.min(), kind), n == 0 ? null : TimeHistograms.label(t.max(),
                    kind), top, null, null, n == 0 ? TimeHistograms.of(new long[0])
                    : TimeHistograms.of(t.min(), t.max(), t.countsByPeriodStart()));
        }
        Histogram histogram = m.histogram() != null ? m.histogram() : m.numeric() == null
                ? ColumnProfiler.categoryHistogram(top, m.unique(), n) : p.histogram();
        return new ColumnProfile(p.name(), p.storageType(), semantic, m.rows(), m.missing(),
                ColumnProfiler.share(m.missing(), m.rows()), m.unique(), min, max, top, stats,
                m.text() != null ? m.text() : p.text(), histogram);
    }
}
