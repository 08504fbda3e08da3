package io.tablewise.ml;

/**
 * A linear model's weights on the encoder's (standardised) features, in margin space: the margin of output
 * {@code k} is {@code bias[k] + sum_f weights[k][f] * x[f]} with a missing feature read as 0 (its training mean).
 *
 * @param weights per output, per feature
 * @param bias per output
 * @param link how margins become the model's answer
 */
public record LinearWeights(double[][] weights, double[] bias, Link link) {
    /** How a linear model's margins become its answer. */
    public enum Link {
        /** Regression: the margin is the value. */
        IDENTITY,
        /** Classes: probabilities are the softmax of the margins (Tribuo's linear SGD with log loss). */
        SOFTMAX,
        /** Two classes: one margin per class, each the log-odds of its class against the rest (LibLinear). */
        LOGISTIC_PER_CLASS
    }
}
