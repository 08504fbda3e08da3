package io.tablewise.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes header names usable: empty names become {@code column_N} and repeated names get a suffix
 * ({@code name_2}), each change reported. Names count as repeated when they are equal ignoring letter case, as
 * Tablesaw compares them ({@code Age} and {@code age} cannot both be columns).
 */
public final class ColumnNames {
    private ColumnNames() {
    }

    /** Fixed names; a warning per change is added to {@code warnings}. */
    public static List<String> fix(List<String> raw, List<String> warnings) {
        List<String> names = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String given = raw.get(i) == null ? "" : raw.get(i);
            String name = withoutControls(given).strip();
            if (!name.isEmpty() && !name.equals(given.strip())) {
                warnings.add("the name of column " + (i + 1) + " holds control characters; they were left out: '"
                        + name + "'");
            }
            if (name.isEmpty()) {
                String fixed = unique("column_" + (i + 1), used);
                warnings.add("column " + (i + 1) + " has no name in the header; it is called '" + fixed + "'");
                name = fixed;
            } else if (used.contains(key(name))) {
                String fixed = unique(name, used);
                warnings.add("the header names '" + name + "' more than once (letter case aside); column " + (i + 1)
                        + " is called '" + fixed + "'");
                name = fixed;
            }
            used.add(key(name));
            names.add(name);
        }
        return names;
    }

    /** Names column_1..column_n for files without a header. */
    public static List<String> generated(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            names.add("column_" + i);
        }
        return names;
    }

    private static String unique(String base, Set<String> used) {
        if (!used.contains(key(base))) {
            return base;
        }
        int k = 2;
        while (used.contains(key(base + "_" + k))) {
            k++;
        }
        return base + "_" + k;
    }

    /** Tablesaw compares names trimmed of everything up to U+0020 and ignoring case. */
    private static String key(String name) {
        return name.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * A name without control characters (terminal escapes, NUL, bidirectional overrides): they cannot be seen, can
     * drive a terminal, and make two names look equal that Tablesaw tells apart, or the reverse.
     */
    static String withoutControls(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isISOControl(c) && !(c >= '\u202a' && c <= '\u202e') && !(c >= '\u2066' && c <= '\u2069')) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
