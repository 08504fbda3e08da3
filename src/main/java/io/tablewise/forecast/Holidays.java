package io.tablewise.forecast;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import io.tablewise.node.NodeException;

/**
 * A calendar of holidays: Korea's (the fixed days and, from a table shipped for 2000–2035, the lunar ones — Seollal
 * and Chuseok with the day before and after, Buddha's Birthday), the United States' federal ones by their rules, or
 * a file of dates. Forecasting models use it as features: the holiday of a day, and how far the next and the last one
 * are (sales rise before Chuseok and fall on it).
 */
public final class Holidays {
    /** The first and last year of the shipped Korean lunar table. */
    static final int KR_FIRST = 2000;
    static final int KR_LAST = 2035;

    private final String name;
    private final NavigableMap<LocalDate, String> days;
    private final int firstYear;
    private final int lastYear;
    private final List<String> names;
    private final Map<String, java.util.NavigableSet<LocalDate>> byName;

    private Holidays(String name, NavigableMap<LocalDate, String> days, int firstYear, int lastYear) {
        this.name = name;
        this.days = days;
        this.names = List.copyOf(new java.util.TreeSet<>(days.values()));
        this.byName = new java.util.HashMap<>();
        days.forEach((d, n) -> byName.computeIfAbsent(n, k -> new java.util.TreeSet<>()).add(d));
        this.firstYear = firstYear;
        this.lastYear = lastYear;
    }

