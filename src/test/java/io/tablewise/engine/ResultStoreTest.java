package io.tablewise.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.api.TimeColumn;

import io.tablewise.data.TableCodec;
import io.tablewise.flow.Flow;
import io.tablewise.flow.json.FlowReader;
import io.tablewise.insights.InsightsReport;
import io.tablewise.insights.ReportJson;
import io.tablewise.model.TrainedModel;
import io.tablewise.node.registry.NodeRegistry;
import io.tablewise.sample.ProjectCopy;

/**
 * Results kept beside the flow: a table comes back bit for bit in every column type, a model predicts the same and a
 * report reads the same; a reopened flow (a new session on the folder) has every node done without running, even
 * after the folder was copied elsewhere; a damaged entry is dropped, and the folder keeps to its cap.
 */
class ResultStoreTest {
    @TempDir
    Path dir;

    private static byte[] bytes(Table t) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableCodec.write(t, out);
        return out.toByteArray();
    }

    @Test
    void everyColumnTypeComesBackExactlyWithItsMissingValues() throws Exception {
        Table t = Table.create("모든 형식",
                StringColumn.create("region", "서울", "", "Busan"),
                IntColumn.create("i", Integer.MIN_VALUE, 0, Integer.MAX_VALUE),
                LongColumn.create("l", Long.MIN_VALUE, -1, 7),
                ShortColumn.create("s", (short) 1, Short.MIN_VALUE, (short) -3),
                DoubleColumn.create("d", Double.NaN, -0.0, 1e308),
                FloatColumn.create("f", Float.NaN, 1.5f, -2f),
                BooleanColumn.create("b", true, false, true),
                DateColumn.create("date", LocalDate.of(2025, 9, 11), null, LocalDate.of(1900, 1, 1)),
                TimeColumn.create("time", LocalTime.of(23, 59, 59, 999_000_000), null, LocalTime.MIDNIGHT),
                DateTimeColumn.create("dt", LocalDateTime.of(2021, 1, 4, 10, 30), null, LocalDateTime.of(1970, 1, 1, 0, 0)),
                InstantColumn.create("at", Instant.EPOCH, null, Instant.parse("2026-12-03T15:49:35Z")));
        t.booleanColumn("b").setMissing(1);
        Table back = TableCodec.read(new ByteArrayInputStream(bytes(t)));
        assertEquals(t.name(), back.name());
        assertEquals(t.columnNames(), back.columnNames());
        for (int c = 0; c < t.columnCount(); c++) {
            assertEquals(t.column(c).type(), back.column(c).type(), t.column(c).name());
            for (int r = 0; r < t.rowCount(); r++) {
                assertEquals(t.column(c).isMissing(r), back.column(c).isMissing(r), t.column(c).name() + " row " + r);
                assertEquals(t.column(c).getString(r), back.column(c).getString(r), t.column(c).name() + " row " + r);
            }
        }
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.doubleColumn("d").getDouble(1)));
        assertArrayEquals(bytes(t), bytes(back), "written again, the same bytes");
    }

    @Test
    void aReopenedFlowHasEveryNodeDoneWithTheSameResultsEvenInACopiedFolder() throws Exception {
        Path project = dir.resolve("customer-churn");
        ProjectCopy.copy(Path.of("projects-sample/customer-churn"), project);
        Path file = project.resolve("customer-churn.flow");
        Flow flow = new FlowReader().read(file);
        FlowSession first;
        try (FlowExecutor executor = FlowExecutor.createDefault()) {
            first = new FlowSession(executor, NodeRegistry.builtIn(), flow, project);
            RunResult result = first.run(Set.of(), ExecutionListener.NONE).await();
            assertEquals(RunResult.Status.OK, result.status());
            first.awaitStored();
        }
        assertTrue(Files.isDirectory(project.resolve(ResultStore.FOLDER)), "kept beside the flow");

        // the folder copied elsewhere (a shared project, a Save As with its data): the same fingerprints hold
        Path moved = dir.resolve("elsewhere/customer-churn");
        copyTree(project, moved);
        for (Path folder : List.of(project, moved)) {
            try (FlowExecutor fresh = FlowExecutor.createDefault()) {
                FlowSession reopened = new FlowSession(fresh, NodeRegistry.builtIn(),
                        new FlowReader().read(folder.resolve("customer-churn.flow")), folder);
                Map<String, NodeState> states = reopened.states();
                assertEquals(flow.nodes().size(), states.size());
                states.forEach((id, s) -> assertEquals(NodeState.DONE, s, id + " in " + folder));
                Table before = (Table) first.lastResult("encode").orElseThrow().outputs().get("table");
                Table after = (Table) reopened.lastResult("encode").orElseThrow().outputs().get("table");
                assertArrayEquals(bytes(before), bytes(after), "the encoded table");
                InsightsReport report = (InsightsReport) reopened.lastResult("insights").orElseThrow().outputs()
                        .get("report");
                assertEquals(ReportJson.toJson((InsightsReport) first.lastResult("insights").orElseThrow().outputs()
                        .get("report")), ReportJson.toJson(report));
                TrainedModel m0 = (TrainedModel) first.lastResult("model").orElseThrow().outputs().get("model");
                TrainedModel m1 = (TrainedModel) reopened.lastResult("model").orElseThrow().outputs().get("model");
                assertEquals(m0.evaluation().metrics(), m1.evaluation().metrics());
                assertEquals(m0.threshold(), m1.threshold());
                // a run finds everything in the cache: nothing is computed again
                RunResult again = reopened.run(Set.of(), ExecutionListener.NONE).await();
                assertEquals(RunResult.Status.OK, again.status());
                again.nodes().forEach((id, r) -> assertTrue(r.fromCache() || isExport(flow, id), id + " re-ran"));
                Table scored = (Table) again.nodes().get("predict").outputs().get("table");
                Table scoredBefore = (Table) first.lastResult("predict").orElseThrow().outputs().get("table");
                assertArrayEquals(bytes(scoredBefore), bytes(scored), "the same predictions");
            }
        }
    }

    private static boolean isExport(Flow flow, String id) {
        return NodeRegistry.builtIn().find(flow.node(id).orElseThrow().type()).orElseThrow().hasSideEffects();
    }

    @Test
    void aDamagedEntryIsDroppedAndTheCapHolds() throws Exception {
        ResultStore store = new ResultStore(dir, 2_000);
        String a = "a".repeat(64);
        String b = "b".repeat(64);
        Table small = Table.create("t", IntColumn.create("x", new int[300]));
        store.save(a, Map.of("table", small), List.of());
        assertTrue(store.load(a, "n").isPresent());
        Files.setLastModifiedTime(store.root().resolve(a), java.nio.file.attribute.FileTime.fromMillis(1000));
        store.save(b, Map.of("table", small), List.of());
        assertTrue(store.load(a, "n").isEmpty(), "over the cap, the least recently used went");
        assertTrue(store.load(b, "n").isPresent());
        try (Stream<Path> files = Files.list(store.root().resolve(b))) {
            Path data = files.filter(p -> !p.getFileName().toString().endsWith(".json")).findFirst().orElseThrow();
            Files.write(data, new byte[] {1, 2, 3});
        }
        assertTrue(store.load(b, "n").isEmpty(), "damaged: not used");
        assertTrue(Files.notExists(store.root().resolve(b)), "and removed");
        assertTrue(store.load("../../etc", "n").isEmpty(), "only fingerprints name entries");
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
