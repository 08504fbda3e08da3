package io.tablewise.node;

import java.util.Locale;

/** English counts in words: "1 node", "2 nodes", "1,250 rows" (the CLI's and the engine's messages). */
public final class Plural {
    private Plural() {
    }

    /** {@code n} and the noun, singular for exactly one. */
    public static String of(long n, String singular, String plural) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? singular : plural);
    }

    /** The same for nouns that take an "s". */
    public static String of(long n, String noun) {
        return of(n, noun, noun + "s");
    }
}
