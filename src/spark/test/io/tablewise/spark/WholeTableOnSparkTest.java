package io.tablewise.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
 * The whole-table steps on Spark beyond the catalogue's examples (a uniform sample, the last of duplicates, the
 * smallest N overall, every aggregate) and the Split node — random, stratified with a validation share, by time,
 * and after a transform that learns, which both engines refit on the training rows only: the same files, byte for
 * byte, from a table Spark reads in several parts.
 */
class WholeTableOnSparkTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        System.setProperty("tablewise.sliceRows", "300");
        SparkEngine.session(Map.of("master", "local[2]", "conf.spark.sql.shuffle.partitions", "3",
                "conf.spark.default.parallelism", "3", "conf.spark.sql.files.maxPartitionBytes", "150000"));
    }

    @AfterAll
    static void stop() {
        org.apache.spark.sql.SparkSession.active().stop();
        System.clearProperty("tablewise.sliceRows");
    }

    /** Runs {@code flow} (reading customers.csv) on both engines; every named output file must be the same. */
    private static void same(String name, String nodes, String edges, String... files) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.copy(TransformEquivalenceTest.CHURN, folder.resolve("customers.csv"));
        Flow flow = new FlowReader().read("{\"format\": \"tablewise.flow\", \"formatVersion\": 1, \"name\": \"" + name
                + "\", \"nodes\": [{\"id\": \"read\", \"type\": \"data.import.csv\", \"typeVersion\": 1, "
                + "\"params\": {\"path\": \"customers.csv\"}}, " + nodes + "], \"edges\": [" + edges + "]}",
                name + ".flow");
        Path embedded = Files.createDirectories(folder.resolve("embedded"));
        Path spark = Files.createDirectories(folder.resolve("spark"));
        ExternalEngine.Outcome outcome = new SparkEngine().run(new ExternalEngine.Request(flow, folder, spark,
                Map.of(), Map.of(), PathPolicy.within(folder).withOutputDir(spark)), line -> { });
        assertTrue(outcome.ok(), name + ": " + outcome);
        try (FlowExecutor executor = FlowExecutor.createDefault()) {
            RunResult r = executor.run(new RunRequest(flow, folder, embedded, Map.of(), java.util.Set.of()),
                    ExecutionListener.NONE);
            assertEquals(RunResult.Status.OK, r.status(), () -> r.failures().toString());
        }
        for (String f : files) {
            List<String> a = Files.readAllLines(embedded.resolve(f));
            List<String> b = Files.readAllLines(spark.resolve(f));
            assertTrue(a.size() > 1, name + " " + f + " has rows");
            assertEquals(a.size(), b.size(), name + " " + f + " rows");
            for (int i = 0; i < a.size(); i++) {
                sameLine(name + " " + f + " line " + (i + 1), a.get(i), b.get(i));
            }
        }
    }

    /** The same cells; numbers learned from aggregates (a mean, a deviation) may differ in the last bits only. */
    private static void sameLine(String where, String a, String b) {
        if (a.equals(b)) {
            return;
        }
        String[] x = a.split(",", -1);
        String[] y = b.split(",", -1);
        assertEquals(x.length, y.length, where + ": " + a + " | " + b);
        for (int c = 0; c < x.length; c++) {
            if (!x[c].equals(y[c])) {
                double dx = Double.parseDouble(x[c]);
                double dy = Double.parseDouble(y[c]);
                assertTrue(Math.abs(dx - dy) <= 1e-9 * Math.max(1, Math.abs(dx)), where + " cell " + (c + 1) + ": "
                        + x[c] + " embedded, " + y[c] + " on Spark");
            }
        }
    }

    private static String node(String id, String type, String params) {
        return "{\"id\": \"" + id + "\", \"type\": \"" + type + "\", \"typeVersion\": 1, \"params\": " + params + "}";
    }

    private static String edge(String from, String fromPort, String to, String toPort) {
        return "{\"from\": {\"node\": \"" + from + "\", \"port\": \"" + fromPort + "\"}, \"to\": {\"node\": \"" + to
                + "\", \"port\": \"" + toPort + "\"}}";
    }

    private static void oneStep(String name, String type, String params) throws Exception {
        same(name, node("step", type, params) + ", " + node("write", "data.export.csv", "{\"path\": \"out.csv\"}"),
                edge("read", "table", "step", "table") + ", " + edge("step", "table", "write", "table"), "out.csv");
    }

    @Test
    void wholeTableStepsWithOtherSettings() throws Exception {
        oneStep("uniform-count", "transform.rows.sample", "{\"mode\": \"count\", \"count\": 1234, \"seed\": 7}");
        oneStep("uniform-fraction", "transform.rows.sample", "{\"fraction\": 0.3}");
        oneStep("last-duplicates", "transform.rows.drop-duplicates", "{\"columns\": [\"region\", \"satisfaction\"], "
                + "\"keep\": \"last\"}");
        oneStep("all-columns", "transform.rows.drop-duplicates", "{}");
        oneStep("smallest", "transform.rows.top-n", "{\"column\": \"satisfaction\", \"n\": 40, \"smallest\": true}");
        oneStep("sort-text-missing-last", "transform.rows.sort", "{\"columns\": [\"satisfaction\", \"region\"]}");
        oneStep("every-aggregate", "transform.combine.group-by", "{\"by\": [\"satisfaction\"], \"columns\": "
                + "[\"monthly_fee\", \"signup_date\"], \"aggregates\": [\"count\", \"sum\", \"mean\", \"median\", "
                + "\"min\", \"max\", \"std\", \"distinct\", \"first\", \"last\"]}");
        // learned from aggregates: a number target's sums by value (a number column among the values), width bins
        oneStep("target-mean-number", "transform.encode.target-mean", "{\"columns\": [\"plan\", \"support_calls\"], "
                + "\"target\": \"monthly_fee\", \"smoothing\": 3}");
        oneStep("bins-width", "transform.encode.bin", "{\"columns\": [\"age\", \"monthly_fee\"], \"method\": "
                + "\"width\", \"bins\": 7}");
        oneStep("outliers-quantile", "transform.outliers.remove", "{\"upper\": 0.9}");
        oneStep("pivot-count", "transform.combine.pivot", "{\"by\": [\"plan\", \"contract\"], \"pivot\": "
                + "\"satisfaction\", \"value\": \"customer_id\", \"aggregate\": \"count\"}");
        oneStep("pivot-median", "transform.combine.pivot", "{\"by\": [\"region\"], \"pivot\": \"support_calls\", "
                + "\"value\": \"monthly_fee\", \"aggregate\": \"median\"}");
        oneStep("oversample-half", "transform.balance.oversample", "{\"target\": \"churned\", \"ratio\": 0.8, "
                + "\"seed\": 9}");
        oneStep("undersample-all", "transform.balance.undersample", "{\"target\": \"family_plan\"}");
        // made on the driver from the minority rows in row order: the same synthetic rows
        oneStep("smote-few-neighbours", "transform.balance.smote", "{\"target\": \"churned\", \"ratio\": 0.6, "
                + "\"neighbours\": 2, \"seed\": 5}");
        oneStep("power-box-cox", "transform.scale.power", "{\"columns\": [\"monthly_fee\", \"age\"], "
                + "\"method\": \"box-cox\"}");
    }

    @Test
    void smoteRefusesMoreMinorityRowsThanTheDriverTakes() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("smote-cap"));
        Files.copy(TransformEquivalenceTest.CHURN, folder.resolve("customers.csv"));
        Flow flow = new FlowReader().read("{\"format\": \"tablewise.flow\", \"formatVersion\": 1, \"name\": \"cap\", "
                + "\"nodes\": [{\"id\": \"read\", \"type\": \"data.import.csv\", \"typeVersion\": 1, "
                + "\"params\": {\"path\": \"customers.csv\"}}, " + node("step", "transform.balance.smote",
                "{\"target\": \"churned\"}") + ", " + node("write", "data.export.csv", "{\"path\": \"out.csv\"}")
                + "], \"edges\": [" + edge("read", "table", "step", "table") + ", " + edge("step", "table", "write",
                "table") + "]}", "cap.flow");
        org.apache.spark.sql.SparkSession.active().conf().set("tablewise.driverRows", "100");
        try {
            ExternalEngine.Outcome o = new SparkEngine().run(new ExternalEngine.Request(flow, folder, folder,
                    Map.of(), Map.of(), PathPolicy.within(folder)), line -> { });
            assertFalse(o.ok());
            assertTrue(o.toString().contains("more than tablewise.driverRows=100; raise it")
                    && o.toString().contains("Oversample minority"), o.toString());
            assertFalse(Files.exists(folder.resolve("out.csv")), "nothing written");
        } finally {
            org.apache.spark.sql.SparkSession.active().conf().unset("tablewise.driverRows");
        }
    }

    private static void split(String name, String params, boolean afterImpute) throws Exception {
        String nodes = node("split", "transform.split.split", params) + ", "
                + node("train", "data.export.csv", "{\"path\": \"train.csv\"}") + ", "
                + node("validation", "data.export.csv", "{\"path\": \"validation.csv\"}") + ", "
                + node("test", "data.export.csv", "{\"path\": \"test.csv\"}");
        String edges = edge("split", "train", "train", "table") + ", " + edge("split", "validation", "validation",
                "table") + ", " + edge("split", "test", "test", "table");
        if (afterImpute) {
            nodes += ", " + node("fill", "transform.missing.impute", "{\"columns\": [\"satisfaction\"], "
                    + "\"strategy\": \"mean\"}") + ", " + node("scale", "transform.scale.standard",
                    "{\"columns\": [\"monthly_fee\"]}");
            edges += ", " + edge("read", "table", "fill", "table") + ", " + edge("fill", "table", "scale", "table")
                    + ", " + edge("scale", "table", "split", "table");
        } else {
            edges += ", " + edge("read", "table", "split", "table");
        }
        boolean validation = params.contains("validationShare");
        if (validation) {
            same(name, nodes, edges, "train.csv", "validation.csv", "test.csv");
        } else {
            same(name, nodes, edges, "train.csv", "test.csv");
        }
    }

    @Test
    void theSplitNodeSplitsTheSameRows() throws Exception {
        split("random", "{\"method\": \"random\", \"testShare\": 0.25, \"seed\": 3}", false);
        split("stratified-validation", "{\"method\": \"stratified\", \"target\": \"satisfaction\", "
                + "\"validationShare\": 0.15}", false);
        split("time", "{\"method\": \"time\", \"time\": \"signup_date\", \"validationShare\": 0.1}", false);
        // the mean and the scale learned from the training rows only, in both engines
        split("refit", "{\"method\": \"stratified\", \"target\": \"churned\"}", true);
    }

    @Test
    void joinAndConcatenateGiveTheEnginesRowsInItsOrder() throws Exception {
        String some = node("some", "transform.rows.sample", "{\"fraction\": 0.4, \"seed\": 5}") + ", "
                + node("top", "transform.rows.top-n", "{\"column\": \"monthly_fee\", \"n\": 300}") + ", "
                + node("regions", "transform.combine.group-by", "{\"by\": [\"region\"], \"columns\": "
                + "[\"monthly_fee\"], \"aggregates\": [\"mean\"]}");
        String from = edge("read", "table", "some", "table") + ", " + edge("read", "table", "top", "table") + ", "
                + edge("read", "table", "regions", "table");
        for (String how : List.of("inner", "left", "right", "full")) {
            same("join-" + how, some + ", " + node("join", "transform.combine.join", "{\"keys\": [\"customer_id\"], "
                    + "\"how\": \"" + how + "\"}") + ", " + node("write", "data.export.csv", "{\"path\": \"out.csv\"}"),
                    from + ", " + edge("some", "table", "join", "left") + ", " + edge("top", "table", "join", "right")
                    + ", " + edge("join", "table", "write", "table"), "out.csv");
        }
        // the same rows on both sides: each customer with its region's mean fee (a table joined with itself)
        same("join-own-groups", some + ", " + node("join", "transform.combine.join", "{\"keys\": [\"region\"], "
                + "\"how\": \"left\"}") + ", " + node("write", "data.export.csv", "{\"path\": \"out.csv\"}"),
                from + ", " + edge("read", "table", "join", "left") + ", " + edge("regions", "table", "join", "right")
                + ", " + edge("join", "table", "write", "table"), "out.csv");
        same("concat", some + ", " + node("both", "transform.combine.concat", "{\"addSource\": true}") + ", "
                + node("write", "data.export.csv", "{\"path\": \"out.csv\"}"), from + ", " + edge("some", "table",
                "both", "first") + ", " + edge("regions", "table", "both", "second") + ", " + edge("both", "table",
                "write", "table"), "out.csv");
    }
}
