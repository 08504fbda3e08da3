package io.tablewise.insights;

/**
 * A value and how often it occurs.
 *
 * @param value the value as text
 * @param count occurrences
 * @param share count over the non-missing values
 */
public record ValueCount(String value, long count, double share) {
}
