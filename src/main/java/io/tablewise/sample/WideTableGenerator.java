package io.tablewise.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The benchmark's 1M x 20 table (workload 1 of the shared benchmark notes): integers, decimals with fixed
 * places, categoricals of 3 to 1,000 values, a boolean and a date, with the stated shares of empty fields.
 */
public final class WideTableGenerator {
    /** The header line. */
    public static final String HEADER = "id,age,visits,score,income,balance,rate,temp,height,weight,ratio,"
            + "latency,segment,country,product,city,user_tag,channel,active,signup_date";
    private static final String[] CHANNELS = {"web", "mobile", "store", "phone", "partner"};
    private static final LocalDate START = LocalDate.of(2015, 1, 1);

    private WideTableGenerator() {
    }

    /** Writes {@code rows} rows generated from {@code seed}. */
    public static void write(Path file, int rows, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder(256);
        CsvLines.write(file, HEADER, rows, (w, r) -> {
            sb.setLength(0);
            sb.append(r + 1).append(',');
            sb.append(18 + rnd.nextInt(72)).append(',');
            if (rnd.nextDouble() >= 0.02) {
                sb.append(ChurnGenerator.poisson(rnd, 3));
            }
            sb.append(',').append(rnd.nextInt(1000)).append(',');
            if (rnd.nextDouble() >= 0.05) {
                fixed(sb, Math.exp(10.5 + 0.6 * ChurnGenerator.gaussian(rnd)), 2);
            }
            sb.append(',');
            fixed(sb, 1500 + 3000 * ChurnGenerator.gaussian(rnd), 2);
            sb.append(',');
            fixed(sb, rnd.nextDouble(), 6);
            sb.append(',');
            if (rnd.nextDouble() >= 0.10) {
                fixed(sb, 20 + 8 * ChurnGenerator.gaussian(rnd), 3);
            }
            sb.append(',');
            fixed(sb, 170 + 10 * ChurnGenerator.gaussian(rnd), 1);
            sb.append(',');
            if (rnd.nextDouble() >= 0.01) {
                fixed(sb, 75 + 15 * ChurnGenerator.gaussian(rnd), 1);
            }
            sb.append(',');
            fixed(sb, studentT3(rnd), 5);
            sb.append(',');
            fixed(sb, -Math.log(1 - rnd.nextDouble()) * 120, 3);
            sb.append(',');
            double u = rnd.nextDouble();
            sb.append(u < 0.5 ? "A" : u < 0.8 ? "B" : "C").append(',');
            if (rnd.nextDouble() >= 0.03) {
                sb.append("country_").append(pad(rnd.nextInt(10), 2));
            }
            sb.append(",prod_").append(pad(rnd.nextInt(50), 3)).append(',');
            if (rnd.nextDouble() >= 0.05) {
                sb.append("city_").append(pad(rnd.nextInt(200), 3));
            }
            sb.append(",tag_").append(pad(rnd.nextInt(1000), 4)).append(',');
            if (rnd.nextDouble() >= 0.20) {
                sb.append(CHANNELS[rnd.nextInt(5)]);
            }
            sb.append(',').append(rnd.nextBoolean()).append(',');
            sb.append(START.plusDays(rnd.nextInt(3650)));
            w.append(sb);
        });
    }

    private static double studentT3(SplittableRandom rnd) {
        double z = ChurnGenerator.gaussian(rnd);
        double chi = 0;
        for (int i = 0; i < 3; i++) {
            double g = ChurnGenerator.gaussian(rnd);
            chi += g * g;
        }
        return z / Math.sqrt(chi / 3);
    }

    /** Appends {@code v} with exactly {@code places} decimals, half-up, without String.format's cost. */
    static void fixed(StringBuilder sb, double v, int places) {
        long scale = (long) Math.pow(10, places);
        long scaled = Math.round(Math.abs(v) * scale);
        if (v < 0 && scaled != 0) {
            sb.append('-');
        }
        sb.append(scaled / scale).append('.');
        String frac = Long.toString(scaled % scale);
        for (int i = frac.length(); i < places; i++) {
            sb.append('0');
        }
        sb.append(frac);
    }

    private static String pad(int v, int width) {
        String s = Integer.toString(v);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }
}
