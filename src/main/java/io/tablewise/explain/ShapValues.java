package io.tablewise.explain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SHAP values of some rows, per input column (a column's encoded parts, such as one-hot indicators, summed back to
 * it): {@code base[o] + sum over columns of values[row][o][c] = totals[row][o]}, the model's output for the row in
 * {@link #space()}.
 *
 * @param columns the input columns, in the model's order
 * @param outputs what each output is: the positive class (two classes), every class, or the target
 * @param space the unit of the values
 * @param method how they were computed
 * @param base the expected output over the training rows (or the background rows of a sampling estimate)
 * @param values {@code [row][output][column]}
 * @param errors the standard error of each value of a sampling estimate, else null
 * @param totals the model's output per row and output, in {@link #space()}
 * @param samples permutations per row of a sampling estimate, else 0
 */
public record ShapValues(List<String> columns, List<String> outputs, Space space, Method method, double[] base,
                         double[][][] values, double[][][] errors, double[][] totals, int samples) {
    /** Copies the lists. */
    public ShapValues {
        columns = List.copyOf(columns);
        outputs = List.copyOf(outputs);
    }

    /** The unit of the values. */
    public enum Space {
        /** Log-odds of the positive class (boosted trees and linear models, two classes). */
        LOG_ODDS,
        /** Softmax margins, one per class (boosted trees and linear models, more than two classes). */
        CLASS_MARGIN,
        /** Probabilities of the classes (the decision tree and sampling estimates). */
        PROBABILITY,
        /** The target's unit (regression). */
        VALUE
    }

    /** How the values were computed. */
    public enum Method {
        /** Path-dependent TreeSHAP: exact, XGBoost's definition (cover-weighted conditional expectation). */
        TREE,
        /** Exact for a linear model: weight times the value's distance from the training mean. */
        LINEAR,
        /** Estimated by sampling permutations against background rows; each value has a standard error. */
        SAMPLING
    }

    /** Number of rows. */
    public int rows() {
        return values.length;
    }

    /** The index of {@code output} ({@code -1} when absent). */
    public int output(String name) {
        return outputs.indexOf(name);
    }

    /**
     * The probability of output {@code o} (or the value) for a row whose outputs are {@code totals}, through the
     * model's link: the logistic function of log-odds, the softmax of margins, as it is otherwise.
     */
    public double answer(double[] totals, int o) {
        return switch (space) {
            case LOG_ODDS -> 1 / (1 + Math.exp(-totals[o]));
            case CLASS_MARGIN -> {
                double max = Double.NEGATIVE_INFINITY;
                for (double t : totals) {
                    max = Math.max(max, t);
                }
                double sum = 0;
                for (double t : totals) {
                    sum += Math.exp(t - max);
                }
                yield Math.exp(totals[o] - max) / sum;
            }
            case PROBABILITY, VALUE -> totals[o];
        };
    }

    /** The unit in words, for a report: "log-odds of 'yes'", "probability of 'yes'", "the predicted value's unit". */
    public String unit(int o) {
        return switch (space) {
            case LOG_ODDS -> String.format(Locale.ROOT, "log-odds of '%s'", outputs.get(o));
            case CLASS_MARGIN -> String.format(Locale.ROOT, "softmax margin of '%s'", outputs.get(o));
            case PROBABILITY -> String.format(Locale.ROOT, "probability of '%s'", outputs.get(o));
            case VALUE -> "the predicted value's unit";
        };
    }

    /** The method in one sentence. */
    public String methodText() {
        return switch (method) {
            case TREE -> "Exact SHAP values by path-dependent TreeSHAP (the definition XGBoost's pred_contribs uses).";
            case LINEAR -> "Exact SHAP values of a linear model: each weight times the input's distance from its "
                    + "training mean.";
            case SAMPLING -> String.format(Locale.ROOT, "SHAP values estimated from %d sampled permutations per row "
                    + "against background rows; each value has a standard error.", samples);
        };
    }

    /**
     * The same values with columns merged into the groups {@code groupOf} names (a column absent from it stays as it
     * is): the column an analyst knows for each column a transform derived from it. Sums of exact values are exact;
     * a merged estimate's standard error is taken as if its parts were independent.
     */
    public ShapValues grouped(Map<String, String> groupOf) {
        Map<String, Integer> index = new LinkedHashMap<>();
        int[] target = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            String g = groupOf.getOrDefault(columns.get(c), columns.get(c));
            target[c] = index.computeIfAbsent(g, k -> index.size());
        }
        if (index.size() == columns.size() && List.copyOf(index.keySet()).equals(columns)) {
            return this;
        }
        int n = index.size();
        double[][][] v = new double[values.length][][];
        double[][][] e = errors == null ? null : new double[values.length][][];
        for (int i = 0; i < values.length; i++) {
            v[i] = new double[values[i].length][n];
            if (e != null) {
                e[i] = new double[values[i].length][n];
            }
            for (int o = 0; o < values[i].length; o++) {
                for (int c = 0; c < columns.size(); c++) {
                    v[i][o][target[c]] += values[i][o][c];
                    if (e != null) {
                        e[i][o][target[c]] += errors[i][o][c] * errors[i][o][c];
                    }
                }
                if (e != null) {
                    for (int g = 0; g < n; g++) {
                        e[i][o][g] = Math.sqrt(e[i][o][g]);
                    }
                }
            }
        }
        return new ShapValues(List.copyOf(index.keySet()), outputs, space, method, base, v, e, totals, samples);
    }

    /** The largest standard error of any value (0 for exact values). */
    public double largestError() {
        double most = 0;
        if (errors != null) {
            for (double[][] row : errors) {
                for (double[] output : row) {
                    for (double e : output) {
                        most = Math.max(most, e);
                    }
                }
            }
        }
        return most;
    }
}
