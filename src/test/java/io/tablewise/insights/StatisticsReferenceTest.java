package io.tablewise.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.Table;

import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.ml.Auc;
import io.tablewise.node.ProgressMonitor;

/**
 * The report's statistics against hand-computed values and against Apache Commons Math, an independent
 * implementation (its skewness and kurtosis are the same bias-corrected estimators pandas and Excel use;
 * percentiles with estimation type R-7 are pandas' linear interpolation).
 */
class StatisticsReferenceTest {
    private static final double EPS = 1e-9;

    @Test
    void handComputedNumericStatistics() {
        ColumnProfile p = ColumnProfiler.profile(DoubleColumn.create("x", 1, 2, 3, 4, 100));
        NumericStats s = p.numeric();
        assertEquals(22.0, s.mean(), EPS);
        // variance = ((1-22)^2 + (2-22)^2 + (3-22)^2 + (4-22)^2 + (100-22)^2) / 4 = 7610 / 4
        assertEquals(Math.sqrt(1902.5), s.std(), EPS);
        assertEquals(2.0, s.q1(), EPS);
        assertEquals(3.0, s.median(), EPS);
        assertEquals(4.0, s.q3(), EPS);
        assertEquals(-1.0, s.lowerFence(), EPS);
        assertEquals(7.0, s.upperFence(), EPS);
        assertEquals(1, s.outliers());
        assertEquals(5, p.unique());
        assertEquals("1.0", p.min());
        assertEquals("100.0", p.max());
    }

    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        double[] sorted = {10, 20, 30, 40};
        assertEquals(17.5, ColumnProfiler.quantile(sorted, 0.25), EPS);
        assertEquals(25.0, ColumnProfiler.quantile(sorted, 0.5), EPS);
        assertEquals(32.5, ColumnProfiler.quantile(sorted, 0.75), EPS);
    }

    @Test
    void aucOfTheTextbookExample() {
        // Scores 0.1, 0.4, 0.35, 0.8 for labels 0, 0, 1, 1: 3 of the 4 positive-negative pairs are ordered.
        double[] score = {0.1, 0.4, 0.35, 0.8};
        boolean[] positive = {false, false, true, true};
        assertEquals(0.75, Auc.of(new int[] {0, 1, 2, 3}, r -> score[r], r -> positive[r]), EPS);
        assertEquals(0.5, Auc.of(new int[] {0, 1, 2, 3}, r -> 1.0, r -> positive[r]), EPS);
    }

    @Test
    void cramersVIsOneForAPerfectAssociationAndZeroForIndependence() {
        assertEquals(1.0, CorrelationAnalysis.cramersV(new int[] {0, 0, 1, 1}, new int[] {1, 1, 0, 0}), EPS);
        assertEquals(0.0, CorrelationAnalysis.cramersV(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}), EPS);
    }

    @Test
    void correlationRatioByHand() {
        // groups a: 1, 3 (mean 2); b: 5, 7 (mean 6); overall mean 4; between = 2*4 + 2*4 = 16; total = 9+1+1+9 = 20
        assertEquals(Math.sqrt(16.0 / 20.0), CorrelationAnalysis.eta(new double[] {1, 3, 5, 7},
                new int[] {0, 0, 1, 1}), EPS);
    }

    static Table shared(String name) throws Exception {
        return io.tablewise.SharedData.table(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"winequality-red.csv", "winequality-white.csv", "bank-additional-full.csv",
        "titanic_train.csv"})
    void everyNumericColumnMatchesCommonsMath(String file) throws Exception {
        Table t = shared(file);
        for (var column : t.columns()) {
            if (!(column instanceof NumberColumn<?, ?> n)) {
                continue;
            }
            double[] values = ((NumberColumn<?, ?>) n.removeMissing()).asDoubleArray();
            DescriptiveStatistics ref = new DescriptiveStatistics(values);
            Percentile r7 = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
            NumericStats s = ColumnProfiler.profile(column).numeric();
            String what = file + " " + column.name();
            assertEquals(ref.getMean(), s.mean(), 1e-9 * Math.max(1, Math.abs(ref.getMean())), what);
            assertEquals(ref.getStandardDeviation(), s.std(), 1e-9 * Math.max(1, ref.getStandardDeviation()), what);
            assertEquals(ref.getSkewness(), s.skewness(), 1e-7, what);
            assertEquals(ref.getKurtosis(), s.kurtosis(), 1e-6, what);
            assertEquals(r7.evaluate(values, 25), s.q1(), 1e-9, what);
            assertEquals(r7.evaluate(values, 50), s.median(), 1e-9, what);
            assertEquals(r7.evaluate(values, 75), s.q3(), 1e-9, what);
            assertEquals(ref.getMin(), s.min(), 0, what);
            assertEquals(ref.getMax(), s.max(), 0, what);
            assertEquals(Arrays.stream(values).distinct().count(), ColumnProfiler.profile(column).unique(), what);
        }
    }

    @Test
    void pearsonAndSpearmanMatchCommonsMathOnWine() throws Exception {
        Table t = shared("winequality-red.csv");
        double[] a = t.numberColumn("fixed acidity").asDoubleArray();
        double[] b = t.numberColumn("citric acid").asDoubleArray();
        assertEquals(new PearsonsCorrelation().correlation(a, b), CorrelationAnalysis.pearson(a, b), 1e-12);
        assertEquals(new SpearmansCorrelation().correlation(a, b),
                CorrelationAnalysis.pearson(CorrelationAnalysis.ranks(a), CorrelationAnalysis.ranks(b)), 1e-12);
    }

    @Test
    void cramersVMatchesTheChiSquaredOfCommonsMathOnBank() throws Exception {
        Table t = shared("bank-additional-full.csv");
        String[] job = t.stringColumn("job").asObjectArray();
        String[] education = t.stringColumn("education").asObjectArray();
        List<String> jobs = Arrays.stream(job).distinct().sorted().toList();
        List<String> levels = Arrays.stream(education).distinct().sorted().toList();
        long[][] counts = new long[jobs.size()][levels.size()];
        int[] a = new int[job.length];
        int[] b = new int[job.length];
        for (int i = 0; i < job.length; i++) {
            a[i] = jobs.indexOf(job[i]);
            b[i] = levels.indexOf(education[i]);
            counts[a[i]][b[i]]++;
        }
        double chi2 = new ChiSquareTest().chiSquare(counts);
        double expected = Math.sqrt(chi2 / (job.length * (Math.min(jobs.size(), levels.size()) - 1.0)));
        assertEquals(expected, CorrelationAnalysis.cramersV(a, b), 1e-9);
    }

    @Test
    void vifMatchesOneOverOneMinusRSquaredOfAnOlsFit() {
        Random random = new Random(3);
        int n = 2000;
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] x3 = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = random.nextGaussian();
            x2[i] = random.nextGaussian();
            x3[i] = x1[i] + 0.5 * x2[i] + 0.3 * random.nextGaussian();
        }
        Table t = Table.create("v", DoubleColumn.create("x1", x1), DoubleColumn.create("x2", x2),
                DoubleColumn.create("x3", x3));
        List<ColumnProfile> profiles = t.columns().stream().map(ColumnProfiler::profile).toList();
        int[] rows = java.util.stream.IntStream.range(0, n).toArray();
        Correlations c = CorrelationAnalysis.compute(t, profiles, rows, () -> false);
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        double[][] others = new double[n][];
        for (int i = 0; i < n; i++) {
            others[i] = new double[] {x1[i], x2[i]};
        }
        ols.newSampleData(x3, others);
        double expected = 1 / (1 - ols.calculateRSquared());
        assertEquals(expected, c.vif()[c.indexOf("x3")], 1e-6 * expected);
        assertTrue(c.vif()[c.indexOf("x3")] > 5);
    }

    @Test
    void exactlyCollinearColumnsHaveInfiniteVif() {
        Table t = Table.create("c", DoubleColumn.create("a", 1, 2, 3, 4, 5), DoubleColumn.create("b", 2, 4, 6, 8, 10),
                DoubleColumn.create("c", 5, 3, 4, 1, 2));
        List<ColumnProfile> profiles = t.columns().stream().map(ColumnProfiler::profile).toList();
        Correlations c = CorrelationAnalysis.compute(t, profiles, new int[] {0, 1, 2, 3, 4}, () -> false);
        assertEquals(Double.POSITIVE_INFINITY, c.vif()[c.indexOf("a")]);
        assertEquals(1.0, c.pearson()[c.indexOf("a")][c.indexOf("b")], EPS);
    }
}
