package io.tablewise.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.Table;

import io.tablewise.anomaly.AnomalyModel;
import io.tablewise.engine.ExecutionListener;
import io.tablewise.engine.FlowExecutor;
import io.tablewise.engine.FlowValidator;
import io.tablewise.engine.NodeState;
import io.tablewise.engine.RunRequest;
import io.tablewise.engine.RunResult;
import io.tablewise.engine.ValidationReport;
import io.tablewise.flow.Flow;
import io.tablewise.flow.json.FlowReader;
import io.tablewise.forecast.ForecastModel;
import io.tablewise.node.NodeMessage;

/**
 * Forecasting and anomaly detection as problem types of Build model: the same work as their own nodes, Predict
 * forecasting again or scoring new rows, Export writing folders that the saved-model readers load, Condition reading
 * their metrics, and the supervised-only nodes refusing them by name.
 */
class ModelBuildKindsTest {
    @TempDir
    Path dir;

    /** Two stores' monthly sales over six years: trend, a yearly season, noise; the last {@code cut} months apart. */
    private static String sales(int months, int from) {
        StringBuilder csv = new StringBuilder("store,month,sales\n");
        Random random = new Random(11);
        for (String store : List.of("강남점", "부산점")) {
            double level = store.equals("강남점") ? 500 : 300;
            for (int t = 0; t < months; t++) {
                double y = level + 2 * t + 0.2 * level * Math.sin(2 * Math.PI * t / 12) + random.nextGaussian() * 8;
                if (t >= from) {
                    csv.append(store).append(',').append(LocalDate.of(2018, 1, 1).plusMonths(t))
                            .append(',').append(String.format(Locale.ROOT, "%.2f", y)).append('\n');
                }
            }
        }
        return csv.toString();
    }

    private static Flow flow(String json) throws Exception {
        return new FlowReader().read(json, "kinds.flow");
    }

    private RunResult run(Flow flow) throws Exception {
        try (FlowExecutor executor = FlowExecutor.createDefault()) {
            return executor.run(new RunRequest(flow, dir, dir, Map.of(), Set.of()), ExecutionListener.NONE);
        }
    }

    @Test
    void aForecastBuiltByBuildModelIsTheForecastNodesAndPredictsFromNewerHistory() throws Exception {
        Files.writeString(dir.resolve("history.csv"), sales(66, 0));
        Files.writeString(dir.resolve("newer.csv"), sales(69, 0));
        Flow flow = flow("""
                {"format": "tablewise.flow", "formatVersion": 1, "name": "forecast two ways",
                 "nodes": [
                  {"id": "read", "type": "data.import.csv", "typeVersion": 1, "params": {"path": "history.csv"}},
                  {"id": "newer", "type": "data.import.csv", "typeVersion": 1, "params": {"path": "newer.csv"}},
                  {"id": "build", "type": "model.build", "typeVersion": 1,
                   "params": {"problemType": "forecast", "target": "sales", "time": "month", "series": ["store"],
                              "horizon": 6}},
                  {"id": "node", "type": "model.forecast", "typeVersion": 1,
                   "params": {"target": "sales", "time": "month", "series": ["store"], "horizon": 6}},
                  {"id": "again", "type": "model.predict", "typeVersion": 1, "params": {}},
                  {"id": "gate", "type": "flow.condition", "typeVersion": 1,
                   "params": {"condition":
                              "build.backtest.wape < 0.2 and build.backtestMase < build.seasonalNaiveMase"}},
                  {"id": "save", "type": "model.export", "typeVersion": 1, "params": {"path": "out"}}],
                 "edges": [
                  {"from": {"node": "read", "port": "table"}, "to": {"node": "build", "port": "table"}},
                  {"from": {"node": "read", "port": "table"}, "to": {"node": "node", "port": "table"}},
                  {"from": {"node": "build", "port": "model"}, "to": {"node": "again", "port": "model"}},
                  {"from": {"node": "newer", "port": "table"}, "to": {"node": "again", "port": "table"}},
                  {"from": {"node": "build", "port": "model"}, "to": {"node": "gate", "port": "model"}},
                  {"from": {"node": "gate", "port": "then"}, "to": {"node": "save", "port": "model"}}]}
                """);
        RunResult r = run(flow);
        assertEquals(RunResult.Status.OK, r.status(), () -> r.failures().toString());
        ForecastBuild built = assertInstanceOf(ForecastBuild.class, r.output("build", "model", Object.class));
        Table byNode = r.output("node", "table", Table.class);
        assertEquals(byNode.print(200), built.table().print(200), "the same forecast as the Forecast node's");
        assertEquals(12, built.table().rowCount(), "two stores, six months");

        // the gate read the forecast's metrics and took 'then': the export wrote the forecast's folder
        Path out = dir.resolve("out");
        for (String f : List.of("forecast.csv", "metrics.json", "report.html", "model/" + ForecastModel.FILE)) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        Map<?, ?> metrics = new com.fasterxml.jackson.databind.ObjectMapper().readValue(out.resolve("metrics.json")
                .toFile(), Map.class);
        assertEquals(6, metrics.get("horizon"));
        assertEquals(2, ((List<?>) metrics.get("series")).size());

        // Predict forecast from the three newer months: the saved model does the same from the same rows
        Table again = r.output("again", "table", Table.class);
        Table newer = r.output("newer", "table", Table.class);
        Table fromSaved = ForecastModel.load(out.resolve("model")).forecastFrom(newer).forecast();
        assertEquals(fromSaved.print(200), again.print(200));
        assertEquals(LocalDate.of(2018, 1, 1).plusMonths(69), again.dateColumn("month").min(),
                "the forecast starts after the newer history");
        // with a clean season and trend, the forecast follows them: within 15% of the noiseless truth
        for (int i = 0; i < again.rowCount(); i++) {
            int t = (int) java.time.temporal.ChronoUnit.MONTHS.between(LocalDate.of(2018, 1, 1),
                    again.dateColumn("month").get(i));
            double level = again.stringColumn("store").get(i).equals("강남점") ? 500 : 300;
            double truth = level + 2 * t + 0.2 * level * Math.sin(2 * Math.PI * t / 12);
            assertEquals(truth, again.doubleColumn("p50").get(i), 0.15 * truth, "row " + i);
        }
    }

