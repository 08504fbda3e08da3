package io.tablewise.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

import io.tablewise.data.ErrorPolicy;
import io.tablewise.data.ImportException;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.data.ImportResult;
import io.tablewise.node.ColumnKind;

/**
 * A corpus of malformed and odd delimited files, each written to disk and read through the real reader, with
 * its expected outcome: the table it gives (names, types, values) and the warnings, or the error.
 */
class DelimitedCorpusTest {
    private static final Charset CP949 = Charset.forName("x-windows-949");

    @TempDir
    static Path dir;

    /** What a case expects of a successful read. */
    @FunctionalInterface
    interface Check {
        void verify(ImportResult result);
    }

    private static Arguments ok(String name, byte[] bytes, CsvOptions options, Check check) {
        return Arguments.of(name, bytes, options, check, null);
    }

    private static Arguments ok(String name, String text, Check check) {
        return ok(name, text.getBytes(StandardCharsets.UTF_8), CsvOptions.defaults(), check);
    }

    private static Arguments fails(String name, byte[] bytes, CsvOptions options, String messagePart) {
        return Arguments.of(name, bytes, options, null, messagePart);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void shape(ImportResult r, int rows, String... names) {
        assertEquals(List.of(names), r.table().columnNames());
        assertEquals(rows, r.table().rowCount());
    }

    private static void types(ImportResult r, ColumnType... types) {
        assertEquals(List.of(types), r.table().columns().stream().map(c -> c.type()).toList());
    }

    private static void warns(ImportResult r, String... parts) {
        String all = String.join("\n", r.warnings());
        for (String p : parts) {
            assertTrue(all.contains(p), () -> "warnings should mention '" + p + "' but are:\n" + all);
        }
    }

    private static void noWarnings(ImportResult r) {
        assertEquals(List.of(), r.warnings());
    }

    private static String col(Table t, String name, int row) {
        return t.column(name).getString(row);
    }

    static Stream<Arguments> corpus() {
        CsvOptions d = CsvOptions.defaults();
        String longField = "x".repeat(10_000);
        return Stream.of(
            ok("plain comma", "id,price,name\n1,9.5,apple\n2,10,pear\n3,0.25,fig\n", r -> {
                shape(r, 3, "id", "price", "name");
                types(r, ColumnType.INTEGER, ColumnType.DOUBLE, ColumnType.STRING);
                assertEquals(0.25, r.table().doubleColumn("price").get(2));
                noWarnings(r);
            }),
            ok("semicolon", "a;b\n1;x\n2;y\n", r -> {
                shape(r, 2, "a", "b");
                assertEquals(';', r.format().delimiter());
            }),
            ok("tab", "a\tb\tc\n1\t2\t3\n4\t5\t6\n", r -> {
                shape(r, 2, "a", "b", "c");
                assertEquals('\t', r.format().delimiter());
            }),
            ok("pipe", "a|b\n1|x\n2|y\n", r -> assertEquals('|', r.format().delimiter())),
            ok("semicolon file with commas inside values", "name;amount\nKim, Ji-ho;3\nLee, Min;4\n", r -> {
                shape(r, 2, "name", "amount");
                assertEquals("Kim, Ji-ho", col(r.table(), "name", 0));
            }),
            ok("quoted delimiter", "name,city\n\"Smith, J\",Seoul\n\"Park, S\",Busan\n", r -> {
                shape(r, 2, "name", "city");
                assertEquals("Smith, J", col(r.table(), "name", 0));
                noWarnings(r);
            }),
            ok("quoted line break", "id,note\n1,\"first line\nsecond line\"\n2,plain\n", r -> {
                shape(r, 2, "id", "note");
                assertEquals("first line\nsecond line", col(r.table(), "note", 0));
            }),
            ok("doubled quotes", "id,quote\n1,\"she said \"\"hi\"\"\"\n2,\"\"\"\"\n", r -> {
                assertEquals("she said \"hi\"", col(r.table(), "quote", 0));
                assertEquals("\"", col(r.table(), "quote", 1));
            }),
            ok("UTF-8 BOM", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("id,이름\n1,김민준\n")), d,
                r -> {
                    shape(r, 1, "id", "이름");
                    assertEquals("UTF-8", r.format().encoding());
                }),
            ok("UTF-16LE with BOM", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                    "지역,매출\n서울,1200\n부산,800\n".getBytes(StandardCharsets.UTF_16LE)), d, r -> {
                    shape(r, 2, "지역", "매출");
                    assertEquals("UTF-16LE", r.format().encoding());
                    assertEquals("부산", col(r.table(), "지역", 1));
                    types(r, ColumnType.STRING, ColumnType.INTEGER);
                }),
            ok("UTF-16BE with BOM", concat(new byte[] {(byte) 0xFE, (byte) 0xFF},
                    "a,b\n1,가\n".getBytes(StandardCharsets.UTF_16BE)), d, r -> {
                    assertEquals("UTF-16BE", r.format().encoding());
                    assertEquals("가", col(r.table(), "b", 0));
                }),
            ok("CP949 Korean without BOM (Korean Excel export)",
                "고객명,지역,금액\n김민준,서울,1000\n이서연,부산,2500\n박지호,대구,300\n".getBytes(CP949), d, r -> {
                    shape(r, 3, "고객명", "지역", "금액");
                    assertEquals("x-windows-949", r.format().encoding());
                    assertEquals("이서연", col(r.table(), "고객명", 1));
                    types(r, ColumnType.STRING, ColumnType.STRING, ColumnType.INTEGER);
                }),
            ok("EUC-KR given explicitly", "도시\n서울\n".getBytes(Charset.forName("EUC-KR")),
                d.withEncoding(Charset.forName("EUC-KR")), r -> assertEquals("서울", col(r.table(), "도시", 0))),
            ok("Windows-1252 accents",
                "name,city\nRené,Zürich\nJosé,São Paulo\n".getBytes(Charset.forName("windows-1252")), d, r -> {
                    assertEquals("windows-1252", r.format().encoding());
                    assertEquals("Zürich", col(r.table(), "city", 0));
                    assertEquals("José", col(r.table(), "name", 1));
                }),
            fails("empty file", new byte[0], d, "is empty"),
            fails("only blank lines", utf8("\n\r\n\n"), d, "only empty lines"),
            ok("header only", "a,b,c\n", r -> {
                shape(r, 0, "a", "b", "c");
                warns(r, "header but no data rows");
            }),
            ok("duplicate header names", "a,a,b,a\n1,2,3,4\n", r -> {
                shape(r, 1, "a", "a_2", "b", "a_3");
                warns(r, "names 'a' more than once");
            }),
            ok("header names differing only in case", "Age,age,AGE\n1,2,3\n", r -> {
                shape(r, 1, "Age", "age_2", "AGE_3");
                warns(r, "names 'age' more than once");
            }),
            ok("empty header names", "a,,c,\n1,2,3,4\n", r -> {
                shape(r, 1, "a", "column_2", "c", "column_4");
                warns(r, "column 2 has no name");
            }),
            ok("10,000-character field", "id,text\n1," + longField + "\n2,\"" + longField + "\"\n", r -> {
                assertEquals(10_000, col(r.table(), "text", 0).length());
                assertEquals(10_000, col(r.table(), "text", 1).length());
            }),
            ok("mixed line endings", "a,b\r\n1,x\n2,y\r3,z\r\n", r -> {
                shape(r, 3, "a", "b");
                assertEquals("z", col(r.table(), "b", 2));
                noWarnings(r);
            }),
            ok("no final line break", "a,b\n1,2", r -> assertEquals(2, r.table().intColumn("b").get(0))),
            ok("too few fields: set missing", "a,b,c\n1,2,3\n4,5\n6,7,8\n", r -> {
                shape(r, 3, "a", "b", "c");
                assertTrue(r.table().intColumn("c").isMissing(1));
                warns(r, "1 row has fewer fields than the header", "line 3 (2 fields, expected 3)");
            }),
            ok("too many fields: extras dropped", "a,b\n1,2\n3,4,5,6\n", r -> {
                shape(r, 2, "a", "b");
                warns(r, "more fields than the header", "line 3 (4 fields, expected 2)");
            }),
            ok("ragged rows skipped", utf8("a,b\n1,2\n3\n4,5\n"), d.withOnError(ErrorPolicy.SKIP_ROW), r -> {
                assertEquals(List.of(1, 4), r.table().intColumn("a").asList());
                warns(r, "left out", "line 3");
            }),
            fails("ragged row with fail policy", utf8("a,b\n1,2\n\n3\n"), d.withOnError(ErrorPolicy.FAIL),
                "line 4: fewer fields than the header"),
            ok("unterminated quote recovers at the line end", "id,note\n1,\"never closed\n2,fine\n3,also fine\n", r -> {
                shape(r, 3, "id", "note");
                assertEquals("never closed", col(r.table(), "note", 0));
                assertEquals("also fine", col(r.table(), "note", 2));
                warns(r, "quote that is never closed", "line 2");
            }),
            ok("stray quote inside a field", "size,item\n5'11\",person\n6,box\n", r -> {
                assertEquals("5'11\"", col(r.table(), "size", 0));
                warns(r, "quote character inside an unquoted field", "line 2");
            }),
            ok("text after a closing quote", "a,b\n\"ab\"cd,1\n", r -> {
                assertEquals("abcd", col(r.table(), "a", 0));
                warns(r, "text after a closing quote");
            }),
            ok("default missing tokens", "n,s\n1,a\nNA,b\nN/A,c\nnull,d\n?,e\n,f\n6,g\n", r -> {
                types(r, ColumnType.INTEGER, ColumnType.STRING);
                assertEquals(5, r.table().intColumn("n").countMissing());
            }),
            ok("custom missing token", utf8("n\n1\n-\n3\n"), d.withMissing(List.of("", "-"), true), r -> {
                types(r, ColumnType.INTEGER);
                assertEquals(1, r.table().intColumn("n").countMissing());
            }),
            ok("whitespace trimmed and blank means missing", "n,s\n 1 ,  a\n   ,b\n3,c \n", r -> {
                types(r, ColumnType.INTEGER, ColumnType.STRING);
                assertTrue(r.table().intColumn("n").isMissing(1));
                assertEquals("a", col(r.table(), "s", 0));
            }),
            ok("no header: numbers in the first row", "1,2.5,x\n3,4.5,y\n", r -> {
                shape(r, 2, "column_1", "column_2", "column_3");
                assertTrue(!r.format().header());
            }),
            ok("all-text file keeps its header", "city,country\nSeoul,Korea\nParis,France\n", r -> {
                shape(r, 2, "city", "country");
            }),
            ok("forced text keeps leading zeros", utf8("zip,n\n00501,1\n02134,2\n"),
                d.withColumnTypes(Map.of("zip", ColumnKind.TEXT)), r -> {
                    types(r, ColumnType.STRING, ColumnType.INTEGER);
                    assertEquals("00501", col(r.table(), "zip", 0));
                }),
            ok("forced integer with a bad value: set missing", utf8("n\n1\nabc\n3\n"),
                d.withColumnTypes(Map.of("n", ColumnKind.INTEGER)), r -> {
                    assertEquals(List.of(1, 3), r.table().intColumn("n").removeMissing().asList());
                    warns(r, "cannot be read as its column's type", "line 3", "'abc' is not an integer");
                }),
            ok("forced integer with a bad value: skip row", utf8("n,s\n1,a\nabc,b\n3,c\n"),
                d.withColumnTypes(Map.of("n", ColumnKind.INTEGER)).withOnError(ErrorPolicy.SKIP_ROW), r ->
                    assertEquals(List.of("a", "c"), r.table().stringColumn("s").asList())),
            ok("booleans", "flag\ntrue\nFALSE\nTrue\n\n", r -> {
                types(r, ColumnType.BOOLEAN);
                assertEquals(List.of(true, false, true), r.table().booleanColumn("flag").asList());
            }),
            ok("yes/no stays text", "y\nyes\nno\n", r -> types(r, ColumnType.STRING)),
            ok("ISO dates and date-times", "d,t\n2024-02-29,2024-01-05 13:45:10\n2023-12-31,2024-01-05T08:00\n", r -> {
                types(r, ColumnType.LOCAL_DATE, ColumnType.LOCAL_DATE_TIME);
                assertEquals(LocalDate.of(2024, 2, 29), r.table().dateColumn("d").get(0));
                assertEquals(LocalDateTime.of(2024, 1, 5, 8, 0), r.table().dateTimeColumn("t").get(1));
            }),
            ok("day-first dates recognised from a day above 12", "d\n05/03/2024\n25/12/2023\n", r -> {
                types(r, ColumnType.LOCAL_DATE);
                assertEquals(LocalDate.of(2024, 3, 5), r.table().dateColumn("d").get(0));
            }),
            ok("invalid calendar date is text", "d\n2023-02-29\n2023-03-01\n", r -> types(r, ColumnType.STRING)),
            ok("integers beyond 32 and 64 bits", "a,b\n3000000000,99999999999999999999\n1,2\n", r -> {
                types(r, ColumnType.LONG, ColumnType.DOUBLE);
                assertEquals(3_000_000_000L, r.table().longColumn("a").get(0));
            }),
            ok("decimal notations", "x\n1e3\n-2.5E-2\n.5\n+7\n", r -> {
                types(r, ColumnType.DOUBLE);
                assertEquals(List.of(1000.0, -0.025, 0.5, 7.0), r.table().doubleColumn("x").asList());
            }),
            ok("blank lines in the middle keep physical line numbers", "a,b\n1,2\n\n\n3\n4,5\n", r -> {
                assertEquals(3, r.table().rowCount());
                warns(r, "line 5 (1 fields, expected 2)");
            }),
            ok("single column", "value\n10\n20\n", r -> shape(r, 2, "value")),
            ok("row limit", utf8("n\n1\n2\n3\n4\n5\n"), d.withRows(2, 0, 0), r ->
                assertEquals(List.of(1, 2), r.table().intColumn("n").asList())),
            ok("seeded random sample keeps file order", utf8("n\n" + numbers(1000)), d.withRows(0, 10, 7), r -> {
                List<Integer> values = r.table().intColumn("n").asList();
                assertEquals(10, values.size());
                assertEquals(values.stream().sorted().toList(), values);
                assertEquals(10, values.stream().distinct().count());
            }),
            ok("single-quote quoting detected", "a,b\n'x, y',1\n'z',2\n", r -> {
                assertEquals("x, y", col(r.table(), "a", 0));
                assertEquals('\'', r.format().quote());
            }),
            ok("numeric column with blank cells stays numeric", "age,name\n31,a\n,b\n45,c\n  ,d\n", r -> {
                types(r, ColumnType.INTEGER, ColumnType.STRING);
                assertEquals(2, r.table().intColumn("age").countMissing());
            }),
            ok("mixed numbers and words is text", "code\n12\nA7\n", r -> types(r, ColumnType.STRING)),
            ok("quoted numbers are numbers", "n\n\"1\"\n\"2\"\n", r -> types(r, ColumnType.INTEGER))
        );
    }

    private static String numbers(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            sb.append(i).append('\n');
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void corpusFile(String name, byte[] bytes, CsvOptions options, Check check, String error) throws Exception {
        Path file = dir.resolve(name.replaceAll("[^A-Za-z0-9]+", "_") + ".csv");
        Files.write(file, bytes);
        if (check == null) {
            ImportException e = assertThrows(ImportException.class,
                    () -> new DelimitedReader().read(file, options, ProgressMonitor.NONE));
            assertTrue(e.getMessage().contains(error), () -> "message should contain '" + error + "': "
                    + e.getMessage());
            return;
        }
        check.verify(new DelimitedReader().read(file, options, ProgressMonitor.NONE));
    }

    @org.junit.jupiter.api.Test
    void corpusHasAtLeastFortyFiles() {
        assertTrue(corpus().count() >= 40);
    }
}
