package io.tablewise.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One row's prediction as a walk from the average prediction to this one: the columns' SHAP values added largest
 * first, each step's effect read in the answer's unit (class probability, or the target). Probabilities are taken
 * after each addition through the model's link, so the steps' sizes in probability points depend on the order (the
 * values themselves are exact in the model's margin); the smaller columns are merged into one step.
 *
 * @param output the class whose probability is shown (or the target)
 * @param probability whether the steps are in probability (else in the target's unit)
 * @param start the average prediction (the answer at the base value)
 * @param end this row's prediction
 * @param steps the columns' steps in order
 */
public record Waterfall(String output, boolean probability, double start, double end, List<Step> steps) {
    /** Copies the list. */
    public Waterfall {
        steps = List.copyOf(steps);
    }

    /**
     * One column's step (or the merged rest, whose column is null).
     *
     * @param column the input column, or null for the merged smaller columns
     * @param others how many columns a merged step holds (0 for a column)
     * @param shap the SHAP value in the model's unit (margin or answer)
     * @param before the answer before the step
     * @param after the answer after it
     */
    public record Step(String column, int others, double shap, double before, double after) {
        /** The step's change of the answer (probability points as a fraction, or the target's unit). */
        public double change() {
            return after - before;
        }
    }

    /** The waterfall of row {@code row}'s output {@code output}, its {@code top} largest columns shown apart. */
    public static Waterfall of(ShapValues v, int row, int output, int top) {
        int columns = v.columns().size();
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            order.add(c);
        }
        double[][] values = v.values()[row];
        order.sort(Comparator.comparingDouble((Integer c) -> -Math.abs(values[output][c])));
        double[] running = v.base().clone();
        double start = v.answer(running, output);
        List<Step> steps = new ArrayList<>();
        double before = start;
        int shown = Math.min(top, columns);
        for (int k = 0; k < shown; k++) {
            int c = order.get(k);
            for (int o = 0; o < running.length; o++) {
                running[o] += values[o][c];
            }
            double after = v.answer(running, output);
            steps.add(new Step(v.columns().get(c), 0, values[output][c], before, after));
            before = after;
        }
        if (shown < columns) {
            double shap = 0;
            for (int k = shown; k < columns; k++) {
                int c = order.get(k);
                shap += values[output][c];
                for (int o = 0; o < running.length; o++) {
                    running[o] += values[o][c];
                }
            }
            double after = v.answer(running, output);
            steps.add(new Step(null, columns - shown, shap, before, after));
            before = after;
        }
        boolean probability = v.space() != ShapValues.Space.VALUE;
        return new Waterfall(v.outputs().get(output), probability, start, before, steps);
    }
}
