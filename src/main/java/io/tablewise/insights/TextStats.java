package io.tablewise.insights;

import java.util.List;

/**
 * Length and shape of text values. A pattern replaces letters by {@code a}/{@code A}, digits by {@code 9} and
 * Hangul syllables by {@code 가}, keeping other characters, so {@code tag_0042} and {@code tag_0007} share the
 * pattern {@code aaa_9999}.
 *
 * @param minLength shortest value, in characters
 * @param meanLength mean length
 * @param maxLength longest value
 * @param numericShare share of values that read as numbers
 * @param patterns the most common patterns with their counts
 */
public record TextStats(int minLength, double meanLength, int maxLength, double numericShare,
                        List<ValueCount> patterns) {
    /** Copies the list. */
    public TextStats {
        patterns = List.copyOf(patterns);
    }
}
