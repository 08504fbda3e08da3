package io.tablewise.forecast;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** How often a series has a value, and the season that goes with it. */
enum Frequency {
    D(7, "daily"), W(52, "weekly"), M(12, "monthly"), Q(4, "quarterly"), Y(1, "yearly");

    private final int season;
    private final String word;

    Frequency(int season, String word) {
        this.season = season;
        this.word = word;
    }

    /** The seasonal period in periods (7 days, 52 weeks, 12 months, 4 quarters, none for years). */
    int season() {
        return season;
    }

    /** "monthly", … */
    String word() {
        return word;
    }

    /** "day", "week", "month", "quarter", "year". */
    String unit() {
        return name().equals("D") ? "day" : word.substring(0, word.length() - 2);
    }

    /** The date {@code k} periods after {@code d}. */
    LocalDate plus(LocalDate d, long k) {
        return switch (this) {
            case D -> d.plusDays(k);
            case W -> d.plusWeeks(k);
            case M -> d.plusMonths(k);
            case Q -> d.plusMonths(3 * k);
            case Y -> d.plusYears(k);
        };
    }

    /** Periods from {@code a} to {@code b}. */
    long between(LocalDate a, LocalDate b) {
        return switch (this) {
            case D -> ChronoUnit.DAYS.between(a, b);
            case W -> ChronoUnit.WEEKS.between(a, b);
            case M -> ChronoUnit.MONTHS.between(a, b);
            case Q -> ChronoUnit.MONTHS.between(a, b) / 3;
            case Y -> ChronoUnit.YEARS.between(a, b);
        };
    }

    /** The frequency named by a letter (D, W, M, Q, Y). */
    static Frequency of(String letter) {
        return valueOf(letter.strip().toUpperCase(Locale.ROOT));
    }

    /** The frequency of sorted, distinct dates: from the typical gap between neighbours. */
    static Frequency detect(List<LocalDate> dates) {
        long[] gaps = new long[dates.size() - 1];
        for (int i = 1; i < dates.size(); i++) {
            gaps[i - 1] = ChronoUnit.DAYS.between(dates.get(i - 1), dates.get(i));
        }
        java.util.Arrays.sort(gaps);
        long typical = gaps.length == 0 ? 1 : gaps[gaps.length / 2];
        if (typical <= 1) {
            return D;
        }
        if (typical <= 8) {
            return W;
        }
        if (typical <= 31) {
            return M;
        }
        if (typical <= 92) {
            return Q;
        }
        return Y;
    }
}
