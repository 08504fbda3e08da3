package io.tablewise.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.Table;

import io.tablewise.node.NodeParams;
import io.tablewise.node.ProgressMonitor;

/**
 * A row limit reads the file's beginning only (a limit on a file larger than the memory must work): the rows are
 * the full read's first rows, also when a quoted field with line breaks sits where the first guess of the prefix
 * ends.
 */
class RowLimitPrefixTest {
    @TempDir
    Path dir;

    @Test
    void theFirstRowsOfALargeFileAreTheFullReadsFirstRows() throws Exception {
        StringBuilder csv = new StringBuilder("id,city,note,amount\n");
        for (int i = 0; i < 300_000; i++) {
            csv.append(i).append(',').append(i % 3 == 0 ? "서울" : "부산").append(',');
            // every 97th note spans three lines, so some prefix guesses end inside a quoted field
            csv.append(i % 97 == 0 ? "\"첫 줄\n둘째 줄\n셋째, 끝\"" : "plain").append(',').append(i * 0.5).append('\n');
        }
        Path file = dir.resolve("big.csv");
        Files.writeString(file, csv);
        CsvImportNode node = new CsvImportNode();
        for (long limit : new long[] {1_000, 2_500, 7_919}) {
            NodeParams p = NodeParams.withDefaults(node.descriptor(), Map.of("path", "big.csv", "rowLimit", limit));
            Table limited = node.read(file, p, limit, ProgressMonitor.NONE).table();
            Table all = node.read(file, NodeParams.withDefaults(node.descriptor(), Map.of("path", "big.csv")), 0,
                    ProgressMonitor.NONE).table();
            assertEquals((int) limit, limited.rowCount());
            assertEquals(all.first((int) limit).print((int) limit + 5), limited.print((int) limit + 5),
                    "limit " + limit);
        }
    }
}
