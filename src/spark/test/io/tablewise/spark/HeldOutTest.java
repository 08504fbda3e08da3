package io.tablewise.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tablewise.engine.ExternalEngine;
import io.tablewise.engine.PathPolicy;
import io.tablewise.flow.json.FlowReader;

/** A model built on a sample is evaluated on all the rows the sample left out; its AUC exact, by sorting. */
class HeldOutTest {
    @BeforeAll
    static void start() {
        SparkEngine.session(Map.of("master", "local[2]", "conf.spark.sql.shuffle.partitions", "5",
                "conf.spark.sql.files.maxPartitionBytes", "100000"));
    }

    @AfterAll
    static void stop() {
        SparkSession.active().stop();
    }

    @Test
    void theAucIsTheRankSumStatisticTiesCountingHalf() {
        Random r = new Random(3);
        List<Row> rows = new ArrayList<>();
        List<double[]> local = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            long pos = r.nextDouble() < 0.3 ? 1 : 0;
            double p = Math.round((0.3 * pos + r.nextDouble()) * 40) / 40.0; // many ties
            rows.add(RowFactory.create(p, pos));
            local.add(new double[] {p, pos});
        }
        // by hand: every positive against every negative
        double wins = 0;
        long positives = 0;
        long negatives = 0;
        for (double[] a : local) {
            if (a[1] == 1) {
                positives++;
                for (double[] b : local) {
                    if (b[1] == 0) {
                        wins += a[0] > b[0] ? 1 : a[0] == b[0] ? 0.5 : 0;
                    }
                }
            } else {
                negatives++;
            }
        }
        double expected = wins / (positives * (double) negatives);
        var scores = SparkSession.active().createDataFrame(rows, new StructType().add("p", DataTypes.DoubleType)
                .add("pos", DataTypes.LongType)).repartition(4);
        assertEquals(expected, HeldOut.auc(scores), 1e-12);
        assertTrue(expected > 0.6 && expected < 0.95, "a meaningful AUC: " + expected);
    }

    @Test
    void aModelBuiltOnASampleIsEvaluatedOnTheRowsItLeftOut(@TempDir Path dir) throws Exception {
        Files.copy(TransformEquivalenceTest.CHURN, dir.resolve("customers.csv"));
        var flow = new FlowReader().read("""
                {"format": "tablewise.flow", "formatVersion": 1, "name": "sampled",
                 "nodes": [
                  {"id": "read", "type": "data.import.csv", "typeVersion": 1, "params": {"path": "customers.csv"}},
                  {"id": "build", "type": "model.build", "typeVersion": 1,
                   "params": {"target": "churned", "exclude": ["customer_id"], "maxCandidates": 2, "seed": 1}},
                  {"id": "keep", "type": "model.export", "typeVersion": 1, "params": {"path": "churn-model"}}],
                 "edges": [
                  {"from": {"node": "read", "port": "table"}, "to": {"node": "build", "port": "table"}},
                  {"from": {"node": "build", "port": "model"}, "to": {"node": "keep", "port": "model"}}]}
                """, "sampled.flow");
        ExternalEngine.Outcome o = new SparkEngine().run(new ExternalEngine.Request(flow, dir, dir, Map.of(),
                Map.of("conf.tablewise.driverRows", "2000"), PathPolicy.within(dir)), line -> { });
        assertTrue(o.ok(), o.toString());
        String note = o.nodes().get(1).note();
        assertTrue(note.contains("trained on ") && note.contains(" of 6,000 rows"), note);
        assertTrue(note.contains("rows the sample left out, on Spark: accuracy ") && note.contains("(AUC exact"),
                note);
        Path manifest;
        try (var files = Files.walk(dir.resolve("churn-model"))) {
            manifest = files.filter(f -> f.getFileName().toString().equals("manifest.json")).findFirst().orElseThrow();
        }
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(manifest.toFile());
        var held = json.at("/info/heldOutOnSpark");
        long trained = Long.parseLong(note.replaceAll("(?s).*trained on ([0-9,]+) of.*", "$1").replace(",", ""));
        assertEquals(6000 - trained, held.get("rows").asLong(), held.toString());
        assertTrue(held.get("auc").asDouble() > 0.6 && held.get("auc").asDouble() <= 1, held.toString());
    }
}
