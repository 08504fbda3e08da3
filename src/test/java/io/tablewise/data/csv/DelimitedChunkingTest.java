package io.tablewise.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.Table;

import io.tablewise.node.ProgressMonitor;
import io.tablewise.data.ImportResult;
import io.tablewise.node.CancelledException;

/**
 * Files large enough to be split into many chunks, where chunk boundaries land inside quoted fields that
 * contain line breaks: every row must come out exactly once, in order, with the right values and physical
 * line numbers.
 */
class DelimitedChunkingTest {
    private static final int ROWS = 60_000;

    /** Row i: id, a quoted note spanning (i % 4) + 1 lines with commas and quotes, a number. */
    private static String bigFile(int raggedAt) {
        StringBuilder sb = new StringBuilder("id,note,value\n");
        for (int i = 0; i < ROWS; i++) {
            if (i == raggedAt) {
                sb.append(i).append('\n');
                continue;
            }
            sb.append(i).append(",\"").append(note(i)).append("\",").append(i * 0.5).append('\n');
        }
        return sb.toString();
    }

    private static String note(int i) {
        StringBuilder n = new StringBuilder("row ").append(i);
        for (int k = 0; k < i % 4; k++) {
            n.append("\nline ").append(k).append(", with \"\"quotes\"\" and padding ").append("x".repeat(40));
        }
        return n.toString();
    }

    private static String expectedNote(int i) {
        return note(i).replace("\"\"", "\"");
    }

    @Test
    void everyRowOnceAndInOrderAcrossManyChunks() throws Exception {
        byte[] data = bigFile(-1).getBytes(StandardCharsets.UTF_8);
        assertTrue(data.length > 3 * (2 << 20), "the file must span several chunks: " + data.length);
        for (int threads : new int[] {1, 4}) {
            Table t = new DelimitedReader().read(data, "big.csv", CsvOptions.defaults().withParallelism(threads),
                    ProgressMonitor.NONE).table();
            assertEquals(ROWS, t.rowCount());
            for (int i = 0; i < ROWS; i++) {
                assertEquals(i, t.intColumn("id").getInt(i));
                assertEquals(expectedNote(i), t.stringColumn("note").get(i), "row " + i);
                assertEquals(i * 0.5, t.doubleColumn("value").getDouble(i));
            }
        }
    }

    @Test
    void lineNumbersStayPhysicalAcrossChunks() throws Exception {
        int ragged = ROWS - 10;
        String text = bigFile(ragged);
        long expectedLine = 1 + text.substring(0, text.indexOf("\n" + ragged + "\n") + 1).chars()
                .filter(c -> c == '\n').count();
        ImportResult r = new DelimitedReader().read(text.getBytes(StandardCharsets.UTF_8), "big.csv",
                CsvOptions.defaults(), ProgressMonitor.NONE);
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).contains("line " + expectedLine + " (1 fields, expected 3)"),
                () -> "expected line " + expectedLine + " in " + r.warnings());
    }

    /**
     * Columns whose type, as seen by the first chunks, changes in later chunks: the first pass's speculative
     * storage must be widened exactly or re-read, never kept wrong.
     */
    @Test
    void columnsWhoseTypeChangesBetweenChunksComeOutExact() throws Exception {
        int rows = 400_000;
        StringBuilder sb = new StringBuilder("code,amount,day,big,flag\n");
        for (int i = 0; i < rows; i++) {
            boolean late = i >= rows - 1000;
            sb.append(late && i % 2 == 0 ? "X" + i : Integer.toString(i)).append(',')
                    .append(late ? i + ".25" : Integer.toString(i)).append(',')
                    .append(String.format("%02d/%02d/2020", late ? 13 + i % 15 : 1 + i % 12, 1 + i % 12)).append(',')
                    .append(late ? Long.toString(5_000_000_000L + i) : Integer.toString(i)).append(',')
                    .append(i % 3 == 0 ? "" : i % 2 == 0 ? "true" : "false").append('\n');
        }
        ImportResult r = new DelimitedReader().read(sb.toString().getBytes(StandardCharsets.UTF_8), "shift.csv",
                CsvOptions.defaults(), ProgressMonitor.NONE);
        Table t = r.table();
        assertEquals(List.of("STRING", "DOUBLE", "LOCAL_DATE", "LONG", "BOOLEAN"),
                t.columns().stream().map(c -> c.type().name()).toList());
        for (int i = 0; i < rows; i += 997) {
            check(t, i, rows);
        }
        for (int i = rows - 1000; i < rows; i++) {
            check(t, i, rows);
        }
    }

    private static void check(Table t, int i, int rows) {
        boolean late = i >= rows - 1000;
        assertEquals(late && i % 2 == 0 ? "X" + i : Integer.toString(i), t.stringColumn("code").get(i));
        assertEquals(late ? i + 0.25 : i, t.doubleColumn("amount").getDouble(i));
        int dayOfMonth = late ? 13 + i % 15 : 1 + i % 12;
        assertEquals(java.time.LocalDate.of(2020, 1 + i % 12, dayOfMonth), t.dateColumn("day").get(i));
        assertEquals(late ? 5_000_000_000L + i : i, t.longColumn("big").getLong(i));
        if (i % 3 == 0) {
            assertTrue(t.booleanColumn("flag").isMissing(i));
        } else {
            assertEquals(i % 2 == 0, t.booleanColumn("flag").get(i));
        }
    }

    @Test
    void sampledReadOfABigFileMatchesTheFullRead() throws Exception {
        byte[] data = bigFile(-1).getBytes(StandardCharsets.UTF_8);
        Table sample = new DelimitedReader().read(data, "big.csv", CsvOptions.defaults().withRows(0, 500, 3),
                ProgressMonitor.NONE).table();
        assertEquals(500, sample.rowCount());
        for (int k = 0; k < sample.rowCount(); k++) {
            int id = sample.intColumn("id").getInt(k);
            assertEquals(expectedNote(id), sample.stringColumn("note").get(k));
            assertEquals(id * 0.5, sample.doubleColumn("value").getDouble(k));
        }
    }

    @Test
    void cancellationStopsTheRead() {
        byte[] data = bigFile(-1).getBytes(StandardCharsets.UTF_8);
        AtomicInteger calls = new AtomicInteger();
        ProgressMonitor cancelSoon = new ProgressMonitor() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return calls.incrementAndGet() > 3;
            }
        };
        assertThrows(CancelledException.class,
                () -> new DelimitedReader().read(data, "big.csv", CsvOptions.defaults(), cancelSoon));
    }

    @Test
    void progressRisesToOne() throws Exception {
        List<Double> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        ProgressMonitor monitor = new ProgressMonitor() {
            @Override
            public void progress(double fraction, String message) {
                seen.add(fraction);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        new DelimitedReader().read(bigFile(-1).getBytes(StandardCharsets.UTF_8), "big.csv", CsvOptions.defaults(),
                monitor);
        assertEquals(1.0, seen.get(seen.size() - 1));
        assertTrue(seen.size() > 5);
    }
}
