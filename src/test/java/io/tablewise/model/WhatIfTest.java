package io.tablewise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.Table;

import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.ml.RowSampler;
import io.tablewise.ml.Values;
import io.tablewise.node.CancelledException;
import io.tablewise.node.ProgressMonitor;

/** The what-if form's scoring and the studio's batch prediction, checked against the file scorer. */
class WhatIfTest {
    static Table churn;
    static TrainedModel model;

    @BeforeAll
    static void build() throws Exception {
        churn = new DelimitedReader().read(Path.of("projects-sample/customer-churn/data/customers.csv"),
                CsvOptions.defaults(), ProgressMonitor.NONE).table();
        model = ModelBuilder.build(churn, new BuildOptions("churned", null, List.of("customer_id"), null, 0.2, 3),
                ProgressMonitor.NONE);
    }

    @Test
    void theInputProfileIsMeasuredOnTrainingRowsOnly() {
        int[] all = IntStream.range(0, churn.rowCount()).toArray();
        int[] train = RowSampler.split(all, Values.labels(churn.column("churned")), 0.2, 3)[0];
        DescriptiveStatistics fee = new DescriptiveStatistics();
        Arrays.stream(train).filter(r -> !churn.column("monthly_fee").isMissing(r))
                .forEach(r -> fee.addValue(churn.doubleColumn("monthly_fee").get(r)));
        InputProfile.Input input = InputProfile.of(model).stream().filter(i -> i.name().equals("monthly_fee"))
                .findFirst().orElseThrow();
        assertEquals(fee.getMin(), input.min());
        assertEquals(fee.getMax(), input.max());
        assertEquals(fee.getPercentile(50), Double.parseDouble(input.typical()), 1e-9);
        InputProfile.Input plan = InputProfile.of(model).stream().filter(i -> i.name().equals("plan"))
                .findFirst().orElseThrow();
        long basic = Arrays.stream(train).filter(r -> churn.stringColumn("plan").get(r).equals("Basic")).count();
        long standard = Arrays.stream(train).filter(r -> churn.stringColumn("plan").get(r).equals("Standard"))
                .count();
        assertEquals(basic >= standard ? "Basic" : "Standard", plan.values().get(0));
        assertEquals(3, plan.values().size());
        assertTrue(InputProfile.of(model).stream().noneMatch(i -> i.name().equals("customer_id")),
                "excluded columns are not inputs");
    }

    @Test
    void aTypedRowScoresAsTheSameRowInAFile() throws Exception {
        for (int row : new int[] {0, 17, 4242}) {
            Map<String, String> values = new LinkedHashMap<>();
            for (var input : model.inputs()) {
                values.put(input.name(), churn.column(input.name()).isMissing(row) ? ""
                        : churn.column(input.name()).getString(row));
            }
            WhatIf.Result r = WhatIf.score(model, values);
            assertTrue(r.scored(), r.problems().toString());
            Table file = Predictor.predict(model, churn.rows(row), w -> { });
            assertEquals(file.stringColumn("prediction").get(0), r.prediction());
            for (String c : model.classes()) {
                assertEquals(file.doubleColumn("probability_" + c).get(0), r.probabilities().get(c), 1e-12);
            }
            // each contribution: the predicted class's probability minus the one with that column typical
            String predicted = r.prediction();
            for (WhatIf.Contribution c : r.contributions().subList(0, 3)) {
                Map<String, String> typical = new LinkedHashMap<>(values);
                typical.put(c.column(), c.typical());
                double p = Predictor.predictOne(model, typical, w -> { }).doubleColumn("probability_" + predicted)
                        .get(0);
                assertEquals(r.probabilities().get(predicted) - p, c.effect(), 1e-12, c.column());
            }
            for (int k = 1; k < r.contributions().size(); k++) {
                assertTrue(Math.abs(r.contributions().get(k - 1).effect())
                        >= Math.abs(r.contributions().get(k).effect()));
            }
        }
    }

    @Test
    void invalidValuesAreRejectedWithAMessageAndOddOnesNoted() throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("age", "abc");
        values.put("tenure_months", "3.5");
        values.put("signup_date", "31/12/2020");
        values.put("paperless_billing", "maybe");
        WhatIf.Result bad = WhatIf.score(model, values);
        assertFalse(bad.scored());
        assertEquals("'abc' is not a number", bad.problems().get("age"));
        assertEquals("'3.5' is not a whole number", bad.problems().get("tenure_months"));
        assertTrue(bad.problems().get("signup_date").contains("2024-03-31"));
        assertTrue(bad.problems().get("paperless_billing").contains("true or false"));
        assertEquals(null, bad.prediction());

        WhatIf.Result odd = WhatIf.score(model, Map.of("age", "130", "plan", "Platinum", "region", ""));
        assertTrue(odd.scored());
        assertTrue(odd.notes().stream().anyMatch(n -> n.startsWith("age: 130 is outside the training range")),
                odd.notes().toString());
        assertTrue(odd.notes().stream().anyMatch(n -> n.startsWith("plan: 'Platinum' never appeared")));
        assertEquals(1, odd.notes().stream().filter(n -> n.contains("Platinum")).count());
    }

    @Test
    void batchPredictionWritesWhatTheFileScorerGivesAndCancelsCleanly(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("new customers.csv");
        io.tablewise.data.CsvExportNode.writeCsv(churn.first(500), in);
        Path out = dir.resolve("scored.csv");
        List<Double> progress = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        BatchPrediction.Summary s = BatchPrediction.run(model, in, out, new ProgressMonitor() {
            @Override
            public void progress(double fraction, String message) {
                progress.add(fraction);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        }, w -> { });
        assertEquals(500, s.rows());
        Table read = new DelimitedReader().read(out, CsvOptions.defaults(), ProgressMonitor.NONE).table();
        Table expected = Predictor.predict(model, churn.first(500), w -> { });
        assertEquals(expected.stringColumn("prediction").asList(), read.column("prediction").asList().stream()
                .map(String::valueOf).toList());
        assertEquals(1.0, progress.get(progress.size() - 1));
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1), "progress never goes back");
        }

        Path never = dir.resolve("never.csv");
        assertThrows(CancelledException.class, () -> BatchPrediction.run(model, in, never, new ProgressMonitor() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        }, w -> { }));
        assertFalse(Files.exists(never));
        assertThrows(io.tablewise.node.NodeException.class, () -> BatchPrediction.run(model, in, in,
                ProgressMonitor.NONE, w -> { }));
    }
}
