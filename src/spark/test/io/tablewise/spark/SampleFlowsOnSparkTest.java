package io.tablewise.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tech.tablesaw.api.Table;

import io.tablewise.cli.TablewiseCommand;
import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.node.ProgressMonitor;

/**
 * The sample projects on Spark local[2] and embedded: the same files (every CSV the flow writes, value for value),
 * the same model (its test metrics equal), the model trained on all rows on the driver, the scoring done by the
 * executors with Tablewise's own scorer.
 */
class SampleFlowsOnSparkTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        SparkEngine.session(Map.of("master", "local[2]", "conf.spark.sql.shuffle.partitions", "4",
                "conf.spark.sql.files.maxPartitionBytes", "300000"));
    }

    @AfterAll
    static void stop() {
        SparkSession.active().stop();
    }

    static int cli(StringWriter err, String... args) {
        return TablewiseCommand.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer-churn", "house-prices", "loan-grades"})
    void theSampleFlowGivesTheSameOutputsOnSpark(String name) throws Exception {
        Path project = dir.resolve(name);
        Path sample = Path.of("../../projects-sample", name).toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(sample)) { // the flow and its data, not earlier runs' outputs
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = sample.relativize(f).toString();
                if (!rel.startsWith("output") && !rel.startsWith("runs")) {
                    Files.createDirectories(project.resolve(rel).getParent());
                    Files.copy(f, project.resolve(rel));
                }
            }
        }
        Path flow = project.resolve(name + ".flow");
        StringWriter err = new StringWriter();
        assertEquals(0, cli(err, "run", flow.toString(), "--out", project.resolve("embedded").toString(), "--plain"),
                err.toString());
        StringWriter sparkErr = new StringWriter();
        assertEquals(0, cli(sparkErr, "run", flow.toString(), "--out", project.resolve("spark").toString(),
                "--engine", "spark"), sparkErr.toString());
        List<Path> written;
        try (Stream<Path> files = Files.walk(project.resolve("embedded"))) {
            written = files.filter(f -> f.toString().endsWith(".csv")).toList();
        }
        assertTrue(written.size() >= 1, written.toString());
        List<String> compared = new ArrayList<>();
        for (Path a : written) {
            Path rel = project.resolve("embedded").relativize(a);
            Table x = read(a);
            Table y = read(project.resolve("spark").resolve(rel));
            assertEquals(x.columnNames(), y.columnNames(), rel.toString());
            assertEquals(x.rowCount(), y.rowCount(), rel.toString());
            for (String c : x.columnNames()) {
                for (int i = 0; i < x.rowCount(); i++) {
                    String u = x.column(c).getString(i);
                    String v = y.column(c).getString(i);
                    if (!u.equals(v)) {
                        assertEquals(Double.parseDouble(u), Double.parseDouble(v), 1e-9 * Math.max(1,
                                Math.abs(Double.parseDouble(u))), rel + " " + c + " row " + i);
                    }
                }
            }
            if (x.columnNames().contains("prediction")) {
                compared.add(rel.toString());
            }
        }
        Path metrics;
        try (Stream<Path> files = Files.walk(project.resolve("embedded"))) {
            metrics = files.filter(f -> f.getFileName().toString().equals("metrics.json")).findFirst().orElseThrow();
        }
        Map<?, ?> m1 = new ObjectMapper().readValue(metrics.toFile(), Map.class);
        Map<?, ?> m2 = new ObjectMapper().readValue(project.resolve("spark").resolve(project.resolve("embedded")
                .relativize(metrics)).toFile(), Map.class);
        assertEquals(m1.get("test"), m2.get("test"), "the same model, the same test metrics");
        assertEquals(1, compared.size(), "the predictions, scored by the executors, are among the files compared");
    }

    private static Table read(Path file) throws Exception {
        return new DelimitedReader().read(file, CsvOptions.defaults(), ProgressMonitor.NONE).table();
    }
}
