package io.tablewise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tablewise.engine.ExecutionListener;
import io.tablewise.engine.FlowExecutor;
import io.tablewise.engine.NodeState;
import io.tablewise.engine.RunRequest;
import io.tablewise.engine.RunResult;
import io.tablewise.explain.BiasMetrics;
import io.tablewise.explain.BiasReport;
import io.tablewise.flow.json.FlowReader;
import io.tablewise.node.NodeException;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.sample.HiringGenerator;
import tech.tablesaw.api.Table;

/**
 * The bias report on generated hiring decisions whose bias the generator states (a log-odds penalty for gender F at
 * equal merit): the labels and a model that sees gender show it, a model that does not see gender far less; the build
 * keeps a report per plausible sensitive column; and a flow gates on the disparate impact.
 */
class BiasCheckTest {
    @TempDir
    static Path dir;
    private static Table hiring;

    @BeforeAll
    static void generate() throws Exception {
        Path file = dir.resolve("data/hiring.csv");
        Files.createDirectories(file.getParent());
        HiringGenerator.write(file, 6000, 11);
        hiring = new io.tablewise.data.csv.DelimitedReader().read(file, io.tablewise.data.csv.CsvOptions.defaults(),
                ProgressMonitor.NONE).table();
    }

    private static BiasReport.Group group(BiasReport r, String name) {
        return r.groups().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theInjectedBiasShowsInTheLabelsAndInAModelThatSeesGender() throws Exception {
        TrainedModel sees = ModelBuilder.build(hiring, new BuildOptions("hired", null, java.util.List.of("applicant_id"), null,
                0.2, 42), ProgressMonitor.NONE);
        BiasReport r = BiasCheck.check(sees, hiring, new BiasCheck.Facet("gender", "F", Double.NaN, 4), null,
                w -> { });
        assertEquals(1, r.groups().size());
        BiasReport.Group f = r.groups().get(0);
        assertEquals("F", f.name());
        assertEquals("yes", r.positive());
        // the rest is hired more often in the data itself, at equal qualifications
        assertTrue(f.value(BiasMetrics.Metric.DPL).value() > 0.1, f.values().toString());
        double di = f.value(BiasMetrics.Metric.DI).value();
        assertTrue(di < 0.8, "a model that sees gender repeats the bias: DI " + di);
        assertTrue(f.value(BiasMetrics.Metric.DI).high() < 1, "and its interval excludes parity");
        assertTrue(r.headline().contains("below the four-fifths rule"), r.headline());
        // counts: the group and the rest hold every labelled row
        assertEquals(r.rows(), f.group().n() + f.rest().n());

        TrainedModel blind = ModelBuilder.build(hiring, new BuildOptions("hired", null,
                java.util.List.of("applicant_id", "gender"), null, 0.2, 42), ProgressMonitor.NONE);
        BiasReport b = BiasCheck.check(blind, hiring, new BiasCheck.Facet("gender", null, Double.NaN, 4), null,
                w -> { });
        double blindDi = group(b, "F").value(BiasMetrics.Metric.DI).value();
        assertTrue(blindDi > di + 0.15 && blindDi > 0.8, "without gender the predictions are far closer: " + blindDi);
        assertEquals(group(b, "F").value(BiasMetrics.Metric.DPL).value(), f.value(BiasMetrics.Metric.DPL).value(),
                1e-12, "pre-training metrics are of the data alone");

        // the build kept a report of every plausible sensitive column on its test rows
        java.util.List<String> facets = sees.explanation().bias().stream().map(BiasReport::facet).toList();
        assertTrue(facets.containsAll(java.util.List.of("gender", "education", "region", "age")), facets.toString());
        assertTrue(!facets.contains("applicant_id") && !facets.contains("hired"), facets.toString());
        BiasReport kept = sees.explanation().bias().get(facets.indexOf("gender"));
        assertEquals("F", kept.worst().name());
        ModelFiles.save(sees, dir.resolve("model"));
        BiasReport loaded = ModelFiles.load(dir.resolve("model")).explanation().bias().get(facets.indexOf("gender"));
        assertEquals(kept.worst().value(BiasMetrics.Metric.DI).value(),
                loaded.worst().value(BiasMetrics.Metric.DI).value(), 1e-5);

        BiasReport ages = BiasCheck.check(sees, hiring, new BiasCheck.Facet("age", null, 40, 4), null, w -> { });
        assertEquals(java.util.List.of("<= 40", "> 40"), ages.groups().stream().map(BiasReport.Group::name).toList());
        BiasReportFiles.writeJson(r, dir.resolve("bias.json"));
        JsonNode json = new ObjectMapper().readTree(dir.resolve("bias.json").toFile());
        assertEquals("tablewise.bias", json.get("format").asText());
        assertEquals(di, json.get("summary").get("disparateImpact").asDouble(), 1e-12);
        assertEquals(16, json.get("definitions").size());
        BiasReportFiles.writeHtml(r, "hiring.csv", dir.resolve("bias.html"));
        assertTrue(Files.readString(dir.resolve("bias.html")).contains("Disparate impact"));
    }

    @Test
    void mistakesAreNamed() throws Exception {
        TrainedModel m = ModelBuilder.build(hiring, BuildOptions.of("hired").withAlgorithm("liblinear"),
                ProgressMonitor.NONE);
        NodeException noColumn = org.junit.jupiter.api.Assertions.assertThrows(NodeException.class, () ->
                BiasCheck.check(m, hiring, new BiasCheck.Facet("gendre", null, Double.NaN, 4), null, w -> { }));
        assertTrue(noColumn.getMessage().contains("gender"), noColumn.getMessage());
        NodeException noValue = org.junit.jupiter.api.Assertions.assertThrows(NodeException.class, () ->
                BiasCheck.check(m, hiring, new BiasCheck.Facet("gender", "X", Double.NaN, 4), null, w -> { }));
        assertTrue(noValue.getMessage().contains("F, M") || noValue.getMessage().contains("M, F"),
                noValue.getMessage());
        NodeException noLabels = org.junit.jupiter.api.Assertions.assertThrows(NodeException.class, () ->
                BiasCheck.check(m, hiring.rejectColumns("hired"), new BiasCheck.Facet("gender", null, Double.NaN, 4),
                        null, w -> { }));
        assertTrue(noLabels.getMessage().contains("'hired'"), noLabels.getMessage());
    }

    @Test
    void aFlowGatesARegistrationOnDisparateImpact() throws Exception {
        Path flowFile = dir.resolve("fair.flow");
        Files.writeString(flowFile, """
                {"format": "tablewise.flow", "formatVersion": 1, "name": "Fair hiring model",
                 "nodes": [
                  {"id": "import", "type": "data.import.csv", "typeVersion": 1, "params": {"path": "data/hiring.csv"}},
                  {"id": "build", "type": "model.build", "typeVersion": 1,
                   "params": {"target": "hired", "exclude": ["applicant_id"]}},
                  {"id": "fair", "type": "model.bias", "typeVersion": 1, "params": {"facet": "gender"}},
                  {"id": "gate", "type": "flow.condition", "typeVersion": 1,
                   "params": {"condition": "fair.bias.disparateImpact >= 0.8"}},
                  {"id": "stop", "type": "flow.fail", "typeVersion": 1, "params": {"message": "unfair"}}],
                 "edges": [
                  {"from": {"node": "import", "port": "table"}, "to": {"node": "build", "port": "table"}},
                  {"from": {"node": "import", "port": "table"}, "to": {"node": "fair", "port": "table"}},
                  {"from": {"node": "build", "port": "model"}, "to": {"node": "fair", "port": "model"}},
                  {"from": {"node": "fair", "port": "model"}, "to": {"node": "gate", "port": "model"}},
                  {"from": {"node": "gate", "port": "else"}, "to": {"node": "stop", "port": "model"}}]}
                """);
        var flow = new FlowReader().read(flowFile);
        try (FlowExecutor executor = FlowExecutor.createDefault()) {
            RunResult seesGender = executor.run(new RunRequest(flow, dir, dir, Map.of(), Set.of()),
                    ExecutionListener.NONE);
            assertEquals(RunResult.Status.FAILED, seesGender.status());
            assertTrue(seesGender.failures().toString().contains("unfair"), seesGender.failures().toString());
            assertTrue(seesGender.node("gate").orElseThrow().messages().toString().contains("took 'else'"));
            var blindFlow = flow.withReplacedNode(flow.node("build").orElseThrow().withParam("exclude",
                    java.util.List.of("applicant_id", "gender")));
            RunResult blind = executor.run(new RunRequest(blindFlow, dir, dir, Map.of(), Set.of()),
                    ExecutionListener.NONE);
            assertEquals(RunResult.Status.OK, blind.status(), () -> blind.failures().toString());
            assertEquals(NodeState.NOT_TAKEN, blind.node("stop").orElseThrow().state());
            assertTrue(blind.node("gate").orElseThrow().messages().get(0).text().contains("fair.bias.disparateImpact"),
                    blind.node("gate").orElseThrow().messages().toString());
        }
    }
}
