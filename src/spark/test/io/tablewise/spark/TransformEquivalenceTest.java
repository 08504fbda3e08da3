package io.tablewise.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tech.tablesaw.api.Table;

import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.engine.ExecutionListener;
import io.tablewise.engine.ExternalEngine;
import io.tablewise.engine.FlowExecutor;
import io.tablewise.engine.PathPolicy;
import io.tablewise.engine.RunRequest;
import io.tablewise.engine.RunResult;
import io.tablewise.flow.Flow;
import io.tablewise.flow.json.FlowReader;
import io.tablewise.node.NodeParams;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.transform.Transform;
import io.tablewise.transform.TransformCatalog;
import io.tablewise.transform.TransformExamples;
import io.tablewise.transform.TransformNode;

/**
 * Every transform of the catalogue on the sample churn table (6,000 customers: numbers, Korean text, dates, booleans,
 * blanks), through the embedded engine and through Spark local[2]: the same rows and values (numbers within 1e-9)
 * and the same learned state; the transforms that need the whole table are refused on Spark by name — exactly those.
 */
class TransformEquivalenceTest {
    /** Transforms refused on Spark: none now (SMOTE makes its rows on the driver, power searches over exact sums). */
    static final Set<String> REFUSED = Set.of();

    static final Path CHURN = Path.of("../../projects-sample/customer-churn/data/customers.csv").toAbsolutePath()
            .normalize();

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        Files.copy(CHURN, dir.resolve("customers.csv"));
        // executors run in this JVM: each part is handed to the transforms in slices of about 100 rows (groups whole)
        System.setProperty("tablewise.sliceRows", "100");
        SparkEngine.session(Map.of("master", "local[2]", "conf.spark.sql.shuffle.partitions", "4",
                "conf.spark.default.parallelism", "4", "conf.spark.sql.files.maxPartitionBytes", "200000"));
    }

    @AfterAll
    static void stop() {
        org.apache.spark.sql.SparkSession.active().stop();
        System.clearProperty("tablewise.sliceRows");
    }

    static Stream<Transform> transforms() {
        return TransformCatalog.all().stream();
    }

    /** The example parameters; rows in a window ordered by the customer (unique), as Spark has no row order. */
    static Map<String, Object> params(Transform t) {
        Map<String, Object> p = new LinkedHashMap<>(TransformExamples.ON_CHURN.getOrDefault(t.spec().id(), Map.of()));
        if (t.spec().id().startsWith("transform.window.")) {
            p.put("orderBy", "customer_id");
        }
        return p;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transforms")
    void bothEnginesGiveTheSameRowsAndTheSameState(Transform t) throws Exception {
        String id = t.spec().id();
        Path folder = Files.createDirectories(dir.resolve(id));
        Files.copy(CHURN, folder.resolve("customers.csv"));
        Map<String, Object> params = params(t);
        Flow flow = new FlowReader().read(new ObjectMapper().writeValueAsString(Map.of("format", "tablewise.flow",
                "formatVersion", 1, "name", id, "nodes", List.of(
                        Map.of("id", "read", "type", "data.import.csv", "typeVersion", 1, "params", Map.of("path",
                                "customers.csv")),
                        Map.of("id", "step", "type", id, "typeVersion", 1, "params", params),
                        Map.of("id", "write", "type", "data.export.csv", "typeVersion", 1, "params", Map.of("path",
                                "out.csv"))), "edges", List.of(
                        Map.of("from", Map.of("node", "read", "port", "table"), "to", Map.of("node", "step", "port",
                                "table")),
                        Map.of("from", Map.of("node", "step", "port", "table"), "to", Map.of("node", "write", "port",
                                "table"))))), id + ".flow");
        Path embedded = Files.createDirectories(folder.resolve("embedded"));
        Path spark = Files.createDirectories(folder.resolve("spark"));
        ExternalEngine.Outcome outcome = new SparkEngine().run(new ExternalEngine.Request(flow, folder, spark,
                Map.of(), Map.of(), PathPolicy.within(folder).withOutputDir(spark)), line -> { });
        if (REFUSED.contains(id)) {
            assertEquals(1, outcome.refusals().size(), id + ": " + outcome);
            assertTrue(outcome.refusals().get(0).startsWith("node 'step' ("), outcome.refusals().get(0));
            return;
        }
        assertTrue(outcome.ok(), id + ": " + outcome);
        try (FlowExecutor executor = FlowExecutor.createDefault()) {
            RunResult r = executor.run(new RunRequest(flow, folder, embedded, Map.of(), Set.of()),
                    ExecutionListener.NONE);
            assertEquals(RunResult.Status.OK, r.status(), () -> r.failures().toString());
        }
        NodeParams effective = NodeParams.withDefaults(new TransformNode(t).descriptor(), params);
        if (!t.learns() && t.reach(effective) != Transform.Reach.GROUP) {
            // nothing learned, rows in the engine's order: the very same file, byte for byte
            assertEquals(-1, Files.mismatch(embedded.resolve("out.csv"), spark.resolve("out.csv")), id);
        }
        Table a = read(embedded.resolve("out.csv"));
        Table b = read(spark.resolve("out.csv"));
        if (t.reach(effective) == Transform.Reach.GROUP) {
            a = a.sortOn("customer_id");
            b = b.sortOn("customer_id");
        }
        assertEquals(a.columnNames(), b.columnNames(), id);
        assertEquals(a.rowCount(), b.rowCount(), id);
        assertTrue(a.rowCount() > 0, id);
        for (int c = 0; c < a.columnCount(); c++) {
            for (int i = 0; i < a.rowCount(); i++) {
                String x = a.column(c).getString(i);
                String y = b.column(c).getString(i);
                if (!x.equals(y)) {
                    double dx = number(x);
                    double dy = number(y);
                    assertTrue(Math.abs(dx - dy) <= 1e-9 * Math.max(1, Math.abs(dx)), id + " column "
                            + a.column(c).name() + " row " + i + ": " + x + " embedded, " + y + " on Spark");
                }
            }
        }
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static Table read(Path file) throws Exception {
        return new DelimitedReader().read(file, CsvOptions.defaults(), ProgressMonitor.NONE).table();
    }

    @Test
    void aLearnedStateFromSparkIsTheEmbeddedOne() throws Exception {
        Table churn = read(CHURN);
        var rows = SparkFiles.readCsv(org.apache.spark.sql.SparkSession.active(), CHURN, NodeParams.withDefaults(
                new io.tablewise.data.CsvImportNode().descriptor(), Map.of("path", "x")),
                io.tablewise.node.TableSchema.of(churn));
        List<String> compared = new ArrayList<>();
        for (Transform t : TransformCatalog.all()) {
            NodeParams p = NodeParams.withDefaults(new TransformNode(t).descriptor(), params(t));
            if (!t.learns() || TransformStep.refusal(t, p, io.tablewise.node.TableSchema.of(churn)) != null) {
                continue;
            }
            Map<String, Object> local = flat(t.fit(churn, p).toJson());
            Map<String, Object> distributed = flat(TransformStep.fit(t, p, rows).toJson());
            if (t.spec().id().equals("transform.scale.power")) {
                // exact sums in any order: the same search on the same numbers, the same bits
                assertEquals(local, distributed, t.spec().id());
            }
            assertEquals(new TreeSet<>(local.keySet()), new TreeSet<>(distributed.keySet()), t.spec().id());
            local.forEach((k, v) -> {
                Object w = distributed.get(k);
                if (v instanceof Number x && w instanceof Number y) {
                    assertEquals(x.doubleValue(), y.doubleValue(), 1e-9 * Math.max(1, Math.abs(x.doubleValue())),
                            t.spec().id() + " " + k);
                } else {
                    assertEquals(v, w, t.spec().id() + " " + k);
                }
            });
            compared.add(t.spec().id());
        }
        assertEquals(List.of("transform.missing.impute", "transform.outliers.clip", "transform.outliers.remove",
                "transform.encode.one-hot", "transform.encode.ordinal", "transform.encode.frequency",
                "transform.encode.target-mean", "transform.encode.bin", "transform.scale.standard",
                "transform.scale.min-max",
                "transform.scale.robust", "transform.scale.power"), compared);
    }

    /** A state's JSON as path → value, for comparing numbers with a tolerance. */
    private static Map<String, Object> flat(String json) throws Exception {
        Map<String, Object> out = new HashMap<>();
        flatten("", new ObjectMapper().readValue(json, Object.class), out);
        return out;
    }

    private static void flatten(String at, Object v, Map<String, Object> out) {
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> flatten(at + "/" + k, x, out));
        } else if (v instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                flatten(at + "[" + i + "]", l.get(i), out);
            }
        } else {
            assertNotNull(at);
            out.put(at, v);
        }
    }
}
