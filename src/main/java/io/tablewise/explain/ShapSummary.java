package io.tablewise.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The global picture of many rows' SHAP values: each column's mean absolute value (how much it moves predictions,
 * in the values' unit), largest first, and for the top columns a sample of (value, SHAP) points for a beeswarm plot,
 * each point coloured by where the row's value of the column lies among the rows (0 lowest, 1 highest; NaN for a
 * category or a missing value).
 *
 * @param unit what the values are in, in words
 * @param method how they were computed, in words
 * @param rows the rows summarised
 * @param columns the columns, largest mean absolute value first
 * @param space the values' unit, for a face to say it in its language
 * @param output the class of a one-output space (the positive class), else null
 */
public record ShapSummary(String unit, String method, int rows, List<ColumnImpact> columns, ShapValues.Space space,
                          String output) {
    /** Points kept per column for the plot. */
    public static final int POINTS = 250;
    /** Columns with plot points. */
    public static final int PLOTTED = 12;

    /** Copies the list. */
    public ShapSummary {
        columns = List.copyOf(columns);
    }

    /**
     * One column's part.
     *
     * @param column the input column
     * @param meanAbs mean absolute SHAP value over the rows (summed over the outputs of more than two classes)
     * @param meanUp mean of the positive values, {@code meanDown} of the negative ones (how far it pushes each way)
     * @param shap plotted SHAP values (empty below the top {@link #PLOTTED})
     * @param position each plotted point's relative position of the column's value (NaN: category or missing)
     */
    public record ColumnImpact(String column, double meanAbs, double meanUp, double meanDown, double[] shap,
                               double[] position) {
    }

    /**
     * The summary of {@code v}; {@code numbers[c]} holds column {@code c}'s numeric value per row (null for a
     * category column).
     */
    public static ShapSummary of(ShapValues v, double[][] numbers) {
        int n = v.rows();
        List<ColumnImpact> out = new ArrayList<>();
        int outputs = v.outputs().size();
        for (int c = 0; c < v.columns().size(); c++) {
            double abs = 0;
            double up = 0;
            double down = 0;
            int ups = 0;
            int downs = 0;
            for (int i = 0; i < n; i++) {
                double total = 0;
                for (int o = 0; o < outputs; o++) {
                    abs += Math.abs(v.values()[i][o][c]);
                    total += v.values()[i][o][c];
                }
                if (outputs == 1 && total > 0) {
                    up += total;
                    ups++;
                } else if (outputs == 1 && total < 0) {
                    down += total;
                    downs++;
                }
            }
            out.add(new ColumnImpact(v.columns().get(c), n == 0 ? 0 : abs / n, ups == 0 ? 0 : up / ups,
                    downs == 0 ? 0 : down / downs, new double[0], new double[0]));
        }
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < out.size(); c++) {
            order.add(c);
        }
        order.sort(Comparator.comparingDouble((Integer c) -> -out.get(c).meanAbs())
                .thenComparing(c -> out.get(c).column()));
        List<ColumnImpact> sorted = new ArrayList<>();
        for (int rank = 0; rank < order.size(); rank++) {
            int c = order.get(rank);
            ColumnImpact impact = out.get(c);
            if (rank < PLOTTED && outputs == 1) {
                impact = withPoints(impact, v, c, numbers[c]);
            }
            sorted.add(impact);
        }
        return new ShapSummary(v.unit(0).startsWith("softmax") ? "softmax margins, summed over the classes"
                : outputs > 1 ? v.space() == ShapValues.Space.PROBABILITY ? "probability, summed over the classes"
                : v.unit(0) : v.unit(0), v.methodText(), n, sorted, v.space(), outputs == 1 ? v.outputs().get(0) : null);
    }

    /** Every {@code step}-th row's point, coloured by its value's rank among the rows. */
    private static ColumnImpact withPoints(ColumnImpact c, ShapValues v, int column, double[] numbers) {
        int n = v.rows();
        int step = Math.max(1, (n + POINTS - 1) / POINTS);
        double[] sortedValues = null;
        if (numbers != null) {
            sortedValues = java.util.Arrays.stream(numbers).filter(d -> !Double.isNaN(d)).sorted().toArray();
        }
        List<Double> shap = new ArrayList<>();
        List<Double> position = new ArrayList<>();
        for (int i = 0; i < n; i += step) {
            shap.add(v.values()[i][0][column]);
            double p = Double.NaN;
            if (sortedValues != null && sortedValues.length > 1 && !Double.isNaN(numbers[i])) {
                int lo = lowerBound(sortedValues, numbers[i]);
                int hi = lowerBound(sortedValues, Math.nextUp(numbers[i])) - 1;
                p = (lo + hi) / 2.0 / (sortedValues.length - 1);
            }
            position.add(p);
        }
        return new ColumnImpact(c.column(), c.meanAbs(), c.meanUp(), c.meanDown(),
                shap.stream().mapToDouble(Double::doubleValue).toArray(),
                position.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static int lowerBound(double[] a, double x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
