package io.tablewise.insights;

/**
 * What to put in a report.
 *
 * @param target the target column, or null
 * @param problemType the problem type, or null to infer it from the target
 * @param sampleRows rows used for the sampled parts (prediction power, correlations, anomalies)
 * @param seed seed of the samples and the train/test split
 * @param sampledParts false to leave out prediction power, correlations and anomalies (fast exact profile)
 */
public record InsightsOptions(String target, TargetSummary.ProblemType problemType, int sampleRows, long seed,
                              boolean sampledParts) {
    /** The defaults: no target, 50,000-row samples, seed 42, everything. */
    public static InsightsOptions defaults() {
        return new InsightsOptions(null, null, 50_000, 42, true);
    }

    /** With a target. */
    public InsightsOptions withTarget(String column, TargetSummary.ProblemType type) {
        return new InsightsOptions(column, type, sampleRows, seed, sampledParts);
    }

    /** With or without the sampled parts. */
    public InsightsOptions withSampledParts(boolean value) {
        return new InsightsOptions(target, problemType, sampleRows, seed, value);
    }
}
