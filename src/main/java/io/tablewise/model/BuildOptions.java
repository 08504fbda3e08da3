package io.tablewise.model;

import java.util.List;

import io.tablewise.ml.ProblemType;

/**
 * What to build.
 *
 * @param target the column to predict
 * @param problemType binary, multiclass or regression; null to detect it from the target
 * @param exclude columns not to use as inputs
 * @param objective the metric to optimise and report first (auc, f1, accuracy, balanced_accuracy, log_loss;
 *     rmse, mae, r2); null for the default (auc for binary, balanced_accuracy for multiclass, rmse for regression)
 * @param testShare the share of rows held out for the test, stratified for classification
 * @param seed seed of the split and the model
 * @param mode quick (one strong default model) or auto (a search within the budget)
 * @param budgetSeconds the time budget of the auto search
 * @param maxCandidates the most settings the auto search tries
 * @param threshold the threshold on P(positive) of a binary model, chosen by the analyst; NaN to choose the one
 *     that maximises the objective on validation rows
 * @param algorithm the quick build's algorithm family ({@link io.tablewise.ml.Learner#IDS}) at its default settings;
 *     the auto search tries them all
 */
public record BuildOptions(String target, ProblemType problemType, List<String> exclude, String objective,
                           double testShare, long seed, String mode, double budgetSeconds, int maxCandidates,
                           double threshold, String algorithm) {
    /** Copies the list. */
    public BuildOptions {
        exclude = List.copyOf(exclude);
    }

    /** A quick build. */
    public BuildOptions(String target, ProblemType problemType, List<String> exclude, String objective,
                        double testShare, long seed) {
        this(target, problemType, exclude, objective, testShare, seed, "quick", 60, 200, Double.NaN, "xgboost");
    }

    /** The same with the auto search. */
    public BuildOptions auto(double budget, int candidates) {
        return new BuildOptions(target, problemType, exclude, objective, testShare, seed, "auto", budget,
                candidates, threshold, algorithm);
    }

    /** The same with a fixed threshold (NaN: chosen on validation rows). */
    public BuildOptions withThreshold(double t) {
        return new BuildOptions(target, problemType, exclude, objective, testShare, seed, mode, budgetSeconds,
                maxCandidates, t, algorithm);
    }

    /** The same with another algorithm family for the quick build. */
    public BuildOptions withAlgorithm(String id) {
        return new BuildOptions(target, problemType, exclude, objective, testShare, seed, mode, budgetSeconds,
                maxCandidates, threshold, id);
    }

    /** Defaults for a target: detected problem type, 20% test rows, seed 42. */
    public static BuildOptions of(String target) {
        return new BuildOptions(target, null, List.of(), null, 0.2, 42);
    }

    /** The objective for a problem type. */
    public String objectiveFor(ProblemType type) {
        if (objective != null && !objective.isBlank()) {
            return objective;
        }
        return switch (type) {
            case BINARY -> "auc";
            case MULTICLASS -> "balanced_accuracy";
            case REGRESSION -> "rmse";
        };
    }
}
