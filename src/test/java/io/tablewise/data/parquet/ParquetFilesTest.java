package io.tablewise.data.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.api.TimeColumn;

import io.tablewise.node.NodeException;
import io.tablewise.node.ProgressMonitor;

/** Parquet read and written by Tablewise, checked against DuckDB's reader and writer (a test dependency). */
class ParquetFilesTest {
    @TempDir
    Path dir;

    /** Every type a table holds (date-times and instants to the millisecond, as a table keeps them). */
    static Table sample() {
        return Table.create("sample",
                IntColumn.create("id", 1, 2, 3),
                LongColumn.create("big", new long[] {Long.MAX_VALUE, -5, 0}),
                DoubleColumn.create("amount", 12.5, Double.NaN, -0.25),
                StringColumn.create("이름", "김민지", "O'Brien, \"x\"", null),
                BooleanColumn.create("active", new boolean[] {true, false, true}),
                DateColumn.create("day", LocalDate.of(2026, 12, 4), null, LocalDate.of(1899, 12, 31)),
                DateTimeColumn.create("at", LocalDateTime.of(2026, 12, 4, 9, 30, 15, 123_000_000), null,
                        LocalDateTime.of(2000, 2, 29, 23, 59, 59)),
                InstantColumn.create("seen", new Instant[] {Instant.parse("2026-12-04T00:00:00.001Z"), null,
                    Instant.parse("1960-01-01T00:00:01Z")}),
                TimeColumn.create("time", LocalTime.of(8, 15, 30), null, LocalTime.MIDNIGHT));
    }

