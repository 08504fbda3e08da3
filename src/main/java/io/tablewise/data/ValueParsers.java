package io.tablewise.data;

import tech.tablesaw.columns.dates.PackedLocalDate;

/**
 * Allocation-free parsers over byte ranges (ASCII digits and signs are single bytes in every encoding we read),
 * and the classification of a value into the types it could belong to. These run once per cell on millions of
 * cells, which is why they avoid {@code String} and {@code DateTimeFormatter}.
 */
public final class ValueParsers {
    /** The value is an integer that fits 32 bits. */
    public static final int INT = 1;
    /** The value is an integer that fits 64 bits. */
    public static final int LONG = 1 << 1;
    /** The value is a decimal number. */
    public static final int DOUBLE = 1 << 2;
    /** The value is true or false. */
    public static final int BOOL = 1 << 3;
    /** First bit of the date families (see {@link DateFamily}). */
    public static final int DATE_SHIFT = 4;
    /** All date family bits. */
    public static final int DATE_ANY = ((1 << DateFamily.COUNT) - 1) << DATE_SHIFT;
    /** The value carried a time of day (not a viability bit: tracked separately per column). */
    public static final int HAS_TIME = 1 << 16;
    /** Every viability bit set: the state of a column before it has seen a value. */
    public static final int ALL = INT | LONG | DOUBLE | BOOL | DATE_ANY;

    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22,
    };

    /** Date layouts recognised by inference, in order of preference when several fit a whole column. */
    public enum DateFamily {
        /** yyyy-MM-dd (ISO 8601). */
        ISO,
        /** yyyy/MM/dd. */
        YMD_SLASH,
        /** yyyy.MM.dd. */
        YMD_DOT,
        /** MM/dd/yyyy (US). */
        MDY_SLASH,
        /** dd/MM/yyyy. */
        DMY_SLASH,
        /** dd.MM.yyyy. */
        DMY_DOT,
        /** dd-MM-yyyy. */
        DMY_DASH;

        /** Number of families. */
        public static final int COUNT = 7;

        /** The pattern in {@code DateTimeFormatter} notation, for messages and docs. */
        public String pattern() {
            return switch (this) {
                case ISO -> "yyyy-MM-dd";
                case YMD_SLASH -> "yyyy/MM/dd";
                case YMD_DOT -> "yyyy.MM.dd";
                case MDY_SLASH -> "MM/dd/yyyy";
                case DMY_SLASH -> "dd/MM/yyyy";
                case DMY_DOT -> "dd.MM.yyyy";
                case DMY_DASH -> "dd-MM-yyyy";
            };
        }

        /** The family's bit in a classification mask. */
        public int bit() {
            return 1 << (DATE_SHIFT + ordinal());
        }
    }

    private ValueParsers() {
    }

    /** The types a value can be read as: a mask of {@link #INT}, {@link #LONG}, ... plus {@link #HAS_TIME}. */
    public static int classify(byte[] b, int s, int e) {
        if (s >= e) {
            return 0;
        }
        byte c = b[s];
        if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
            int mask = classifyNumber(b, s, e);
            if (mask != 0) {
                return mask;
            }
            return c == '.' || c == '+' ? 0 : classifyTemporal(b, s, e);
        }
        if (isBoolean(b, s, e)) {
            return BOOL;
        }
        return 0;
    }

    private static int classifyNumber(byte[] b, int s, int e) {
        int i = s;
        if (b[i] == '-' || b[i] == '+') {
            i++;
        }
        int intStart = i;
        while (i < e && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        int intDigits = i - intStart;
        if (i == e) {
            if (intDigits == 0) {
                return 0;
            }
            if (intDigits <= 9) {
                return INT | LONG | DOUBLE;
            }
            if (intDigits <= 19 && fitsLong(b, s, e)) {
                return fitsInt(b, s, e) ? INT | LONG | DOUBLE : LONG | DOUBLE;
            }
            return DOUBLE;
        }
        int fracDigits = 0;
        if (b[i] == '.') {
            i++;
            int fracStart = i;
            while (i < e && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            fracDigits = i - fracStart;
        }
        if (intDigits + fracDigits == 0) {
            return 0;
        }
        if (i < e && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < e && (b[i] == '-' || b[i] == '+')) {
                i++;
            }
            int expStart = i;
            while (i < e && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            if (i == expStart) {
                return 0;
            }
        }
        return i == e ? DOUBLE : 0;
    }

    /**
     * Whether the value fits a 32-bit column. The smallest int is the table library's mark for a missing integer,
     * so it goes to a 64-bit column instead (it was read as blank, silently).
     */
    private static boolean fitsInt(byte[] b, int s, int e) {
        long v = parseLong(b, s, e);
        return v > Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
    }

    private static boolean fitsLong(byte[] b, int s, int e) {
        try {
            // the smallest long marks a missing long: kept as a decimal rather than read as blank
            return Long.parseLong(new String(b, s, e - s, java.nio.charset.StandardCharsets.ISO_8859_1))
                    != Long.MIN_VALUE;
        } catch (NumberFormatException ex) {
            return false;
        }
    }

    /** Marks a failed {@link #tryParseInt}. */
    public static final long NOT_INT = Long.MIN_VALUE;

    /** Parses an optionally signed integer that fits 32 bits in one scan, or returns {@link #NOT_INT}. */
    public static long tryParseInt(byte[] b, int s, int e) {
        int i = s;
        boolean negative = false;
        if (i < e && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        int digits = e - i;
        if (digits < 1 || digits > 10) {
            return NOT_INT;
        }
        long v = 0;
        for (; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return NOT_INT;
            }
            v = v * 10 + d;
        }
        v = negative ? -v : v;
        return v <= Integer.MIN_VALUE || v > Integer.MAX_VALUE ? NOT_INT : v; // the smallest int marks a blank
    }

    /**
     * Parses a decimal in one scan when it is a plain one (sign, up to 15 significant digits, a point, no
     * exponent), exactly as {@link #parseDouble} would; returns NaN for anything else, which the caller then
     * classifies the slow way. NaN is never a parse result: "NaN" is not a number in a file.
     */
    public static double tryParsePlainDouble(byte[] b, int s, int e) {
        int i = s;
        boolean negative = false;
        if (i < e && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean point = false;
        boolean any = false;
        for (; i < e; i++) {
            int d = b[i] - '0';
            if (d >= 0 && d <= 9) {
                any = true;
                if (point) {
                    scale++;
                }
                if (mantissa != 0 || d != 0) {
                    mantissa = mantissa * 10 + d;
                    digits++;
                }
            } else if (b[i] == '.' && !point) {
                point = true;
            } else {
                return Double.NaN;
            }
        }
        if (!any || digits > 15 || scale > 22) {
            return Double.NaN;
        }
        double v = scale == 0 ? mantissa : mantissa / POW10[scale];
        return negative ? -v : v;
    }

    /** True for true/false in any letter case. */
    public static boolean isBoolean(byte[] b, int s, int e) {
        int n = e - s;
        return (n == 4 && equalsIgnoreCase(b, s, "true")) || (n == 5 && equalsIgnoreCase(b, s, "false"));
    }

    /** Parses a boolean checked by {@link #isBoolean}. */
    public static boolean parseBoolean(byte[] b, int s, int e) {
        return e - s == 4;
    }

    private static boolean equalsIgnoreCase(byte[] b, int s, String word) {
        for (int i = 0; i < word.length(); i++) {
            if ((b[s + i] | 0x20) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Parses an integer checked by {@link #classify} (sign and digits). */
    public static long parseLong(byte[] b, int s, int e) {
        int i = s;
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        long v = 0;
        while (i < e) {
            v = v * 10 - (b[i++] - '0');
        }
        return negative ? v : -v;
    }

    /**
     * Parses a decimal checked by {@link #classify}. Up to 15 significant digits with a small exponent take an
     * exact fast path (both operands exactly representable, one correctly rounded operation); anything else
     * goes through {@link Double#parseDouble}.
     */
    public static double parseDouble(byte[] b, int s, int e) {
        int i = s;
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean leading = true;
        while (i < e && b[i] >= '0' && b[i] <= '9') {
            int d = b[i++] - '0';
            if (leading && d == 0) {
                continue;
            }
            leading = false;
            mantissa = mantissa * 10 + d;
            digits++;
        }
        if (i < e && b[i] == '.') {
            i++;
            while (i < e && b[i] >= '0' && b[i] <= '9') {
                int d = b[i++] - '0';
                scale++;
                if (leading && d == 0) {
                    continue;
                }
                leading = false;
                mantissa = mantissa * 10 + d;
                digits++;
            }
        }
        if (i == e && digits <= 15 && scale <= 22) {
            double v = scale == 0 ? mantissa : mantissa / POW10[scale];
            return negative ? -v : v;
        }
        return Double.parseDouble(new String(b, s, e - s, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    private static int classifyTemporal(byte[] b, int s, int e) {
        int firstSep = s;
        while (firstSep < e && b[firstSep] >= '0' && b[firstSep] <= '9') {
            firstSep++;
        }
        int lead = firstSep - s;
        if (firstSep == e || lead < 1 || lead > 4 || lead == 3) {
            return 0;
        }
        byte sep = b[firstSep];
        int mask = 0;
        for (DateFamily f : DateFamily.values()) {
            if (!plausible(f, lead, sep)) {
                continue;
            }
            long packed = parseTemporal(b, s, e, f);
            if (packed != Long.MIN_VALUE) {
                mask |= f.bit();
                if (hasTime(packed)) {
                    mask |= HAS_TIME;
                }
            }
        }
        return mask;
    }

    /**
     * Parses a date or date-time of the given family into {@code millisSinceEpoch * 2 + hasTime}: see
     * {@link #epochMillis} and {@link #hasTime}. Returns {@code Long.MIN_VALUE} if it does not parse.
     */
    public static long parseTemporal(byte[] b, int s, int e, DateFamily family) {
        long ymd = parseDatePart(b, s, e, family);
        if (ymd < 0) {
            return Long.MIN_VALUE;
        }
        int i = (int) (ymd >>> 32);
        int y = (int) (ymd >> 16) & 0xFFFF;
        int m = (int) (ymd >> 8) & 0xFF;
        int d = (int) ymd & 0xFF;
        long epochDay = epochDay(y, m, d);
        if (i == e) {
            return epochDay * 2 * MILLIS_PER_DAY;
        }
        if (b[i] != ' ' && b[i] != 'T') {
            return Long.MIN_VALUE;
        }
        long millis = parseTime(b, i + 1, e);
        if (millis < 0) {
            return Long.MIN_VALUE;
        }
        return (epochDay * MILLIS_PER_DAY + millis) * 2 + 1;
    }

    /**
     * Parses a date without time straight into Tablesaw's packed form, or returns {@code Integer.MIN_VALUE}
     * (Tablesaw's missing date) if it is not a valid date of the family.
     */
    public static int parsePackedDate(byte[] b, int s, int e, DateFamily family) {
        long ymd = parseDatePart(b, s, e, family);
        if (ymd < 0 || (int) (ymd >>> 32) != e) {
            long packed = parseTemporal(b, s, e, family);
            return packed == Long.MIN_VALUE ? Integer.MIN_VALUE : packedDate(packed);
        }
        return PackedLocalDate.pack((int) (ymd >> 16) & 0xFFFF, (int) (ymd >> 8) & 0xFF, (int) ymd & 0xFF);
    }

    /** Days since 1970-01-01 of a valid proleptic Gregorian date (the algorithm java.time uses). */
    static long epochDay(int year, int month, int day) {
        long y = year;
        long total = 365 * y;
        if (y >= 0) {
            total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        } else {
            total -= y / -4 - y / -100 + y / -400;
        }
        total += (367 * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!isLeap(year)) {
                total--;
            }
        }
        return total - 719_528L;
    }

    private static boolean isLeap(int y) {
        return (y & 3) == 0 && (y % 100 != 0 || y % 400 == 0);
    }

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private static boolean plausible(DateFamily f, int leadDigits, byte sep) {
        return switch (f) {
            case ISO -> leadDigits == 4 && sep == '-';
            case YMD_SLASH -> leadDigits == 4 && sep == '/';
            case YMD_DOT -> leadDigits == 4 && sep == '.';
            case MDY_SLASH, DMY_SLASH -> leadDigits <= 2 && sep == '/';
            case DMY_DOT -> leadDigits <= 2 && sep == '.';
            case DMY_DASH -> leadDigits <= 2 && sep == '-';
        };
    }

    /** True if a value from {@link #parseTemporal} had a time of day. */
    public static boolean hasTime(long packed) {
        return (packed & 1) == 1;
    }

    /** Milliseconds since 1970-01-01T00:00 of a value from {@link #parseTemporal}. */
    public static long epochMillis(long packed) {
        return packed >> 1;
    }

    /** Tablesaw's packed date of a value from {@link #parseTemporal}. */
    public static int packedDate(long packed) {
        long epochDay = Math.floorDiv(epochMillis(packed), MILLIS_PER_DAY);
        return PackedLocalDate.pack(java.time.LocalDate.ofEpochDay(epochDay));
    }

    /**
     * Parses the date part: returns {@code end << 32 | year << 16 | month << 8 | day} with {@code end} the index
     * after the date, or -1 if it is not a valid date of the family. No allocation: this runs per cell.
     */
    private static long parseDatePart(byte[] b, int s, int e, DateFamily f) {
        byte sep = switch (f) {
            case ISO, DMY_DASH -> '-';
            case YMD_SLASH, MDY_SLASH, DMY_SLASH -> '/';
            case YMD_DOT, DMY_DOT -> '.';
        };
        boolean yearFirst = f == DateFamily.ISO || f == DateFamily.YMD_SLASH || f == DateFamily.YMD_DOT;
        int p0 = 0;
        int p1 = 0;
        int p2 = 0;
        int i = s;
        for (int p = 0; p < 3; p++) {
            int start = i;
            int v = 0;
            while (i < e && b[i] >= '0' && b[i] <= '9' && i - start < 4) {
                v = v * 10 + (b[i++] - '0');
            }
            int len = i - start;
            boolean yearPart = yearFirst ? p == 0 : p == 2;
            if (yearPart ? len != 4 : (len < 1 || len > 2)) {
                return -1;
            }
            if (p == 0) {
                p0 = v;
            } else if (p == 1) {
                p1 = v;
            } else {
                p2 = v;
            }
            if (p < 2) {
                if (i >= e || b[i] != sep) {
                    return -1;
                }
                i++;
            }
        }
        int y;
        int m;
        int d;
        if (yearFirst) {
            y = p0;
            m = p1;
            d = p2;
        } else if (f == DateFamily.MDY_SLASH) {
            y = p2;
            m = p0;
            d = p1;
        } else {
            y = p2;
            m = p1;
            d = p0;
        }
        if (!validDate(y, m, d)) {
            return -1;
        }
        return ((long) i << 32) | ((long) y << 16) | ((long) m << 8) | d;
    }

    private static final int[] DAYS_IN_MONTH = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private static boolean validDate(int y, int m, int d) {
        if (y < 1 || m < 1 || m > 12 || d < 1) {
            return false;
        }
        return d <= (m == 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m]);
    }

    /** Parses H:mm[:ss[.fraction]][Z] into milliseconds of the day, or -1. */
    private static long parseTime(byte[] b, int s, int e) {
        int i = s;
        int[] hms = new int[3];
        for (int p = 0; p < 3; p++) {
            int start = i;
            int v = 0;
            while (i < e && b[i] >= '0' && b[i] <= '9' && i - start < 2) {
                v = v * 10 + (b[i++] - '0');
            }
            if (i - start < (p == 0 ? 1 : 2)) {
                return -1;
            }
            hms[p] = v;
            if (i < e && b[i] == ':' && p < 2) {
                i++;
            } else {
                break;
            }
        }
        int millis = 0;
        if (i < e && b[i] == '.') {
            i++;
            int start = i;
            int scale = 100;
            while (i < e && b[i] >= '0' && b[i] <= '9') {
                millis += (b[i++] - '0') * scale;
                scale /= 10;
            }
            if (i == start) {
                return -1;
            }
        }
        if (i < e && b[i] == 'Z') {
            i++;
        }
        if (i != e || hms[0] > 23 || hms[1] > 59 || hms[2] > 59) {
            return -1;
        }
        return ((hms[0] * 60L + hms[1]) * 60 + hms[2]) * 1000 + millis;
    }
}
