package io.tablewise.insights;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.dates.PackedLocalDate;
import tech.tablesaw.columns.strings.DictionaryMap;

import it.unimi.dsi.fastutil.doubles.DoubleArrays;
import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;

import io.tablewise.data.CellFormat;
import io.tablewise.data.ValueParsers;
import io.tablewise.node.ColumnKind;

/**
 * Exact statistics of one column over all its rows. Numbers are sorted once, which gives quartiles, the
 * distinct count and the most frequent values exactly; text is counted per distinct value, so patterns and
 * lengths cost per distinct value, not per row.
 */
final class ColumnProfiler {
    static final int TOP_VALUES = 10;
    private static final int PATTERNS = 5;

    private ColumnProfiler() {
    }

    static ColumnProfile profile(Column<?> column) {
        ColumnKind kind = ColumnKind.of(column.type());
        return switch (kind) {
            case INTEGER, DECIMAL -> numeric(column, kind);
            case DATE, DATETIME -> temporal(column, kind);
            default -> categorical(column, kind);
        };
    }

    private static ColumnProfile numeric(Column<?> column, ColumnKind kind) {
        NumberColumn<?, ?> numbers = (NumberColumn<?, ?>) column;
        int rows = column.size();
        double[] values = new double[rows];
        int n = 0;
        for (int i = 0; i < rows; i++) {
            if (!numbers.isMissing(i)) {
                values[n++] = numbers.getDouble(i);
            }
        }
        double[] sorted = sortedCopy(values, n, kind == ColumnKind.INTEGER);
        long missing = rows - n;
        List<ValueCount> top = new ArrayList<>();
        long unique = topRuns(sorted, kind, top);
        NumericStats stats = n == 0 ? null : moments(sorted);
        Histogram histogram = n == 0 ? new Histogram("bins", "no values", List.of())
                : NumericHistograms.of(sorted, kind == ColumnKind.INTEGER, unique, stats);
        SemanticType semantic = SemanticTypes.of(column.name(), kind, n, unique, 0, 0);
        return new ColumnProfile(column.name(), kind.id(), semantic, rows, missing, share(missing, rows), unique,
                n == 0 ? null : format(sorted[0], kind), n == 0 ? null : format(sorted[n - 1], kind), top, stats,
                null, histogram);
    }

