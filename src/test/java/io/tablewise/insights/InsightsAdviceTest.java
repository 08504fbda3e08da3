package io.tablewise.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import io.tablewise.node.ProgressMonitor;

/**
 * Advice that fits the column's shape: a zero-inflated amount is named as such (not 'clip 15% outliers'), a 0/1
 * column has no outliers, long-tailed counts are to be kept, and a few missing values get an informational note.
 */
class InsightsAdviceTest {
    private static InsightsReport profile(Table t) throws Exception {
        return new InsightsProfiler().profile(t, InsightsOptions.defaults(), ProgressMonitor.NONE, "test");
    }

    private static List<QualityWarning> of(InsightsReport r, String column) {
        return r.warnings().stream().filter(w -> w.columns().contains(column)).toList();
    }

    @Test
    void adviceFitsTheShape() throws Exception {
        Random r = new Random(9);
        int n = 4000;
        double[] gain = new double[n];
        int[] flag = new int[n];
        int[] contacts = new int[n];
        double[] income = new double[n];
        for (int i = 0; i < n; i++) {
            gain[i] = r.nextDouble() < 0.9 ? 0 : Math.round(Math.exp(7 + 2 * r.nextDouble()));
            flag[i] = r.nextDouble() < 0.28 ? 1 : 0;
            contacts[i] = r.nextDouble() < 0.8 ? 1 + r.nextInt(3) : 4 + (int) (r.nextDouble() * r.nextDouble() * 40);
            income[i] = 30_000 + 8_000 * r.nextGaussian();
        }
        Table t = Table.create("t", DoubleColumn.create("capital_gain", gain), IntColumn.create("flag", flag),
                IntColumn.create("contacts", contacts), DoubleColumn.create("income", income));
        for (int i = 0; i < 80; i++) {
            t.doubleColumn("income").setMissing(i * 50); // 2%
        }
        InsightsReport report = profile(t);

        List<QualityWarning> gainWarnings = of(report, "capital_gain");
        assertEquals(List.of(QualityWarning.Kind.ZERO_INFLATED), gainWarnings.stream().map(QualityWarning::kind)
                .toList(), gainWarnings.toString());
        assertTrue(gainWarnings.get(0).explanation().contains("is 0 in 90"), gainWarnings.toString());

        assertEquals(0, report.column("flag").numeric() == null ? 0 : report.column("flag").numeric().outliers(),
                "a 0/1 column has two values, not outliers");
        assertTrue(of(report, "flag").stream().noneMatch(w -> w.kind() == QualityWarning.Kind.MANY_OUTLIERS));

        List<QualityWarning> counts = of(report, "contacts").stream()
                .filter(w -> w.kind() == QualityWarning.Kind.MANY_OUTLIERS).toList();
        assertEquals(1, counts.size(), of(report, "contacts").toString());
        assertTrue(counts.get(0).suggestion().startsWith("Counts this far out are usually real: keep them"),
                counts.toString());

        List<QualityWarning> missing = of(report, "income");
        assertEquals(1, missing.size(), missing.toString());
        assertEquals(QualityWarning.Kind.SOME_MISSING, missing.get(0).kind());
        assertEquals(QualityWarning.Severity.INFO, missing.get(0).severity());
        assertTrue(missing.get(0).explanation().contains("80 rows (2.0%)"), missing.toString());
    }
}
