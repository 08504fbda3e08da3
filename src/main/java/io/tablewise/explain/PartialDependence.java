package io.tablewise.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Partial dependence and individual conditional expectation (ICE): the model's answer for sampled rows when one
 * column is set to each value of a grid, everything else as it was. A row's curve is its ICE line; their mean is the
 * partial dependence. Numbers take a grid of quantiles over their range; categories their most frequent values.
 *
 * @param column the column varied
 * @param numeric whether the grid is numbers (a curve) or categories (bars)
 * @param grid the grid values as text (numbers printed plainly)
 * @param at the numeric grid values (NaN for categories)
 * @param average the mean answer at each grid value
 * @param lines each kept row's answer at each grid value ({@code [row][grid]})
 * @param unit what the answer is ("probability of 'yes'", or the target)
 */
public record PartialDependence(String column, boolean numeric, List<String> grid, double[] at, double[] average,
                                double[][] lines, String unit) {
    /** Grid points of a number column. */
    public static final int GRID = 20;
    /** Categories shown. */
    public static final int CATEGORIES = 12;
    /** ICE lines kept. */
    public static final int LINES = 40;

    /** Copies the list. */
    public PartialDependence {
        grid = List.copyOf(grid);
    }

    /**
     * The curves of {@code column} over the rows of {@code rows} (raw rows, as the model's inputs), scored by
     * {@code answer} (one number per row).
     */
    public static PartialDependence of(Table rows, String column, Function<Table, double[]> answer, String unit) {
        Column<?> c = rows.column(column);
        boolean numeric = c instanceof tech.tablesaw.api.NumericColumn<?>;
        List<String> grid = new ArrayList<>();
        List<Double> at = new ArrayList<>();
        if (numeric) {
            double[] values = new double[c.size()];
            int n = 0;
            for (int i = 0; i < c.size(); i++) {
                if (!c.isMissing(i)) {
                    values[n++] = ((Number) c.get(i)).doubleValue();
                }
            }
            double[] sorted = java.util.Arrays.copyOf(values, n);
            java.util.Arrays.sort(sorted);
            boolean whole = !(c instanceof tech.tablesaw.api.DoubleColumn || c instanceof tech.tablesaw.api.FloatColumn);
            for (int g = 0; g < GRID && n > 0; g++) {
                double q = sorted[(int) Math.round((n - 1) * (0.02 + 0.96 * g / (GRID - 1.0)))];
                if (whole) {
                    q = Math.rint(q);
                }
                if (at.isEmpty() || q > at.get(at.size() - 1)) {
                    at.add(q);
                    grid.add(whole ? Long.toString((long) q) : Double.toString(q));
                }
            }
        } else {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (int i = 0; i < c.size(); i++) {
                if (!c.isMissing(i)) {
                    counts.merge(c.getString(i), 1, Integer::sum);
                }
            }
            counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue() != 0 ? b.getValue() - a.getValue()
                    : a.getKey().compareTo(b.getKey())).limit(CATEGORIES).forEach(e -> {
                        grid.add(e.getKey());
                        at.add(Double.NaN);
                    });
        }
        int g = grid.size();
        int n = rows.rowCount();
        double[] average = new double[g];
        int kept = Math.min(LINES, n);
        double[][] lines = new double[kept][g];
        for (int k = 0; k < g; k++) {
            Table varied = withConstant(rows, column, grid.get(k));
            double[] y = answer.apply(varied);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += y[i];
            }
            average[k] = n == 0 ? Double.NaN : sum / n;
            for (int i = 0; i < kept; i++) {
                lines[i][k] = y[i];
            }
        }
        return new PartialDependence(column, numeric, grid, at.stream().mapToDouble(Double::doubleValue).toArray(),
                average, lines, unit);
    }

    /** The rows with {@code column} set to {@code value} everywhere, in the column's own type. */
    private static Table withConstant(Table rows, String column, String value) {
        Column<?> original = rows.column(column);
        Column<?> constant = original.emptyCopy();
        for (int i = 0; i < rows.rowCount(); i++) {
            constant.appendCell(value);
        }
        List<Column<?>> columns = new ArrayList<>(rows.columns());
        columns.set(rows.columnIndex(column), constant);
        return Table.create(rows.name(), columns);
    }

    /** How far the average moves over the grid (largest minus smallest). */
    public double range() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double a : average) {
            lo = Math.min(lo, a);
            hi = Math.max(hi, a);
        }
        return average.length == 0 ? 0 : hi - lo;
    }
}
