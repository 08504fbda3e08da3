package io.tablewise.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tablewise.flow.Flow;
import io.tablewise.flow.json.FlowReader;
import io.tablewise.sample.ProjectCopy;
import io.tablewise.track.RunRecord;
import io.tablewise.ui.run.FakeUiThread;

/**
 * The Runs view's table, comparison and plot, on runs recorded by a real sweep of the house-prices sample (test
 * share 0.2 and 0.3): the 0.2 run must give the sample's reference metrics.
 */
class RunsViewModelTest {
    @TempDir
    static Path dir;
    static Path flowFile;
    static Flow flow;
    static FakeUiThread ui;
    static RunsViewModel vm;

    @BeforeAll
    static void sweep() throws Exception {
        Path project = dir.resolve("houses");
        ProjectCopy.copy(Path.of("projects-sample/house-prices"), project);
        flowFile = project.resolve("house-prices.flow");
        flow = new FlowReader().read(flowFile);
        ui = new FakeUiThread();
        vm = ui.call(() -> new RunsViewModel(ui));
        ui.run(() -> vm.load(flowFile));
        assertTrue(ui.call(() -> vm.runs().isEmpty()));
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("testShare", List.of("0.2", "0.3"));
        ui.run(() -> vm.startSweep(flow, flowFile, values));
        ui.await(() -> !vm.sweepingProperty().get(), 300, "the sweep");
    }

    @AfterAll
    static void close() {
        ui.close();
    }

    private static RunRecord run(String share) {
        return ui.call(() -> vm.runs().stream().filter(r -> share.equals(r.parameters().get("flow.testShare")))
                .findFirst().orElseThrow());
    }

    @Test
    void theSweepRecordsOneRunPerValueWithTheReferenceMetrics() throws Exception {
        assertEquals(2, ui.call(() -> vm.runs().size()), ui.call(() -> vm.sweepMessageProperty().get()));
        assertTrue(ui.call(() -> vm.sweepMessageProperty().get()).startsWith("Sweep finished: 2"));
        JsonNode expected = new ObjectMapper().readTree(dir.resolve("houses/expected.json").toFile())
                .path("metrics").path("output/price-model/metrics.json").path("test");
        RunRecord reference = run("0.2");
        assertEquals(expected.path("r2").asDouble(), reference.metrics().get("r2"), 0.02);
        assertEquals(expected.path("rmse").asDouble(), reference.metrics().get("rmse"), 0.02 * 177.5);
        assertEquals("0.3", run("0.3").parameters().get("model.testShare"), "the node saw the swept value");
        // the log holds exactly what the table shows
        List<String> problems = new java.util.ArrayList<>();
        List<RunRecord> logged = new io.tablewise.track.RunLog(flowFile.getParent()).read(problems);
        assertEquals(2, logged.size());
        assertTrue(logged.containsAll(ui.call(() -> List.copyOf(vm.runs()))));
    }

    @Test
    void columnsComparisonAndPlotFollowTheRuns() {
        List<String> params = ui.call(vm::parameterColumns);
        assertTrue(params.contains("flow.testShare") && params.contains("model.testShare"), params.toString());
        assertTrue(!params.contains("model.target"), "a parameter equal in every run is left out by default");
        ui.run(() -> vm.everyParameterProperty().set(true));
        assertTrue(ui.call(vm::parameterColumns).contains("model.target"));
        ui.run(() -> vm.everyParameterProperty().set(false));
        assertEquals(List.of("rmse", "mae", "r2"), ui.call(vm::metricColumns).subList(0, 3));

        RunRecord a = run("0.2");
        RunRecord b = run("0.3");
        List<RunsViewModel.Difference> diff = ui.call(() -> vm.compare(a, b));
        RunsViewModel.Difference share = diff.stream().filter(d -> d.name().equals("flow.testShare")).findFirst()
                .orElseThrow();
        assertTrue(share.differs());
        assertEquals(0.1, share.delta(), 1e-12);
        assertTrue(diff.get(0).differs(), "differences first");
        RunsViewModel.Difference algorithm = diff.stream().filter(d -> d.kind().equals("model")
                && d.name().equals("algorithm")).findFirst().orElseThrow();
        assertEquals(a.model().get("algorithm"), algorithm.a());
        assertTrue(!algorithm.a().isEmpty() && !algorithm.differs(), "the same algorithm built both models");
        RunsViewModel.Difference r2 = diff.stream().filter(d -> d.name().equals("r2")).findFirst().orElseThrow();
        assertEquals(b.metrics().get("r2") - a.metrics().get("r2"), r2.delta(), 1e-12);

        List<RunsViewModel.Point> points = ui.call(() -> vm.plot("r2", "flow.testShare"));
        assertEquals(List.of(0.2, 0.3), points.stream().map(RunsViewModel.Point::x).toList());
        assertEquals(a.metrics().get("r2"), points.get(0).y());

        ui.run(() -> vm.filterProperty().set(b.runId()));
        assertEquals(List.of(b), ui.call(() -> List.copyOf(vm.shownRuns())));
        ui.run(() -> vm.filterProperty().set(""));
        assertEquals(2, ui.call(() -> vm.shownRuns().size()));
    }

    @Test
    void aDamagedLineIsReportedAndUnknownSweepParametersRefused() throws Exception {
        Path log = flowFile.getParent().resolve("runs/runs.jsonl");
        Files.writeString(log, "{not json\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        RunsViewModel other = ui.call(() -> new RunsViewModel(ui));
        ui.run(() -> other.load(flowFile));
        assertEquals(2, ui.call(() -> other.runs().size()));
        assertTrue(ui.call(() -> other.problems().get(0)).endsWith("line 3 is not a run record; skipped"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> other.startSweep(flow,
                flowFile, Map.of("testshare", List.of("0.1"))));
        assertTrue(e.getMessage().contains("did you mean 'testShare'"), e.getMessage());
    }

    @Test
    void aRunLinksToTheRegistryVersionsRegisteredFromIt() throws Exception {
        RunRecord reference = run("0.2");
        Path model = Files.list(flowFile.getParent().resolve("output")).filter(Files::isDirectory)
                .map(p -> p.resolve("model")).filter(Files::isDirectory).findFirst().orElseThrow();
        io.tablewise.registry.RegistryLocation where = io.tablewise.registry.RegistryLocation.folder(
                dir.resolve("registry"));
        try (io.tablewise.registry.Registry r = io.tablewise.registry.Registry.open(where)) {
            String record = new ObjectMapper().writeValueAsString(Map.of("runId", reference.runId()));
            r.register(model, new io.tablewise.registry.Registry.Registration("houses", "", List.of(), "pending",
                    null, record, null));
            r.register(model, new io.tablewise.registry.Registry.Registration("houses", "", List.of(), "pending",
                    null, null, null));
        }
        ui.run(() -> vm.setRegistry(where));
        ui.await(() -> !vm.registered().isEmpty(), 30, "the registry's links");
        assertEquals(Map.of(reference.runId(), "houses:1"), ui.call(() -> Map.copyOf(vm.registered())));
    }
}
