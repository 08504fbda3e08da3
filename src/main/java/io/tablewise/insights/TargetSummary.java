package io.tablewise.insights;

import java.util.List;

import io.tablewise.ml.ProblemType;

/**
 * The target column: its problem type, class distribution (classification) or histogram (regression), and the
 * rows that cannot be used for training because the target is missing.
 *
 * @param column the target column
 * @param problemType binary, multiclass or regression
 * @param classes class counts, most frequent first (classification), else empty
 * @param histogram the target's distribution
 * @param missingTargets rows with a missing target
 * @param positiveClass for binary targets: the minority class, scored as positive
 */
public record TargetSummary(String column, ProblemType problemType, List<ValueCount> classes, Histogram histogram,
                            long missingTargets, String positiveClass) {
    /** Copies the list. */
    public TargetSummary {
        classes = List.copyOf(classes);
    }
}
