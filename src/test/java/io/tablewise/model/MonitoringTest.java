package io.tablewise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tablewise.SharedData;
import io.tablewise.monitor.Baseline;
import io.tablewise.monitor.Constraints;
import io.tablewise.monitor.Finding;
import io.tablewise.monitor.MonitorJson;
import io.tablewise.monitor.MonitorReport;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.transform.Columns;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Drift monitoring through the model: a build keeps its baseline; a batch with known changes is caught (drift,
 * completeness, unseen values, a missing column), a fresh sample is not; random samples of the training rows raise no
 * drift flag over 20 seeds; and bank marketing's later months drift in its economic columns.
 */
class MonitoringTest {
    @TempDir
    Path dir;

    /** Customers: spend and region drive churn; the generator's {@code shift} moves spend and the region mix. */
    private static Table customers(int rows, long seed, double shift, boolean blanks) {
        java.util.Random r = new java.util.Random(seed);
        DoubleColumn spend = DoubleColumn.create("spend");
        DoubleColumn age = DoubleColumn.create("age");
        StringColumn region = StringColumn.create("region");
        StringColumn churn = StringColumn.create("churn");
        for (int i = 0; i < rows; i++) {
            double s = 50 + 15 * r.nextGaussian() + shift;
            double a = 40 + 10 * r.nextGaussian();
            String g = r.nextDouble() < (shift > 0 ? 0.2 : 0.6) ? "서울" : r.nextDouble() < 0.5 ? "부산" : "대구";
            spend.append(s);
            if (blanks && r.nextDouble() < 0.3) {
                age.appendMissing();
            } else {
                age.append(a);
            }
            region.append(g);
            double margin = 0.06 * (s - 50) + (g.equals("부산") ? 0.8 : 0) + 0.5 * r.nextGaussian();
            churn.append(margin > 0.3 ? "yes" : "no");
        }
        return Table.create("customers", spend, age, region, churn);
    }

