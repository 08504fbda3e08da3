package io.tablewise.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

import io.tablewise.engine.FlowExecutor;
import io.tablewise.engine.NodeState;
import io.tablewise.flow.Edge;
import io.tablewise.node.registry.NodeRegistry;
import io.tablewise.sample.ChurnGenerator;
import io.tablewise.ui.editor.FlowEditor;

class RunViewModelTest {
    @TempDir
    Path dir;
    private final FakeUiThread ui = new FakeUiThread();
    private FlowExecutor executor;
    private FlowEditor editor;
    private RunViewModel runs;
    private String importId;
    private String sortId;
    private String reportId;

    @BeforeEach
    void setUp() throws Exception {
        ChurnGenerator.write(dir.resolve("customers.csv"), 800, 7);
        executor = FlowExecutor.createDefault();
        ui.run(() -> {
            editor = new FlowEditor(NodeRegistry.builtIn());
            editor.load(io.tablewise.flow.Flow.empty("t"), dir.resolve("t.flow"), false);
            runs = new RunViewModel(executor, editor, ui);
            importId = editor.addNode("data.import.csv", 0, 0);
            sortId = editor.addNodeConnected("transform.rows.sort");
        });
    }

    @AfterEach
    void tearDown() {
        ui.run(() -> runs.shutdown());
        executor.close();
        ui.close();
    }

    private NodeStatus.Light light(String id) {
        return ui.call(() -> {
            NodeStatus s = runs.statuses().get(id);
            return s == null ? null : s.light();
        });
    }

    private void awaitAnalysisOf(Runnable edit) {
        ui.run(edit);
        ui.await(() -> runs.analysedFlowProperty().get() == editor.flow(), 30, "analysis");
    }

    @Test
    void nodesThatCannotRunAreMarkedWithTheReasonBeforeAnythingRuns() {
        awaitAnalysisOf(() -> { });
        assertEquals(NodeStatus.Light.INVALID, light(importId));
        String message = ui.call(() -> runs.statuses().get(importId).message());
        assertTrue(message.contains("path"), message);
    }

    @Test
    void oneUnconfiguredNodeDoesNotBlockTheRest() {
        String[] export = new String[1];
        awaitAnalysisOf(() -> {
            editor.setParam(importId, "path", "customers.csv");
            editor.setParam(sortId, "columns", List.of("tenure_months"));
            editor.select(importId, false);
            export[0] = editor.addNodeConnected("data.export.csv"); // freshly dropped: no path yet
        });
        assertEquals(NodeStatus.Light.INVALID, light(export[0]));
        ui.run(() -> runs.runAll());
        ui.await(() -> !runs.runningProperty().get(), 60, "the run to finish");
        assertEquals(NodeStatus.Light.DONE, light(importId));
        assertEquals(NodeStatus.Light.DONE, light(sortId), "the rest of the flow ran");
        assertEquals(NodeStatus.Light.INVALID, light(export[0]), "still marked, with its reason");
        String why = ui.call(() -> runs.statuses().get(export[0]).message());
        assertTrue(why.contains("path") || why.contains("file"), why);
        assertTrue(ui.call(() -> runs.statusTextProperty().get()).contains("1 node could not run"),
                ui.call(() -> runs.statusTextProperty().get()));
    }

    @Test
    void runningAllFillsTheResultsAndAnEditMakesOnlyDownstreamNodesStale() {
        awaitAnalysisOf(() -> {
            editor.setParam(importId, "path", "customers.csv");
            editor.setParam(sortId, "columns", List.of("tenure_months"));
            editor.setParam(sortId, "descending", true);
        });
        assertEquals(NodeStatus.Light.IDLE, light(sortId));
        ui.run(() -> runs.runAll());
        ui.await(() -> !runs.runningProperty().get(), 60, "the run to finish");
        assertEquals(NodeStatus.Light.DONE, light(importId));
        assertEquals(NodeStatus.Light.DONE, light(sortId));
        assertTrue(ui.call(() -> runs.statusTextProperty().get()).startsWith("Finished in"));
        assertEquals(1.0, ui.call(() -> runs.progressProperty().get()));

        Table sorted = (Table) ui.call(() -> runs.result(sortId).orElseThrow().outputs().get("table"));
        assertEquals(800, sorted.rowCount());
        NumericColumn<?> tenure = sorted.numberColumn("tenure_months");
        for (int i = 1; i < tenure.size(); i++) {
            assertTrue(tenure.getDouble(i - 1) >= tenure.getDouble(i), "row " + i + " is out of order");
        }
        assertTrue(ui.call(() -> runs.log().stream().anyMatch(l -> l.contains("✓ Sort rows"))));

        awaitAnalysisOf(() -> editor.setParam(sortId, "descending", false));
        assertEquals(NodeStatus.Light.DONE, light(importId));
        assertEquals(NodeStatus.Light.STALE, light(sortId));
    }

    @Test
    void aNodeThatFailsShowsItsErrorAndTheRunSaysSo() throws Exception {
        Files.writeString(dir.resolve("bad.csv"), "a,b\n1,2\nx,3\n");
        awaitAnalysisOf(() -> {
            editor.setParam(importId, "path", "bad.csv");
            editor.setParam(importId, "columnTypes", java.util.Map.of("a", "integer"));
            editor.setParam(importId, "onError", "fail");
            editor.setParam(sortId, "columns", List.of("a"));
        });
        ui.run(() -> runs.runAll());
        ui.await(() -> !runs.runningProperty().get(), 60, "the run to finish");
        assertEquals(NodeStatus.Light.FAILED, light(importId));
        String error = ui.call(() -> runs.statuses().get(importId).message());
        assertTrue(error.contains("bad.csv") && error.contains("line 3"), error);
        assertEquals(NodeState.FAILED, ui.call(() -> runs.result(importId).orElseThrow().state()));
        assertTrue(ui.call(() -> runs.statusTextProperty().get()).contains("1 node could not run or failed"),
                ui.call(() -> runs.statusTextProperty().get()));
    }

    @Test
    void runningUpToANodeLeavesTheOthersAloneAndCancellingStopsARun() throws Exception {
        ChurnGenerator.write(dir.resolve("big.csv"), 300_000, 3);
        awaitAnalysisOf(() -> {
            editor.setParam(importId, "path", "customers.csv");
            editor.setParam(sortId, "columns", List.of("age"));
            String other = editor.addNode("data.import.csv", 0, 400);
            editor.setParam(other, "path", "big.csv");
            reportId = editor.addNodeConnected("insights.report");
            editor.setParam(reportId, "target", "churned");
        });
        ui.run(() -> runs.run(Set.of(sortId)));
        ui.await(() -> !runs.runningProperty().get(), 60, "the run to finish");
        assertEquals(NodeStatus.Light.DONE, light(sortId));
        assertEquals(NodeStatus.Light.IDLE, light(reportId));

        ui.run(() -> runs.runAll());
        ui.await(() -> runs.statuses().values().stream().anyMatch(s -> s.light() == NodeStatus.Light.RUNNING),
                30, "a node to start");
        ui.run(() -> runs.cancel());
        ui.await(() -> !runs.runningProperty().get(), 60, "the run to stop");
        assertEquals("Cancelled", ui.call(() -> runs.statusTextProperty().get()));
        assertFalse(ui.call(() -> runs.statuses().get(reportId).light() == NodeStatus.Light.DONE));
        assertTrue(editor.flow().edges().contains(Edge.of(importId, "table", sortId, "table")));
    }
}
