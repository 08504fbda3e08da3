package io.tablewise.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.Table;

import io.tablewise.engine.ExecutionListener;
import io.tablewise.engine.FlowExecutor;
import io.tablewise.engine.NodeResult;
import io.tablewise.engine.RunRequest;
import io.tablewise.engine.RunResult;
import io.tablewise.flow.Flow;
import io.tablewise.flow.json.FlowReader;
import io.tablewise.model.TrainedModel;
import io.tablewise.sample.ChurnGenerator;

/**
 * model.register and model.load through the real engine: a flow registers its model with the flow as lineage, a
 * second run of the same model does not register it twice, and a scoring flow loads the champion by reference.
 */
class RegistryNodesTest {
    @TempDir
    Path dir;

    private static final String TRAIN = """
            {"format": "tablewise.flow", "formatVersion": 1, "name": "train",
             "parameters": {"seed": 4},
             "nodes": [
              {"id": "in", "type": "data.import.csv", "typeVersion": 1, "params": {"path": "customers.csv"}},
              {"id": "build", "type": "model.build", "typeVersion": 1,
               "params": {"target": "churned", "exclude": ["customer_id"], "seed": "${seed}"}},
              {"id": "register", "type": "model.register", "typeVersion": 1,
               "params": {"group": "이탈", "alias": "champion", "status": "approved", "registry": "reg",
                          "description": "weekly"}}],
             "edges": [{"from": {"node": "in", "port": "table"}, "to": {"node": "build", "port": "table"}},
                       {"from": {"node": "build", "port": "model"}, "to": {"node": "register", "port": "model"}}]}
            """;

    private static final String SCORE = """
            {"format": "tablewise.flow", "formatVersion": 1, "name": "score",
             "nodes": [
              {"id": "in", "type": "data.import.csv", "typeVersion": 1, "params": {"path": "customers.csv"}},
              {"id": "load", "type": "model.load", "typeVersion": 1, "params": {"model": "이탈@champion",
               "registry": "reg"}},
              {"id": "score", "type": "model.predict", "typeVersion": 1, "params": {}}],
             "edges": [{"from": {"node": "in", "port": "table"}, "to": {"node": "score", "port": "table"}},
                       {"from": {"node": "load", "port": "model"}, "to": {"node": "score", "port": "model"}}]}
            """;

    private RunResult run(FlowExecutor executor, String json, Map<String, String> overrides) throws Exception {
        Flow flow = new FlowReader().read(json, "t.flow");
        RunResult r = executor.run(new RunRequest(flow, dir, dir, overrides, Set.of()), ExecutionListener.NONE);
        assertEquals(RunResult.Status.OK, r.status(), () -> r.failures() + " " + r.validation().errors());
        return r;
    }

    private static List<String> infos(RunResult r, String node) {
        NodeResult n = r.node(node).orElseThrow();
        return n.messages().stream().map(m -> m.text()).toList();
    }

    @Test
    void aFlowRegistersItsModelOnceAndAScoringFlowLoadsTheChampion() throws Exception {
        ChurnGenerator.write(dir.resolve("customers.csv"), 700, 3);
        try (FlowExecutor executor = FlowExecutor.createDefault()) {
            RunResult first = run(executor, TRAIN, Map.of());
            assertTrue(infos(first, "register").stream().anyMatch(m -> m.startsWith("registered 이탈:1 (approved, "
                    + "alias champion) in ")), infos(first, "register").toString());
            RunResult again = run(executor, TRAIN, Map.of());
            assertTrue(infos(again, "register").contains("already registered as 이탈:1 (approved)"),
                    infos(again, "register").toString());
            run(executor, TRAIN, Map.of("seed", "5")); // another model: version 2 takes the alias
            try (Registry r = Registry.open(RegistryLocation.folder(dir.resolve("reg")))) {
                assertEquals(2, r.versions("이탈").size());
                assertEquals(2, r.version(ModelRef.parse("이탈@champion")).version());
                VersionLineage l = r.lineage(ModelRef.parse("이탈:2"));
                Flow builtBy = new FlowReader().read(l.flow(), "lineage");
                assertEquals("5", String.valueOf(builtBy.parameters().get("seed")), "the run's parameter values");
                assertTrue(l.runRecord().contains("\"node\":\"register\""), l.runRecord());
            }
            TrainedModel second = run(executor, TRAIN, Map.of("seed", "5")).output("build", "model",
                    TrainedModel.class);
            RunResult scored = run(executor, SCORE, Map.of());
            Table out = scored.output("score", "table", Table.class);
            Table direct = io.tablewise.model.Predictor.predict(second, new io.tablewise.data.csv.DelimitedReader()
                    .read(dir.resolve("customers.csv"), io.tablewise.data.csv.CsvOptions.defaults(),
                            io.tablewise.node.ProgressMonitor.NONE).table(), w -> { });
            assertArrayEquals(direct.doubleColumn("probability_yes").asDoubleArray(),
                    out.doubleColumn("probability_yes").asDoubleArray(), 0);
            assertTrue(infos(scored, "load").contains("loaded 이탈:2 (approved) for 이탈@champion"));
        }
        assertTrue(Files.isRegularFile(dir.resolve("reg/registry.db")));
    }
}
