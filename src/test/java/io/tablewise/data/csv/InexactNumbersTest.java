package io.tablewise.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tablewise.data.ImportResult;
import io.tablewise.node.ProgressMonitor;

/**
 * Numbers a decimal column cannot keep as written are counted per column and reported with an example, never
 * changed without a word; text columns keep every digit and say nothing; ordinary decimals say nothing.
 */
class InexactNumbersTest {
    @Test
    void changedNumbersAreCountedPerColumn() throws Exception {
        String csv = "big,inf,wide,plain,code\n"
                + "99999999999999999999999999,1e309,9223372036854775807,1.5,A12345678901234567890\n"
                + "12345678901234567890123,2.5,0.5,0.1,B\n"
                + "3,1e-400,7,2.25,C\n";
        ImportResult r = new DelimitedReader().read(csv.getBytes(StandardCharsets.UTF_8), "n.csv",
                CsvOptions.defaults(), ProgressMonitor.NONE);
        List<String> w = r.warnings();
        assertTrue(w.contains("n.csv: column 'big' has 2 numbers that a decimal column cannot keep exactly (e.g. "
                + "'99999999999999999999999999' is read as 1.0E26); read such columns as text if every digit "
                + "matters"), w.toString());
        assertTrue(w.stream().anyMatch(s -> s.startsWith("n.csv: column 'inf' has 2 numbers")
                && s.contains("'1e309' is read as Infinity")), w.toString());
        assertTrue(w.stream().anyMatch(s -> s.startsWith("n.csv: column 'wide' has 1 number")
                && s.contains("'9223372036854775807' is read as 9.223372036854776E18")), w.toString());
        assertEquals(3, w.stream().filter(s -> s.contains("cannot keep exactly")).count(), "not plain nor code: "
                + w);
        assertEquals(Double.POSITIVE_INFINITY, r.table().doubleColumn("inf").getDouble(0));
    }

    @Test
    void timesFinerThanAMillisecondAreReported() throws Exception {
        String csv = "at,coarse\n2024-01-31 10:00:00.123456789,2024-01-31 10:00:00.120000\n"
                + "2024-02-01 11:00:00.5,2024-02-01 11:00:00\n";
        ImportResult r = new DelimitedReader().read(csv.getBytes(StandardCharsets.UTF_8), "t.csv",
                CsvOptions.defaults(), ProgressMonitor.NONE);
        assertEquals(List.of("t.csv: column 'at' has 1 time finer than a millisecond, kept to the millisecond (e.g. "
                + "'2024-01-31 10:00:00.123456789'); read the column as text if the finer digits matter"),
                r.warnings().stream().filter(s -> s.contains("millisecond")).toList());
    }
}
