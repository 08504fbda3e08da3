package io.tablewise.forecast;

import java.util.List;
import java.util.Locale;

/**
 * Monthly sales of two stores with a known level, trend and season (and a small wiggle), for forecasting tests and
 * the screenshot: 서울 at 500 + 3 t + season, 부산 at 200 + 3 t + season, from January 2021 + {@code firstYear}.
 */
public final class StoreSales {
    /** The season by month, January first. */
    public static final double[] SEASON = {-20, -15, 0, 10, 25, 40, 45, 35, 15, 0, -30, -10};

    private StoreSales() {
    }

    /** The CSV (store, month as yyyy-MM, sales) of {@code months} months from {@code firstYear}. */
    public static String csv(int firstYear, int months, double wiggle) {
        StringBuilder csv = new StringBuilder("store,month,sales\n");
        for (String store : List.of("서울", "부산")) {
            for (int t = 0; t < months; t++) {
                csv.append(String.format(Locale.ROOT, "%s,%d-%02d,%.1f%n", store, firstYear + t / 12, t % 12 + 1,
                        (store.equals("서울") ? 500 : 200) + 3 * t + SEASON[t % 12] + wiggle * Math.sin(7.3 * t)));
            }
        }
        return csv.toString();
    }
}