    @Test
    void aBuildKeepsItsBaselineAndABatchWithKnownChangesIsCaught() throws Exception {
        Table train = customers(8000, 1, 0, false);
        TrainedModel m = ModelBuilder.build(train, BuildOptions.of("churn"), ProgressMonitor.NONE);
        Baseline b = m.baseline();
        assertEquals(List.of("spend", "age", "region"), b.columns().stream().map(c -> c.column()).toList());
        assertEquals((long) (int) m.info().get("trainRows"), b.rows());
        assertEquals(50, b.column("spend").median(), 1);

        MonitorReport fresh = Monitoring.check(m, b, null, customers(3000, 2, 0, false), "fresh.csv", w -> { });
        assertEquals(0, fresh.violations(), fresh.findings().toString());

        Table changed = customers(3000, 3, 20, true);
        changed.stringColumn("region").set(0, "제주");
        MonitorReport r = Monitoring.check(m, b, null, changed, "changed.csv", w -> { });
        assertTrue(r.drifted().containsAll(List.of("spend", "region")), r.findings().toString());
        assertTrue(!r.drifted().contains("age"), "age did not move: " + r.findings());
        Finding spend = r.findings().stream().filter(f -> f.kind() == Finding.Kind.DRIFT && f.column().equals("spend"))
                .findFirst().orElseThrow();
        assertTrue(spend.explanation().matches("'spend' moved from a median of (49|50)\\.\\d+ to (69|70)\\.\\d+ .*"),
                spend.explanation());
        assertTrue(r.findings().stream().anyMatch(f -> f.kind() == Finding.Kind.COMPLETENESS
                && f.column().equals("age") && f.severity() == Finding.Severity.VIOLATION), r.findings().toString());
        assertTrue(r.findings().stream().anyMatch(f -> f.kind() == Finding.Kind.UNSEEN_CATEGORY
                && f.explanation().contains("제주")), r.findings().toString());
        assertTrue(r.findings().stream().anyMatch(f -> f.kind() == Finding.Kind.PREDICTION_DRIFT),
                "more spending, more predicted churn: " + r.findings());
        Finding holds = fresh.findings().stream().filter(f -> f.kind() == Finding.Kind.ATTRIBUTION_DRIFT)
                .findFirst().orElseThrow();
        assertTrue(holds.severity() == Finding.Severity.INFO && holds.score() > 0.95, holds.explanation());
        // spend stops varying (a broken feed writing one value): the model no longer decides on it
        Table flat = customers(3000, 5, 0, false);
        flat.doubleColumn("spend").set(flat.doubleColumn("spend").isNotMissing(), 50.0);
        Finding moved = Monitoring.check(m, b, null, flat, "flat.csv", w -> { }).findings().stream()
                .filter(f -> f.kind() == Finding.Kind.ATTRIBUTION_DRIFT).findFirst().orElseThrow();
        assertEquals(Finding.Severity.VIOLATION, moved.severity(), moved.explanation());
        assertTrue(moved.explanation().contains("before spend"), moved.explanation());

        // kept in the model folder; a baseline file and edited constraints round-trip
        ModelFiles.save(m, dir.resolve("model"));
        Baseline loaded = ModelFiles.load(dir.resolve("model")).baseline();
        assertEquals(b.column("spend").median(), loaded.column("spend").median(), 0);
        MonitorJson.writeBaseline(b, dir.resolve("baseline.json"));
        assertEquals(b.column("region").categories(), MonitorJson.readBaseline(dir.resolve("baseline.json"))
                .column("region").categories());
        Constraints c = Constraints.suggest(b);
        Constraints widened = new Constraints(c.columns().stream().map(x -> x.column().equals("region")
                ? new Constraints.Column("region", "category", 0, List.of("서울", "부산", "대구", "제주"), Double.NaN,
                Double.NaN) : x).toList());
        MonitorJson.writeConstraints(widened, dir.resolve("constraints.json"));
        MonitorReport edited = Monitoring.check(m, b, MonitorJson.readConstraints(dir.resolve("constraints.json")),
                changed, "changed.csv", w -> { });
        assertTrue(edited.findings().stream().noneMatch(f -> f.kind() == Finding.Kind.UNSEEN_CATEGORY),
                "an edited constraint allows the new region");
    }

