package io.tablewise.ui.monitor;

import java.util.ArrayList;
import java.util.List;

/**
 * Short names for the heat map's batch columns: what tells the batches apart, without the prefix and suffix they
 * share ({@code customers-2026-07.csv}, {@code customers-2027-01.csv} → {@code 2026-07}, {@code 2027-01}; the
 * capture's {@code capture-20261203-10} → {@code 20261203-10}: a date is kept whole).
 */
final class BatchNames {
    private BatchNames() {
    }

    static List<String> distinct(List<String> batches) {
        List<String> bare = batches.stream().map(BatchNames::withoutExtension).toList();
        if (bare.isEmpty()) {
            return bare;
        }
        String first = bare.get(0);
        int prefix = first.length();
        int suffix = first.length();
        for (String b : bare) {
            prefix = Math.min(prefix, common(first, b));
            suffix = Math.min(suffix, commonEnd(first, b));
        }
        // cut only at a separator and before any digit, so "2026-07" and "2026-08" keep their year
        int digit = 0;
        while (digit < prefix && !Character.isDigit(first.charAt(digit))) {
            digit++;
        }
        prefix = digit;
        while (prefix > 0 && !separator(first.charAt(prefix - 1))) {
            prefix--;
        }
        while (suffix > 0 && !separator(first.charAt(first.length() - suffix))) {
            suffix--;
        }
        List<String> out = new ArrayList<>();
        for (String b : bare) {
            int end = b.length() - suffix;
            out.add(bare.size() > 1 && end > prefix ? b.substring(prefix, end) : b);
        }
        return out;
    }

    private static String withoutExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && name.length() - dot <= 6 ? name.substring(0, dot) : name;
    }

    private static boolean separator(char c) {
        return c == '-' || c == '_' || c == ' ' || c == '.';
    }

    private static int common(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }

    private static int commonEnd(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(a.length() - 1 - n) == b.charAt(b.length() - 1 - n)) {
            n++;
        }
        return n;
    }
}
