package io.tablewise.ui.predict;

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

import tech.tablesaw.api.Table;

import io.tablewise.data.CsvExportNode;
import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.model.BuildOptions;
import io.tablewise.model.ModelBuilder;
import io.tablewise.model.Predictor;
import io.tablewise.model.TrainedModel;
import io.tablewise.model.WhatIf;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.ui.run.FakeUiThread;

/** The what-if form and batch prediction of the Predict view, on a churn model built by the engine. */
class PredictViewModelTest {
    static Table churn;
    static TrainedModel model;
    static FakeUiThread ui;

    @BeforeAll
    static void build() throws Exception {
        churn = new DelimitedReader().read(Path.of("projects-sample/customer-churn/data/customers.csv"),
                CsvOptions.defaults(), ProgressMonitor.NONE).table();
        model = ModelBuilder.build(churn, new BuildOptions("churned", null, List.of("customer_id"), null, 0.2, 11),
                ProgressMonitor.NONE);
        ui = new FakeUiThread();
    }

    @AfterAll
    static void close() {
        ui.close();
    }

    private static PredictViewModel open() {
        PredictViewModel vm = ui.call(() -> new PredictViewModel(model, ui));
        ui.await(() -> !vm.scoringProperty().get(), 30, "the first prediction");
        return vm;
    }

    @Test
    void startsAtTheTypicalRowAndPredictsWhatTheFileScorerPredicts() throws Exception {
        PredictViewModel vm = open();
        Map<String, String> values = ui.call(vm::currentValues);
        assertEquals(model.inputs().size(), values.size());
        WhatIf.Result r = ui.call(() -> vm.resultProperty().get());
        Table one = Predictor.predictOne(model, values, w -> { });
        assertEquals(one.stringColumn("prediction").get(0), r.prediction());
        assertEquals(one.doubleColumn("probability_yes").get(0), r.probabilities().get("yes"), 1e-12);
        assertTrue(r.contributions().isEmpty(), "every value is typical: nothing to compare");
    }

    @Test
    void invalidInputIsRejectedWithAMessageUntilFixed() {
        PredictViewModel vm = open();
        ui.run(() -> vm.value("age").set("forty"));
        ui.await(() -> !vm.scoringProperty().get(), 30, "the check");
        WhatIf.Result bad = ui.call(() -> vm.resultProperty().get());
        assertFalse(bad.scored());
        assertEquals("'forty' is not a number", bad.problems().get("age"));
        ui.run(() -> vm.value("age").set("40"));
        ui.await(() -> !vm.scoringProperty().get(), 30, "the prediction");
        assertTrue(ui.call(() -> vm.resultProperty().get()).scored());
    }

    @Test
    void theLastOfManyQuickEditsWins() throws Exception {
        PredictViewModel vm = open();
        ui.run(() -> {
            for (int months = 1; months <= 40; months++) {
                vm.value("tenure_months").set(Integer.toString(months));
            }
            vm.value("contract").set("two-year");
        });
        ui.await(() -> !vm.scoringProperty().get(), 30, "the last prediction");
        Map<String, String> values = ui.call(vm::currentValues);
        assertEquals("40", values.get("tenure_months"));
        WhatIf.Result expected = WhatIf.score(model, values);
        WhatIf.Result shown = ui.call(() -> vm.resultProperty().get());
        assertEquals(expected.probabilities(), shown.probabilities());
        assertEquals(expected.contributions(), shown.contributions());
        assertEquals(2, shown.contributions().size(), "two values differ from the typical ones");
        ui.run(vm::resetToTypical);
        ui.await(() -> !vm.scoringProperty().get(), 30, "the reset");
        assertTrue(ui.call(() -> vm.resultProperty().get()).contributions().isEmpty());
    }

    @Test
    void batchPredictionWritesTheFileAndReportsMissingColumns(@TempDir Path dir) throws Exception {
        PredictViewModel vm = open();
        Path in = dir.resolve("신규 고객.csv");
        CsvExportNode.writeCsv(churn.first(300), in);
        Path out = PredictViewModel.defaultOutput(in);
        assertEquals("신규 고객-predictions.csv", out.getFileName().toString());
        ui.run(() -> vm.startBatch(in, out));
        ui.await(() -> !vm.batchRunningProperty().get(), 60, "the batch");
        assertEquals(300, ui.call(() -> vm.batchSummaryProperty().get()).rows());
        assertEquals(1.0, ui.call(() -> vm.batchProgressProperty().get()));
        Table read = new DelimitedReader().read(out, CsvOptions.defaults(), ProgressMonitor.NONE).table();
        assertEquals(300, read.rowCount());
        assertTrue(read.columnNames().contains("prediction"));

        Path partial = dir.resolve("partial.csv");
        CsvExportNode.writeCsv(churn.first(20).removeColumns("age"), partial);
        Path never = dir.resolve("never.csv");
        ui.run(() -> vm.startBatch(partial, never));
        ui.await(() -> !vm.batchRunningProperty().get(), 60, "the failing batch");
        String message = ui.call(() -> vm.batchMessageProperty().get());
        assertTrue(message.contains("partial.csv") && message.contains("'age'"), message);
        assertFalse(Files.exists(never));
    }
}
