package io.tablewise.data.csv;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.tablewise.data.ValueParsers;
import io.tablewise.node.ColumnKind;

/**
 * Numbers a decimal column cannot keep as written: more digits than a double holds
 * ({@code 99999999999999999999999999} is read as 1.0E26), beyond its range ({@code 1e309} is Infinity), or a
 * whole number past 2^53 in a column that ends up decimal ({@code 9223372036854775807}), and date-times finer than
 * the millisecond the table keeps ({@code 10:00:00.123456789}). Counted per column and reported, instead of changed
 * without a word.
 */
final class ExactnessLog {
    private static final double EXACT_LONGS = 9007199254740992.0; // 2^53

    private final long[] decimals;
    private final long[] bigWholes;
    private final String[] example;
    private final String[] exampleWhole;
    private final long[] subMillis;
    private final String[] exampleTime;

    ExactnessLog(int columns) {
        decimals = new long[columns];
        bigWholes = new long[columns];
        example = new String[columns];
        exampleWhole = new String[columns];
        subMillis = new long[columns];
        exampleTime = new String[columns];
    }

    /** Looks at one classified value of column {@code c}. */
    void check(int c, int mask, byte[] b, int s, int e) {
        if ((mask & ValueParsers.HAS_TIME) != 0) {
            String text = new String(b, s, e - s, StandardCharsets.ISO_8859_1).strip();
            int dot = Math.max(text.lastIndexOf('.'), text.lastIndexOf(','));
            int digits = 0;
            for (int i = dot + 1; dot >= 0 && i < text.length() && Character.isDigit(text.charAt(i)); i++) {
                digits++;
            }
            // the table keeps times to the millisecond: a fourth fractional digit that is not 0 is lost
            if (digits > 3 && text.substring(dot + 4, dot + 1 + digits).chars().anyMatch(ch -> ch != '0')) {
                subMillis[c]++;
                exampleTime[c] = exampleTime[c] == null ? text : exampleTime[c];
            }
            return;
        }
        if ((mask & ValueParsers.DOUBLE) == 0 || (mask & ValueParsers.INT) != 0) {
            return;
        }
        String text = new String(b, s, e - s, StandardCharsets.ISO_8859_1).strip();
        if ((mask & ValueParsers.LONG) != 0) {
            if (Math.abs((double) Long.parseLong(text.startsWith("+") ? text.substring(1) : text)) > EXACT_LONGS) {
                bigWholes[c]++;
                exampleWhole[c] = exampleWhole[c] == null ? text : exampleWhole[c];
            }
            return;
        }
        double d;
        try {
            d = Double.parseDouble(text);
        } catch (NumberFormatException ex) {
            return; // a shape only the file's locale knows (e.g. 1.234,5): not read as a decimal here
        }
        boolean lost = Double.isInfinite(d);
        if (!lost) {
            try {
                lost = new BigDecimal(text).compareTo(new BigDecimal(Double.toString(d))) != 0;
            } catch (NumberFormatException ex) {
                return;
            }
        }
        if (lost) {
            decimals[c]++;
            example[c] = example[c] == null ? text : example[c];
        }
    }

    /** Adds another chunk's counts (the first examples win). */
    void merge(ExactnessLog other) {
        for (int c = 0; c < decimals.length; c++) {
            decimals[c] += other.decimals[c];
            bigWholes[c] += other.bigWholes[c];
            example[c] = example[c] == null ? other.example[c] : example[c];
            exampleWhole[c] = exampleWhole[c] == null ? other.exampleWhole[c] : exampleWhole[c];
            subMillis[c] += other.subMillis[c];
            exampleTime[c] = exampleTime[c] == null ? other.exampleTime[c] : exampleTime[c];
        }
    }

    /** One warning per decimal column that changed some values, e.g. "'x': 2 numbers ... ('1e309' is Infinity)". */
    void warnings(String file, List<String> names, List<io.tablewise.data.ColumnPlan> plans, List<String> out) {
        for (int c = 0; c < decimals.length; c++) {
            if (plans.get(c).kind() == ColumnKind.DATETIME && subMillis[c] > 0) {
                out.add(String.format(Locale.ROOT, "%s: column '%s' has %,d %s finer than a millisecond, kept to "
                        + "the millisecond (e.g. '%s'); read the column as text if the finer digits matter", file,
                        names.get(c), subMillis[c], subMillis[c] == 1 ? "time" : "times", exampleTime[c]));
            }
            if (plans.get(c).kind() != ColumnKind.DECIMAL) {
                continue; // text keeps the digits; a whole-number column holds these exactly
            }
            long n = decimals[c] + bigWholes[c];
            if (n == 0) {
                continue;
            }
            String sample = example[c] != null ? example[c] : exampleWhole[c];
            double read = Double.parseDouble(sample);
            out.add(String.format(Locale.ROOT, "%s: column '%s' has %,d %s that a decimal column cannot keep "
                    + "exactly (e.g. '%s' is read as %s); read such columns as text if every digit matters",
                    file, names.get(c), n, n == 1 ? "number" : "numbers", sample, Double.toString(read)));
        }
    }
}
