package io.tablewise.ui;

import static io.tablewise.ui.StudioFixture.fx;
import static io.tablewise.ui.StudioFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import io.tablewise.track.RunRecord;
import io.tablewise.ui.export.ChartBox;
import io.tablewise.ui.runs.RunsView;

/** The Runs tab: a studio run is recorded, a sweep from the dialog adds runs, two are compared, a metric plotted. */
class RunsViewUiTest extends SampleStudioUiTest {
    @Override
    String project() {
        return "house-prices";
    }

    @Test
    void runsAreRecordedSweptComparedAndPlotted(FxRobot robot) throws Exception {
        studio.runAllUntilDone("model");
        studio.showTab(robot, "Runs");
        RunsView view = robot.lookup(".runs-view").queryAs(RunsView.class);
        waitFor(() -> view.viewModel().runs().size() == 1, "the studio run's record");
        @SuppressWarnings("unchecked")
        TableView<RunRecord> table = robot.lookup(".runs-table").queryAs(TableView.class);
        assertEquals(1, table.getItems().size());

        robot.clickOn(".start-sweep");
        TextField share = robot.lookup(".sweep-values").match((Node n) -> "testShare".equals(n.getUserData()))
                .queryAs(TextField.class);
        robot.clickOn(share).write("0.25, 0.3");
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Button b) -> b.isDefaultButton())
                .queryAs(Button.class));
        waitFor(() -> !view.viewModel().sweepingProperty().get() && view.viewModel().runs().size() == 3,
                "the sweep's two runs");
        List<String> shares = fx(() -> table.getItems().stream().map(r -> r.parameters().get("flow.testShare"))
                .sorted().toList());
        assertEquals(List.of("0.2", "0.25", "0.3"), shares);

        // compare the newest two (the sweep's), then plot R² against the test share
        fx(() -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().selectIndices(0, 1);
            return null;
        });
        robot.clickOn(".compare-runs");
        @SuppressWarnings("unchecked")
        TableView<io.tablewise.ui.runs.RunsViewModel.Difference> comparison = robot.lookup(".comparison")
                .queryAs(TableView.class);
        assertTrue(comparison.getItems().get(0).differs());
        assertTrue(comparison.getItems().stream().anyMatch(d -> d.name().equals("flow.testShare") && d.differs()));

        fx(() -> {
            robot.lookup(".plot-metric").queryComboBox().setValue("r2");
            robot.lookup(".plot-parameter").queryComboBox().setValue("flow.testShare");
            return null;
        });
        ChartBox plot = robot.lookup(".runs-view .chart-box").queryAs(ChartBox.class);
        XYPlot xy = (XYPlot) plot.chart().getPlot();
        assertEquals(3, xy.getDataset().getItemCount(0));
        assertEquals(0.2, xy.getDataset().getXValue(0, 0), 1e-12);
        RunRecord first = fx(() -> table.getItems().stream()
                .filter(r -> r.parameters().get("flow.testShare").equals("0.2")).findFirst().orElseThrow());
        assertEquals(first.metrics().get("r2"), xy.getDataset().getYValue(0, 0), 1e-12);

        // rebuild one of the sweep's runs: its flow and parameters as they ran, its settings pinned
        RunRecord swept = fx(() -> table.getItems().stream()
                .filter(r -> r.parameters().get("flow.testShare").equals("0.25")).findFirst().orElseThrow());
        fx(() -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(swept);
            return null;
        });
        robot.clickOn(".rebuild-run");
        waitFor(() -> !view.viewModel().sweepingProperty().get()
                && view.viewModel().sweepMessageProperty().get().startsWith("Rebuilt"), "the rebuild");
        java.nio.file.Path rebuilt = dir.resolve("house-prices/rebuilt").resolve(swept.runId());
        assertEquals("Rebuilt run " + swept.runId() + " into " + rebuilt + ": the same test metrics as recorded",
                robot.lookup(".sweep-message").queryLabeled().getText());
        io.tablewise.model.TrainedModel model = io.tablewise.model.ModelFiles.load(rebuilt);
        assertEquals(swept.metrics().get("r2"), model.evaluation().metrics().get("r2"), 1e-12);
        assertEquals(3, fx(() -> table.getItems().size()), "a rebuild is not a new run");

        // a damaged line in the log is skipped and said, not a failure
        java.nio.file.Files.writeString(dir.resolve("house-prices/runs/runs.jsonl"), "{oops\n",
                java.nio.file.StandardOpenOption.APPEND);
        robot.clickOn(robot.lookup(".runs-view .button").match((Button b) -> b.getText().equals("Reload"))
                .queryAs(Button.class));
        waitFor(() -> !view.viewModel().problems().isEmpty(), "the reload");
        assertEquals(3, fx(() -> table.getItems().size()));
        assertTrue(robot.lookup(".runs-view .field-problem").queryLabeled().getText().endsWith(
                "line 4 is not a run record; skipped"));
    }
}