    /** No holidays. */
    public static Holidays none() {
        return new Holidays("none", new TreeMap<>(), Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /**
     * {@code KR}, {@code US}, {@code none} (or blank), or a file of dates (its first column; a second column names
     * them), {@code base} resolving a relative file.
     */
    public static Holidays of(String spec, java.util.function.Function<String, Path> base) throws NodeException {
        if (spec == null || spec.isBlank() || spec.equalsIgnoreCase("none")) {
            return none();
        }
        return switch (spec.strip().toUpperCase(Locale.ROOT)) {
            case "KR" -> korean();
            case "US" -> unitedStates(1950, 2100);
            default -> file(base.apply(spec.strip()));
        };
    }

    /** A calendar saved with a model: its dates as they were. */
    static Holidays saved(String name, NavigableMap<LocalDate, String> days) {
        return new Holidays(name, new TreeMap<>(days), days.firstKey().getYear(), days.lastKey().getYear());
    }

    /** Korea's public holidays, 2000–2035 (substitute holidays are not included). */
    public static Holidays korean() {
        NavigableMap<LocalDate, String> d = new TreeMap<>();
        for (int y = KR_FIRST; y <= KR_LAST; y++) {
            d.put(LocalDate.of(y, 1, 1), "New Year's Day");
            d.put(LocalDate.of(y, 3, 1), "Independence Movement Day");
            d.put(LocalDate.of(y, 5, 5), "Children's Day");
            d.put(LocalDate.of(y, 6, 6), "Memorial Day");
            d.put(LocalDate.of(y, 8, 15), "Liberation Day");
            d.put(LocalDate.of(y, 10, 3), "National Foundation Day");
            if (y >= 2013) {
                d.put(LocalDate.of(y, 10, 9), "Hangul Day");
            }
            d.put(LocalDate.of(y, 12, 25), "Christmas");
        }
        for (Map.Entry<Integer, LocalDate[]> e : lunarTable().entrySet()) {
            LocalDate[] l = e.getValue();
            for (int k = -1; k <= 1; k++) {
                d.put(l[0].plusDays(k), "Seollal");
                d.put(l[2].plusDays(k), "Chuseok");
            }
            d.putIfAbsent(l[1], "Buddha's Birthday");
        }
        return new Holidays("KR", d, KR_FIRST, KR_LAST);
    }

    /** The federal holidays of the United States from {@code first} to {@code last}, by their rules. */
    public static Holidays unitedStates(int first, int last) {
        NavigableMap<LocalDate, String> d = new TreeMap<>();
        for (int y = first; y <= last; y++) {
            d.put(LocalDate.of(y, 1, 1), "New Year's Day");
            d.put(nth(y, Month.JANUARY, DayOfWeek.MONDAY, 3), "Martin Luther King Jr. Day");
            d.put(nth(y, Month.FEBRUARY, DayOfWeek.MONDAY, 3), "Washington's Birthday");
            d.put(LocalDate.of(y, 5, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), "Memorial Day");
            if (y >= 2021) {
                d.put(LocalDate.of(y, 6, 19), "Juneteenth");
            }
            d.put(LocalDate.of(y, 7, 4), "Independence Day");
            d.put(nth(y, Month.SEPTEMBER, DayOfWeek.MONDAY, 1), "Labor Day");
            d.put(nth(y, Month.OCTOBER, DayOfWeek.MONDAY, 2), "Columbus Day");
            d.put(LocalDate.of(y, 11, 11), "Veterans Day");
            LocalDate thanksgiving = nth(y, Month.NOVEMBER, DayOfWeek.THURSDAY, 4);
            d.put(thanksgiving, "Thanksgiving");
            d.put(thanksgiving.plusDays(1), "Black Friday"); // not federal, but what retail sales follow
            d.put(LocalDate.of(y, 12, 25), "Christmas");
        }
        return new Holidays("US", d, first, last);
    }

    /** Dates in a file's first column (yyyy-MM-dd; a header line is skipped), names in its second. */
    public static Holidays file(Path file) throws NodeException {
        NavigableMap<LocalDate, String> d = new TreeMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NodeException("holidays", "cannot read the holidays file " + file + ": " + e.getMessage());
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("[,;\t]", 2);
            String cell = cells[0].strip().replace("\"", "");
            try {
                d.put(LocalDate.parse(cell), cells.length > 1 ? cells[1].strip().replace("\"", "") : "holiday");
            } catch (DateTimeParseException e) {
                if (i > 0 || !d.isEmpty()) { // the first line may be a header
                    throw new NodeException("holidays", file.getFileName() + " line " + (i + 1) + " holds '" + cell
                            + "', not a date like 2026-09-25");
                }
            }
        }
        if (d.isEmpty()) {
            throw new NodeException("holidays", file.getFileName() + " holds no dates (one per line, like 2026-09-25)");
        }
        return new Holidays(file.getFileName().toString(), d, d.firstKey().getYear(), d.lastKey().getYear());
    }

    private static LocalDate nth(int year, Month month, DayOfWeek day, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }

    /** year → {Seollal, Buddha's Birthday, Chuseok} from the shipped table. */
    static Map<Integer, LocalDate[]> lunarTable() {
        Map<Integer, LocalDate[]> out = new TreeMap<>();
        try (InputStream in = Holidays.class.getResourceAsStream("holidays-kr-lunar.csv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("year")) {
                    continue;
                }
                String[] c = line.split(",");
                out.put(Integer.parseInt(c[0]), new LocalDate[] {LocalDate.parse(c[1]), LocalDate.parse(c[2]),
                    LocalDate.parse(c[3])});
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the Korean lunar holiday table is missing from the build", e);
        }
        return out;
    }

    /** KR, US, none or the file's name. */
    public String name() {
        return name;
    }

    /** The holiday on {@code day}, or null. */
    public String on(LocalDate day) {
        return days.get(day);
    }

    /** Days until the next holiday (0 on one), or -1 when none follows within {@code cap}. */
    public int daysUntil(LocalDate day, int cap) {
        LocalDate next = days.ceilingKey(day);
        long d = next == null ? -1 : java.time.temporal.ChronoUnit.DAYS.between(day, next);
        return d < 0 || d > cap ? -1 : (int) d;
    }

    /** Days since the last holiday (0 on one), or -1 when none was within {@code cap}. */
    public int daysSince(LocalDate day, int cap) {
        LocalDate last = days.floorKey(day);
        long d = last == null ? -1 : java.time.temporal.ChronoUnit.DAYS.between(last, day);
        return d < 0 || d > cap ? -1 : (int) d;
    }

    /**
     * Signed days from {@code day} to the nearest day of holiday {@code name} (null: any holiday): k &gt; 0 when it
     * is k days ahead (up to {@code ahead}), −k when it was k days ago (up to {@code behind}), 0 on it; NaN when
     * none is that near.
     */
    public double distance(String name, LocalDate day, int ahead, int behind) {
        java.util.NavigableSet<LocalDate> set = name == null ? days.navigableKeySet() : byName.get(name);
        if (set == null) {
            return Double.NaN;
        }
        LocalDate next = set.ceiling(day);
        if (next != null && java.time.temporal.ChronoUnit.DAYS.between(day, next) <= ahead) {
            return java.time.temporal.ChronoUnit.DAYS.between(day, next);
        }
        LocalDate last = set.floor(day);
        if (last != null && java.time.temporal.ChronoUnit.DAYS.between(last, day) <= behind) {
            return -java.time.temporal.ChronoUnit.DAYS.between(last, day);
        }
        return Double.NaN;
    }

    /** The holidays' distinct names, in a fixed order (their index is a model feature). */
    public List<String> names() {
        return names;
    }

    /** Whether the calendar knows {@code year} (a forecast beyond it is said). */
    public boolean covers(int year) {
        return year >= firstYear && year <= lastYear;
    }

    /** Every holiday date (for reports and tests). */
    public NavigableMap<LocalDate, String> days() {
        return java.util.Collections.unmodifiableNavigableMap(days);
    }
}
