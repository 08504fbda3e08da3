package io.tablewise.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Past hiring decisions with a known, injected bias, for the bias report: each applicant's merit follows their test
 * score, years of experience and education; the recorded decision adds a penalty of {@value #PENALTY} to the
 * log-odds of being hired for women (gender F) at equal merit. A model trained on these decisions learns the
 * penalty, so its positive prediction rate for F falls well below the rest's (disparate impact under 0.8), while
 * the applicants' qualifications are drawn from the same distributions for every gender.
 *
 * <p>Columns: applicant_id, gender, age, experience_years, test_score, education, region, hired (yes/no).
 */
public final class HiringGenerator {
    /** The header line. */
    public static final String HEADER = "applicant_id,gender,age,experience_years,test_score,education,region,hired";
    /** The log-odds penalty of the recorded decisions for gender F, at equal merit. */
    public static final double PENALTY = 1.2;
    /** The share of applicants who are women. */
    public static final double WOMEN = 0.4;

    private static final String[] EDUCATION = {"high school", "bachelor", "master", "doctorate"};
    private static final double[] EDUCATION_P = {.25, .50, .20, .05};
    private static final String[] REGIONS = {"서울", "경기", "부산", "대전"};
    private static final double[] REGION_P = {.40, .30, .18, .12};

    private HiringGenerator() {
    }

    /** Writes {@code rows} applicants generated from {@code seed} to {@code file}. */
    public static void write(Path file, int rows, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        CsvLines.write(file, HEADER, rows, (w, r) -> {
            boolean woman = rnd.nextDouble() < WOMEN;
            int age = (int) Math.max(21, Math.min(62, 34 + 8 * ChurnGenerator.gaussian(rnd)));
            int experience = (int) Math.max(0, Math.min(age - 21, Math.round((age - 22) * 0.6
                    + 2 * ChurnGenerator.gaussian(rnd))));
            double score = Math.max(0, Math.min(100, 65 + 12 * ChurnGenerator.gaussian(rnd)));
            int education = ChurnGenerator.pick(rnd, EDUCATION_P);
            double merit = 0.08 * (score - 65) + 0.12 * Math.min(experience, 15) + 0.4 * education - 1.3;
            double logOdds = merit - (woman ? PENALTY : 0);
            boolean hired = rnd.nextDouble() < 1 / (1 + Math.exp(-logOdds));
            w.write(String.format(Locale.ROOT, "A%05d,%s,%d,%d,%.1f,%s,%s,%s", r + 1, woman ? "F" : "M", age,
                    experience, score, EDUCATION[education], REGIONS[ChurnGenerator.pick(rnd, REGION_P)],
                    hired ? "yes" : "no"));
        });
    }
}
