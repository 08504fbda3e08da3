package io.tablewise.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.Table;

import io.tablewise.cli.TablewiseCommand;
import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.node.ProgressMonitor;

/**
 * {@code tablewise run FLOW --engine spark} as a user types it (the engine found by the service loader): a
 * data-preparation flow with a rolling window per customer gives the embedded engine's rows; a node without a Spark
 * implementation is refused by name before any work; a job that fails part way names the file and leaves no output.
 */
class SparkRunTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        SparkEngine.session(Map.of("master", "local[2]", "conf.spark.sql.shuffle.partitions", "4"));
    }

    @AfterAll
    static void stop() {
        SparkSession.active().stop();
    }

    record Cli(int code, String out, String err) {
    }

    static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TablewiseCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(code, out.toString(), err.toString());
    }

    /** Card payments: per customer a day's amount, some blank, categories in Korean. */
    static void payments(Path file, int customers, int days) throws Exception {
        StringBuilder csv = new StringBuilder("customer,day,category,amount\n");
        java.util.Random r = new java.util.Random(3);
        List<String> categories = List.of("식료품", "교통", "외식", "의류");
        for (int c = 0; c < customers; c++) {
            for (int d = 0; d < days; d++) {
                csv.append("K").append(1000 + c).append(',').append(java.time.LocalDate.of(2026, 1, 1).plusDays(d))
                        .append(',').append(categories.get(r.nextInt(categories.size()))).append(',')
                        .append(r.nextInt(20) == 0 ? "" : String.format(java.util.Locale.ROOT, "%.2f",
                                Math.exp(3 + r.nextGaussian()))).append('\n');
            }
        }
        Files.writeString(file, csv);
    }

    static final String WINDOW_FLOW = """
            {"format": "tablewise.flow", "formatVersion": 1, "name": "rolling spend",
             "nodes": [
              {"id": "read", "type": "data.import.csv", "typeVersion": 1, "params": {"path": "payments.csv"}},
              {"id": "fill", "type": "transform.missing.impute", "typeVersion": 1,
               "params": {"columns": ["amount"], "strategy": "median"}},
              {"id": "onehot", "type": "transform.encode.one-hot", "typeVersion": 1,
               "params": {"columns": ["category"], "keepOriginal": true}},
              {"id": "week", "type": "transform.window.rolling", "typeVersion": 1,
               "params": {"column": "amount", "function": "sum", "rows": 7, "groupBy": ["customer"],
                          "orderBy": "day", "name": "spend_7d"}},
              {"id": "big", "type": "transform.formula.column", "typeVersion": 1,
               "params": {"name": "big_week", "formula": "spend_7d > 300"}},
              {"id": "write", "type": "data.export.csv", "typeVersion": 1, "params": {"path": "features.csv"}}],
             "edges": [
              {"from": {"node": "read", "port": "table"}, "to": {"node": "fill", "port": "table"}},
              {"from": {"node": "fill", "port": "table"}, "to": {"node": "onehot", "port": "table"}},
              {"from": {"node": "onehot", "port": "table"}, "to": {"node": "week", "port": "table"}},
              {"from": {"node": "week", "port": "table"}, "to": {"node": "big", "port": "table"}},
              {"from": {"node": "big", "port": "table"}, "to": {"node": "write", "port": "table"}}]}
            """;

    @Test
    void aWindowFlowOnSparkGivesTheEmbeddedEnginesRows() throws Exception {
        Path project = Files.createDirectories(dir.resolve("window"));
        payments(project.resolve("payments.csv"), 40, 90);
        Files.writeString(project.resolve("rolling.flow"), WINDOW_FLOW);
        Cli embedded = cli("run", project.resolve("rolling.flow").toString(), "--out", project.resolve("embedded")
                .toString(), "--plain");
        assertEquals(0, embedded.code(), embedded.err());
        Cli spark = cli("run", project.resolve("rolling.flow").toString(), "--out", project.resolve("spark")
                .toString(), "--engine", "spark", "--master", "local[2]");
        assertEquals(0, spark.code(), spark.err());
        assertTrue(spark.out().lines().anyMatch(l -> l.matches("fill +transform.missing.impute +learned .*")),
                spark.out());
        assertTrue(spark.out().lines().anyMatch(l -> l.matches("write +data.export.csv +wrote features.csv")),
                spark.out());
        Table a = read(project.resolve("embedded/features.csv")).sortOn("customer", "day");
        Table b = read(project.resolve("spark/features.csv")).sortOn("customer", "day");
        assertEquals(3600, b.rowCount());
        assertEquals(a.columnNames(), b.columnNames());
        assertTrue(b.columnNames().containsAll(List.of("category=식료품", "spend_7d", "big_week")), b.columnNames()
                .toString());
        for (String c : a.columnNames()) {
            for (int i = 0; i < a.rowCount(); i++) {
                String x = a.column(c).getString(i);
                String y = b.column(c).getString(i);
                if (!x.equals(y)) {
                    assertEquals(Double.parseDouble(x), Double.parseDouble(y), 1e-9 * Math.abs(Double.parseDouble(x)),
                            c + " row " + i);
                }
            }
        }
        // the rolling sum over a customer's last seven days, checked by hand for one row
        Table k = b.where(b.stringColumn("customer").isEqualTo("K1007"));
        double sum = 0;
        for (int i = 3; i <= 9; i++) {
            sum += k.doubleColumn("amount").get(i);
        }
        assertEquals(sum, k.doubleColumn("spend_7d").get(9), 1e-9);
    }

    @Test
    void aNodeWithoutASparkImplementationIsRefusedByNameBeforeAnyWork() throws Exception {
        Path project = Files.createDirectories(dir.resolve("refused"));
        payments(project.resolve("payments.csv"), 5, 10);
        Files.writeString(project.resolve("shaped.flow"), """
                {"format": "tablewise.flow", "formatVersion": 1, "name": "shaped",
                 "nodes": [
                  {"id": "read", "type": "data.import.csv", "typeVersion": 1, "params": {"path": "payments.csv"}},
                  {"id": "shape", "type": "transform.window.rolling", "typeVersion": 1,
                   "params": {"column": "amount", "function": "sum", "rows": 3}},
                  {"id": "write", "type": "data.export.csv", "typeVersion": 1, "params": {"path": "shaped.csv"}}],
                 "edges": [
                  {"from": {"node": "read", "port": "table"}, "to": {"node": "shape", "port": "table"}},
                  {"from": {"node": "shape", "port": "table"}, "to": {"node": "write", "port": "table"}}]}
                """);
        Cli spark = cli("run", project.resolve("shaped.flow").toString(), "--engine", "spark");
        assertEquals(2, spark.code(), spark.err());
        assertTrue(spark.err().contains("shaped.flow cannot run on spark:") && spark.err().contains(
                "node 'shape' (Rolling aggregate, transform.window.rolling) needs 'Ordered by' on Spark, where rows "
                + "have no order of their own") && spark.err().contains("run this flow on the embedded engine"),
                spark.err());
        assertFalse(Files.exists(project.resolve("shaped.csv")), "nothing was written");
    }

    @Test
    void aJobThatFailsPartWayNamesTheProblemAndLeavesNoOutput() throws Exception {
        Path project = Files.createDirectories(dir.resolve("failing"));
        Path parts = Files.createDirectories(project.resolve("parts"));
        SparkSession spark = SparkSession.active();
        spark.range(1000).selectExpr("id", "id * 2.5 as amount").coalesce(1).write().parquet(project.resolve("good")
                .toUri().toString());
        Path good;
        try (Stream<Path> files = Files.list(project.resolve("good"))) {
            good = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        Files.copy(good, parts.resolve("a.parquet"));
        byte[] bytes = Files.readAllBytes(good);
        // a second part cut short, as a failed upload leaves it
        Files.write(parts.resolve("b.parquet"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Files.writeString(project.resolve("copy.flow"), """
                {"format": "tablewise.flow", "formatVersion": 1, "name": "copy",
                 "nodes": [
                  {"id": "read", "type": "data.import.parquet", "typeVersion": 1, "params": {"path": "parts"}},
                  {"id": "write", "type": "data.export.csv", "typeVersion": 1, "params": {"path": "copy.csv"}}],
                 "edges": [{"from": {"node": "read", "port": "table"}, "to": {"node": "write", "port": "table"}}]}
                """);
        Cli run = cli("run", project.resolve("copy.flow").toString(), "--engine", "spark");
        assertTrue(run.code() != 0, run.out());
        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().contains("error: node 'write': ") && run.err().contains("b.parquet is not a Parquet "
                + "file"), run.err());
        assertFalse(run.err().contains("unexpected failure"), run.err());
        assertFalse(Files.exists(project.resolve("copy.csv")), "no half-written output");
        try (Stream<Path> left = Files.list(project)) {
            assertEquals(Set.of("parts", "good", "copy.flow"), left.map(p -> p.getFileName().toString())
                    .collect(java.util.stream.Collectors.toSet()), "no temporary folder left behind");
        }
    }

    private static Table read(Path file) throws Exception {
        return new DelimitedReader().read(file, CsvOptions.defaults(), ProgressMonitor.NONE).table();
    }
}
