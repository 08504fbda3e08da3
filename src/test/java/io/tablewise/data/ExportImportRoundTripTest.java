package io.tablewise.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import io.tablewise.node.ProgressMonitor;
import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.node.NodeContext;
import io.tablewise.node.NodeParams;

/** Export then import again gives the same table, for CSV and xlsx; JSON Lines import. */
class ExportImportRoundTripTest {
    @TempDir
    Path dir;

    static Table sample() {
        Table t = Table.create("sample",
                IntColumn.create("id", 1, 2, 3, 4),
                DoubleColumn.create("amount", 1.5, -0.001, 3.0, 1.0E-7),
                StringColumn.create("name", "Kim, Ji-ho", "say \"hi\"", "two\nlines", "서울"),
                BooleanColumn.create("active", true, false, true, false),
                DateColumn.create("day", LocalDate.of(2024, 2, 29), LocalDate.of(1999, 12, 31),
                        LocalDate.of(2000, 1, 1), LocalDate.of(2026, 11, 22)),
                DateTimeColumn.create("at", LocalDateTime.of(2024, 1, 5, 13, 45, 10),
                        LocalDateTime.of(2024, 1, 5, 0, 0, 1), LocalDateTime.of(2023, 6, 1, 23, 59, 59),
                        LocalDateTime.of(2020, 2, 2, 2, 2, 2)));
        t.intColumn("id").setMissing(3);
        t.doubleColumn("amount").setMissing(2);
        t.stringColumn("name").set(1, "say \"hi\"");
        return t;
    }

    static NodeContext context(Map<String, Object> params, Path dir) {
        return new NodeContext() {
            private final List<String> warnings = new ArrayList<>();

            @Override
            public String nodeId() {
                return "test";
            }

            @Override
            public NodeParams params() {
                return new NodeParams(params);
            }

            @Override
            public <T> T input(String port, Class<T> type) {
                return type.cast(sample());
            }

            @Override
            public Path resolveInput(String relativeOrAbsolute) {
                return dir.resolve(relativeOrAbsolute);
            }

            @Override
            public Path resolveOutput(String relativeOrAbsolute) {
                return dir.resolve(relativeOrAbsolute);
            }

            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public void warn(String message) {
                warnings.add(message);
            }

            @Override
            public void info(String message) {
            }
        };
    }

    private static void assertSameTable(Table expected, Table actual) {
        assertEquals(expected.columnNames(), actual.columnNames());
        assertEquals(expected.rowCount(), actual.rowCount());
        for (int c = 0; c < expected.columnCount(); c++) {
            assertEquals(expected.column(c).type(), actual.column(c).type(), expected.column(c).name());
            for (int r = 0; r < expected.rowCount(); r++) {
                assertEquals(expected.column(c).isMissing(r), actual.column(c).isMissing(r));
                if (!expected.column(c).isMissing(r)) {
                    assertEquals(expected.column(c).get(r), actual.column(c).get(r),
                            expected.column(c).name() + " row " + r);
                }
            }
        }
    }

    @Test
    void csvExportReadsBackToTheSameTable() throws Exception {
        Path file = dir.resolve("out/sample.csv");
        new CsvExportNode().execute(context(Map.of("path", "out/sample.csv"), dir));
        Table back = new DelimitedReader().read(file, CsvOptions.defaults(), ProgressMonitor.NONE).table();
        assertSameTable(sample(), back);
    }

    @Test
    void aLargeExportIsWrittenInRowOrderAcrossParallelBlocks() throws Exception {
        int n = 100_003;
        IntColumn id = IntColumn.create("id", n);
        StringColumn text = StringColumn.create("text");
        for (int i = 0; i < n; i++) {
            id.set(i, i);
            text.append(i % 7 == 0 ? "서울, \"구\" " + i : "row " + i);
        }
        Path file = dir.resolve("big.csv");
        CsvExportNode.writeCsv(Table.create("big", id, text), file);
        Table back = new DelimitedReader().read(file, CsvOptions.defaults(), ProgressMonitor.NONE).table();
        assertEquals(n, back.rowCount());
        for (int i = 0; i < n; i += 997) {
            assertEquals(i, back.intColumn("id").get(i));
            assertEquals(text.get(i), back.stringColumn("text").get(i));
        }
        assertEquals(n - 1, back.intColumn("id").get(n - 1));
    }

