package io.tablewise.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tech.tablesaw.api.Table;

import io.tablewise.data.CsvImportNode;
import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.insights.ColumnProfile;
import io.tablewise.insights.InsightsOptions;
import io.tablewise.insights.InsightsProfiler;
import io.tablewise.insights.InsightsReport;
import io.tablewise.node.NodeParams;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.node.TableSchema;

/**
 * A report profiled on a sample, its column figures measured by Spark on all rows, against the engine's report of
 * the whole table: the same counts, values, moments and bars; the quartiles within Spark's stated precision.
 */
class SparkInsightsTest {
    @BeforeAll
    static void start() {
        SparkEngine.session(Map.of("master", "local[2]", "conf.spark.sql.files.maxPartitionBytes", "100000",
                "conf.spark.sql.shuffle.partitions", "3"));
    }

    @AfterAll
    static void stop() {
        SparkSession.active().stop();
    }

    @Test
    void measuredFiguresAreTheWholeTablesFigures() throws Exception {
        Table all = new DelimitedReader().read(TransformEquivalenceTest.CHURN, CsvOptions.defaults(),
                ProgressMonitor.NONE).table();
        InsightsOptions options = InsightsOptions.defaults().withSampledParts(false);
        InsightsReport whole = new InsightsProfiler().profile(all, options, ProgressMonitor.NONE, "test");
        InsightsReport sample = new InsightsProfiler().profile(all.sampleN(700), options, ProgressMonitor.NONE, "test");
        Dataset<Row> rows = SparkFiles.readCsv(SparkSession.active(), TransformEquivalenceTest.CHURN, NodeParams
                .withDefaults(new CsvImportNode().descriptor(), Map.of("path", "x")), TableSchema.of(all));
        InsightsReport measured = SparkInsights.measured(sample, rows);

        assertEquals(whole.summary().rows(), measured.summary().rows());
        assertEquals(whole.summary().missingCells(), measured.summary().missingCells());
        assertEquals(whole.summary().duplicateRows(), measured.summary().duplicateRows());
        int compared = 0;
        for (ColumnProfile w : whole.columns()) {
            ColumnProfile m = measured.column(w.name());
            String where = w.name();
            assertEquals(w.count(), m.count(), where);
            assertEquals(w.missing(), m.missing(), where);
            assertEquals(w.unique(), m.unique(), where);
            assertEquals(w.min(), m.min(), where);
            assertEquals(w.max(), m.max(), where);
            assertEquals(w.topValues(), m.topValues(), where);
            assertEquals(w.semanticType(), m.semanticType(), where);
            if (w.numeric() != null) {
                var a = w.numeric();
                var b = m.numeric();
                for (double[] pair : List.of(new double[] {a.mean(), b.mean()}, new double[] {a.std(), b.std()},
                        new double[] {a.skewness(), b.skewness()}, new double[] {a.kurtosis(), b.kurtosis()},
                        new double[] {a.nextBelowMax(), b.nextBelowMax()},
                        new double[] {a.nextAboveMin(), b.nextAboveMin()})) {
                    assertEquals(pair[0], pair[1], 1e-9 * Math.max(1, Math.abs(pair[0])), where);
                }
                assertEquals(a.zeros(), b.zeros(), where);
                assertEquals(a.negatives(), b.negatives(), where);
                double step = (a.max() - a.min()) / 100;
                assertEquals(a.q1(), b.q1(), step, where + " q1");
                assertEquals(a.median(), b.median(), step, where + " median");
                assertEquals(a.q3(), b.q3(), step, where + " q3");
                if (a.q1() == b.q1() && a.q3() == b.q3()) {
                    assertEquals(a.outliers(), b.outliers(), where + " outliers");
                    assertEquals(w.histogram(), m.histogram(), where + " bars");
                }
                assertEquals(w.count() - w.missing(), m.histogram().bars().stream().mapToLong(bar -> bar.count())
                        .sum(), where + ": every value in a bar");
            } else {
                assertEquals(w.histogram(), m.histogram(), where + " bars");
                assertEquals(w.text(), m.text(), where + " lengths, numbers and patterns");
            }
            compared++;
        }
        assertTrue(compared >= 13, "columns compared: " + compared);
        assertTrue(whole.columns().stream().anyMatch(c -> c.storageType().equals("date")), "a date column compared");
        assertTrue(whole.columns().stream().filter(c -> c.text() != null).count() >= 3, "text columns compared");
        assertEquals(whole.warnings().stream().map(x -> x.columns() + " " + x.kind()).sorted().toList(),
                measured.warnings().stream().map(x -> x.columns() + " " + x.kind()).sorted().toList(),
                "the warnings follow from the measured figures");
    }

