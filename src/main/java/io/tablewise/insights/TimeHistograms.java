package io.tablewise.insights;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tablewise.node.ColumnKind;

/**
 * Date histograms by period: the period follows the span of the column (more than three years: years; more
 * than three months: months; more than three days: days; otherwise hours), with every period in between shown
 * (empty ones too), at most 400 bars.
 */
final class TimeHistograms {
    private static final long DAY = 86_400L;

    private TimeHistograms() {
    }

    /** A value (epoch seconds) as ISO text: a date for date columns, a date-time otherwise. */
    static String label(long epochSeconds, ColumnKind kind) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC);
        return kind == ColumnKind.DATE ? t.toLocalDate().toString() : t.toString().replace('T', ' ');
    }

    static Histogram of(long[] sorted) {
        if (sorted.length == 0) {
            return new Histogram("periods", "no values", List.of());
        }
        String period = period(sorted[0], sorted[sorted.length - 1]);
        Map<Long, Long> counts = new LinkedHashMap<>();
        // Values are sorted: count runs of equal values, truncating one value per run, not per row.
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            counts.merge(start(sorted[i], period), (long) (j - i), Long::sum);
            i = j;
        }
        return of(sorted[0], sorted[sorted.length - 1], counts);
    }

    /** The period of a column's bars: years, months, days or hours, from the span of its values (epoch seconds). */
    static String period(long min, long max) {
        long span = max - min;
        return span > 3 * 365 * DAY ? "year" : span > 92 * DAY ? "month" : span > 3 * DAY ? "day" : "hour";
    }

    /** The start (epoch seconds) of the period a value lies in. */
    static long start(long epochSeconds, String period) {
        return truncate(epochSeconds, period).toEpochSecond(ZoneOffset.UTC);
    }

    /**
     * The bars of values from {@code min} to {@code max} (epoch seconds), counted by the start of their period
     * ({@link #start}): every period in between, empty ones too, at most 400.
     */
    static Histogram of(long min, long max, Map<Long, Long> countsByStart) {
        String period = period(min, max);
        Map<String, long[]> counts = new LinkedHashMap<>();
        LocalDateTime first = truncate(min, period);
        LocalDateTime last = truncate(max, period);
        for (LocalDateTime t = first; !t.isAfter(last) && counts.size() < 400; t = next(t, period)) {
            counts.put(key(t, period), new long[1]);
        }
        countsByStart.forEach((start, n) -> {
            long[] c = counts.get(key(LocalDateTime.ofEpochSecond(start, 0, ZoneOffset.UTC), period));
            if (c != null) {
                c[0] += n;
            }
        });
        List<Histogram.Bar> bars = new ArrayList<>();
        counts.forEach((k, c) -> bars.add(new Histogram.Bar(k, Double.NaN, Double.NaN, c[0])));
        return new Histogram("periods", "by " + period, bars);
    }

    private static LocalDateTime truncate(long epochSeconds, String period) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC);
        return switch (period) {
            case "year" -> t.toLocalDate().withDayOfYear(1).atStartOfDay();
            case "month" -> t.toLocalDate().withDayOfMonth(1).atStartOfDay();
            case "day" -> t.toLocalDate().atStartOfDay();
            default -> t.withMinute(0).withSecond(0).withNano(0);
        };
    }

    private static LocalDateTime next(LocalDateTime t, String period) {
        return switch (period) {
            case "year" -> t.plusYears(1);
            case "month" -> t.plusMonths(1);
            case "day" -> t.plusDays(1);
            default -> t.plusHours(1);
        };
    }

    private static String key(LocalDateTime t, String period) {
        return switch (period) {
            case "year" -> Integer.toString(t.getYear());
            case "month" -> t.toLocalDate().toString().substring(0, 7);
            case "day" -> t.toLocalDate().toString();
            default -> t.toString().replace('T', ' ').substring(0, 13) + ":00";
        };
    }
}
