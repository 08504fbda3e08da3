package io.tablewise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
import io.tablewise.engine.RunRequest;
import io.tablewise.engine.RunResult;
import io.tablewise.flow.Flow;
import io.tablewise.flow.json.FlowReader;
import io.tablewise.ml.RowSampler;
import io.tablewise.ml.Values;
import io.tablewise.node.ProgressMonitor;

/**
 * Leak-free by construction through the real engine: transforms upstream of the model node are refitted on the
 * model's training rows only, saved with the model, and replayed on raw data at prediction time.
 */
class UpstreamRefitTest {
    static final Path CUSTOMERS = Path.of("projects-sample/customer-churn/data/customers.csv").toAbsolutePath();

    /** A flow that imports the sample customers as node "in", then {@code nodes} joined by {@code edges}. */
    static String flowJson(String nodes, String edges) {
        return """
                {"format": "tablewise.flow", "formatVersion": 1, "name": "t", "nodes": [
                 {"id": "in", "type": "data.import.csv", "typeVersion": 1, "params": {"path": "%s"}},
                %s],
                 "edges": [
                %s]}
                """.formatted(CUSTOMERS.toString().replace("\\", "/"), nodes.strip(), edges.strip());
    }

    @TempDir
    Path dir;

    /** Runs a flow through the real executor, its files beside {@link #dir}. */
    private RunResult run(String json) throws Exception {
        Flow flow = new FlowReader().read(json, "t.flow");
        // the sample's data lies outside this test's folder: allowed as a file the user chose
        io.tablewise.engine.PathPolicy paths = io.tablewise.engine.PathPolicy.of(dir, null, dir)
                .allowing(java.util.List.of(), java.util.List.of(CUSTOMERS.toAbsolutePath()), java.util.List.of());
        return FlowExecutor.createDefault().run(new RunRequest(flow, dir, dir, Map.of(), Set.of(), paths),
                ExecutionListener.NONE);
    }

    @Test
    void upstreamTransformsLearnFromTrainingRowsOnlyAndTravelWithTheModel() throws Exception {
        String json = flowJson("""
                 {"id": "fill", "type": "transform.missing.impute", "typeVersion": 1,
                  "params": {"columns": ["satisfaction"], "strategy": "median"}},
                 {"id": "scale", "type": "transform.scale.standard", "typeVersion": 1,
                  "params": {"columns": ["monthly_fee"]}},
                 {"id": "m", "type": "model.build", "typeVersion": 1,
                  "params": {"target": "churned", "exclude": ["customer_id"], "seed": 7}}
                """, """
                  {"from": {"node": "in", "port": "table"}, "to": {"node": "fill", "port": "table"}},
                  {"from": {"node": "fill", "port": "table"}, "to": {"node": "scale", "port": "table"}},
                  {"from": {"node": "scale", "port": "table"}, "to": {"node": "m", "port": "table"}}
                """);
        RunResult r = run(json);
        TrainedModel model = r.output("m", "model", TrainedModel.class);
        assertEquals(List.of("transform.missing.impute", "transform.scale.standard"),
                model.chain().steps().stream().map(s -> s.transform().spec().id()).toList());

        // the same split the builder makes: stratified by churned, 20% test, seed 7
        Table raw = new DelimitedReader().read(CUSTOMERS, CsvOptions.defaults(), ProgressMonitor.NONE).table();
        int[] all = java.util.stream.IntStream.range(0, raw.rowCount()).toArray();
        int[][] split = RowSampler.split(all, Values.labels(raw.column("churned")), 0.2, 7);
        double[] fee = Arrays.stream(split[0]).mapToDouble(i -> raw.numberColumn("monthly_fee").getDouble(i))
                .toArray();
        double mean = Arrays.stream(fee).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(fee).map(v -> (v - mean) * (v - mean)).sum() / fee.length);
        @SuppressWarnings("unchecked")
        Map<String, Object> learned = (Map<String, Object>) model.chain().states().get(1).columns().get("monthly_fee");
        assertEquals(mean, ((Number) learned.get("mean")).doubleValue(), 1e-9, "mean of the training rows only");
        assertEquals(sd, ((Number) learned.get("std")).doubleValue(), 1e-9);
        double allMean = raw.numberColumn("monthly_fee").mean();
        assertNotEquals(allMean, ((Number) learned.get("mean")).doubleValue(), "not the mean of every row");
        List<Double> trainSatisfaction = new ArrayList<>();
        for (int i : split[0]) {
            if (!raw.column("satisfaction").isMissing(i)) {
                trainSatisfaction.add(raw.numberColumn("satisfaction").getDouble(i));
            }
        }
        trainSatisfaction.sort(null);
        double median = new org.apache.commons.math3.stat.descriptive.rank.Median().evaluate(
                trainSatisfaction.stream().mapToDouble(Double::doubleValue).toArray());
        assertEquals(median, model.chain().states().get(0).number("satisfaction"), 1e-9);

