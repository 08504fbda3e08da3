package io.tablewise.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import io.tablewise.data.DataFiles;
import io.tablewise.node.NodeException;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.sample.TransactionsGenerator;

class AnomalyDetectorTest {
    @TempDir
    Path dir;

    @Test
    void theAveragePathLengthIsLiuTingAndZhous() {
        // c(n) = 2 H(n-1) - 2 (n-1)/n with H(i) ~ ln(i) + Euler's constant
        assertEquals(2 * (Math.log(255) + 0.5772156649015329) - 2 * 255.0 / 256, IsolationForest.c(256), 1e-12);
        assertEquals(1, IsolationForest.c(2));
        assertEquals(0, IsolationForest.c(1));
    }

    /** A numeric feature of {@code values} as the detector encodes it (no blanks). */
    private static AnomalyDetector.Feature feature(String name, double[] values) {
        return new AnomalyDetector.Feature(name, values, false, java.util.Arrays.stream(values).sorted().toArray(),
                java.util.Map.of(), DoubleColumn.create(name, values), values);
    }

    @Test
    void aRowIsolatedByOneColumnInsideItsRangeIsSaidToLieInAGap() {
        // two crowds, at 0 and at 10, and one row at 5: in no tail, yet alone
        double[] x = new double[1001];
        double[] y = new double[1001];
        double[] z = new double[1001];
        for (int i = 0; i < 1000; i++) {
            x[i] = i < 500 ? i % 7 / 10.0 : 10 + i % 7 / 10.0;
            y[i] = i % 11;
            z[i] = i % 13;
        }
        x[1000] = 5;
        y[1000] = 4;
        z[1000] = 6;
        String alone = AnomalyDetector.reason(List.of(feature("x", x)), 1000, new double[] {0.4},
                new double[] {1.0});
        assertEquals("'x' 5 lies where few rows' values do", alone, "one column, credit below its mean");
        String one = AnomalyDetector.reason(List.of(feature("x", x), feature("y", y)), 1000, new double[] {3, 0.5},
                new double[] {1, 1});
        assertEquals("'x' 5 lies where few rows' values do", one, "one column of two singled out");
        String two = AnomalyDetector.reason(List.of(feature("x", x), feature("y", y), feature("z", z)), 1000,
                new double[] {3, 2, 0.5}, new double[] {1, 1, 1});
        assertEquals("an unusual combination of 'x' 5, 'y' 4", two);
        String none = AnomalyDetector.reason(List.of(feature("y", y), feature("z", z)), 1000,
                new double[] {0.5, 0.5}, new double[] {1, 1});
        assertEquals("unusual in 'y' and 'z' together, none alone", none);
    }

    @Test
    void farPointsAmongAGaussianCloudAreTheOnesFlagged() throws Exception {
        SplittableRandom r = new SplittableRandom(3);
        DoubleColumn x = DoubleColumn.create("x");
        DoubleColumn y = DoubleColumn.create("y");
        for (int i = 0; i < 2000; i++) {
            x.append(gaussian(r));
            y.append(gaussian(r));
        }
        for (int k = 0; k < 4; k++) { // four points seven standard deviations out in both coordinates
            x.append(k % 2 == 0 ? 7 : -7);
            y.append(k < 2 ? 7 : -7);
        }
        x.append(9); // and one far out in x only: splits on y cannot isolate it, so it ranks lower, still high
        y.append(0);
        Table t = Table.create("cloud", x, y);
        AnomalyReport report = AnomalyDetector.detect(t, new AnomalyDetector.Options(4 / 2005.0, List.of(), 1));
        assertEquals(4, report.flaggedCount());
        for (int i = 2000; i < 2004; i++) {
            assertTrue(report.flagged()[i], "far point " + i);
            assertTrue(report.scores()[i] > 0.7, "score " + report.scores()[i]);
        }
        int above = 0;
        for (int i = 0; i < 2000; i++) {
            above += report.scores()[i] >= report.scores()[2004] ? 1 : 0;
        }
        assertTrue(above <= 20, above + " ordinary rows score at least as high as (9, 0)");
        double mean = java.util.Arrays.stream(report.scores()).limit(2000).average().orElseThrow();
        assertTrue(mean > 0.35 && mean < 0.5, "ordinary rows score below one half: " + mean);
    }

    @Test
    void injectedAnomaliesAreFoundAndSaidInWords() throws Exception {
        Path file = dir.resolve("transactions.csv");
        TransactionsGenerator.write(file, 20_000, 20261204L);
        Table t = DataFiles.read(file, ProgressMonitor.NONE).table();
        StringColumn kind = t.stringColumn("kind");
        int injected = 0;
        for (String k : kind) { // the kinds a row's own values show; bursts are found in time (TimeAnomaliesTest)
            injected += k.equals("extreme") || k.equals("combination") ? 1 : 0;
        }
        AnomalyReport r = AnomalyDetector.detect(t, new AnomalyDetector.Options(injected / 20_000.0,
                List.of("kind"), 42));
        assertTrue(r.leftOut().contains("transaction_id"), "an identifier is left out: " + r.leftOut());
        StringColumn any = StringColumn.create("any");
        kind.forEach(k -> any.append(k.equals("extreme") || k.equals("combination") ? "yes" : "no"));
        double[] m = r.against(any, "yes");
        // measured on this seed: AUC 0.99+, and more than half of each kind among the flagged rows
        assertTrue(m[0] > 0.97, "ROC AUC " + m[0]);
        for (String k : List.of("extreme", "combination")) {
            int total = 0;
            int hit = 0;
            for (int i = 0; i < t.rowCount(); i++) {
                if (kind.get(i).equals(k)) {
                    total++;
                    hit += r.flagged()[i] ? 1 : 0;
                }
            }
            assertTrue(hit > 0.5 * total, k + ": " + hit + " of " + total);
        }
        for (int i = 0; i < t.rowCount(); i++) {
            if (r.flagged()[i] && kind.get(i).equals("extreme")) {
                assertTrue(r.reasons()[i].contains("'amount' "), r.reasons()[i]);
            }
            if (!r.flagged()[i]) {
                assertEquals("", r.reasons()[i]);
            }
        }
    }

    @Test
    void tooFewRowsOrNothingToScoreIsSaid() {
        Table few = Table.create("few", IntColumn.create("a", 1, 2, 3));
        NodeException small = assertThrows(NodeException.class, () -> AnomalyDetector.detect(few,
                new AnomalyDetector.Options(0.01, List.of(), 1)));
        assertTrue(small.getMessage().contains("at least 20 rows"), small.getMessage());
        IntColumn same = IntColumn.create("same");
        StringColumn ids = StringColumn.create("id");
        for (int i = 0; i < 100; i++) {
            same.append(7);
            ids.append("C" + i);
        }
        NodeException none = assertThrows(NodeException.class, () -> AnomalyDetector.detect(Table.create("t", same,
                ids), new AnomalyDetector.Options(0.01, List.of(), 1)));
        assertTrue(none.getMessage().contains("constant or an identifier"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AnomalyDetector.Options(0.7, List.of(), 1));
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