    @Test
    void anAnomalyDetectorBuiltByBuildModelScoresNewRowsAsItsSavedFolderDoes() throws Exception {
        Files.writeString(dir.resolve("payments.csv"), payments(3000, 30, 1));
        Files.writeString(dir.resolve("later.csv"), payments(400, 8, 2));
        Flow flow = flow("""
                {"format": "tablewise.flow", "formatVersion": 1, "name": "unusual payments",
                 "nodes": [
                  {"id": "read", "type": "data.import.csv", "typeVersion": 1, "params": {"path": "payments.csv"}},
                  {"id": "later", "type": "data.import.csv", "typeVersion": 1, "params": {"path": "later.csv"}},
                  {"id": "detect", "type": "model.build", "typeVersion": 1,
                   "params": {"problemType": "anomaly", "share": 0.01, "label": "kind", "exclude": ["id"]}},
                  {"id": "score", "type": "model.predict", "typeVersion": 1, "params": {}},
                  {"id": "gate", "type": "flow.condition", "typeVersion": 1,
                   "params": {"condition": "detect.label.rocAuc > 0.9"}},
                  {"id": "save", "type": "model.export", "typeVersion": 1, "params": {"path": "detector"}}],
                 "edges": [
                  {"from": {"node": "read", "port": "table"}, "to": {"node": "detect", "port": "table"}},
                  {"from": {"node": "detect", "port": "model"}, "to": {"node": "score", "port": "model"}},
                  {"from": {"node": "later", "port": "table"}, "to": {"node": "score", "port": "table"}},
                  {"from": {"node": "detect", "port": "model"}, "to": {"node": "gate", "port": "model"}},
                  {"from": {"node": "gate", "port": "then"}, "to": {"node": "save", "port": "model"}}]}
                """);
        RunResult r = run(flow);
        assertEquals(RunResult.Status.OK, r.status(), () -> r.failures().toString());
        AnomalyBuild built = assertInstanceOf(AnomalyBuild.class, r.output("detect", "model", Object.class));
        assertFalse(built.detector().columns().contains("kind"), "the known answers are never scored");
        assertEquals(30, built.scored().booleanColumn("anomaly").countTrue(), "1% of 3,000 rows flagged");

        Table scored = r.output("score", "table", Table.class);
        Table later = r.output("later", "table", Table.class);
        // the eight extreme later rows are flagged, against the threshold learned from the first rows
        int found = 0;
        for (int i = 0; i < later.rowCount(); i++) {
            if (later.stringColumn("kind").get(i).equals("extreme") && scored.booleanColumn("anomaly").get(i)) {
                found++;
            }
        }
        assertEquals(8, found, "every extreme payment among the later rows is flagged");

        Path folder = dir.resolve("detector");
        assertTrue(Files.isRegularFile(folder.resolve("anomalies.csv")));
        Map<?, ?> summary = new com.fasterxml.jackson.databind.ObjectMapper().readValue(folder.resolve(
                "summary.json").toFile(), Map.class);
        assertEquals(3000, summary.get("rows"));
        assertTrue(((Number) ((Map<?, ?>) summary.get("label")).get("rocAuc")).doubleValue() > 0.9, summary
                .toString());
        double[] saved = AnomalyModel.load(folder.resolve("model")).score(later).scores();
        assertArrayEquals(saved, scored.doubleColumn("anomaly_score").asDoubleArray(), 0.0,
                "the saved detector scores the later rows exactly as Predict did");
    }

