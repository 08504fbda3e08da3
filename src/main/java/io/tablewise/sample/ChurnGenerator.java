package io.tablewise.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A realistic customer-churn table for a Korean telecom-like subscription business: numeric, categorical
 * (including Korean region names), date and boolean columns, a few percent missing values, and a target
 * {@code churned} (yes/no) that depends on contract, tenure, support calls, satisfaction, fee and payment
 * method through a logistic model plus noise, so it is learnable but not trivially.
 *
 * <p>Columns: customer_id, signup_date, region, plan, contract, payment_method, paperless_billing, age,
 * tenure_months, monthly_fee, data_usage_gb, support_calls, satisfaction, family_plan, churned.
 */
public final class ChurnGenerator {
    /** The header line. */
    public static final String HEADER = "customer_id,signup_date,region,plan,contract,payment_method,"
            + "paperless_billing,age,tenure_months,monthly_fee,data_usage_gb,support_calls,satisfaction,"
            + "family_plan,churned";

    private static final String[] REGIONS = {"서울", "경기", "부산", "인천", "대구", "대전", "광주", "울산", "제주"};
    private static final double[] REGION_P = {.30, .25, .10, .08, .07, .06, .05, .05, .04};
    private static final String[] PLANS = {"Basic", "Standard", "Premium"};
    private static final double[] PLAN_FEE = {29.0, 55.0, 89.0};
    private static final String[] CONTRACTS = {"month-to-month", "one-year", "two-year"};
    private static final String[] PAYMENTS = {"card", "bank transfer", "mobile", "invoice"};
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    private ChurnGenerator() {
    }

    /** Writes {@code rows} customers generated from {@code seed} to {@code file}. */
    public static void write(Path file, int rows, long seed) throws IOException {
        write(file, rows, seed, false);
    }

    /**
     * The same customers half a year later, after a price rise (the drift monitor's sample): fees 15% higher, more
     * month-to-month contracts (55% → 70%) and mobile payments (20% → 40%), and support calls up by 0.8 a customer;
     * everything else, and how churn follows from it, as before.
     */
    public static void writeLater(Path file, int rows, long seed) throws IOException {
        write(file, rows, seed, true);
    }

    private static void write(Path file, int rows, long seed, boolean later) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        LocalDate asOf = later ? AS_OF.plusMonths(6) : AS_OF;
        double[] contracts = later ? new double[] {.70, .18, .12} : new double[] {.55, .25, .20};
        double[] payments = later ? new double[] {.30, .18, .40, .12} : new double[] {.40, .25, .20, .15};
        double rise = later ? 1.15 : 1;
        double moreCalls = later ? 0.8 : 0;
        CsvLines.write(file, HEADER, rows, (w, r) -> {
            int plan = pick(rnd, new double[] {.45, .35, .20});
            int contract = pick(rnd, contracts);
            int payment = pick(rnd, payments);
            int tenure = 1 + (int) Math.min(95, -Math.log(1 - rnd.nextDouble()) * (contract == 0 ? 14 : 30));
            LocalDate signup = asOf.minusMonths(tenure).minusDays(rnd.nextInt(28));
            double fee = rise * (PLAN_FEE[plan] + rnd.nextDouble() * 10 - 5 + (rnd.nextDouble() < 0.3 ? 12 : 0));
            double usage = Math.exp(1.6 + 0.4 * plan + 0.7 * gaussian(rnd));
            int calls = poisson(rnd, 0.8 + moreCalls + (plan == 0 ? 0.6 : 0) + (tenure < 6 ? 0.7 : 0));
            int satisfaction = (int) Math.max(1, Math.min(5, Math.round(3.6 - 0.35 * calls + gaussian(rnd))));
            int age = (int) Math.max(18, Math.min(85, 41 + 13 * gaussian(rnd)));
            boolean paperless = rnd.nextDouble() < 0.62;
            boolean family = rnd.nextDouble() < 0.28;
            double logit = -1.1 + (contract == 0 ? 1.2 : contract == 2 ? -1.0 : 0) + 0.38 * calls
                    - 0.035 * tenure + 0.018 * (fee - 55) - 0.45 * (satisfaction - 3) + (payment == 3 ? 0.55 : 0)
                    - (family ? 0.4 : 0) + (paperless ? 0.15 : 0) + 0.6 * gaussian(rnd);
            boolean churned = rnd.nextDouble() < 1 / (1 + Math.exp(-logit));
            w.write(String.format(Locale.ROOT, "C%06d,%s,%s,%s,%s,%s,%s,%s,%d,%.2f,%s,%d,%s,%s,%s",
                    r + 1, signup, REGIONS[pick(rnd, REGION_P)], PLANS[plan], CONTRACTS[contract],
                    PAYMENTS[payment], paperless, rnd.nextDouble() < 0.02 ? "" : Integer.toString(age), tenure,
                    fee, rnd.nextDouble() < 0.03 ? "" : String.format(Locale.ROOT, "%.1f", usage), calls,
                    rnd.nextDouble() < 0.08 ? "" : Integer.toString(satisfaction), family, churned ? "yes" : "no"));
        });
    }

    static int pick(SplittableRandom rnd, double[] p) {
        double u = rnd.nextDouble();
        for (int i = 0; i < p.length - 1; i++) {
            u -= p[i];
            if (u < 0) {
                return i;
            }
        }
        return p.length - 1;
    }

    static double gaussian(SplittableRandom rnd) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
        double u1 = 1 - rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    static int poisson(SplittableRandom rnd, double mean) {
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
