package io.tablewise.insights;

/**
 * How well one feature alone predicts the target, on held-out rows: a one-feature model (quantile bins or
 * categories learned on 80% of a stratified sample, predicting the target rate or mean per bin) scored on the
 * other 20%. Classification: {@code 2 * AUC - 1} floored at 0 (macro one-vs-rest for multiclass); regression:
 * R² floored at 0. 0 means no signal, 1 means the feature alone decides the target.
 *
 * @param column the feature
 * @param score prediction power in [0, 1]
 * @param metric "gini" or "r2"
 */
public record FeaturePower(String column, double score, String metric) {
}
