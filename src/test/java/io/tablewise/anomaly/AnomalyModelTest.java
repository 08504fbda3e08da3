package io.tablewise.anomaly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import io.tablewise.data.DataFiles;
import io.tablewise.node.NodeException;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.sample.TransactionsGenerator;

/** A detector made once, saved, and scoring new rows against the rows it was made from. */
class AnomalyModelTest {
    @TempDir
    Path dir;

    private Table transactions(long seed) throws Exception {
        Path file = dir.resolve("t" + seed + ".csv");
        TransactionsGenerator.write(file, 20_000, seed);
        return DataFiles.read(file, ProgressMonitor.NONE).table();
    }

    @Test
    void aSavedDetectorScoresItsOwnRowsTheSameAndNewMonthsByTheSameYardstick() throws Exception {
        Table january = transactions(1);
        AnomalyModel made = AnomalyDetector.fit(january, new AnomalyDetector.Options(0.01, List.of("kind"), 42));
        made.save(dir.resolve("model"));
        AnomalyModel loaded = AnomalyModel.load(dir.resolve("model"));
        AnomalyReport again = loaded.score(january);
        assertArrayEquals(made.trainingReport().scores(), again.scores(), 1e-12);
        assertArrayEquals(made.trainingReport().flagged(), again.flagged());

        // another month from the same world: about the same share flagged, the injected extremes among them
        Table february = transactions(2);
        AnomalyReport r = loaded.score(february);
        double share = r.flaggedCount() / (double) february.rowCount();
        assertTrue(share > 0.005 && share < 0.02, "flagged share " + share);
        double then = recall(january, made.trainingReport(), "extreme");
        double now = recall(february, r, "extreme");
        System.out.printf("extreme amounts flagged: %.2f of the detector's own month, %.2f of a new one%n", then, now);
        assertTrue(now > 0.5 && Math.abs(now - then) < 0.15, "recall " + now + " against " + then);

        // a value never seen when the detector was made is said as such
        Table odd = february.first(30).copy();
        for (int i = 0; i < odd.rowCount(); i++) {
            odd.stringColumn("merchant_category").set(i, i == 0 ? "casino" : odd.stringColumn("merchant_category")
                    .get(i));
        }
        if (odd.column("amount") instanceof tech.tablesaw.api.IntColumn amounts) {
            amounts.set(0, 50_000);
        } else {
            odd.doubleColumn("amount").set(0, 50_000.0);
        }
        AnomalyReport oddReport = loaded.score(odd);
        assertTrue(oddReport.flagged()[0], "score " + oddReport.scores()[0]);
        assertTrue(oddReport.reasons()[0].contains("'merchant_category' = 'casino' was never seen"),
                oddReport.reasons()[0]);
    }

    private static double recall(Table t, AnomalyReport r, String kind) {
        StringColumn k = t.stringColumn("kind");
        int all = 0;
        int found = 0;
        for (int i = 0; i < t.rowCount(); i++) {
            if (k.get(i).equals(kind)) {
                all++;
                found += r.flagged()[i] ? 1 : 0;
            }
        }
        return found / (double) all;
    }

    @Test
    void aMissingOrRetypedColumnIsNamedAndAFolderWithoutADetectorIsSaid() throws Exception {
        Table t = transactions(3);
        AnomalyModel m = AnomalyDetector.fit(t, new AnomalyDetector.Options(0.01, List.of("kind"), 42));
        NodeException missing = assertThrows(NodeException.class, () -> m.score(t.copy().removeColumns("amount")));
        assertTrue(missing.getMessage().contains("the column 'amount'"), missing.getMessage());
        Table retyped = t.copy();
        retyped.replaceColumn("amount", ((tech.tablesaw.api.NumericColumn<?>) retyped.column("amount"))
                .asStringColumn().setName("amount"));
        NodeException text = assertThrows(NodeException.class, () -> m.score(retyped));
        assertTrue(text.getMessage().contains("'amount' holds string here"), text.getMessage());
        Files.createDirectories(dir.resolve("empty"));
        java.io.IOException none = assertThrows(java.io.IOException.class, () -> AnomalyModel.load(dir.resolve(
                "empty")));
        assertTrue(none.getMessage().contains("holds no anomaly detector"), none.getMessage());
        assertEquals(0.01, m.share());
    }
}
