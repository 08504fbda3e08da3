package io.tablewise.abtest;

import java.util.List;

/**
 * An A/B report.
 *
 * @param kind {@code binary}, {@code multiclass} or {@code regression}
 * @param positiveClass the class whose probability is scored (binary), else null
 * @param variants each variant's traffic and metrics, the control first
 * @param comparisons each other variant against the control
 * @param labelled captured rows with a known outcome
 * @param captured captured rows in all
 * @param notes what the reader should know (rows skipped, too few outcomes)
 */
public record AbReport(String kind, String positiveClass, List<VariantResult> variants,
                       List<Comparison> comparisons, int labelled, int captured, List<String> notes) {
    /**
     * One variant.
     *
     * @param name the variant
     * @param shadow true for the shadow (its answers were not returned)
     * @param versions the model versions that answered
     * @param requests distinct requests
     * @param rows rows scored
     * @param share its share of the production rows (NaN for the shadow)
     * @param latencyP50 median request latency, ms
     * @param latencyP95 95th percentile request latency, ms
     * @param labelled rows with a known outcome
     * @param metrics name to estimate with a 95% interval
     */
    public record VariantResult(String name, boolean shadow, List<String> versions, int requests, int rows,
                                double share, double latencyP50, double latencyP95, int labelled,
                                List<Estimate> metrics) {
    }

    /**
     * A metric with its 95% interval.
     *
     * @param metric e.g. {@code auc}, {@code accuracy}, {@code positiveRate}, {@code rmse}
     * @param value the estimate
     * @param low the interval's lower end
     * @param high the interval's upper end
     * @param method how the interval was found
     */
    public record Estimate(String metric, double value, double low, double high, String method) {
    }

    /**
     * A variant against the control on one metric.
     *
     * @param variant the variant
     * @param control the control
     * @param metric the metric
     * @param difference variant minus control
     * @param low the difference's 95% interval, lower end
     * @param high upper end
     * @param pValue the test's p-value
     * @param test the test, named
     * @param higherIsBetter whether a larger value is better
     * @param sentence the finding in words
     */
    public record Comparison(String variant, String control, String metric, double difference, double low,
                             double high, double pValue, String test, boolean higherIsBetter, String sentence) {
        /** True when the difference is significant at 95%. */
        public boolean significant() {
            return pValue < 0.05;
        }
    }
}
