package io.tablewise.node;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" suggestions: the closest candidate by edit distance, ignoring case, if it is close enough. */
public final class Suggestions {
    private Suggestions() {
    }

    /** The candidate closest to {@code wanted}, if within a third of its length (at least 2 edits). */
    public static Optional<String> closest(String wanted, Collection<String> candidates) {
        String w = wanted.toLowerCase(Locale.ROOT).trim();
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(w, c.toLowerCase(Locale.ROOT).trim());
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int limit = Math.max(2, wanted.length() / 3);
        return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
    }

    /** " (did you mean 'x'?)" or "". */
    public static String didYouMean(String wanted, Collection<String> candidates) {
        return closest(wanted, candidates).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }

    /** How many column names a message lists before "and N more". */
    private static final int LISTED = 25;

    /**
     * " (did you mean 'x'?)" when a column name is close, else the columns there are, so a wrong name is fixed
     * without opening the file: " (the columns are: a, b, c)" or, for a wide table, the first ones "… and 40 more".
     */
    public static String didYouMeanOrColumns(String wanted, java.util.List<String> columns) {
        String near = didYouMean(wanted, columns);
        if (!near.isEmpty()) {
            return near;
        }
        if (columns.isEmpty()) {
            return " (the table has no columns)";
        }
        String listed = String.join(", ", columns.subList(0, Math.min(LISTED, columns.size())));
        return " (the columns are: " + listed
                + (columns.size() > LISTED ? " … and " + (columns.size() - LISTED) + " more" : "") + ")";
    }

    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
