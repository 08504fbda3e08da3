package io.tablewise.explain;

import java.util.function.UnaryOperator;

/**
 * SHAP values estimated by sampling permutations of the columns (Štrumbelj and Kononenko), for models with no exact
 * algorithm: each background row is paired with one random order of the columns and its reverse (antithetic
 * sampling); walking the order from the background row to the explained row, each column's value is switched in and
 * the change of the model's output is that column's part. Every background row is used for every explained row, so
 * the values add up exactly to the output minus the background's mean output; each value has a standard error.
 */
final class SamplingShap {
    private final UnaryOperator<double[][]> model;
    private final int[][] groups;
    private final double[][] background;
    private final long seed;

    /**
     * @param model the model's outputs for rows of encoded features
     * @param groups the features of each column
     * @param background encoded training rows the explained rows are compared with
     */
    SamplingShap(UnaryOperator<double[][]> model, int[][] groups, double[][] background, long seed) {
        this.model = model;
        this.groups = groups;
        this.background = background;
        this.seed = seed;
    }

    /** Permutations per row. */
    int samples() {
        return 2 * background.length;
    }

    /** The background's mean output (the base the values start from), per output. */
    double[] base() {
        double[][] out = model.apply(background);
        double[] mean = new double[out[0].length];
        for (double[] o : out) {
            for (int k = 0; k < mean.length; k++) {
                mean[k] += o[k] / out.length;
            }
        }
        return mean;
    }

    /**
     * The estimate for row {@code x} ({@code values[output][column]}) and its standard errors, written into the
     * arrays given; the row's random orders come from {@code seed} and the row's index, so a row's values do not
     * depend on the other rows explained with it.
     */
    void explain(double[] x, int index, double[][] values, double[][] errors) {
        int columns = groups.length;
        java.util.Random random = new java.util.Random(seed * 31 + index);
        int perms = samples();
        double[][] points = new double[perms * (columns + 1)][];
        int[][] orders = new int[perms][];
        for (int b = 0; b < background.length; b++) {
            int[] order = new int[columns];
            for (int c = 0; c < columns; c++) {
                order[c] = c;
            }
            for (int c = columns - 1; c > 0; c--) {
                int j = random.nextInt(c + 1);
                int t = order[c];
                order[c] = order[j];
                order[j] = t;
            }
            int[] reverse = new int[columns];
            for (int c = 0; c < columns; c++) {
                reverse[c] = order[columns - 1 - c];
            }
            orders[2 * b] = order;
            orders[2 * b + 1] = reverse;
        }
        for (int p = 0; p < perms; p++) {
            double[] y = background[p / 2].clone();
            points[p * (columns + 1)] = y.clone();
            for (int s = 0; s < columns; s++) {
                for (int f : groups[orders[p][s]]) {
                    y[f] = x[f];
                }
                points[p * (columns + 1) + s + 1] = y.clone();
            }
        }
        double[][] out = model.apply(points);
        int outputs = values.length;
        double[][] sum = new double[outputs][columns];
        double[][] squares = new double[outputs][columns];
        for (int p = 0; p < perms; p++) {
            for (int s = 0; s < columns; s++) {
                int c = orders[p][s];
                double[] before = out[p * (columns + 1) + s];
                double[] after = out[p * (columns + 1) + s + 1];
                for (int k = 0; k < outputs; k++) {
                    double delta = after[k] - before[k];
                    sum[k][c] += delta;
                    squares[k][c] += delta * delta;
                }
            }
        }
        // a pair (an order and its reverse) is one draw: their mean is what varies between draws
        for (int k = 0; k < outputs; k++) {
            for (int c = 0; c < columns; c++) {
                values[k][c] = sum[k][c] / perms;
                double var = pairVariance(out, orders, columns, k, c);
                errors[k][c] = Math.sqrt(var / background.length);
            }
        }
    }

    /** The variance of the pair means of column {@code c}'s part in output {@code k}. */
    private double pairVariance(double[][] out, int[][] orders, int columns, int k, int c) {
        int pairs = background.length;
        if (pairs < 2) {
            return 0;
        }
        double[] means = new double[pairs];
        for (int b = 0; b < pairs; b++) {
            double s = 0;
            for (int p = 2 * b; p <= 2 * b + 1; p++) {
                int step = 0;
                while (orders[p][step] != c) {
                    step++;
                }
                s += out[p * (columns + 1) + step + 1][k] - out[p * (columns + 1) + step][k];
            }
            means[b] = s / 2;
        }
        double mean = 0;
        for (double m : means) {
            mean += m / pairs;
        }
        double var = 0;
        for (double m : means) {
            var += (m - mean) * (m - mean) / (pairs - 1);
        }
        return var;
    }
}
