package io.tablewise.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.tablewise.cli.TablewiseCommand;

/** Every sample project replays from the command line and writes what its expected.json says. */
class SampleProjectsTest {
    @TempDir
    Path out;

    @ParameterizedTest
    @ValueSource(strings = {"customer-churn/customer-churn.flow", "house-prices/house-prices.flow",
        "loan-grades/loan-grades.flow", "pipeline/pipeline.flow", "churn-monitoring/churn-monitoring.flow",
        "retail-forecast/retail-forecast.flow"})
    void replaysAndMatchesItsExpectedOutputs(String flow) throws Exception {
        Path file = Path.of("projects-sample", flow);
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = TablewiseCommand.execute(new String[] {"run", file.toString(), "--out", out.toString(), "--plain"},
                new PrintWriter(stdout, true), new PrintWriter(stderr, true));
        assertEquals(0, code, stderr.toString());
        List<String> problems = ExpectedOutputs.check(file.resolveSibling("expected.json"), out);
        assertEquals(List.of(), problems, stdout.toString());
    }

    @Test
    void thePipelineRegistersOnceAndAStricterGateRegistersNothing() throws Exception {
        Path file = Path.of("projects-sample/pipeline/pipeline.flow");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int strict = TablewiseCommand.execute(new String[] {"run", file.toString(), "--out", out.toString(), "--plain",
            "--param", "min_auc=0.99"}, new PrintWriter(stdout, true), new PrintWriter(stderr, true));
        assertEquals(1, strict, stdout.toString());
        String summary = stdout.toString();
        assertTrue(summary.lines().anyMatch(l -> l.matches("register +not taken .*")), summary);
        assertTrue(summary.contains("ERROR node 'stop': The new churn model does not reach min_auc"), summary);
        assertTrue(summary.lines().anyMatch(l -> l.matches("NOT TAKEN register, export: gate chose the other branch "
                + "\\(took 'else': build\\.test\\.auc >= 0\\.99 and build\\.test\\.auc > champion\\.test\\.auc is "
                + "false with build\\.test\\.auc = 0\\.\\d{4}, champion\\.test\\.auc = \\(no champion yet\\)\\)")),
                summary);
        assertTrue(!Files.exists(out.resolve("output/registry/registry.db")), "nothing registered");

        int first = TablewiseCommand.execute(new String[] {"run", file.toString(), "--out", out.toString(), "--plain"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true));
        assertEquals(0, first);
        StringWriter list = new StringWriter();
        assertEquals(0, TablewiseCommand.execute(new String[] {"registry", "list", "churn", "--registry",
            out.resolve("output/registry").toString()}, new PrintWriter(list, true), new PrintWriter(stderr, true)));
        assertTrue(list.toString().lines().anyMatch(l -> l.matches("churn:1 +pending +challenger .*")), list.toString());
    }

    @Test
    void everySampleProjectHasAnExpectationAndIsTested() throws Exception {
        try (var dirs = Files.list(Path.of("projects-sample"))) {
            List<Path> projects = dirs.filter(Files::isDirectory).toList();
            assertEquals(6, projects.size(), projects.toString());
            for (Path p : projects) {
                assertTrue(Files.isRegularFile(p.resolve("expected.json")), p + " has no expected.json");
            }
        }
    }

    @Test
    void shippedHouseAndLoanDataAreExactlyWhatTheDocumentedGeneratorsWrite() throws Exception {
        Path houses = out.resolve("sales.csv");
        HousePricesGenerator.write(houses, 4000, 20261122L);
        assertEquals(-1, Files.mismatch(houses, Path.of("projects-sample/house-prices/data/sales.csv")));
        Path loans = out.resolve("applications.csv");
        LoanGradeGenerator.write(loans, 5000, 20261122L);
        assertEquals(-1, Files.mismatch(loans, Path.of("projects-sample/loan-grades/data/applications.csv")));
        Path month = out.resolve("customers.csv");
        io.tablewise.sample.ChurnGenerator.write(month, 3000, 20261203L);
        assertEquals(-1, Files.mismatch(month, Path.of("projects-sample/pipeline/data/customers.csv")));
        Path watched = out.resolve("watched.csv");
        io.tablewise.sample.ChurnGenerator.write(watched, 4000, 20261122L);
        assertEquals(-1, Files.mismatch(watched, Path.of("projects-sample/churn-monitoring/data/customers.csv")));
        io.tablewise.sample.ChurnGenerator.write(watched, 2000, 20261201L);
        assertEquals(-1, Files.mismatch(watched, Path.of("projects-sample/churn-monitoring/data/customers-2026-07.csv")));
        io.tablewise.sample.ChurnGenerator.writeLater(watched, 2000, 20261204L);
        assertEquals(-1, Files.mismatch(watched, Path.of("projects-sample/churn-monitoring/data/customers-2027-01.csv")));
        Path retail = out.resolve("retail.csv");
        io.tablewise.sample.RetailGenerator.write(retail, 36, 780, 28, 20261206L);
        assertEquals(-1, Files.mismatch(retail, Path.of("projects-sample/retail-forecast/data/sales.csv")));
    }

