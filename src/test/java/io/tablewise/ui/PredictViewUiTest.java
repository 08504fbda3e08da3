package io.tablewise.ui;

import static io.tablewise.ui.StudioFixture.fx;
import static io.tablewise.ui.StudioFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

import org.jfree.chart.plot.CategoryPlot;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import tech.tablesaw.api.Table;

import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.model.TrainedModel;
import io.tablewise.model.WhatIf;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.ui.export.ChartBox;
import io.tablewise.ui.export.ExportDialogs;
import io.tablewise.ui.predict.PredictView;

/** The Predict tab of the churn sample's model: typing into the what-if form, and scoring a file. */
class PredictViewUiTest extends SampleStudioUiTest {
    @Override
    String project() {
        return "customer-churn";
    }

    @Test
    void whatIfFollowsTypingAndAFileIsScored(FxRobot robot) throws Exception {
        studio.runAllUntilDone("model");
        studio.clickCard(robot, "model");
        studio.showTab(robot, "Predict");
        TrainedModel model = (TrainedModel) studio.output("model", "model");
        PredictView view = robot.lookup(".predict-view").queryAs(PredictView.class);
        assertEquals(model.inputs().size(), robot.lookup(".predict-view .what-if-field").queryAll().size());
        // the sample's flow drops customer_id before the model: its field waits in the "not used" section
        assertEquals(java.util.Set.of("customer_id"), view.viewModel().unusedInputs());
        javafx.scene.control.TitledPane unused = robot.lookup(".unused-inputs").queryAs(
                javafx.scene.control.TitledPane.class);
        assertTrue(!unused.isExpanded() && unused.getText().contains("(1)"));

        TextField age = field(robot, "age");
        StudioFixture.reveal(age);
        robot.doubleClickOn(age).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("eighty");
        waitFor(() -> !view.viewModel().scoringProperty().get() && view.viewModel().resultProperty().get() != null
                && !view.viewModel().resultProperty().get().scored(), "the rejection");
        Label problem = robot.lookup(".predict-view .field-problem").match(Node::isVisible).queryAs(Label.class);
        assertEquals("'eighty' is not a number", problem.getText());

        robot.doubleClickOn(age).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("80");
        TextField tenure = field(robot, "tenure_months");
        StudioFixture.reveal(tenure);
        robot.doubleClickOn(tenure).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("2");
        waitFor(() -> !view.viewModel().scoringProperty().get() && view.viewModel().resultProperty().get() != null
                && view.viewModel().resultProperty().get().scored()
                && "2".equals(view.viewModel().currentValues().get("tenure_months")), "the prediction");
        Map<String, String> values = fx(() -> view.viewModel().currentValues());
        assertEquals("80", values.get("age"));
        WhatIf.Result expected = WhatIf.score(model, values);
        WhatIf.Result shown = fx(() -> view.viewModel().resultProperty().get());
        assertEquals(expected.prediction(), shown.prediction());
        assertEquals(expected.probabilities(), shown.probabilities());
        assertEquals(expected.prediction(), robot.lookup(".prediction-value").queryAs(Label.class).getText());
        ChartBox chart = (ChartBox) robot.lookup(".predict-view .chart-box").query();
        CategoryPlot plot = (CategoryPlot) chart.chart().getPlot();
        // the SHAP waterfall: from the average prediction, each column's step, to this prediction's P(yes)
        io.tablewise.explain.Waterfall w = expected.waterfall();
        assertEquals(w.steps().size() + 2, plot.getDataset().getColumnCount());
        assertEquals(100 * w.start(), plot.getDataset().getValue(0, 0).doubleValue(), 1e-9);
        assertEquals(100 * w.steps().get(0).change(), plot.getDataset().getValue(0, 1).doubleValue(), 1e-9);
        assertEquals(100 * shown.probabilities().get("yes"), plot.getDataset().getValue(0,
                w.steps().size() + 1).doubleValue(), 1e-6, "the waterfall ends at the shown probability");
        assertEquals("change in the probability of 'yes' (right: raises it, left: lowers it)",
                plot.getRangeAxis().getLabel(), "which class, which way");
        String first = w.steps().get(0).column();
        assertTrue(robot.lookup(".predict-view .label").queryAllAs(Label.class).stream().anyMatch(l ->
                l.getText().startsWith("• " + first) && l.getText().contains("probability of 'yes' by")),
                "the largest step in words");

        // score the sample's own data into a new file
        Path in = dir.resolve("customer-churn/data/customers.csv");
        Path out = dir.resolve("scored.csv");
        ExportDialogs.useOpenChooser(owner -> Optional.of(in));
        ExportDialogs.useChooser((owner, name, ext) -> {
            assertEquals("customers-predictions", name);
            return Optional.of(out);
        });
        Node score = robot.lookup(".score-file").query();
        StudioFixture.reveal(score);
        robot.clickOn(score);
        waitFor(() -> view.viewModel().batchSummaryProperty().get() != null, "the batch prediction");
        Table read = new DelimitedReader().read(out, CsvOptions.defaults(), ProgressMonitor.NONE).table();
        assertEquals(6000, read.rowCount());
        assertTrue(robot.lookup(".batch-message").queryAs(Label.class).getText().startsWith("Scored 6,000 rows"));
    }

    private static TextField field(FxRobot robot, String input) {
        return robot.lookup(".predict-view .what-if-field").match((Node n) -> input.equals(n.getUserData()))
                .queryAs(TextField.class);
    }
}