    /** Payments: ordinary amounts by category and hour, with {@code extremes} amounts fifty times the usual. */
    private static String payments(int rows, int extremes, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("id,category,hour,amount,kind\n");
        List<String> categories = List.of("식료품", "교통", "외식", "의류", "전자");
        for (int i = 0; i < rows; i++) {
            String category = categories.get(random.nextInt(categories.size()));
            double amount = Math.exp(3.5 + 0.4 * random.nextGaussian() + categories.indexOf(category) * 0.3);
            boolean extreme = i % (rows / extremes) == 7;
            csv.append(seed * 100_000 + i).append(',').append(category).append(',').append(8 + random.nextInt(12))
                    .append(',').append(String.format(Locale.ROOT, "%.2f", extreme ? amount * 50 : amount))
                    .append(',').append(extreme ? "extreme" : "normal").append('\n');
        }
        return csv.toString();
    }

    @Test
    void theSupervisedOnlyNodesRefuseAForecastModelByName() throws Exception {
        Files.writeString(dir.resolve("history.csv"), sales(40, 0));
        Flow flow = flow("""
                {"format": "tablewise.flow", "formatVersion": 1, "name": "wrong model",
                 "nodes": [
                  {"id": "read", "type": "data.import.csv", "typeVersion": 1, "params": {"path": "history.csv"}},
                  {"id": "build", "type": "model.build", "typeVersion": 1,
                   "params": {"problemType": "forecast", "target": "sales", "time": "month", "series": ["store"],
                              "horizon": 3}},
                  {"id": "drift", "type": "model.monitor", "typeVersion": 1, "params": {}},
                  {"id": "bias", "type": "model.bias", "typeVersion": 1, "params": {"facet": "store"}}],
                 "edges": [
                  {"from": {"node": "read", "port": "table"}, "to": {"node": "build", "port": "table"}},
                  {"from": {"node": "build", "port": "model"}, "to": {"node": "drift", "port": "model"}},
                  {"from": {"node": "read", "port": "table"}, "to": {"node": "drift", "port": "table"}},
                  {"from": {"node": "build", "port": "model"}, "to": {"node": "bias", "port": "model"}},
                  {"from": {"node": "read", "port": "table"}, "to": {"node": "bias", "port": "table"}}]}
                """);
        RunResult r = run(flow);
        assertEquals(NodeState.DONE, r.node("build").orElseThrow().state());
        for (String node : List.of("drift", "bias")) {
            String message = r.node(node).orElseThrow().messages().stream().filter(NodeMessage::isError)
                    .map(NodeMessage::text).findFirst().orElse("");
            assertTrue(message.contains("needs a classification or regression model, and this is a forecast "
                    + "model"), node + ": " + message);
        }
    }

    @Test
    void eachProblemTypeAsksForItsOwnParameters() throws Exception {
        Files.writeString(dir.resolve("rows.csv"), "month,sales,store\n2024-01-01,1,a\n");
        String template = """
                {"format": "tablewise.flow", "formatVersion": 1, "name": "params",
                 "nodes": [
                  {"id": "read", "type": "data.import.csv", "typeVersion": 1, "params": {"path": "rows.csv"}},
                  {"id": "build", "type": "model.build", "typeVersion": 1, "params": %s}],
                 "edges": [{"from": {"node": "read", "port": "table"}, "to": {"node": "build", "port": "table"}}]}
                """;
        // an anomaly detector needs no target; a forecast's horizon set while it builds one is kept, not checked
        assertEquals(List.of(), errors(template.formatted("{\"problemType\": \"anomaly\", \"horizon\": 0}")));
        // a classifier needs its target
        assertEquals(List.of("target: a value is required"), errors(template.formatted(
                "{\"problemType\": \"binary\"}")));
        // a forecast needs a time column, and one that exists
        assertEquals(List.of("time: a value is required"), errors(template.formatted(
                "{\"problemType\": \"forecast\", \"target\": \"sales\"}")));
        List<String> missing = errors(template.formatted(
                "{\"problemType\": \"forecast\", \"target\": \"sales\", \"time\": \"mnth\"}"));
        assertEquals(1, missing.size());
        assertTrue(missing.get(0).startsWith("time: column 'mnth' does not exist") && missing.get(0)
                .contains("month"), missing.toString());
    }

    private List<String> errors(String json) throws Exception {
        ValidationReport report = new FlowValidator(io.tablewise.node.registry.NodeRegistry.builtIn())
                .validate(flow(json), dir, Map.of());
        return report.messages().stream().filter(NodeMessage::isError).map(m -> m.param() + ": " + m.text())
                .toList();
    }
}
