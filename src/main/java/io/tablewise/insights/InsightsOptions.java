package io.tablewise.insights;

import io.tablewise.ml.ProblemType;

/**
 * What to put in a report.
 *
 * @param target the target column, or null
 * @param problemType the problem type, or null to infer it from the target
 * @param sampleRows rows used for the sampled parts (prediction power, quick model, correlations, anomalies)
 * @param seed seed of the samples and the train/test split
 * @param sampledParts false to leave out everything sampled (prediction power, quick model, correlations and
 *     anomalies): the exact profile only
 * @param modelParts false to leave out prediction power and the quick model
 */
public record InsightsOptions(String target, ProblemType problemType, int sampleRows, long seed,
                              boolean sampledParts, boolean modelParts) {
    /** The defaults: no target, 50,000-row samples, seed 42, everything. */
    public static InsightsOptions defaults() {
        return new InsightsOptions(null, null, 50_000, 42, true, true);
    }

    /** With a target. */
    public InsightsOptions withTarget(String column, ProblemType type) {
        return new InsightsOptions(column, type, sampleRows, seed, sampledParts, modelParts);
    }

    /** With or without the sampled parts. */
    public InsightsOptions withSampledParts(boolean value) {
        return new InsightsOptions(target, problemType, sampleRows, seed, value, modelParts);
    }

    /** With or without prediction power and the quick model. */
    public InsightsOptions withModelParts(boolean value) {
        return new InsightsOptions(target, problemType, sampleRows, seed, sampledParts, value);
    }
}