    /**
     * The first {@code n} values, sorted: integers with a range under four million by counting (linear time),
     * everything else by radix sort, both several times faster than a comparison sort on a million values.
     */
    static double[] sortedCopy(double[] values, int n, boolean integers) {
        double[] sorted = Arrays.copyOf(values, n);
        if (n == 0) {
            return sorted;
        }
        if (integers) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : sorted) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (max - min < 4_000_000) {
                int[] counts = new int[(int) (max - min) + 1];
                for (double v : sorted) {
                    counts[(int) (v - min)]++;
                }
                int k = 0;
                for (int i = 0; i < counts.length; i++) {
                    for (int c = 0; c < counts[i]; c++) {
                        sorted[k++] = min + i;
                    }
                }
                return sorted;
            }
        }
        DoubleArrays.radixSort(sorted);
        return sorted;
    }

    /** Distinct count of a sorted array; fills the most frequent values (ties: smaller value first). */
    private static long topRuns(double[] sorted, ColumnKind kind, List<ValueCount> top) {
        double[] bestValue = new double[TOP_VALUES];
        long[] bestCount = new long[TOP_VALUES];
        int kept = 0;
        long unique = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            unique++;
            long count = j - i;
            if (kept < TOP_VALUES || count > bestCount[kept - 1]) {
                int pos = Math.min(kept, TOP_VALUES - 1);
                while (pos > 0 && bestCount[pos - 1] < count) {
                    if (pos < TOP_VALUES) {
                        bestCount[pos] = bestCount[pos - 1];
                        bestValue[pos] = bestValue[pos - 1];
                    }
                    pos--;
                }
                bestCount[pos] = count;
                bestValue[pos] = sorted[i];
                kept = Math.min(TOP_VALUES, kept + 1);
            }
            i = j;
        }
        for (int k = 0; k < kept; k++) {
            top.add(new ValueCount(format(bestValue[k], kind), bestCount[k], bestCount[k] / (double) sorted.length));
        }
        return unique;
    }

    /** Moments in two passes over the sorted values (the mean first, then central sums) for accuracy. */
    static NumericStats moments(double[] sorted) {
        int n = sorted.length;
        double sum = 0;
        long zeros = 0;
        long negatives = 0;
        for (double v : sorted) {
            sum += v;
            if (v == 0) {
                zeros++;
            } else if (v < 0) {
                negatives++;
            }
        }
        double mean = sum / n;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (double v : sorted) {
            double d = v - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        double q1 = quantile(sorted, 0.25);
        double q3 = quantile(sorted, 0.75);
        double[] fences = fences(q1, q3);
        long outliers = 0;
        boolean twoValues = true; // a 0/1 (or any two-valued) column has no outliers, only two values
        for (double v : sorted) {
            twoValues &= v == sorted[0] || v == sorted[n - 1];
        }
        for (double v : sorted) {
            if (!twoValues && (v < fences[0] || v > fences[1])) {
                outliers++;
            }
        }
        int below = n - 1;
        while (below > 0 && sorted[below] == sorted[n - 1]) {
            below--;
        }
        int above = 0;
        while (above < n - 1 && sorted[above] == sorted[0]) {
            above++;
        }
        return stats(n, sorted[0], sorted[n - 1], mean, new double[] {m2, m3, m4}, zeros, negatives,
                new double[] {q1, quantile(sorted, 0.5), q3}, outliers, sorted[below], sorted[above]);
    }

    /** The outlier fences: 1.5 IQR beyond the quartiles. */
    static double[] fences(double q1, double q3) {
        double iqr = q3 - q1;
        return new double[] {q1 - 1.5 * iqr, q3 + 1.5 * iqr};
    }

    /**
     * The statistics from the sums of n values (an engine that holds the values in parts adds the sums up):
     * sample variance, adjusted skewness and excess kurtosis (as pandas and Excel).
     *
     * @param central the sums of the 2nd, 3rd and 4th powers of the deviations from the mean
     * @param quartiles the 25th, 50th and 75th percentiles
     */
    static NumericStats stats(long n, double min, double max, double mean, double[] central, long zeros,
                              long negatives, double[] quartiles, long outliers, double nextBelowMax,
                              double nextAboveMin) {
        double m2 = central[0];
        double variance = n > 1 ? m2 / (n - 1) : Double.NaN;
        double std = Math.sqrt(variance);
        double skew = Double.NaN;
        double kurt = Double.NaN;
        if (n > 2 && variance > 0) {
            skew = n / ((n - 1.0) * (n - 2.0)) * central[1] / (std * variance);
        }
        if (n > 3 && variance > 0) {
            double nn = n;
            kurt = nn * (nn + 1) / ((nn - 1) * (nn - 2) * (nn - 3)) * central[2] / (variance * variance)
                    - 3 * (nn - 1) * (nn - 1) / ((nn - 2) * (nn - 3));
        }
        double[] fences = fences(quartiles[0], quartiles[2]);
        return new NumericStats(min, max, mean, std, quartiles[0], quartiles[1], quartiles[2], skew, kurt, zeros,
                negatives, outliers, fences[0], fences[1], nextBelowMax, nextAboveMin);
    }

    /** The q-quantile with linear interpolation between order statistics (pandas' and Excel's default). */
    static double quantile(double[] sorted, double q) {
        return io.tablewise.ml.Stats.quantile(sorted, q);
    }

    private static ColumnProfile temporal(Column<?> column, ColumnKind kind) {
        int rows = column.size();
        double[] values = new double[rows];
        int n = 0;
        for (int i = 0; i < rows; i++) {
            if (column.isMissing(i)) {
                continue;
            }
            // Dates count in days (exact integers, counting-sortable), date-times in seconds.
            values[n++] = column instanceof DateColumn d ? PackedLocalDate.toEpochDay(d.getIntInternal(i))
                    : ((DateTimeColumn) column).get(i).toEpochSecond(java.time.ZoneOffset.UTC);
        }
        double[] sorted = sortedCopy(values, n, true);
        List<ValueCount> dayTop = new ArrayList<>();
        long unique = topRuns(sorted, ColumnKind.INTEGER, dayTop);
        long scale = kind == ColumnKind.DATE ? 86_400L : 1L;
        List<ValueCount> top = dayTop.stream().map(v -> new ValueCount(
                TimeHistograms.label(Long.parseLong(v.value()) * scale, kind), v.count(), v.share())).toList();
        long[] seconds = new long[n];
        for (int i = 0; i < n; i++) {
            seconds[i] = (long) sorted[i] * scale;
        }
        long missing = rows - n;
        return new ColumnProfile(column.name(), kind.id(), SemanticTypes.of(column.name(), kind, n, unique, 0, 0),
                rows, missing, share(missing, rows), unique,
                n == 0 ? null : TimeHistograms.label(seconds[0], kind),
                n == 0 ? null : TimeHistograms.label(seconds[n - 1], kind), top, null, null,
                TimeHistograms.of(seconds));
    }

    private static ColumnProfile categorical(Column<?> column, ColumnKind kind) {
        int rows = column.size();
        Map<String, long[]> counts = column instanceof StringColumn strings ? dictionaryCounts(strings)
                : rowCounts(column);
        long n = counts.values().stream().mapToLong(c -> c[0]).sum();
        long missing = rows - n;
        List<ValueCount> top = topOf(counts, n);
        TextStats text = kind == ColumnKind.TEXT && n > 0 ? textStats(counts, n) : null;
        double meanWords = text == null ? 0 : meanWords(counts, n);
        SemanticType semantic = SemanticTypes.of(column.name(), kind, n, counts.size(), meanWords,
                text == null ? 0 : text.meanLength());
        return new ColumnProfile(column.name(), kind.id(), semantic, rows, missing, share(missing, rows),
                counts.size(), null, null, top, null, text, categoryHistogram(counts, n));
    }

    /**
     * Counts per dictionary key (no String per row), then one String per distinct value. A column with very many
     * distinct values (an id column) has no dictionary in Tablesaw: it is counted value by value.
     */
    private static Map<String, long[]> dictionaryCounts(StringColumn column) {
        DictionaryMap dictionary = column.getDictionary();
        if (!DictionaryKeys.hasKeys(column)) {
            return rowCounts(column);
        }
        Int2LongOpenHashMap byKey = new Int2LongOpenHashMap();
        for (int i = 0; i < column.size(); i++) {
            byKey.addTo(dictionary.getKeyForIndex(i), 1);
        }
        Map<String, long[]> counts = new HashMap<>();
        byKey.int2LongEntrySet().forEach(e -> {
            String v = dictionary.getValueForKey(e.getIntKey());
            if (v != null && !v.isBlank()) {
                counts.computeIfAbsent(v, k -> new long[1])[0] += e.getLongValue();
            }
        });
        return counts;
    }

    private static Map<String, long[]> rowCounts(Column<?> column) {
        Map<String, long[]> counts = new HashMap<>();
        for (int i = 0; i < column.size(); i++) {
            if (column.isMissing(i)) {
                continue;
            }
            String v = column instanceof BooleanColumn b ? String.valueOf(b.get(i)) : column.getString(i);
            if (!v.isBlank()) {
                counts.computeIfAbsent(v, k -> new long[1])[0]++;
            }
        }
        return counts;
    }

    private static List<ValueCount> topOf(Map<String, long[]> counts, long n) {
        return counts.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0])
                        .thenComparing(Map.Entry::getKey))
                .limit(TOP_VALUES)
                .map(e -> new ValueCount(e.getKey(), e.getValue()[0], e.getValue()[0] / (double) n))
                .toList();
    }

    private static Histogram categoryHistogram(Map<String, long[]> counts, long n) {
        return categoryHistogram(topOf(counts, n), counts.size(), n);
    }

    /** The most frequent values' bars, then one for the rest. */
    static Histogram categoryHistogram(List<ValueCount> top, long distinct, long n) {
        List<Histogram.Bar> bars = new ArrayList<>();
        long shown = 0;
        for (ValueCount v : top) {
            bars.add(new Histogram.Bar(v.value(), Double.NaN, Double.NaN, v.count()));
            shown += v.count();
        }
        if (shown < n) {
            bars.add(new Histogram.Bar("(" + (distinct - top.size()) + " other values)", Double.NaN,
                    Double.NaN, n - shown));
        }
        return new Histogram("categories", "the " + top.size() + " most frequent values, then the rest", bars);
    }

    private static TextStats textStats(Map<String, long[]> counts, long n) {
        TextShapes shapes = new TextShapes();
        counts.forEach((v, c) -> shapes.add(v, c[0]));
        return shapes.stats(n);
    }

    /** The most common patterns among {@code n} values, as the profile lists them. */
    static List<ValueCount> topPatterns(Map<String, long[]> patterns, long n) {
        return topOf(patterns, n).stream().limit(PATTERNS).toList();
    }

    private static double meanWords(Map<String, long[]> counts, long n) {
        double words = 0;
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            words += e.getKey().strip().split("\\s+").length * (double) e.getValue()[0];
        }
        return words / n;
    }

    /** Letters become a/A, digits 9, Hangul syllables 가; other characters stay; long values are cut at 24. */
    static String pattern(String value) {
        StringBuilder sb = new StringBuilder();
        value.codePoints().limit(24).forEach(cp -> {
            if (Character.isDigit(cp)) {
                sb.append('9');
            } else if (cp >= 0xAC00 && cp <= 0xD7A3) {
                sb.append('가');
            } else if (Character.isUpperCase(cp)) {
                sb.append('A');
            } else if (Character.isLetter(cp)) {
                sb.append('a');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return value.length() > 24 ? sb + "…" : sb.toString();
    }

    static String format(double v, ColumnKind kind) {
        return kind == ColumnKind.INTEGER ? Long.toString((long) v) : CellFormat.decimal(v);
    }

    static double share(long part, long whole) {
        return whole == 0 ? 0 : part / (double) whole;
    }
}
