package io.tablewise.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import io.tablewise.data.DataFiles;
import io.tablewise.node.NodeException;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.sample.TransactionsGenerator;

class TimeAnomaliesTest {
    @Test
    void burstsOfOrdinaryTransactionsAreFoundInTimeAndNotByTheirValues(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("transactions.csv");
        TransactionsGenerator.write(file, 20_000, 7);
        Table t = DataFiles.read(file, ProgressMonitor.NONE).table();
        StringColumn kind = t.stringColumn("kind");
        AnomalyReport time = TimeAnomalies.detect(t, new TimeAnomalies.Options("time", null, List.of(), 0.01));
        AnomalyReport rows = AnomalyDetector.detect(t, new AnomalyDetector.Options(0.015,
                List.of("transaction_id", "kind"), 42));
        int bursts = 0;
        int foundInTime = 0;
        int foundByValues = 0;
        int others = 0;
        int othersFlagged = 0;
        for (int i = 0; i < t.rowCount(); i++) {
            if (kind.get(i).equals("burst")) {
                bursts++;
                foundInTime += time.flagged()[i] ? 1 : 0;
                foundByValues += rows.flagged()[i] ? 1 : 0;
            } else {
                others++;
                othersFlagged += time.flagged()[i] ? 1 : 0;
            }
        }
        assertEquals(90, bursts, "three bursts of thirty");
        System.out.printf("bursts: %d of %d found in time, %d by their values; %d of %d other rows flagged in time%n",
                foundInTime, bursts, foundByValues, othersFlagged, others);
        assertTrue(foundInTime >= 0.95 * bursts, foundInTime + " of " + bursts);
        assertTrue(foundByValues < 0.1 * bursts, "burst rows are ordinary one by one: " + foundByValues);
        assertTrue(othersFlagged < 0.005 * others, othersFlagged + " ordinary rows flagged");
        int first = kind.asList().indexOf("burst");
        assertTrue(time.reasons()[first].contains("a burst") && time.reasons()[first].contains("in the hour"),
                time.reasons()[first]);
    }

    @Test
    void aSpikeAndARunAboveTheUsualAreFlaggedInAValueSeriesAndNothingElse() throws Exception {
        SplittableRandom rnd = new SplittableRandom(3);
        DateColumn day = DateColumn.create("day");
        DoubleColumn visits = DoubleColumn.create("visits");
        double[] week = {0, 5, 6, 5, 4, 12, 15};
        for (int d = 0; d < 210; d++) {
            double v = 100 + 0.1 * d + week[d % 7] + 3 * gaussian(rnd);
            if (d == 120) {
                v += 30; // one day far above
            }
            if (d >= 160 && d < 164) {
                v += 11; // four days in a row clearly above, none alone far
            }
            day.append(LocalDate.of(2026, 1, 5).plusDays(d));
            visits.append(v);
        }
        Table t = Table.create("visits", day, visits);
        AnomalyReport r = TimeAnomalies.detect(t, new TimeAnomalies.Options("day", "visits", List.of(), 0.05));
        assertTrue(r.flagged()[120], r.reasons()[120]);
        assertTrue(r.reasons()[120].contains("above what its level and season lead to"), r.reasons()[120]);
        for (int d = 160; d < 164; d++) {
            assertTrue(r.flagged()[d], "day " + d + " of the run: score " + r.scores()[d]);
        }
        int others = 0;
        for (int d = 0; d < 210; d++) {
            others += r.flagged()[d] && d != 120 && (d < 160 || d >= 164) ? 1 : 0;
        }
        assertTrue(others <= 2, others + " ordinary days flagged");
        assertFalse(r.flagged()[100]);
    }

    @Test
    void aTextValueOrAMissingTimeColumnIsSaid() {
        Table t = Table.create("t", StringColumn.create("when", "2026-01-01", "2026-01-02"),
                StringColumn.create("v", "a", "b"));
        NodeException text = assertThrows(NodeException.class, () -> TimeAnomalies.detect(t,
                new TimeAnomalies.Options("when", "v", List.of(), 0.01)));
        assertTrue(text.getMessage().contains("holds text"), text.getMessage());
        NodeException none = assertThrows(NodeException.class, () -> TimeAnomalies.detect(t,
                new TimeAnomalies.Options("date", null, List.of(), 0.01)));
        assertTrue(none.getMessage().contains("no column 'date'"), none.getMessage());
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
