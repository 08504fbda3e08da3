package io.tablewise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.tablewise.ml.Learner;

/** The time estimates that keep an automatic build within its budget, on candidates with known times. */
class BuildTimesTest {
    private static AutoMl.Candidate firstRung(Learner l, double share, double fit, double predict) {
        return new AutoMl.Candidate(l, l, 1, share, 0, 0.8, 0.01, fit, predict);
    }

    @Test
    void fitsScaleByTheSquareRootOfTheRowsAndFoldsAreOneFitEach() {
        AutoMl.Candidate small = firstRung(Learner.Boosted.defaults(), 0.25, 2.0, 0.1);
        assertEquals(4.0, BuildTimes.fit(small, 1), 1e-12, "four times the rows, twice the time");
        AutoMl.Candidate folds = new AutoMl.Candidate(Learner.Boosted.defaults(), Learner.Boosted.defaults(), 2, 0.8,
                5, 0.8, 0.01, 10.0, 0.5);
        assertEquals(2.0 * Math.sqrt(1 / 0.8), BuildTimes.fit(folds, 1), 1e-12);
        assertEquals(BuildTimes.FINISHING_FITS * 2.0 * Math.sqrt(1 / 0.8) + 2 * 0.5 / 5, BuildTimes.finishing(folds),
                1e-12);
    }

    @Test
    void measuredSecondRungsCorrectTheirFamilyAndNeverShrinkAnother() {
        BuildTimes times = new BuildTimes(true, 0.8);
        AutoMl.Candidate boosted = firstRung(Learner.Boosted.defaults(), 0.2, 1.0, 0.1);
        AutoMl.Candidate forest = firstRung(Learner.Forest.defaults(), 0.2, 1.0, 0.1);
        double raw = 5 * Math.sqrt(0.8 / 0.2) + 0.1 * 5;
        assertEquals(raw, times.secondRung(boosted), 1e-12);
        times.measured(boosted, raw / 2); // boosted trees took half the estimate
        assertEquals(raw / 2, times.secondRung(boosted), 1e-12);
        assertEquals(BuildTimes.finishing(boosted) / 2, times.finishingOf(boosted), 1e-12);
        assertEquals(raw, times.secondRung(forest), 1e-12, "a faster family says nothing about a slower one");
        times.measured(forest, raw * 3);
        assertEquals(raw * 3, times.secondRung(forest), 1e-12);
        AutoMl.Candidate tree = firstRung(Learner.Tree.defaults(), 0.2, 1.0, 0.1);
        assertEquals(raw * (0.5 + 3) / 2, times.secondRung(tree), 1e-12, "an unmeasured family: the mean ratio");
    }
}
