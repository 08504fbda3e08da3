package io.tablewise.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Daily sales of many store × item series with a known truth, for forecasting: each series has its own level, a
 * weekly pattern (weekends busier, by category), a yearly wave (drinks in summer, gift sets before the lunar
 * holidays), a slow trend, <b>promotions</b> (planned a week at a time, announced ahead: a future-known covariate)
 * that lift sales by a per-item factor and cut the price, and the <b>Korean holidays</b>: gift sets sell three to four
 * times their usual in the five days before Seollal and Chuseok, and every store sells less on the holidays
 * themselves. Sales are Poisson draws around the true mean, which is written as {@code expected} (a forecaster must
 * not read it; it is the ceiling any forecast can reach). The last {@code future} days may be written as the future to
 * forecast: their promotions and prices (planned ahead) are there, their sales and expected values blank.
 *
 * <p>Columns: store, item, category, date, promo (0/1), price, sales, expected.
 */
public final class RetailGenerator {
    /** The header line. */
    public static final String HEADER = "store,item,category,date,promo,price,sales,expected";
    /** The first day. */
    public static final LocalDate START = LocalDate.of(2024, 1, 1);

    private static final String[] STORES = {"서울 강남", "서울 마포", "부산 해운대", "대구 중구", "인천 송도", "광주 서구",
        "대전 유성", "울산 남구", "수원 영통", "창원 성산", "고양 일산", "제주 연동"};
    private static final String[] CATEGORIES = {"식품", "음료", "생활용품", "선물세트"};
    private static final double[] CATEGORY_P = {.45, .25, .2, .1};
    /** Weekly multipliers Monday … Sunday by category. */
    private static final double[][] WEEK = {{.9, .85, .9, .95, 1.1, 1.3, 1.2}, {.85, .85, .9, 1, 1.15, 1.3, 1.1},
        {.95, .95, .95, 1, 1, 1.1, 1.05}, {.8, .8, .85, .9, 1.1, 1.4, 1.3}};

    private RetailGenerator() {
    }

    /** Writes {@code series} store × item series of {@code days} days each, generated from {@code seed}. */
    public static void write(Path file, int series, int days, long seed) throws IOException {
        write(file, series, days, 0, seed);
    }

    /** As {@link #write(Path, int, int, long)}, the last {@code future} days' sales and expected values blank. */
    public static void write(Path file, int series, int days, int future, long seed) throws IOException {
        if (series < 1 || days < 1 || future < 0 || future >= days) {
            throw new IllegalArgumentException("series and days must be at least 1, the future days fewer than the days");
        }
        int items = (int) Math.ceil(series / (double) Math.min(series, STORES.length));
        int stores = (int) Math.ceil(series / (double) items);
        SplittableRandom rnd = new SplittableRandom(seed);
        Series[] all = new Series[series];
        double[] storeSize = new double[stores];
        for (int s = 0; s < stores; s++) {
            storeSize[s] = Math.exp(0.35 * ChurnGenerator.gaussian(rnd));
        }
        int[] category = new int[items];
        double[] itemLevel = new double[items];
        double[] lift = new double[items];
        double[] price = new double[items];
        for (int i = 0; i < items; i++) {
            category[i] = ChurnGenerator.pick(rnd, CATEGORY_P);
            itemLevel[i] = 12 * Math.exp(0.9 * ChurnGenerator.gaussian(rnd)); // a few units to a hundred a day
            lift[i] = 1.25 + 0.5 * rnd.nextDouble();
            price[i] = Math.round((category[i] == 3 ? 30_000 : 2_000) * Math.exp(0.5 * ChurnGenerator.gaussian(rnd))
                    / 100.0) * 100.0;
        }
        io.tablewise.forecast.Holidays kr = io.tablewise.forecast.Holidays.korean();
        for (int k = 0; k < series; k++) {
            int s = k / items;
            int i = k % items;
            Series x = new Series();
            x.store = STORES[s % STORES.length] + (s >= STORES.length ? " " + (s / STORES.length + 1) : "");
            x.item = String.format(Locale.ROOT, "item-%03d", i + 1);
            x.category = category[i];
            x.level = itemLevel[i] * storeSize[s];
            x.trend = 0.15 * ChurnGenerator.gaussian(rnd); // change per year, relative
            x.yearAmplitude = category[i] == 1 ? 0.35 : 0.1 * rnd.nextDouble();
            x.lift = lift[i];
            x.price = price[i];
            x.promo = new boolean[days];
            for (int d = 0; d < days; d += 7) { // a promotion is planned for a whole week, about one week in eight
                if (rnd.nextDouble() < 0.12) {
                    for (int j = d; j < Math.min(days, d + 7); j++) {
                        x.promo[j] = true;
                    }
                }
            }
            all[k] = x;
        }
        SplittableRandom noise = rnd.split();
        CsvLines.write(file, HEADER, series * days, (w, r) -> {
            Series x = all[r / days];
            int d = r % days;
            LocalDate day = START.plusDays(d);
            double mu = expected(x, day, d, kr);
            long sales = poisson(noise, mu);
            w.write(x.store);
            w.write(',');
            w.write(x.item);
            w.write(',');
            w.write(CATEGORIES[x.category]);
            w.write(',');
            w.write(day.toString());
            w.write(x.promo[d] ? ",1," : ",0,");
            w.write(String.format(Locale.ROOT, "%.0f", x.promo[d] ? x.price * 0.8 : x.price));
            w.write(',');
            if (d < days - future) {
                w.write(Long.toString(sales));
                w.write(',');
                w.write(String.format(Locale.ROOT, "%.4f", mu));
            } else {
                w.write(','); // the future: known promotions and prices, sales to forecast
            }
        });
    }

    /** The true mean sales of a series on a day. */
    static double expected(Series x, LocalDate day, int d, io.tablewise.forecast.Holidays kr) {
        double mu = x.level * (1 + x.trend * d / 365.0);
        mu *= WEEK[x.category][day.getDayOfWeek().getValue() - 1];
        // the yearly wave peaks in late July
        mu *= 1 + x.yearAmplitude * Math.cos(2 * Math.PI * (day.getDayOfYear() - 205) / 365.25);
        if (x.promo[d]) {
            mu *= x.lift;
        }
        String holiday = kr.on(day);
        if ("Seollal".equals(holiday) || "Chuseok".equals(holiday)) {
            mu *= 0.45; // families at home; many shops shut
        } else if (holiday != null) {
            mu *= day.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : 1.1;
        }
        if (x.category == 3) {
            for (String lunar : new String[] {"Seollal", "Chuseok"}) {
                double until = kr.distance(lunar, day, 5, 0);
                if (until > 0) {
                    mu *= 2.5 + (5 - until) * 0.3; // the gift-set rush builds up to the holiday
                }
            }
        }
        return Math.max(0.05, mu);
    }

    /** A Poisson draw (Knuth's for small means, a rounded normal for large ones). */
    static long poisson(SplittableRandom rnd, double mu) {
        if (mu > 50) {
            return Math.max(0, Math.round(mu + Math.sqrt(mu) * ChurnGenerator.gaussian(rnd)));
        }
        double limit = Math.exp(-mu);
        double p = 1;
        long k = 0;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > limit);
        return k - 1;
    }

    /** One store × item series' truth. */
    static final class Series {
        String store;
        String item;
        int category;
        double level;
        double trend;
        double yearAmplitude;
        double lift;
        double price;
        boolean[] promo;
    }
}
