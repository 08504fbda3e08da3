package io.tablewise.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Apartment sales in Korean cities for a regression project: the price (millions of won) follows the district's
 * price level per square metre, the floor area, the building's age, the floor, the distance to the subway, the
 * condition and parking, with multiplicative (log-normal) noise, so a model can learn it but not perfectly.
 *
 * <p>Columns: sale_id, sale_date, city, district, area_m2, rooms, bathrooms, floor, building_year, parking,
 * subway_m, condition, price_mkrw.
 */
public final class HousePricesGenerator {
    /** The header line. */
    public static final String HEADER = "sale_id,sale_date,city,district,area_m2,rooms,bathrooms,floor,building_year,"
            + "parking,subway_m,condition,price_mkrw";

    private static final String[] DISTRICTS = {"강남구", "서초구", "송파구", "마포구", "성동구", "노원구", "관악구",
        "해운대구", "수영구", "분당구", "수원 영통구", "대전 유성구"};
    private static final String[] CITIES = {"서울", "서울", "서울", "서울", "서울", "서울", "서울", "부산", "부산",
        "성남", "수원", "대전"};
    /** Millions of won per square metre. */
    private static final double[] PRICE_M2 = {28, 25, 21, 17, 18, 9, 10, 11, 9, 15, 8, 6};
    private static final double[] DISTRICT_P = {.08, .07, .10, .09, .07, .10, .09, .09, .06, .09, .08, .08};
    private static final String[] CONDITIONS = {"poor", "fair", "good", "excellent"};
    private static final double[] CONDITION_FACTOR = {0.82, 0.94, 1.0, 1.1};
    private static final LocalDate FIRST_SALE = LocalDate.of(2023, 1, 1);

    private HousePricesGenerator() {
    }

    /** Writes {@code rows} sales generated from {@code seed} to {@code file}. */
    public static void write(Path file, int rows, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        CsvLines.write(file, HEADER, rows, (w, r) -> {
            int d = ChurnGenerator.pick(rnd, DISTRICT_P);
            double area = Math.max(24, Math.min(220, Math.exp(4.35 + 0.32 * ChurnGenerator.gaussian(rnd))));
            int rooms = (int) Math.max(1, Math.min(6, Math.round(area / 30 + 0.5 * ChurnGenerator.gaussian(rnd))));
            int baths = area > 100 ? 2 + (rnd.nextDouble() < 0.2 ? 1 : 0) : area > 60 ? 1 + (rnd.nextDouble() < 0.6 ? 1 : 0) : 1;
            int year = 1985 + rnd.nextInt(40);
            int floor = 1 + (int) Math.min(48, -Math.log(1 - rnd.nextDouble()) * 9);
            boolean parking = rnd.nextDouble() < (year > 2000 ? 0.92 : 0.6);
            double subway = Math.min(3000, Math.exp(6.2 + 0.7 * ChurnGenerator.gaussian(rnd)));
            int condition = ChurnGenerator.pick(rnd, new double[] {.1, .3, .4, .2});
            LocalDate sold = FIRST_SALE.plusDays(rnd.nextInt(3 * 365));
            double months = (sold.toEpochDay() - FIRST_SALE.toEpochDay()) / 30.4;
            double age = 2026 - year;
            double price = PRICE_M2[d] * area * CONDITION_FACTOR[condition]
                    * Math.exp(-0.006 * age + 0.004 * Math.min(floor, 25) - 0.00012 * subway + (parking ? 0.05 : 0)
                    + 0.003 * months + 0.10 * ChurnGenerator.gaussian(rnd));
            w.write(String.format(Locale.ROOT, "H%05d,%s,%s,%s,%.1f,%d,%d,%d,%s,%s,%.0f,%s,%.0f",
                    r + 1, sold, CITIES[d], DISTRICTS[d], area, rooms, baths, floor,
                    rnd.nextDouble() < 0.04 ? "" : Integer.toString(year), parking, subway,
                    rnd.nextDouble() < 0.05 ? "" : CONDITIONS[condition], price));
        });
    }
}
