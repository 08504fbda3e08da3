package io.tablewise.track;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.Table;

import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.engine.ExecutionListener;
import io.tablewise.engine.FlowExecutor;
import io.tablewise.engine.PathPolicy;
import io.tablewise.engine.RunRequest;
import io.tablewise.engine.RunResult;
import io.tablewise.flow.Flow;
import io.tablewise.flow.json.FlowReader;
import io.tablewise.flow.json.FlowWriter;
import io.tablewise.model.ModelFiles;
import io.tablewise.model.Predictor;
import io.tablewise.model.TrainedModel;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.sample.ChurnGenerator;

/**
 * A recorded run rebuilt from its record alone: a time-budgeted automatic search (not repeatable by itself) is
 * rebuilt to the same predictions, after the flow file was edited and with a sweep's parameter value; a changed
 * data file is said; a record without its flow is refused with the reason.
 */
class RunRebuildTest {
    @TempDir
    Path dir;

    private static final String FLOW = """
            {"format": "tablewise.flow", "formatVersion": 1, "name": "churn",
             "parameters": {"share": 0.2},
             "nodes": [
              {"id": "in", "type": "data.import.csv", "typeVersion": 1, "params": {"path": "data/customers.csv"}},
              {"id": "model", "type": "model.build", "typeVersion": 1,
               "params": {"target": "churned", "exclude": ["customer_id"], "mode": "auto", "budget": 6,
                          "maxCandidates": 8, "seed": 3, "testShare": "${share}"}}],
             "edges": [{"from": {"node": "in", "port": "table"}, "to": {"node": "model", "port": "table"}}]}
            """;

    /** The run's model and its record, as the run log reads it back. */
    private Map.Entry<TrainedModel, RunRecord> runAndRecord(FlowExecutor executor, Path flowFile,
                                                             Map<String, String> overrides) throws Exception {
        Flow flow = new FlowReader().read(flowFile);
        RunResult result = executor.run(new RunRequest(flow, dir, dir, overrides, Set.of()), ExecutionListener.NONE);
        assertEquals(RunResult.Status.OK, result.status(), () -> String.valueOf(result.failures()));
        Map<String, Object> effective = new java.util.LinkedHashMap<>(flow.parameters());
        effective.putAll(overrides);
        assertEquals(1, RunTracker.record(dir, flow, flowFile, effective, result).size());
        List<RunRecord> log = new RunLog(dir).read(new ArrayList<>());
        return Map.entry(result.output("model", "model", TrainedModel.class), log.get(log.size() - 1));
    }

    @Test
    void aRecordedAutoRunIsRebuiltToTheSamePredictions() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        ChurnGenerator.write(dir.resolve("data/customers.csv"), 1500, 11);
        Path flowFile = dir.resolve("churn.flow");
        Files.writeString(flowFile, FLOW);
        try (FlowExecutor executor = FlowExecutor.createDefault()) {
            Map.Entry<TrainedModel, RunRecord> run = runAndRecord(executor, flowFile, Map.of("share", "0.25"));
            RunRecord record = run.getValue();
            assertTrue(RunRebuild.possible(record));
            assertEquals("0.25", record.parameters().get("flow.share"));
            // the flow is edited after the run: the rebuild uses the flow as it ran
            Flow edited = new FlowReader().read(flowFile);
            edited = edited.withReplacedNode(edited.node("model").orElseThrow().withParam("seed", 99L));
            new FlowWriter().save(edited, flowFile);

            Path folder = dir.resolve("rebuilt");
            RunRebuild.Outcome o = RunRebuild.rebuild(executor, record, flowFile, PathPolicy.of(dir, flowFile, dir),
                    folder, ExecutionListener.NONE, () -> false);
            assertEquals(List.of(), o.differences());
            assertEquals("pinned", o.model().info().get("mode"));
            assertEquals(run.getKey().settings(), o.model().settings());

            Table rows = new DelimitedReader().read(dir.resolve("data/customers.csv"), CsvOptions.defaults(),
                    ProgressMonitor.NONE).table();
            double[] recorded = probabilities(run.getKey(), rows);
            assertArrayEquals(recorded, probabilities(o.model(), rows), 0.0);
            assertArrayEquals(recorded, probabilities(ModelFiles.load(folder), rows), 0.0);

            // the data file changes: the rebuild says so, and its model differs
            ChurnGenerator.write(dir.resolve("data/customers.csv"), 1500, 12);
            RunRebuild.Outcome changed = RunRebuild.rebuild(executor, record, flowFile,
                    PathPolicy.of(dir, flowFile, dir), dir.resolve("rebuilt2"), ExecutionListener.NONE, () -> false);
            assertTrue(changed.differences().get(0).startsWith("the data changed since the run"),
                    changed.differences().toString());
            assertNotEquals(recorded[0], probabilities(changed.model(), rows)[0]);
        }
    }

    @Test
    void aRecordWithoutItsFlowIsRefusedWithTheReason() {
        RunRecord old = new RunRecord("20261101-100000-1", "2026-11-01T10:00:00", "churn.flow", "model", "churned",
                "binary", Map.of(), Map.of(), Map.of(), 1, List.of(), Map.of("settings",
                Map.of("algorithm", "xgboost")), List.of(), null, null);
        assertFalse(RunRebuild.possible(old));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunRebuild.rebuild(
                FlowExecutor.createDefault(), old, dir.resolve("churn.flow"), PathPolicy.of(dir, null, dir),
                dir.resolve("x"), ExecutionListener.NONE, () -> false));
        assertTrue(e.getMessage().contains("cannot be rebuilt exactly"), e.getMessage());
    }

    private static double[] probabilities(TrainedModel m, Table rows) throws Exception {
        Table scored = Predictor.predict(m, rows, w -> { });
        return scored.doubleColumn("probability_yes").asDoubleArray();
    }
}
