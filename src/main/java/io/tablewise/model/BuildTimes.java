package io.tablewise.model;

import java.util.HashMap;
import java.util.Map;

/**
 * How long the parts of an automatic build still to come will take, estimated from a candidate's measured times, so
 * that the search leaves them their time within the budget: a finalist's second rung, and the finishing steps after
 * the search (the final fit on every training row, the threshold probe on three quarters of them, the evaluation and
 * the permutation importance).
 * <p>
 * Fit times grow much slower than the rows on the tables a desktop sees (fixed costs per tree and per call, several
 * threads: on bank marketing, boosted trees take 1.0 s on 8,800 rows and 1.3 s on 26,000), so a fit is scaled by the
 * square root of the rows ratio. Each finalist's measured second rung then corrects the estimates of its family
 * (the ratio of measured to estimated time); a family not measured yet takes the mean ratio so far, never below 1.
 */
final class BuildTimes {
    /**
     * The finishing steps in full-size fits: the final fit, the threshold probe (three quarters of the rows) and the
     * evaluation with the permutation importance (sixty scorings of up to 4,000 rows: 2.4 s for boosted trees on bank
     * marketing, about two fits there).
     */
    static final double FINISHING_FITS = 4.0;

    private final boolean crossValidate;
    private final double fullShare;
    private final Map<String, double[]> ratios = new HashMap<>(); // family: {sum of measured/estimated, count}
    private double sum;
    private int count;

    /**
     * @param crossValidate whether the second rung cross-validates on all the training rows
     * @param fullShare the share of the training rows the second rung learns from otherwise
     */
    BuildTimes(boolean crossValidate, double fullShare) {
        this.crossValidate = crossValidate;
        this.fullShare = fullShare;
    }

    /** Seconds of one fit of the candidate's learner on {@code share} of the training rows. */
    static double fit(AutoMl.Candidate c, double share) {
        return c.fitSeconds() / Math.max(1, c.folds()) * Math.sqrt(share / c.share());
    }

    /** Seconds of the finishing steps with the candidate's learner, before any correction. */
    static double finishing(AutoMl.Candidate c) {
        return FINISHING_FITS * fit(c, 1) + 2 * c.predictSeconds() / Math.max(1, c.folds());
    }

    /** Seconds of the second rung of a first-rung candidate, corrected by what its family measured. */
    double secondRung(AutoMl.Candidate c) {
        return rawSecondRung(c) * ratio(c);
    }

    /**
     * Seconds of the finishing steps with the candidate's learner: as measured at full size for a second-rung
     * candidate, corrected like the second rung for a first-rung one.
     */
    double finishingOf(AutoMl.Candidate c) {
        return c.rung() == 2 ? finishing(c) : finishing(c) * ratio(c);
    }

    /** Records a finalist's measured second rung. */
    void measured(AutoMl.Candidate first, double seconds) {
        double r = seconds / Math.max(1e-3, rawSecondRung(first));
        ratios.merge(first.learner().id(), new double[] {r, 1}, (a, b) -> new double[] {a[0] + b[0], a[1] + b[1]});
        sum += r;
        count++;
    }

    private double ratio(AutoMl.Candidate c) {
        double[] own = ratios.get(c.learner().id());
        if (own != null) {
            return own[0] / own[1];
        }
        return count == 0 ? 1 : Math.max(1, sum / count);
    }

    private double rawSecondRung(AutoMl.Candidate c) {
        if (crossValidate) {
            // each fold learns from 80% of the rows and predicts the other 20%: all rows predicted once in all
            return AutoMl.FOLDS * fit(c, (AutoMl.FOLDS - 1) / (double) AutoMl.FOLDS)
                    + c.predictSeconds() * AutoMl.FOLDS;
        }
        return fit(c, fullShare) + c.predictSeconds();
    }
}
