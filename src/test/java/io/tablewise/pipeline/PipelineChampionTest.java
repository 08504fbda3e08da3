package io.tablewise.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tablewise.engine.ExecutionListener;
import io.tablewise.engine.FlowExecutor;
import io.tablewise.engine.NodeState;
import io.tablewise.engine.RunRequest;
import io.tablewise.engine.RunResult;
import io.tablewise.flow.Flow;
import io.tablewise.flow.json.FlowReader;
import io.tablewise.registry.ModelRef;
import io.tablewise.registry.ModelVersion;
import io.tablewise.registry.Registry;
import io.tablewise.registry.RegistryLocation;
import io.tablewise.track.RunTracker;

/**
 * "Register only if better than the champion" through the real engine: the first run registers (no champion yet),
 * and once a version is the champion the condition compares with its registered metrics, and takes the branch they
 * decide.
 */
class PipelineChampionTest {
    @TempDir
    Path dir;

    private RunResult run(FlowExecutor executor, Flow flow, Map<String, String> params) throws Exception {
        return executor.run(new RunRequest(flow, dir, dir, params, Set.of()), ExecutionListener.NONE);
    }

    private static String info(RunResult r, String node) {
        return r.node(node).orElseThrow().messages().get(0).text();
    }

    @Test
    void theChampionDecides() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("projects-sample/pipeline/data/customers.csv"), dir.resolve("data/customers.csv"));
        Flow flow = new FlowReader().read(Path.of("projects-sample/pipeline/pipeline.flow"));
        try (FlowExecutor executor = FlowExecutor.createDefault()) {
            RunResult first = run(executor, flow, Map.of("candidates", "2"));
            assertEquals(RunResult.Status.OK, first.status(), () -> first.failures().toString());
            assertEquals(NodeState.NOT_TAKEN, first.node("stop").orElseThrow().state());
            assertTrue(info(first, "gate").endsWith("champion.test.auc = (no champion yet)"), info(first, "gate"));
            Map<String, String> conditions = RunTracker.records(flow, dir.resolve("pipeline.flow"), Map.of(), first,
                    dir).get(0).conditions();
            assertEquals(Map.of("gate", info(first, "gate")), conditions, "the run record keeps what the gate saw");
            RegistryLocation where = RegistryLocation.folder(dir.resolve("output/registry"));
            double championAuc;
            try (Registry r = Registry.open(where)) {
                ModelVersion v = r.setAlias(ModelRef.parse("churn:1"), "champion");
                championAuc = v.metrics().get("auc");
            }
            // the same settings again: the same AUC, which is not better than the champion's
            RunResult same = run(executor, flow, Map.of("candidates", "2"));
            assertEquals(RunResult.Status.FAILED, same.status());
            assertEquals(NodeState.NOT_TAKEN, same.node("register").orElseThrow().state());
            assertTrue(info(same, "gate").contains(String.format(Locale.ROOT, "champion.test.auc = %.4f",
                    championAuc)), info(same, "gate"));
            assertTrue(info(same, "gate").startsWith("took 'else'"), info(same, "gate"));

            // a gate that only asks for a floor takes 'then' and registers the new model as version 2
            Flow floor = flow.withReplacedNode(flow.node("gate").orElseThrow().withParam("condition",
                    "build.test.auc >= champion.test.auc - 0.05"));
            RunResult again = run(executor, floor, Map.of("candidates", "3"));
            assertEquals(RunResult.Status.OK, again.status(), () -> again.failures().toString());
            try (Registry r = Registry.open(where)) {
                List<ModelVersion> versions = r.versions("churn");
                assertEquals(2, versions.size());
                assertEquals(List.of("challenger"), versions.get(0).aliases(), "the alias moves to the new version");
                assertEquals(1, r.version(ModelRef.parse("churn@champion")).version());
            }
        }
    }
}
