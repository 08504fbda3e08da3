package io.tablewise.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.Table;

import io.tablewise.data.ImportMonitor;
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
                    ImportMonitor.NONE).table();
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
                CsvOptions.defaults(), ImportMonitor.NONE);
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).contains("line " + expectedLine + " (1 fields, expected 3)"),
                () -> "expected line " + expectedLine + " in " + r.warnings());
    }

    @Test
    void cancellationStopsTheRead() {
        byte[] data = bigFile(-1).getBytes(StandardCharsets.UTF_8);
        AtomicInteger calls = new AtomicInteger();
        ImportMonitor cancelSoon = new ImportMonitor() {
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
        ImportMonitor monitor = new ImportMonitor() {
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
