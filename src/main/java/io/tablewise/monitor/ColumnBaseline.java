package io.tablewise.monitor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;

/**
 * One column's baseline: how many rows had a value, how many distinct values; for numbers 101 quantiles (a sketch of
 * the distribution) and the shares of ten quantile bins; for categories the shares of the most frequent values and of
 * the rest.
 *
 * @param column the column
 * @param numeric whether it holds numbers
 * @param rows rows measured
 * @param missing rows without a value
 * @param distinct distinct values
 * @param quantiles the 0th to 100th percentiles (numbers), else empty
 * @param edges the bins' inner edges (numbers: distinct deciles), else empty
 * @param shares each bin's share of the values (numbers), else empty
 * @param categories the most frequent values' shares of the values (categories), else empty
 * @param otherShare the other values' share (categories)
 */
public record ColumnBaseline(String column, boolean numeric, long rows, long missing, long distinct,
                             double[] quantiles, double[] edges, double[] shares, Map<String, Double> categories,
                             double otherShare) {
    /** Category values kept by name. */
    public static final int MOST_CATEGORIES = 30;

    /** Copies the map. */
    public ColumnBaseline {
        categories = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(categories));
    }

    /** The share of rows with a value. */
    public double completeness() {
        return rows == 0 ? 1 : (rows - missing) / (double) rows;
    }

    /** The median (numbers), else NaN. */
    public double median() {
        return quantiles.length == 0 ? Double.NaN : quantiles[50];
    }

    /** The baseline of {@code c} over {@code rows}. */
    public static ColumnBaseline of(Column<?> c, int[] rows) {
        long missing = 0;
        if (c instanceof NumericColumn<?> number) {
            double[] v = new double[rows.length];
            int n = 0;
            for (int r : rows) {
                if (c.isMissing(r)) {
                    missing++;
                } else {
                    v[n++] = number.getDouble(r);
                }
            }
            double[] sorted = java.util.Arrays.copyOf(v, n);
            java.util.Arrays.sort(sorted);
            long distinct = java.util.Arrays.stream(sorted).distinct().count();
            double[] quantiles = new double[n == 0 ? 0 : 101];
            for (int q = 0; q < quantiles.length; q++) {
                quantiles[q] = Drift.quantile(sorted, q / 100.0);
            }
            java.util.TreeSet<Double> cuts = new java.util.TreeSet<>();
            for (int d = 1; d < 10 && n > 0; d++) {
                cuts.add(quantiles[10 * d]);
            }
            if (n > 0) {
                cuts.remove(sorted[0]); // no empty lowest bin
            }
            double[] edges = cuts.stream().mapToDouble(Double::doubleValue).toArray();
            return new ColumnBaseline(c.name(), true, rows.length, missing, distinct, quantiles, edges,
                    Drift.binShares(sorted, edges), Map.of(), 0);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int r : rows) {
            if (c.isMissing(r)) {
                missing++;
            } else {
                counts.merge(c.getString(r), 1L, Long::sum);
            }
        }
        long values = rows.length - missing;
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort((a, b) -> b.getValue().compareTo(a.getValue()) != 0 ? b.getValue().compareTo(a.getValue())
                : a.getKey().compareTo(b.getKey()));
        Map<String, Double> shares = new LinkedHashMap<>();
        double kept = 0;
        for (Map.Entry<String, Long> e : sorted.subList(0, Math.min(MOST_CATEGORIES, sorted.size()))) {
            double share = values == 0 ? 0 : e.getValue() / (double) values;
            shares.put(e.getKey(), share);
            kept += share;
        }
        return new ColumnBaseline(c.name(), false, rows.length, missing, counts.size(), new double[0], new double[0],
                new double[0], shares, values == 0 ? 0 : Math.max(0, 1 - kept));
    }
}
