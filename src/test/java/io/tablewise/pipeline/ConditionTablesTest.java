package io.tablewise.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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

/** A condition passes a table on by the branch it takes, with no model at all. */
class ConditionTablesTest {
    @TempDir
    Path dir;

    @Test
    void aTableFollowsTheBranchTaken() throws Exception {
        Files.writeString(dir.resolve("rows.csv"), "id,city\n1,서울\n2,부산\n");
        Flow flow = new FlowReader().read("""
                {"format": "tablewise.flow", "formatVersion": 1, "name": "gate rows",
                 "parameters": {"minimum": 1},
                 "nodes": [
                  {"id": "read", "type": "data.import.csv", "typeVersion": 1, "params": {"path": "rows.csv"}},
                  {"id": "gate", "type": "flow.condition", "typeVersion": 1,
                   "params": {"condition": "${minimum} <= 2"}},
                  {"id": "yes", "type": "data.export.csv", "typeVersion": 1, "params": {"path": "then.csv"}},
                  {"id": "no", "type": "data.export.csv", "typeVersion": 1, "params": {"path": "else.csv"}}],
                 "edges": [
                  {"from": {"node": "read", "port": "table"}, "to": {"node": "gate", "port": "table"}},
                  {"from": {"node": "gate", "port": "then_table"}, "to": {"node": "yes", "port": "table"}},
                  {"from": {"node": "gate", "port": "else_table"}, "to": {"node": "no", "port": "table"}}]}
                """, "gate.flow");
        try (FlowExecutor executor = FlowExecutor.createDefault()) {
            RunResult low = executor.run(new RunRequest(flow, dir, dir, Map.of(), Set.of()), ExecutionListener.NONE);
            assertEquals(RunResult.Status.OK, low.status(), () -> low.failures().toString());
            assertEquals(NodeState.NOT_TAKEN, low.node("no").orElseThrow().state());
            assertEquals("id,city\n1,서울\n2,부산\n", Files.readString(dir.resolve("then.csv")).replace("\r", ""));
            assertTrue(!Files.exists(dir.resolve("else.csv")));

            RunResult high = executor.run(new RunRequest(flow, dir, dir, Map.of("minimum", "5"), Set.of()),
                    ExecutionListener.NONE);
            assertEquals(RunResult.Status.OK, high.status(), () -> high.failures().toString());
            assertEquals(NodeState.NOT_TAKEN, high.node("yes").orElseThrow().state());
            assertTrue(Files.exists(dir.resolve("else.csv")));
        }
    }
}
