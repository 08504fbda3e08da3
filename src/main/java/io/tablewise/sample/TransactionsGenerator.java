package io.tablewise.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Card transactions with injected anomalies of known kinds, for anomaly detection: ordinary purchases whose amount
 * depends on the merchant category (groceries tens, electronics hundreds, travel in between), the hour, the channel
 * and the distance from home; then, at a stated share each, <b>extreme</b> rows (an amount of 20–40 million won,
 * beyond any ordinary purchase) and <b>combination</b> rows (every value common on its own, their combination not: a grocery purchase of an
 * electronics amount, far from home, at 4 a.m.), and <b>bursts</b>: thirty purchases within twenty minutes of one
 * hour of the day, each row ordinary but for the moment it shares with the others (about five in an hour is usual). The
 * {@code kind} column says which rows are which ({@code none}, {@code extreme}, {@code combination}, {@code burst});
 * a detector must not read it.
 *
 * <p>Columns: transaction_id, time, customer_segment, merchant_category, channel, amount, items, distance_km, kind.
 */
public final class TransactionsGenerator {
    /** The header line. */
    public static final String HEADER = "transaction_id,time,customer_segment,merchant_category,channel,amount,"
            + "items,distance_km,kind";
    /** The share of extreme rows. */
    public static final double EXTREME = 0.005;
    /** The share of unusual-combination rows. */
    public static final double COMBINATION = 0.005;
    /** The share of rows in bursts. */
    public static final double BURST = 0.005;
    /** Rows in one burst: thirty purchases within twenty minutes (a bot, a stolen card being used up). */
    static final int BURST_SIZE = 30;

    private static final String[] SEGMENTS = {"학생", "직장인", "자영업", "은퇴"};
    private static final double[] SEGMENT_P = {.2, .5, .2, .1};
    private static final String[] CATEGORIES = {"grocery", "restaurant", "electronics", "travel", "clothing"};
    private static final double[] CATEGORY_P = {.40, .25, .08, .07, .20};
    /** Where extreme amounts start: about 15 times the largest ordinary purchases (KRW thousands). */
    static final double EXTREME_AMOUNT = 20_000;
    /** The median amount per category (KRW thousands). */
    private static final double[] MEDIAN = {45, 30, 700, 300, 90};

    private TransactionsGenerator() {
    }

    /** Writes {@code rows} transactions generated from {@code seed} to {@code file}. */
    public static void write(Path file, int rows, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        LocalDateTime start = LocalDateTime.of(2026, 1, 1, 0, 0);
        int bursts = (int) Math.round(rows * BURST / BURST_SIZE);
        int[] burstStart = new int[bursts];
        for (int b = 0; b < bursts; b++) { // spread over the year
            burstStart[b] = (int) ((b + 0.5) * rows / bursts);
        }
        int[] burstHour = new int[bursts];
        for (int b = 0; b < bursts; b++) {
            burstHour[b] = 9 + rnd.nextInt(10); // in the day: only the number of rows in that hour is odd
        }
        CsvLines.write(file, HEADER, rows, (w, r) -> {
            double u = rnd.nextDouble();
            String kind = u < EXTREME ? "extreme" : u < EXTREME + COMBINATION ? "combination" : "none";
            int category = ChurnGenerator.pick(rnd, CATEGORY_P);
            int hour = (int) Math.max(7, Math.min(23, Math.round(14 + 3.5 * ChurnGenerator.gaussian(rnd))));
            boolean online = rnd.nextDouble() < (category == 2 ? 0.6 : 0.25);
            double amount = MEDIAN[category] * Math.exp(0.35 * ChurnGenerator.gaussian(rnd));
            int items = (int) Math.max(1, Math.round((category == 0 ? 8 : 2) * Math.exp(0.4
                    * ChurnGenerator.gaussian(rnd))));
            double distance = online ? 0 : Math.max(0.1, 4 * Math.exp(0.6 * ChurnGenerator.gaussian(rnd)));
            if (kind.equals("extreme")) {
                amount = EXTREME_AMOUNT * (1 + rnd.nextDouble()); // beyond any category's purchases
            } else if (kind.equals("combination")) {
                category = 0; // a grocery purchase …
                amount = MEDIAN[2] * Math.exp(0.35 * ChurnGenerator.gaussian(rnd)); // … of an electronics amount
                items = 1;
                online = false;
                distance = 12 + 6 * rnd.nextDouble(); // farther than usual, still within what others travel
                hour = 7; // the first hour of the day
            }
            LocalDateTime time = start.plusDays(r * 365L / Math.max(1, rows)).withHour(hour)
                    .withMinute(rnd.nextInt(60));
            for (int b = 0; b < bursts; b++) {
                if (r >= burstStart[b] && r < burstStart[b] + BURST_SIZE) {
                    kind = "burst"; // an ordinary purchase but for the moment it shares with the others
                    time = start.plusDays(burstStart[b] * 365L / Math.max(1, rows)).withHour(burstHour[b])
                            .withMinute(rnd.nextInt(20));
                }
            }
            w.write(String.format(Locale.ROOT, "T%06d,%s,%s,%s,%s,%.0f,%d,%.1f,%s", r + 1, time,
                    SEGMENTS[ChurnGenerator.pick(rnd, SEGMENT_P)], CATEGORIES[category], online ? "online" : "store",
                    amount, items, distance, kind));
        });
    }
}