    @Test
    void datesAndTimesAreMeasuredOnAllRows(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.util.Random r = new java.util.Random(4);
        StringBuilder csv = new StringBuilder("seen,day,decade\n");
        java.time.LocalDateTime start = java.time.LocalDateTime.of(2024, 2, 28, 22, 0);
        for (int i = 0; i < 3000; i++) {
            // two days of minutes (bars by hour), ten years of days (bars by year), a few blanks
            java.time.LocalDateTime t = start.plusMinutes(r.nextInt(2 * 24 * 60));
            csv.append(r.nextInt(50) == 0 ? "" : t.toString().replace('T', ' ') + ":00").append(',')
                    .append(java.time.LocalDate.of(2019, 1, 1).plusDays(r.nextInt(10)).toString()).append(',')
                    .append(r.nextInt(40) == 0 ? "" : java.time.LocalDate.of(2015, 6, 1).plusDays(r.nextInt(3650)))
                    .append('\n');
        }
        java.nio.file.Path file = dir.resolve("times.csv");
        java.nio.file.Files.writeString(file, csv);
        Table all = new DelimitedReader().read(file, CsvOptions.defaults(), ProgressMonitor.NONE).table();
        InsightsOptions options = InsightsOptions.defaults().withSampledParts(false);
        InsightsReport whole = new InsightsProfiler().profile(all, options, ProgressMonitor.NONE, "test");
        InsightsReport sample = new InsightsProfiler().profile(all.sampleN(200), options, ProgressMonitor.NONE,
                "test");
        Dataset<Row> rows = SparkFiles.readCsv(SparkSession.active(), file, NodeParams.withDefaults(
                new CsvImportNode().descriptor(), Map.of("path", "x")), TableSchema.of(all));
        InsightsReport measured = SparkInsights.measured(sample, rows);
        assertEquals(List.of("datetime", "date", "date"), whole.columns().stream().map(ColumnProfile::storageType)
                .toList());
        for (ColumnProfile w : whole.columns()) {
            ColumnProfile m = measured.column(w.name());
            assertEquals(w, m, w.name() + ": count, missing, distinct, range, most frequent values, bars");
        }
        assertEquals("by hour", whole.column("seen").histogram().rule());
        assertEquals("by year", whole.column("decade").histogram().rule());
        assertEquals("by day", whole.column("day").histogram().rule());
    }

    @Test
    void aReportOnMoreRowsThanTheDriverTakesCountsThemAll(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Files.copy(TransformEquivalenceTest.CHURN, dir.resolve("customers.csv"));
        io.tablewise.flow.Flow flow = new io.tablewise.flow.json.FlowReader().read("""
                {"format": "tablewise.flow", "formatVersion": 1, "name": "report",
                 "nodes": [
                  {"id": "read", "type": "data.import.csv", "typeVersion": 1, "params": {"path": "customers.csv"}},
                  {"id": "look", "type": "insights.report", "typeVersion": 1, "params": {"target": "churned"}},
                  {"id": "save", "type": "insights.export", "typeVersion": 1, "params": {"json": "report.json"}}],
                 "edges": [
                  {"from": {"node": "read", "port": "table"}, "to": {"node": "look", "port": "table"}},
                  {"from": {"node": "look", "port": "report"}, "to": {"node": "save", "port": "report"}}]}
                """, "report.flow");
        List<String> said = new java.util.ArrayList<>();
        io.tablewise.engine.ExternalEngine.Outcome o = new SparkEngine().run(new io.tablewise.engine.ExternalEngine
                .Request(flow, dir, dir, Map.of(), Map.of("conf.tablewise.driverRows", "1000"), io.tablewise.engine
                .PathPolicy.within(dir)), said::add);
        assertTrue(o.ok(), o.toString());
        assertTrue(o.nodes().get(1).note().contains("column figures measured on all rows"), o.nodes().toString());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertEquals(6000, json.at("/summary/rows").asLong(), json.at("/summary").toString());
        assertEquals(6000, json.at("/columns/0/count").asLong());
    }
}
