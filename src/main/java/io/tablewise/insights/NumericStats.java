package io.tablewise.insights;

/**
 * Exact statistics of a numeric column over all its non-missing values. Standard deviation, skewness and
 * kurtosis are the bias-corrected sample versions (as pandas and Excel compute them); kurtosis is excess
 * kurtosis (0 for a normal distribution). Outliers follow Tukey's rule: below Q1 - 1.5 IQR or above
 * Q3 + 1.5 IQR.
 *
 * @param min smallest value
 * @param max largest value
 * @param mean arithmetic mean
 * @param std sample standard deviation
 * @param q1 first quartile (linear interpolation between order statistics)
 * @param median median
 * @param q3 third quartile
 * @param skewness adjusted Fisher-Pearson skewness
 * @param kurtosis excess kurtosis, bias-corrected
 * @param zeros number of zero values
 * @param negatives number of negative values
 * @param outliers number of values outside Tukey's fences
 * @param lowerFence Q1 - 1.5 IQR
 * @param upperFence Q3 + 1.5 IQR
 * @param nextBelowMax the largest value below the maximum (the maximum if there is none)
 * @param nextAboveMin the smallest value above the minimum (the minimum if there is none)
 */
public record NumericStats(double min, double max, double mean, double std, double q1, double median, double q3,
                           double skewness, double kurtosis, long zeros, long negatives, long outliers,
                           double lowerFence, double upperFence, double nextBelowMax, double nextAboveMin) {
}