    @Test
    void badBatchesAreReportedNotThrown() throws Exception {
        TrainedModel m = ModelBuilder.build(customers(3000, 1, 0, false), BuildOptions.of("churn"),
                ProgressMonitor.NONE);
        Table foreign = Table.create("other", StringColumn.create("name", List.of("a", "b")));
        MonitorReport r = Monitoring.check(m, m.baseline(), null, foreign, "other.csv", w -> { });
        assertEquals(3, r.findings().stream().filter(f -> f.kind() == Finding.Kind.MISSING_COLUMN).count());
        assertTrue(r.findings().stream().anyMatch(f -> f.kind() == Finding.Kind.EXTRA_COLUMN));
        MonitorReport empty = Monitoring.check(m, m.baseline(), null, customers(3000, 1, 0, false).emptyCopy(),
                "empty.csv", w -> { });
        assertEquals(Finding.Kind.EMPTY_BATCH, empty.findings().get(0).kind());
        Table text = customers(100, 4, 0, false);
        StringColumn spend = StringColumn.create("spend");
        text.doubleColumn("spend").forEach(v -> spend.append(String.format(java.util.Locale.GERMANY, "%.2f €", v)));
        text.replaceColumn("spend", spend);
        MonitorReport typed = Monitoring.check(m, m.baseline(), null, text, "text.csv", w -> { });
        assertTrue(typed.findings().stream().anyMatch(f -> f.kind() == Finding.Kind.TYPE
                && f.explanation().contains("'spend' held numbers")), typed.findings().toString());
        java.nio.file.Files.writeString(dir.resolve("newer.json"), "{\"format\": \"tablewise.baseline\", "
                + "\"formatVersion\": 9, \"columns\": [], \"rows\": 0}");
        java.io.IOException newer = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> MonitorJson.readBaseline(dir.resolve("newer.json")));
        assertTrue(newer.getMessage().contains("newer Tablewise") && newer.getMessage().contains("newer.json"),
                newer.getMessage());
    }

    @Test
    void randomSamplesOfTheTrainingRowsRaiseNoDriftFlag() throws Exception {
        Table train = customers(10000, 7, 0, false);
        TrainedModel m = ModelBuilder.build(train, BuildOptions.of("churn"), ProgressMonitor.NONE);
        int flags = 0;
        List<String> flagged = new ArrayList<>();
        for (int seed = 0; seed < 20; seed++) {
            int[] rows = Explanations.sample(java.util.stream.IntStream.range(0, train.rowCount()).toArray(),
                    train.rowCount() / 5, seed);
            MonitorReport r = Monitoring.check(m, m.baseline(), null, Columns.gather(train, rows), "sample", w -> { });
            for (Finding f : r.findings()) {
                if (f.kind() == Finding.Kind.DRIFT || f.kind() == Finding.Kind.PREDICTION_DRIFT) {
                    flags++;
                    flagged.add(seed + ": " + f.explanation());
                }
            }
        }
        assertTrue(flags <= 1, "false alarms over 20 samples: " + flagged);
    }

    /**
     * Needs ../shared/data/bank-additional-full.csv (skipped, saying so, when it is absent). Measured: test AUC 0.619
     * on the first months; 0.647, 0.563, 0.512, 0.529, 0.522 on the five later chunks.
     */
    @Test
    void bankMarketingsLaterMonthsDriftInTheEconomicColumns() throws Exception {
        Table bank = SharedData.table("bank-additional-full.csv");
        int cut = (int) (bank.rowCount() * 0.7);
        int[] first = java.util.stream.IntStream.range(0, cut).toArray();
        TrainedModel m = ModelBuilder.build(Columns.gather(bank, first), new BuildOptions("y", null,
                List.of("duration"), null, 0.2, 42), ProgressMonitor.NONE);
        int chunk = (bank.rowCount() - cut) / 5;
        Map<String, Integer> flagged = new java.util.HashMap<>();
        List<Double> auc = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            int from = cut + k * chunk;
            int[] rows = java.util.stream.IntStream.range(from, k == 4 ? bank.rowCount() : from + chunk).toArray();
            Table batch = Columns.gather(bank, rows);
            batch.addColumns(StringColumn.create("row", java.util.Arrays.stream(rows).mapToObj(Integer::toString)
                    .toList()));
            MonitorReport r = Monitoring.check(m, m.baseline(), null, batch, "chunk " + k, w -> { });
            r.drifted().forEach(c -> flagged.merge(c, 1, Integer::sum));
            // the outcomes of the chunk, joined back by row: the model's AUC on the later months
            MonitorReport q = Monitoring.withQuality(m, r, batch, batch.selectColumns("row", "y"), "bank", "row", "y");
            auc.add(q.findings().stream().filter(f -> f.kind() == Finding.Kind.MODEL_QUALITY).findFirst()
                    .orElseThrow().score());
        }
        double trained = m.evaluation().metrics().get("auc");
        assertTrue(auc.stream().mapToDouble(Double::doubleValue).average().orElseThrow() < trained - 0.02,
                "the model does worse on the later months: " + auc + " against " + trained);
        for (String economic : List.of("euribor3m", "nr.employed", "emp.var.rate")) {
            assertTrue(flagged.getOrDefault(economic, 0) >= 4, economic + " drifts in most later chunks: " + flagged);
        }
    }

    @Test
    void aFlowActsOnDrift() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("data"));
        io.tablewise.data.CsvExportNode.writeCsv(customers(4000, 1, 0, false), dir.resolve("data/train.csv"));
        io.tablewise.data.CsvExportNode.writeCsv(customers(2000, 2, 0, false), dir.resolve("data/fresh.csv"));
        io.tablewise.data.CsvExportNode.writeCsv(customers(2000, 3, 20, false), dir.resolve("data/drifted.csv"));
        Path flowFile = dir.resolve("watch.flow");
        java.nio.file.Files.writeString(flowFile, """
                {"format": "tablewise.flow", "formatVersion": 1, "name": "Watch churn",
                 "parameters": {"batch": "data/fresh.csv"},
                 "nodes": [
                  {"id": "train", "type": "data.import.csv", "typeVersion": 1, "params": {"path": "data/train.csv"}},
                  {"id": "batch", "type": "data.import.csv", "typeVersion": 1, "params": {"path": "${batch}"}},
                  {"id": "build", "type": "model.build", "typeVersion": 1, "params": {"target": "churn"}},
                  {"id": "watch", "type": "model.monitor", "typeVersion": 1, "params": {}},
                  {"id": "gate", "type": "flow.condition", "typeVersion": 1,
                   "params": {"condition": "watch.monitor.violations > 0"}},
                  {"id": "stop", "type": "flow.fail", "typeVersion": 1, "params": {"message": "drift: retrain"}}],
                 "edges": [
                  {"from": {"node": "train", "port": "table"}, "to": {"node": "build", "port": "table"}},
                  {"from": {"node": "build", "port": "model"}, "to": {"node": "watch", "port": "model"}},
                  {"from": {"node": "batch", "port": "table"}, "to": {"node": "watch", "port": "table"}},
                  {"from": {"node": "watch", "port": "model"}, "to": {"node": "gate", "port": "model"}},
                  {"from": {"node": "gate", "port": "then"}, "to": {"node": "stop", "port": "model"}}]}
                """);
        var flow = new io.tablewise.flow.json.FlowReader().read(flowFile);
        try (io.tablewise.engine.FlowExecutor executor = io.tablewise.engine.FlowExecutor.createDefault()) {
            io.tablewise.engine.RunResult calm = executor.run(new io.tablewise.engine.RunRequest(flow, dir, dir,
                    Map.of(), java.util.Set.of()), io.tablewise.engine.ExecutionListener.NONE);
            assertEquals(io.tablewise.engine.RunResult.Status.OK, calm.status(), () -> calm.failures().toString());
            assertEquals(io.tablewise.engine.NodeState.NOT_TAKEN, calm.node("stop").orElseThrow().state());
            io.tablewise.engine.RunResult moved = executor.run(new io.tablewise.engine.RunRequest(flow, dir, dir,
                    Map.of("batch", "data/drifted.csv"), java.util.Set.of()),
                    io.tablewise.engine.ExecutionListener.NONE);
            assertEquals(io.tablewise.engine.RunResult.Status.FAILED, moved.status());
            assertTrue(moved.failures().toString().contains("drift: retrain"), moved.failures().toString());
            assertTrue(moved.node("watch").orElseThrow().messages().get(0).text().contains("spend"),
                    moved.node("watch").orElseThrow().messages().toString());
        }
    }

    /** The endpoint's capture folder: one batch per hour, a torn last line counted, shadow copies left out. */
    @Test
    void theEndpointsCapturedRowsAreBatchesPerHour() throws Exception {
        TrainedModel m = ModelBuilder.build(customers(4000, 1, 0, false), BuildOptions.of("churn"),
                ProgressMonitor.NONE);
        Path folder = dir.resolve("capture");
        try (io.tablewise.capture.CaptureWriter w = new io.tablewise.capture.CaptureWriter(folder, "capture")) {
            add(w, customers(1500, 2, 0, false), "2026-12-03T21:", false);
            add(w, customers(1500, 3, 20, false), "2026-12-03T22:", false);
            add(w, customers(300, 4, -30, false), "2026-12-03T22:", true); // the shadow's copies
        }
        Path last = io.tablewise.capture.CaptureWriter.files(folder, "capture").get(1);
        java.nio.file.Files.writeString(last, "{\"requestId\": \"torn", java.nio.file.StandardOpenOption.APPEND);
        List<io.tablewise.monitor.CaptureBatches.Batch> batches = io.tablewise.monitor.CaptureBatches.read(folder,
                null);
        assertEquals(2, batches.size());
        assertEquals(List.of(1500, 1500), batches.stream().map(b -> b.rows().rowCount()).toList());
        assertEquals(List.of(0, 1), batches.stream().map(io.tablewise.monitor.CaptureBatches.Batch::skipped).toList());
        MonitorReport calm = Monitoring.check(m, m.baseline(), null, batches.get(0).rows(), batches.get(0).name(),
                w -> { });
        MonitorReport moved = Monitoring.check(m, m.baseline(), null, batches.get(1).rows(), batches.get(1).name(),
                w -> { });
        assertEquals(0, calm.violations(), calm.findings().toString());
        assertTrue(moved.drifted().contains("spend"), moved.findings().toString());
        assertTrue(io.tablewise.monitor.CaptureBatches.read(folder, "B").get(0).rows().rowCount() == 0);
    }

    private static void add(io.tablewise.capture.CaptureWriter w, Table rows, String hour, boolean shadow) {
        for (int i = 0; i < rows.rowCount(); i++) {
            Map<String, Object> input = new java.util.LinkedHashMap<>();
            input.put("spend", rows.doubleColumn("spend").get(i));
            input.put("age", rows.doubleColumn("age").isMissing(i) ? null : rows.doubleColumn("age").get(i));
            input.put("region", rows.stringColumn("region").get(i));
            w.add(new io.tablewise.capture.CaptureRecord("r" + i, 0, hour + String.format("%02d:00Z", i % 60), "A",
                    "churn@champion", "churn:1", shadow, 1, input, "no", Map.of()));
        }
    }

    /** Outcomes that arrive later: the quality again, against training time; labels that do not join are named. */
    @Test
    void modelQualityFromLaterOutcomes() throws Exception {
        Table train = customers(6000, 1, 0, false);
        train.addColumns(StringColumn.create("id", java.util.stream.IntStream.range(0, train.rowCount())
                .mapToObj(i -> "c" + i).toList()));
        TrainedModel m = ModelBuilder.build(train, new BuildOptions("churn", null, List.of("id"), null, 0.2, 42),
                ProgressMonitor.NONE);
        Table batch = customers(2000, 9, 0, false);
        batch.addColumns(StringColumn.create("id", java.util.stream.IntStream.range(0, batch.rowCount())
                .mapToObj(i -> "n" + i).toList()));
        Table truth = Table.create("labels", batch.stringColumn("id").copy(), batch.stringColumn("churn").copy()
                .setName("outcome"));
        MonitorReport r = Monitoring.check(m, m.baseline(), null, batch.rejectColumns("churn"), "batch", w -> { });
        MonitorReport same = Monitoring.withQuality(m, r, batch, truth, "labels.csv", "id", null);
        Finding q = same.findings().stream().filter(f -> f.kind() == Finding.Kind.MODEL_QUALITY).findFirst()
                .orElseThrow();
        assertEquals(Finding.Severity.INFO, q.severity(), q.explanation());
        assertTrue(q.explanation().startsWith("auc on 2,000 labelled rows is 0."), q.explanation());
        // outcomes the model no longer predicts: every label flipped
        StringColumn flipped = StringColumn.create("outcome");
        batch.stringColumn("churn").forEach(v -> flipped.append(v.equals("yes") ? "no" : "yes"));
        Table wrong = Table.create("labels", batch.stringColumn("id").copy(), flipped);
        Finding worse = Monitoring.withQuality(m, r, batch, wrong, "labels.csv", "id", null).findings().get(0);
        assertEquals(Finding.Kind.MODEL_QUALITY, worse.kind());
        assertEquals(Finding.Severity.VIOLATION, worse.severity());
        Table other = Table.create("labels", StringColumn.create("id", List.of("x1", "x2")),
                StringColumn.create("outcome", List.of("yes", "no")));
        io.tablewise.node.NodeException none = org.junit.jupiter.api.Assertions.assertThrows(
                io.tablewise.node.NodeException.class, () -> Monitoring.withQuality(m, r, batch, other,
                        "labels.csv", "id", null));
        assertTrue(none.getMessage().contains("no 'id' of labels.csv matches a row of batch"), none.getMessage());
    }
}