    private Path write(Table t, String name) throws Exception {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            ParquetFiles.write(t, out, ProgressMonitor.NONE);
        }
        return file;
    }

    private static Table read(Path p, String pattern, List<String> columns) throws NodeException {
        return ParquetFiles.read(p, pattern, columns, 0, ProgressMonitor.NONE).table();
    }

    static void assertSame(Table expected, Table actual) {
        assertEquals(expected.columnNames(), actual.columnNames());
        assertEquals(expected.rowCount(), actual.rowCount());
        for (int c = 0; c < expected.columnCount(); c++) {
            assertEquals(expected.column(c).type().name(), actual.column(c).type().name(), expected.column(c).name());
            for (int r = 0; r < expected.rowCount(); r++) {
                assertEquals(expected.column(c).isMissing(r), actual.column(c).isMissing(r),
                        expected.column(c).name() + " " + r);
                if (!expected.column(c).isMissing(r)) {
                    assertEquals(expected.column(c).get(r), actual.column(c).get(r), expected.column(c).name() + " "
                            + r);
                }
            }
        }
    }

    @Test
    void aTableWrittenReadsBackIdenticallyAndOnlyTheColumnsAskedFor() throws Exception {
        Table t = sample();
        Path file = write(t, "sample.parquet");
        assertSame(t, read(file, "", List.of()));
        Table two = read(file, "", List.of("이름", "id"));
        assertEquals(List.of("id", "이름"), two.columnNames(), "in the file's order");
        assertEquals(List.of("id", "big"), ParquetFiles.schema(file, "", List.of("id", "big")).columnNames());
        NodeException unknown = assertThrows(NodeException.class, () -> read(file, "", List.of("nope")));
        assertTrue(unknown.getMessage().contains("has no column 'nope'; its columns: id, big, amount, 이름"),
                unknown.getMessage());
    }

    @Test
    void duckdbReadsOurFileWithTheSameValuesAndTypes() throws Exception {
        Path file = write(sample(), "for-duck.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM "
                    + "read_parquet('" + file + "'))")) {
                StringBuilder types = new StringBuilder();
                while (rs.next()) {
                    types.append(rs.getString(1)).append(':').append(rs.getString(2)).append(' ');
                }
                assertEquals("id:INTEGER big:BIGINT amount:DOUBLE 이름:VARCHAR active:BOOLEAN day:DATE "
                        + "at:TIMESTAMP seen:TIMESTAMP WITH TIME ZONE time:TIME ", types.toString());
            }
            try (ResultSet rs = s.executeQuery("SELECT id, big, amount, \"이름\", active, CAST(day AS VARCHAR), "
                    + "CAST(at AS VARCHAR), epoch_us(seen), CAST(time AS VARCHAR) FROM read_parquet('" + file
                    + "') ORDER BY id")) {
                assertTrue(rs.next());
                assertEquals(List.of("1", String.valueOf(Long.MAX_VALUE), "12.5", "김민지", "true", "2026-12-04",
                        "2026-12-04 09:30:15.123", "1796342400001000", "08:15:30"), row(rs, 9));
                assertTrue(rs.next());
                assertEquals("2,-5,null,O'Brien, \"x\",false,null,null,null,null", String.join(",", row(rs, 9)));
                assertTrue(rs.next());
                assertEquals("1899-12-31", rs.getString(6));
            }
        }
    }

    private static List<String> row(ResultSet rs, int n) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(String.valueOf(rs.getString(i)));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"snappy", "gzip", "zstd", "uncompressed"})
    void duckdbsFilesReadWithEveryTypeAndCodec(String codec) throws Exception {
        Path file = dir.resolve("duck-" + codec + ".parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')");
            s.execute("COPY (SELECT * FROM (VALUES "
                    + "(1::TINYINT, 2::SMALLINT, 3::INTEGER, 4::BIGINT, 4000000000::UINTEGER, 12.34::DECIMAL(10,2), "
                    + "123456789012.3456::DECIMAL(18,4), 1.5::FLOAT, 2.25::DOUBLE, true, DATE '2024-02-29', "
                    + "TIMESTAMP '2024-02-29 12:34:56.789', TIMESTAMPTZ '2024-02-29 12:34:56+00', TIME '23:59:59', "
                    + "'서울 ☕'::VARCHAR, 'happy'::mood, '6ba7b810-9dad-11d1-80b4-00c04fd430c8'::UUID, "
                    + "'\\xCA\\xFE'::BLOB, 12345678901234567890.12::DECIMAL(38,2)), "
                    + "(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
                    + "NULL, NULL, NULL)) t(i8, i16, i32, i64, u32, dec, dec18, f, d, b, day, ts, tstz, tm, txt, "
                    + "mood, id, bytes, dec38)) TO '" + file + "' (FORMAT parquet, COMPRESSION " + codec + ")");
        }
        Table t = read(file, "", List.of());
        assertEquals(2, t.rowCount());
        assertEquals("INTEGER", t.column("i8").type().name());
        assertEquals("LONG", t.column("i64").type().name());
        assertEquals(4_000_000_000L, t.longColumn("u32").get(0));
        assertEquals(12.34, t.doubleColumn("dec").get(0), 1e-12);
        assertEquals(123456789012.3456, t.doubleColumn("dec18").get(0), 1e-4);
        assertEquals(1.2345678901234567e19, t.doubleColumn("dec38").get(0), 1e4);
        assertEquals(1.5, t.doubleColumn("f").get(0));
        assertEquals(LocalDate.of(2024, 2, 29), t.dateColumn("day").get(0));
        assertEquals(LocalDateTime.of(2024, 2, 29, 12, 34, 56, 789_000_000), t.dateTimeColumn("ts").get(0));
        assertEquals(Instant.parse("2024-02-29T12:34:56Z"), t.instantColumn("tstz").get(0));
        assertEquals(LocalTime.of(23, 59, 59), t.timeColumn("tm").get(0));
        assertEquals("서울 ☕", t.stringColumn("txt").get(0));
        assertEquals("happy", t.stringColumn("mood").get(0));
        assertEquals("6ba7b810-9dad-11d1-80b4-00c04fd430c8", t.stringColumn("id").get(0));
        assertEquals("cafe", t.stringColumn("bytes").get(0));
        assertTrue(t.booleanColumn("b").get(0));
        for (int c = 0; c < t.columnCount(); c++) {
            assertTrue(t.column(c).isMissing(1), t.column(c).name() + " is missing in the second row");
        }
    }

    @Test
    void aFolderOfPartitionsAddsItsColumnsAndAPatternChoosesFiles() throws Exception {
        Path sales = dir.resolve("sales");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT i AS id, i * 1.5 AS amount, 2023 + i % 2 AS year, CASE WHEN i % 3 = 0 THEN '서울' "
                    + "ELSE 'Busan' END AS region FROM range(1000) t(i)) TO '" + sales + "' (FORMAT parquet, "
                    + "PARTITION_BY (year, region))");
        }
        Table all = read(sales, "", List.of());
        assertEquals(1000, all.rowCount());
        assertEquals(List.of("id", "amount", "year", "region"), all.columnNames());
        assertEquals("INTEGER", all.column("year").type().name(), "an integer partition reads as an integer");
        assertEquals(499_500, (long) all.longColumn("id").sum());
        for (int r = 0; r < all.rowCount(); r++) {
            long id = all.longColumn("id").get(r);
            assertEquals((int) (2023 + id % 2), (int) all.intColumn("year").get(r));
            assertEquals(id % 3 == 0 ? "서울" : "Busan", all.stringColumn("region").get(r));
        }
        Table only2024 = read(sales, "year=2024/**", List.of("id"));
        assertEquals(500, only2024.rowCount());
        assertTrue(only2024.intColumn("year").asList().stream().allMatch(y -> y == 2024));
        NodeException none = assertThrows(NodeException.class, () -> read(sales, "year=1999/**", List.of()));
        assertTrue(none.getMessage().contains("no Parquet files in") && none.getMessage().contains("year=1999"),
                none.getMessage());
    }

    @Test
    void nestedColumnsAreRefusedByNameAndTheRestReads() throws Exception {
        Path file = dir.resolve("nested.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT 1 AS id, [1, 2] AS tags, {'a': 1} AS info, 'x' AS name) TO '" + file
                    + "' (FORMAT parquet)");
        }
        NodeException e = assertThrows(NodeException.class, () -> read(file, "", List.of()));
        assertTrue(e.getMessage().contains("nested columns (lists, maps or structs) a table cannot hold: tags, info"),
                e.getMessage());
        Table rest = read(file, "", List.of("id", "name"));
        assertEquals(List.of("id", "name"), rest.columnNames());
    }

    @Test
    void sparksInt96TimestampsAreInstants() throws Exception {
        Path file = dir.resolve("spark.parquet");
        MessageType schema = MessageTypeParser.parseMessageType(
                "message spark_schema { optional int96 ts; optional binary name (STRING); }");
        Instant at = Instant.parse("2019-07-04T10:11:12.345Z"); // a table keeps milliseconds
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration()).withType(schema).withCodecFactory(ParquetCodecs.INSTANCE)
                .withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
            long day = Math.floorDiv(at.getEpochSecond(), 86_400L);
            long nanos = (at.getEpochSecond() - day * 86_400L) * 1_000_000_000L + at.getNano();
            w.write(new SimpleGroupFactory(schema).newGroup().append("ts", new NanoTime((int) (day + 2_440_588L),
                    nanos).toBinary()).append("name", "스파크"));
        }
        Table t = read(file, "", List.of());
        assertEquals(at, t.instantColumn("ts").get(0));
        assertEquals("스파크", t.stringColumn("name").get(0));
    }

    @Test
    void aTruncatedOrForeignFileIsSaidPlainly() throws Exception {
        Path good = write(sample(), "good.parquet");
        byte[] bytes = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.parquet");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        NodeException e = assertThrows(NodeException.class, () -> read(cut, "", List.of()));
        assertTrue(e.getMessage().startsWith("cut.parquet is not a Parquet file (or is cut short"), e.getMessage());
        Path csv = dir.resolve("really.parquet");
        Files.writeString(csv, "a,b\n1,2\n");
        NodeException f = assertThrows(NodeException.class, () -> read(csv, "", List.of()));
        assertTrue(f.getMessage().startsWith("really.parquet is not a Parquet file"), f.getMessage());
        assertFalse(f.getMessage().contains("Exception"), f.getMessage());
    }

    @Test
    void aMillionRowsRoundTrip() throws Exception {
        int n = 1_000_000;
        IntColumn id = IntColumn.create("id");
        DoubleColumn x = DoubleColumn.create("x");
        StringColumn cat = StringColumn.create("cat");
        for (int i = 0; i < n; i++) {
            id.append(i);
            x.append(i % 7 == 0 ? Double.NaN : i * 0.25);
            cat.append("c" + (i % 50));
        }
        Table t = Table.create("big", id, x, cat);
        Path file = write(t, "big.parquet");
        Table back = read(file, "", List.of());
        assertEquals(n, back.rowCount());
        assertEquals(t.intColumn("id").sum(), back.intColumn("id").sum());
        assertEquals(t.doubleColumn("x").sum(), back.doubleColumn("x").sum(), 1e-3);
        assertEquals(t.doubleColumn("x").countMissing(), back.doubleColumn("x").countMissing());
        assertEquals("c49", back.stringColumn("cat").get(n - 1));
    }
}