    @Test
    void theMonitoringFlowRetrainsAndRegistersAChallengerOnTheMonthAfterThePriceRise() throws Exception {
        Path file = Path.of("projects-sample/churn-monitoring/churn-monitoring.flow");
        StringWriter stdout = new StringWriter();
        int code = TablewiseCommand.execute(new String[] {"run", file.toString(), "--out", out.toString(), "--plain",
            "--param", "batch=data/customers-2027-01.csv"}, new PrintWriter(stdout, true),
                new PrintWriter(new StringWriter(), true));
        assertEquals(0, code, stdout.toString());
        String summary = stdout.toString();
        assertTrue(summary.lines().anyMatch(l -> l.matches("retrain +done .*")), summary);
        assertTrue(summary.lines().anyMatch(l -> l.matches("score +not taken .*")), summary);
        assertTrue(summary.contains("took 'then': watch.monitor.violations > 0 is true"), summary);
        String findings = Files.readString(out.resolve("output/findings.csv"));
        assertTrue(findings.contains("violation,drift,monthly_fee,\"'monthly_fee' moved from a median of"), findings);
        assertTrue(!Files.exists(out.resolve("output/scored.csv")), "nothing scored");
        StringWriter list = new StringWriter();
        assertEquals(0, TablewiseCommand.execute(new String[] {"registry", "list", "churn", "--registry",
            out.resolve("output/registry").toString()}, new PrintWriter(list, true),
                new PrintWriter(new StringWriter(), true)));
        assertTrue(list.toString().lines().anyMatch(l -> l.matches("churn:1 +pending +challenger .*")), list.toString());

        // The retrained model learned the new month: its training baseline is the price rise's fees.
        StringWriter show = new StringWriter();
        assertEquals(0, TablewiseCommand.execute(new String[] {"monitor", "--model", "churn@challenger", "--registry",
            out.resolve("output/registry").toString(), "--input",
            file.resolveSibling("data/customers-2027-01.csv").toString()}, new PrintWriter(show, true),
                new PrintWriter(new StringWriter(), true)), show.toString());
    }

    @Test
    void theMonitoringFlowRegistersNothingOnAMonthLikeTheTrainingOne() throws Exception {
        Path file = Path.of("projects-sample/churn-monitoring/churn-monitoring.flow");
        StringWriter stdout = new StringWriter();
        assertEquals(0, TablewiseCommand.execute(new String[] {"run", file.toString(), "--out", out.toString(),
            "--plain"}, new PrintWriter(stdout, true), new PrintWriter(new StringWriter(), true)));
        assertTrue(stdout.toString().lines().anyMatch(l -> l.matches("challenger +not taken .*")), stdout.toString());
        assertTrue(!Files.exists(out.resolve("output/registry/registry.db")), "nothing registered");
    }

    @Test
    void aWrongOutputIsReportedWithWhatDiffers() throws Exception {
        Path project = out.resolve("p");
        Files.createDirectories(project.resolve("output/m"));
        Files.writeString(project.resolve("expected.json"), "{\"outputs\": {\"output/a.csv\": {\"header\": \"x,y\","
                + " \"rows\": 2}}, \"metrics\": {\"output/m/metrics.json\": {\"problemType\": \"regression\","
                + " \"tolerance\": 0.02, \"test\": {\"rmse\": 100.0, \"r2\": 0.9}}}}");
        Files.writeString(project.resolve("output/a.csv"), "x,y\n1,\"a\nb\"\n2,c\n3,d\n");
        Files.writeString(project.resolve("output/m/metrics.json"),
                "{\"problemType\": \"regression\", \"test\": {\"rmse\": 101.5, \"r2\": 0.95}}");
        List<String> problems = ExpectedOutputs.check(project);
        assertEquals(List.of("output/a.csv: 3 rows, expected 2",
                "output/m/metrics.json: test.r2 = 0.95, expected 0.9 ± 0.02"), problems);
    }
}
