package io.tablewise.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tablewise.data.CsvImportNode;
import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.node.NodeParams;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.node.TableSchema;

import tech.tablesaw.api.Table;

/**
 * A CSV is cut into parts read in parallel unless line breaks inside quoted cells forbid it; either way Spark reads
 * the rows the engine reads.
 */
class CsvOnSparkTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        SparkEngine.session(Map.of("master", "local[2]", "conf.spark.sql.files.maxPartitionBytes", "20000"));
    }

    @AfterAll
    static void stop() {
        SparkSession.active().stop();
    }

    private static Dataset<Row> read(Path file) throws Exception {
        Table engine = new DelimitedReader().read(file, CsvOptions.defaults(), ProgressMonitor.NONE).table();
        Dataset<Row> rows = SparkFiles.readCsv(SparkSession.active(), file, NodeParams.withDefaults(
                new CsvImportNode().descriptor(), Map.of("path", file.toString())), TableSchema.of(engine));
        Table spark = SparkTables.table(rows.schema(), rows.collectAsList().iterator());
        assertEquals(engine.rowCount(), spark.rowCount());
        for (int c = 0; c < engine.columnCount(); c++) {
            for (int r = 0; r < engine.rowCount(); r++) {
                assertEquals(engine.column(c).getString(r), spark.column(c).getString(r), "row " + r + " column " + c);
            }
        }
        return rows;
    }

    @Test
    void aPlainFileIsReadInParallelParts() throws Exception {
        StringBuilder csv = new StringBuilder("id,city,amount\n");
        for (int i = 0; i < 5000; i++) {
            csv.append(i).append(',').append(i % 3 == 0 ? "서울" : "\"Busan, Haeundae\"").append(',')
                    .append(i % 7 == 0 ? "" : String.valueOf(i * 1.5)).append('\n');
        }
        Path file = dir.resolve("plain.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        assertFalse(SparkFiles.multiLine(SparkSession.active(), file, '"', "UTF-8"));
        assertTrue(read(file).rdd().getNumPartitions() > 1, "cut into parts");
    }

    @Test
    void aColumnTypedFromTheFilesBeginningIsWidenedAsTheWholeFileNeeds() throws Exception {
        // whole numbers and true/false in the first rows; a decimal and a word near the end
        StringBuilder csv = new StringBuilder("id,employed,flag\n");
        for (int i = 0; i < 60_000; i++) {
            csv.append(i).append(',').append(i == 59_990 ? "5228.1" : "5191").append(',')
                    .append(i == 59_995 ? "maybe" : i % 2 == 0 ? "true" : "false").append('\n');
        }
        Path file = dir.resolve("widened.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        Path head = dir.resolve("head.csv");
        Files.writeString(head, csv.substring(0, csv.indexOf("\n1000,")), StandardCharsets.UTF_8);
        TableSchema fromHead = TableSchema.of(new DelimitedReader().read(head, CsvOptions.defaults(),
                ProgressMonitor.NONE).table());
        assertEquals("integer", fromHead.column("employed").orElseThrow().kind().id());
        Table engine = new DelimitedReader().read(file, CsvOptions.defaults(), ProgressMonitor.NONE).table();
        Dataset<Row> rows = SparkFiles.readCsv(SparkSession.active(), file, NodeParams.withDefaults(
                new CsvImportNode().descriptor(), Map.of("path", file.toString())), fromHead);
        Table spark = SparkTables.table(rows.schema(), rows.collectAsList().iterator());
        assertEquals(TableSchema.of(engine), TableSchema.of(spark), "the kinds of a whole read");
        assertEquals(engine.column("employed").getString(59_990), spark.column("employed").getString(59_990));
        assertEquals(engine.column("employed").getString(0), spark.column("employed").getString(0));
        assertEquals("maybe", spark.column("flag").getString(59_995));
    }

    @Test
    void aRowLimitTakesTheFilesFirstRowsFromItsFirstParts() throws Exception {
        StringBuilder csv = new StringBuilder("id,amount\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append(i).append(',').append(i % 5 == 0 ? "" : String.valueOf(i * 0.25)).append('\n');
        }
        Path file = dir.resolve("limited.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        Table all = new DelimitedReader().read(file, CsvOptions.defaults(), ProgressMonitor.NONE).table();
        Dataset<Row> rows = SparkFiles.readCsv(SparkSession.active(), file, NodeParams.withDefaults(
                new CsvImportNode().descriptor(), Map.of("path", file.toString(), "rowLimit", 1234L)),
                TableSchema.of(all));
        Table first = SparkTables.table(rows.schema(), rows.collectAsList().iterator());
        assertEquals(1234, first.rowCount());
        for (int r = 0; r < first.rowCount(); r++) {
            assertEquals(all.column(0).getString(r), first.column(0).getString(r), "row " + r);
            assertEquals(all.column(1).getString(r), first.column(1).getString(r), "row " + r);
        }
    }

    @Test
    void quotedLineBreaksKeepTheFileInOnePieceAndTheRowsWhole() throws Exception {
        StringBuilder csv = new StringBuilder("id,note\n");
        for (int i = 0; i < 3000; i++) {
            csv.append(i).append(',').append(i == 2500 ? "\"첫 줄\n둘째 줄, 끝\"" : "\"메모 " + i + "\"").append('\n');
        }
        Path file = dir.resolve("notes.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        assertTrue(SparkFiles.multiLine(SparkSession.active(), file, '"', "UTF-8"));
        assertEquals(1, read(file).rdd().getNumPartitions());
    }

    @Test
    void aLineBreakCountsOnlyInsideQuotes() {
        assertFalse(SparkFiles.quotedLineBreak("a,\"b \"\"c\"\"\"\n1,2\n".getBytes(StandardCharsets.UTF_8), (byte) '"'));
        assertTrue(SparkFiles.quotedLineBreak("a,\"b\r\nc\"\n".getBytes(StandardCharsets.UTF_8), (byte) '"'));
        assertFalse(SparkFiles.quotedLineBreak("a,'b\nc'\n".getBytes(StandardCharsets.UTF_8), (byte) '"'));
    }
}