        // saved and reloaded, the model replays the transforms on raw rows
        ModelFiles.save(model, dir.resolve("model"));
        assertTrue(Files.readString(dir.resolve("model/manifest.json")).contains("transform.scale.standard"));
        TrainedModel back = ModelFiles.load(dir.resolve("model"));
        Table scored = Predictor.predict(back, raw.first(200), w -> { });
        Table direct = Predictor.predict(model, raw.first(200), w -> { });
        assertEquals(direct.doubleColumn("probability_yes").asList(), scored.doubleColumn("probability_yes").asList());
        assertEquals(raw.first(200).doubleColumn("monthly_fee").asList(), scored.doubleColumn("monthly_fee").asList(),
                "the output shows the raw input values");
    }

    @Test
    void transformsBeforeASplitLearnFromItsTrainingRowsOnly() throws Exception {
        String json = flowJson("""
                 {"id": "fill", "type": "transform.missing.impute", "typeVersion": 1,
                  "params": {"columns": ["satisfaction"], "strategy": "median"}},
                 {"id": "scale", "type": "transform.scale.standard", "typeVersion": 1,
                  "params": {"columns": ["monthly_fee"]}},
                 {"id": "split", "type": "transform.split.split", "typeVersion": 1,
                  "params": {"method": "random", "testShare": 0.3, "seed": 5}}
                """, """
                  {"from": {"node": "in", "port": "table"}, "to": {"node": "fill", "port": "table"}},
                  {"from": {"node": "fill", "port": "table"}, "to": {"node": "scale", "port": "table"}},
                  {"from": {"node": "scale", "port": "table"}, "to": {"node": "split", "port": "table"}}
                """);
        RunResult r = run(json);
        Table train = r.output("split", "train", Table.class);
        Table test = r.output("split", "test", Table.class);

        // the split's own rows, computed independently on the raw file: random, 30% test, seed 5
        Table raw = new DelimitedReader().read(CUSTOMERS, CsvOptions.defaults(), ProgressMonitor.NONE).table();
        int[] all = java.util.stream.IntStream.range(0, raw.rowCount()).toArray();
        int[][] rows = RowSampler.split(all, null, 0.3, 5);
        assertEquals(rows[0].length, train.rowCount());
        assertEquals(rows[1].length, test.rowCount());
        double[] fee = Arrays.stream(rows[0]).mapToDouble(i -> raw.numberColumn("monthly_fee").getDouble(i))
                .toArray();
        double mean = Arrays.stream(fee).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(fee).map(v -> (v - mean) * (v - mean)).sum() / fee.length);
        for (int k : new int[] {0, 17, test.rowCount() - 1}) {
            double rawFee = raw.numberColumn("monthly_fee").getDouble(rows[1][k]);
            assertEquals((rawFee - mean) / sd, test.numberColumn("monthly_fee").getDouble(k), 1e-9,
                    "test rows scaled with the training rows' mean and deviation");
        }
        assertEquals(0, train.numberColumn("monthly_fee").mean(), 1e-9);
        double median = new org.apache.commons.math3.stat.descriptive.rank.Median().evaluate(Arrays.stream(rows[0])
                .filter(i -> !raw.column("satisfaction").isMissing(i))
                .mapToDouble(i -> raw.numberColumn("satisfaction").getDouble(i)).toArray());
        int filled = 0;
        for (int k = 0; k < test.rowCount(); k++) {
            if (raw.column("satisfaction").isMissing(rows[1][k])) {
                assertEquals(median, test.numberColumn("satisfaction").getDouble(k), 1e-9);
                filled++;
            }
        }
        assertTrue(filled > 0, "some test rows had no satisfaction to fill");
        assertNotEquals(raw.numberColumn("monthly_fee").mean(), mean, "the training mean is not every row's");
    }

    @Test
    void inputsTheSavedTransformsDropAreFoundUnused() throws Exception {
        String json = flowJson("""
                 {"id": "drop", "type": "transform.columns.drop", "typeVersion": 1,
                  "params": {"columns": ["customer_id", "region"]}},
                 {"id": "fill", "type": "transform.missing.impute", "typeVersion": 1,
                  "params": {"columns": ["satisfaction"], "strategy": "median"}},
                 {"id": "m", "type": "model.build", "typeVersion": 1, "params": {"target": "churned", "seed": 7}}
                """, """
                  {"from": {"node": "in", "port": "table"}, "to": {"node": "drop", "port": "table"}},
                  {"from": {"node": "drop", "port": "table"}, "to": {"node": "fill", "port": "table"}},
                  {"from": {"node": "fill", "port": "table"}, "to": {"node": "m", "port": "table"}}
                """);
        RunResult r = run(json);
        TrainedModel model = r.output("m", "model", TrainedModel.class);
        assertTrue(model.inputs().stream().anyMatch(c -> c.name().equals("region")), "still a raw input");
        assertEquals(Set.of("customer_id", "region"), InputProfile.unused(model));
        // and indeed: changing them changes nothing
        Map<String, String> row = new java.util.HashMap<>();
        InputProfile.of(model).forEach(i -> row.put(i.name(), i.typical() == null ? "" : i.typical()));
        double p = Predictor.predictOne(model, row, w -> { }).doubleColumn("probability_yes").get(0);
        row.put("region", "부산");
        row.put("customer_id", "X");
        assertEquals(p, Predictor.predictOne(model, row, w -> { }).doubleColumn("probability_yes").get(0));
    }
}