    @Test
    void csvExportQuotesAsRfc4180Says() throws Exception {
        StringWriter w = new StringWriter();
        CsvExportNode.writeField(w, "plain", ',');
        w.write('|');
        CsvExportNode.writeField(w, "a,b", ',');
        w.write('|');
        CsvExportNode.writeField(w, "say \"hi\"", ',');
        w.write('|');
        CsvExportNode.writeField(w, "two\r\nlines", ',');
        w.write('|');
        CsvExportNode.writeField(w, " edge", ',');
        assertEquals("plain|\"a,b\"|\"say \"\"hi\"\"\"|\"two\r\nlines\"|\" edge\"", w.toString());
        new CsvExportNode().execute(context(Map.of("path", "s.csv"), dir));
        String text = Files.readString(dir.resolve("s.csv"), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("id,amount,name,active,day,at\r\n1,1.5,\"Kim, Ji-ho\",true,2024-02-29,"
                + "2024-01-05 13:45:10\r\n"), text);
        assertTrue(text.contains(",0.0000001,"), "no exponent notation: " + text);
    }

    @Test
    void csvExportInCp949WithSemicolons() throws Exception {
        new CsvExportNode().execute(context(Map.of("path", "k.csv", "encoding", "CP949", "delimiter", ";"), dir));
        byte[] bytes = Files.readAllBytes(dir.resolve("k.csv"));
        String text = new String(bytes, Charset.forName("x-windows-949"));
        assertTrue(text.contains(";서울;"), text);
        ImportResult back = new DelimitedReader()
                .read(dir.resolve("k.csv"), CsvOptions.defaults(), ProgressMonitor.NONE);
        assertEquals("x-windows-949", back.format().encoding());
        assertEquals("서울", back.table().stringColumn("name").get(3));
    }

    @Test
    void excelExportReadsBackToTheSameTable() throws Exception {
        new ExcelExportNode().execute(context(Map.of("path", "sample.xlsx", "sheet", "data"), dir));
        Table back = ExcelImportNode.readSheet(dir.resolve("sample.xlsx"), new NodeParams(Map.of()), 0,
                ProgressMonitor.NONE).table();
        assertSameTable(sample(), back);
    }

    @Test
    void excelImportFindsANamedSheetOrSuggestsOne() throws Exception {
        new ExcelExportNode().execute(context(Map.of("path", "s.xlsx", "sheet", "customers"), dir));
        assertEquals(4, ExcelImportNode.readSheet(dir.resolve("s.xlsx"), new NodeParams(Map.of("sheet", "customers")),
                0,
                ProgressMonitor.NONE).table().rowCount());
        io.tablewise.node.NodeException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.tablewise.node.NodeException.class, () -> ExcelImportNode.readSheet(dir.resolve("s.xlsx"),
                        new NodeParams(Map.of("sheet", "costumers")), 0, ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("did you mean 'customers'"), e.getMessage());
    }

    @Test
    void notAnXlsxFileGivesAPlainMessage() throws Exception {
        Files.writeString(dir.resolve("fake.xlsx"), "id,name\n1,a\n");
        io.tablewise.node.NodeException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.tablewise.node.NodeException.class, () -> ExcelImportNode.readSheet(dir.resolve("fake.xlsx"),
                        new NodeParams(Map.of()), 0, ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("could not be read as an Excel .xlsx workbook"), e.getMessage());
    }

    @Test
    void jsonLinesUnionOfKeysNestedValuesAndBadLines() throws Exception {
        Files.writeString(dir.resolve("e.jsonl"), "\uFEFF{\"id\": 1, \"city\": \"서울\", \"amount\": 2.5}\n"
                + "{\"id\": 2, \"tags\": [\"a\", \"b\"], \"amount\": null}\n"
                + "not json\n"
                + "\n"
                + "{\"id\": 3, \"city\": \"부산\", \"ok\": true}\n", StandardCharsets.UTF_8);
        ImportResult r = JsonLinesImportNode.readLines(dir.resolve("e.jsonl"), new NodeParams(Map.of()), 0,
                ProgressMonitor.NONE);
        Table t = r.table();
        assertEquals(List.of("id", "city", "amount", "tags", "ok"), t.columnNames());
        assertEquals(3, t.rowCount());
        assertEquals(List.of(1, 2, 3), t.intColumn("id").asList());
        assertEquals("[\"a\",\"b\"]", t.stringColumn("tags").get(1));
        assertTrue(t.doubleColumn("amount").isMissing(1));
        assertTrue(String.join(" ", r.warnings()).contains("line 3 (not valid JSON"), r.warnings().toString());
    }

    @Test
    void jsonLinesKeysDifferingOnlyInCaseBecomeDistinctColumns() throws Exception {
        Files.writeString(dir.resolve("k.jsonl"), "{\"a\": 1, \"A\": 2}\n", StandardCharsets.UTF_8);
        ImportResult r = JsonLinesImportNode.readLines(dir.resolve("k.jsonl"), new NodeParams(Map.of()), 0,
                ProgressMonitor.NONE);
        assertEquals(List.of("a", "A_2"), r.table().columnNames());
    }
}
