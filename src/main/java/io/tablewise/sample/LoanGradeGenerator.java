package io.tablewise.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Loan applications for a multiclass project: each applicant's risk grade A (best) to D follows a latent credit
 * score driven by income, debt ratio, late payments, employment years, open credit lines and home ownership, cut
 * at thresholds, with noise so neighbouring grades overlap as they do in practice.
 *
 * <p>Columns: application_id, age, income_mkrw, employment_years, debt_ratio, credit_lines, late_payments_2y,
 * home_ownership, purpose, region, amount_mkrw, grade.
 */
public final class LoanGradeGenerator {
    /** The header line. */
    public static final String HEADER = "application_id,age,income_mkrw,employment_years,debt_ratio,credit_lines,"
            + "late_payments_2y,home_ownership,purpose,region,amount_mkrw,grade";

    private static final String[] HOMES = {"rent", "mortgage", "own", "family"};
    private static final String[] PURPOSES = {"home", "car", "education", "business", "personal", "debt refinancing"};
    private static final String[] REGIONS = {"서울", "경기", "부산", "인천", "대구", "광주", "대전"};
    private static final double[] REGION_P = {.34, .28, .10, .09, .08, .06, .05};

    private LoanGradeGenerator() {
    }

    /** Writes {@code rows} applications generated from {@code seed} to {@code file}. */
    public static void write(Path file, int rows, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        CsvLines.write(file, HEADER, rows, (w, r) -> {
            int age = (int) Math.max(20, Math.min(75, 40 + 11 * ChurnGenerator.gaussian(rnd)));
            double income = Math.exp(3.6 + 0.03 * Math.min(age - 20, 25) + 0.45 * ChurnGenerator.gaussian(rnd));
            int employment = (int) Math.max(0, Math.min(age - 19, Math.round(-Math.log(1 - rnd.nextDouble()) * 6)));
            double debt = Math.max(0, Math.min(1.2, 0.32 + 0.15 * ChurnGenerator.gaussian(rnd)));
            int lines = ChurnGenerator.poisson(rnd, 3.2);
            int late = ChurnGenerator.poisson(rnd, 0.25 + 0.8 * debt);
            int home = ChurnGenerator.pick(rnd, new double[] {.42, .30, .20, .08});
            int purpose = ChurnGenerator.pick(rnd, new double[] {.15, .18, .10, .12, .25, .20});
            double amount = Math.max(3, income * (0.2 + 0.6 * rnd.nextDouble()));
            double score = 0.9 * Math.log(income) - 2.6 * debt - 0.75 * late + 0.05 * Math.min(employment, 15)
                    - 0.08 * Math.abs(lines - 4) + (home == 2 ? 0.35 : home == 1 ? 0.15 : 0)
                    + (purpose == 3 ? -0.3 : 0) - 0.1 * amount / income + 0.45 * ChurnGenerator.gaussian(rnd);
            String grade = score > 3.15 ? "A" : score > 2.55 ? "B" : score > 1.9 ? "C" : "D";
            w.write(String.format(Locale.ROOT, "L%05d,%d,%.1f,%d,%.3f,%d,%d,%s,%s,%s,%.1f,%s",
                    r + 1, age, income, employment, debt, lines, late, HOMES[home], PURPOSES[purpose],
                    REGIONS[ChurnGenerator.pick(rnd, REGION_P)], amount, grade));
        });
    }
}
