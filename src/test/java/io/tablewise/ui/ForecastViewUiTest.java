package io.tablewise.ui;

import static io.tablewise.ui.StudioFixture.fx;
import static io.tablewise.ui.StudioFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

import io.tablewise.ui.forecast.ForecastView;
import io.tablewise.ui.theme.Theme;

/** A flow with a Forecast node: run it, select the node, read its Forecast tab, switch series. */
@ExtendWith(ApplicationExtension.class)
class ForecastViewUiTest {
    @TempDir
    Path dir;
    StudioFixture studio;

    @BeforeEach
    void open() throws Exception {
        Files.writeString(dir.resolve("sales.csv"), io.tablewise.forecast.StoreSales.csv(2022, 48, 4));
        Files.writeString(dir.resolve("forecast.flow"), """
                {"format": "tablewise.flow", "formatVersion": 1, "name": "Store forecast",
                 "nodes": [
                  {"id": "history", "type": "data.import.csv", "typeVersion": 1, "params": {"path": "sales.csv"},
                   "ui": {"x": 40.0, "y": 80.0}},
                  {"id": "forecast", "type": "model.forecast", "typeVersion": 1,
                   "params": {"time": "month", "target": "sales", "series": ["store"], "horizon": 12},
                   "ui": {"x": 300.0, "y": 80.0}}],
                 "edges": [{"from": {"node": "history", "port": "table"},
                            "to": {"node": "forecast", "port": "table"}}]}
                """);
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            studio = new StudioFixture(stage, dir.resolve("home"), Theme.LIGHT, 1400, 900);
            studio.window.open(dir.resolve("forecast.flow"));
        });
    }

    @AfterEach
    void close() {
        studio.close();
    }

    @Test
    void theForecastTabShowsTheBiggestSeriesFirstAndFollowsThePicker(FxRobot robot) throws Exception {
        studio.runAllUntilDone("forecast");
        studio.clickCard(robot, "forecast");
        TabPane panel = robot.lookup(".output-panel").queryAs(TabPane.class);
        waitFor(() -> panel.getSelectionModel().getSelectedItem().getText().equals("Forecast"), "the forecast tab");
        ForecastView view = robot.lookup(".forecast-view").queryAs(ForecastView.class);
        assertEquals(List.of("서울", "부산"), fx(() -> List.copyOf(view.seriesPicker().getItems())), "largest first");
        assertEquals("서울", fx(() -> view.seriesPicker().getValue()));
        String said = robot.lookup(".forecast-summary").queryAs(Label.class).getText();
        assertTrue(said.startsWith("2 monthly series:") && said.contains("than last season's values"), said);
        var chart = robot.lookup(".forecast-view").lookup((javafx.scene.Node n) -> n instanceof
                org.jfree.chart.fx.ChartViewer).queryAs(org.jfree.chart.fx.ChartViewer.class);
        var plot = chart.getChart().getXYPlot();
        assertEquals(48, plot.getDataset(1).getItemCount(0), "the history of 서울");
        assertEquals(12, plot.getDataset(0).getItemCount(0), "twelve months ahead");
        double first = plot.getDataset(0).getYValue(0, 0);
        assertEquals(500 + 3 * 48 - 20, first, 15, "January of the next year");

        robot.clickOn(".forecast-series");
        robot.clickOn("부산");
        waitFor(() -> "부산".equals(view.seriesPicker().getValue()), "the other series");
        var redrawn = robot.lookup(".forecast-view").lookup((javafx.scene.Node n) -> n instanceof
                org.jfree.chart.fx.ChartViewer).queryAs(org.jfree.chart.fx.ChartViewer.class);
        assertEquals(200 + 3 * 48 - 20, redrawn.getChart().getXYPlot().getDataset(0).getYValue(0, 0), 15);
    }

    @Test
    void whatIfThePromotionRanEveryDayDrawsASecondLineAndSaysTheChange(FxRobot robot) throws Exception {
        // the retail sample: 36 series with promotions and prices known ahead, Seollal in the four weeks
        Path project = dir.resolve("retail");
        Files.createDirectories(project.resolve("data"));
        Files.copy(Path.of("projects-sample/retail-forecast/retail-forecast.flow"), project.resolve(
                "retail-forecast.flow"));
        Files.copy(Path.of("projects-sample/retail-forecast/data/sales.csv"), project.resolve("data/sales.csv"));
        FxToolkit.setupFixture(() -> studio.window.open(project.resolve("retail-forecast.flow")));
        studio.runAllUntilDone("forecast");
        studio.clickCard(robot, "forecast");
        TabPane panel = robot.lookup(".output-panel").queryAs(TabPane.class);
        waitFor(() -> panel.getSelectionModel().getSelectedItem().getText().equals("Forecast"), "the forecast tab");
        ForecastView view = robot.lookup(".forecast-view").queryAs(ForecastView.class);
        fx(() -> {
            view.setVvalue(1); // the what-if lies below the chart
            return null;
        });
        robot.clickOn("#what-if-promo").write("1");
        robot.clickOn(".what-if-run");
        waitFor(() -> !view.whatIfSaid().getText().isEmpty() && !view.whatIfSaid().getText().endsWith("…"),
                "the what-if");
        String said = fx(() -> view.whatIfSaid().getText());
        assertTrue(said.startsWith("With promo = 1:"), said);
        assertTrue(said.contains("over the 28 periods ahead") && said.contains("% against the plan"), said);
        var chart = robot.lookup(".forecast-view").lookup((javafx.scene.Node n) -> n instanceof
                org.jfree.chart.fx.ChartViewer).queryAs(org.jfree.chart.fx.ChartViewer.class);
        var plot = chart.getChart().getXYPlot();
        assertEquals(28, plot.getDataset(2).getItemCount(0), "the what-if line over the four weeks");
        double planned = 0;
        double changed = 0;
        for (int h = 0; h < 28; h++) {
            planned += plot.getDataset(0).getYValue(0, h);
            changed += plot.getDataset(2).getYValue(0, h);
        }
        assertTrue(changed > planned, "a promotion every day sells more: " + changed + " vs " + planned);
        robot.clickOn("#what-if-promo").eraseText(1).write("x");
        robot.clickOn(".what-if-run");
        waitFor(() -> view.whatIfSaid().getText().contains("needs a number"), "the refusal");
    }

    @Test
    void buildModelWithProblemTypeForecastShowsTheForecastTabAndOnlyItsOwnParameters(FxRobot robot)
            throws Exception {
        Files.writeString(dir.resolve("build.flow"), """
                {"format": "tablewise.flow", "formatVersion": 1, "name": "Store forecast",
                 "nodes": [
                  {"id": "history", "type": "data.import.csv", "typeVersion": 1, "params": {"path": "sales.csv"},
                   "ui": {"x": 40.0, "y": 80.0}},
                  {"id": "build", "type": "model.build", "typeVersion": 1,
                   "params": {"problemType": "forecast", "time": "month", "target": "sales", "series": ["store"],
                              "horizon": 12},
                   "ui": {"x": 300.0, "y": 80.0}}],
                 "edges": [{"from": {"node": "history", "port": "table"}, "to": {"node": "build", "port": "table"}}]}
                """);
        FxToolkit.setupFixture(() -> studio.window.open(dir.resolve("build.flow")));
        studio.runAllUntilDone("build");
        studio.clickCard(robot, "build");
        TabPane panel = robot.lookup(".output-panel").queryAs(TabPane.class);
        waitFor(() -> panel.getSelectionModel().getSelectedItem().getText().equals("Forecast"), "the forecast tab");
        ForecastView view = robot.lookup(".forecast-view").queryAs(ForecastView.class);
        assertEquals(List.of("서울", "부산"), fx(() -> List.copyOf(view.seriesPicker().getItems())));
        String said = robot.lookup(".forecast-summary").queryAs(Label.class).getText();
        assertTrue(said.startsWith("2 monthly series:"), said);
        // a forecast's parameters are shown, a classifier's are not
        assertTrue(shown(robot, "horizon") && shown(robot, "time") && shown(robot, "target"));
        assertTrue(!shown(robot, "objective") && !shown(robot, "testShare") && !shown(robot, "share"));

        robot.clickOn("#param-problemType");
        robot.clickOn("anomaly");
        waitFor(() -> shown(robot, "share"), "the anomaly detector's parameters");
        assertTrue(!shown(robot, "horizon") && !shown(robot, "target") && shown(robot, "label"));
    }

    /** Whether the inspector shows a parameter (its editor's box is visible). */
    private static boolean shown(FxRobot robot, String param) {
        return robot.lookup("#param-" + param).tryQuery().map(n -> n.getParent().isVisible()).orElse(false);
    }
}
