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
            String name = raw.get(i) == null ? "" : raw.get(i).strip();
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

    private static String key(String name) {
        return name.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
