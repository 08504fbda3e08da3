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
        long span = sorted[sorted.length - 1] - sorted[0];
        String period = span > 3 * 365 * DAY ? "year" : span > 92 * DAY ? "month" : span > 3 * DAY ? "day" : "hour";
        Map<String, long[]> counts = new LinkedHashMap<>();
        LocalDateTime first = truncate(sorted[0], period);
        LocalDateTime last = truncate(sorted[sorted.length - 1], period);
        for (LocalDateTime t = first; !t.isAfter(last) && counts.size() < 400; t = next(t, period)) {
            counts.put(key(t, period), new long[1]);
        }
        // Values are sorted: count runs of equal values, formatting one key per run, not per row.
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            long[] c = counts.get(key(truncate(sorted[i], period), period));
            if (c != null) {
                c[0] += j - i;
            }
            i = j;
        }
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
