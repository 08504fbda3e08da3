package io.tablewise.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tablewise.engine.ExecutionListener;
import io.tablewise.engine.ExternalEngine;
import io.tablewise.engine.FlowExecutor;
import io.tablewise.engine.PathPolicy;
import io.tablewise.engine.RunRequest;
import io.tablewise.engine.RunResult;
import io.tablewise.flow.Flow;
import io.tablewise.flow.json.FlowReader;

/**
 * Import and export nodes naming a location by URI — here {@code file:} URIs, read and written through Hadoop's file
 * system API exactly as {@code hdfs:} and {@code s3a:} are — run only where the user allowed them, and give the
 * embedded engine's results for the same files.
 */
class RemoteLocationsTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        SparkEngine.session(Map.of("master", "local[2]", "conf.spark.sql.files.maxPartitionBytes", "100000"));
    }

    @AfterAll
    static void stop() {
        SparkSession.active().stop();
    }

    /** Read, fill the satisfaction blanks, write CSV and Parquet: also the HDFS test's flow. */
    static Flow flow(String input, String csvOut, String parquetOut) throws Exception {
        return new FlowReader().read("""
                {"format": "tablewise.flow", "formatVersion": 1, "name": "remote",
                 "nodes": [
                  {"id": "read", "type": "data.import.csv", "typeVersion": 1, "params": {"path": "%s"}},
                  {"id": "fill", "type": "transform.missing.impute", "typeVersion": 1,
                   "params": {"columns": ["satisfaction"], "strategy": "median"}},
                  {"id": "write", "type": "data.export.csv", "typeVersion": 1, "params": {"path": "%s"}},
                  {"id": "keep", "type": "data.export.parquet", "typeVersion": 1, "params": {"path": "%s"}}],
                 "edges": [
                  {"from": {"node": "read", "port": "table"}, "to": {"node": "fill", "port": "table"}},
                  {"from": {"node": "fill", "port": "table"}, "to": {"node": "write", "port": "table"}},
                  {"from": {"node": "fill", "port": "table"}, "to": {"node": "keep", "port": "table"}}]}
                """.formatted(input, csvOut, parquetOut), "remote.flow");
    }

    private static ExternalEngine.Outcome onSpark(Flow flow, Path project, Map<String, String> settings) {
        return new SparkEngine().run(new ExternalEngine.Request(flow, project, project, Map.of(), settings,
                PathPolicy.within(project)), line -> { });
    }

    private static long standIns() throws Exception {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("tablewise-remote-")).count();
        }
    }

    @Test
    void aLocationIsUsedOnlyWhereTheUserAllowedIt() throws Exception {
        Path project = Files.createDirectories(dir.resolve("refused"));
        Path store = Files.createDirectories(dir.resolve("store-a"));
        Files.copy(TransformEquivalenceTest.CHURN, store.resolve("customers.csv"));
        String in = store.resolve("customers.csv").toUri().toString();
        String out = store.toUri() + "out/";
        ExternalEngine.Outcome o = onSpark(flow(in, out + "result.csv", out + "result-parquet"), project, Map.of());
        assertEquals(3, o.refusals().size(), o.toString());
        assertTrue(o.refusals().get(0).startsWith("node 'read' reads " + in + ", which you have not allowed")
                && o.refusals().get(0).contains("--conf tablewise.allowRead=file:///"), o.refusals().get(0));
        assertTrue(o.refusals().get(1).startsWith("node 'write' writes " + out + "result.csv")
                && o.refusals().get(1).contains("--conf tablewise.allowWrite="), o.refusals().get(1));
        // reading allowed is not writing allowed
        o = onSpark(flow(in, out + "result.csv", out + "result-parquet"), project, Map.of(
                "conf.tablewise.allowRead", store.toUri().toString()));
        assertEquals(2, o.refusals().size(), o.toString());
        assertFalse(Files.exists(store.resolve("out")), "nothing written");
    }

    @Test
    void allowedLocationsGiveTheEmbeddedEnginesFiles() throws Exception {
        long before = standIns();
        Path project = Files.createDirectories(dir.resolve("allowed"));
        Path store = Files.createDirectories(dir.resolve("store-b"));
        Files.copy(TransformEquivalenceTest.CHURN, store.resolve("customers.csv"));
        Files.copy(TransformEquivalenceTest.CHURN, project.resolve("customers.csv"));
        String out = store.toUri() + "out/";
        ExternalEngine.Outcome o = onSpark(flow(store.resolve("customers.csv").toUri().toString(), out
                + "result.csv", out + "result-parquet"), project, Map.of("conf.tablewise.allowRead", store.toUri()
                .toString(), "conf.tablewise.allowWrite", out));
        assertTrue(o.ok(), o.toString());
        Path embedded = Files.createDirectories(project.resolve("embedded"));
        try (FlowExecutor executor = FlowExecutor.createDefault()) {
            RunResult r = executor.run(new RunRequest(flow("customers.csv", "result.csv", "result-parquet"), project,
                    embedded, Map.of(), java.util.Set.of()), ExecutionListener.NONE);
            assertEquals(RunResult.Status.OK, r.status(), () -> r.failures().toString());
        }
        assertEquals(Files.readAllLines(embedded.resolve("result.csv")), Files.readAllLines(store.resolve(
                "out/result.csv")), "the same CSV, written through the file system API");
        assertEquals(6000, SparkSession.active().read().parquet(out + "result-parquet").count());
        try (Stream<Path> left = Files.list(store.resolve("out"))) {
            assertEquals(List.of("result-parquet", "result.csv"), left.map(p -> p.getFileName().toString())
                    .sorted().toList(), "no temporary folder left");
        }
        assertEquals(before, standIns(), "the stand-ins are removed");
    }

    @Test
    void aFolderOfPartsIsReadWholeAndAMissingLocationIsNamed() throws Exception {
        Path project = Files.createDirectories(dir.resolve("parts"));
        Path store = Files.createDirectories(dir.resolve("store-c/daily"));
        List<String> lines = Files.readAllLines(TransformEquivalenceTest.CHURN);
        for (int part = 0; part < 3; part++) {
            List<String> rows = new java.util.ArrayList<>(List.of(lines.get(0)));
            rows.addAll(lines.subList(1 + part * 2000, 1 + (part + 1) * 2000));
            Files.write(store.resolve("day-" + part + ".csv"), rows);
        }
        String allowed = dir.resolve("store-c").toUri().toString();
        ExternalEngine.Outcome o = onSpark(flow(store.toUri().toString(), allowed + "out/all.csv", allowed
                + "out/all-parquet"), project, Map.of("conf.tablewise.allowRead", allowed,
                "conf.tablewise.allowWrite", allowed));
        assertTrue(o.ok(), o.toString());
        assertEquals(6001, Files.readAllLines(dir.resolve("store-c/out/all.csv")).size(), "three files, one header");
        o = onSpark(flow(allowed + "nowhere.csv", allowed + "out/x.csv", allowed + "out/x-parquet"), project, Map.of(
                "conf.tablewise.allowRead", allowed, "conf.tablewise.allowWrite", allowed));
        assertTrue(o.failure() != null && o.failure().contains(allowed + "nowhere.csv does not exist"), o.toString());
    }
}
