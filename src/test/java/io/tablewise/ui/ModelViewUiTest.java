package io.tablewise.ui;

import static io.tablewise.ui.StudioFixture.fx;
import static io.tablewise.ui.StudioFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import io.tablewise.ml.Evaluation;
import io.tablewise.model.TrainedModel;

/** After a run, selecting the model node shows its metrics, ROC curve and a threshold slider that moves them. */
class ModelViewUiTest extends SampleStudioUiTest {
    @Override
    String project() {
        return "customer-churn";
    }

    @Test
    void theThresholdSliderMovesTheOperatingPointAndTheConfusionCounts(FxRobot robot) throws Exception {
        studio.runAllUntilDone("model");
        studio.clickCard(robot, "model");
        TabPane panel = robot.lookup(".output-panel").queryAs(TabPane.class);
        waitFor(() -> panel.getSelectionModel().getSelectedItem().getText().equals("Model"), "the model tab");
        Tab tab = panel.getSelectionModel().getSelectedItem();
        assertTrue(tab.getContent() != null);
        TrainedModel model = (TrainedModel) studio.output("model", "model");

        // what was built, in words, and the AutoML leaderboard it won, best first with its validation score
        String summary = robot.lookup(".model-view .model-summary").queryAs(Label.class).getText();
        @SuppressWarnings("unchecked")
        List<java.util.Map<String, Object>> board = (List<java.util.Map<String, Object>>) model.info()
                .get("leaderboard");
        String family = Messages.get("model.algorithm." + model.settings().get("algorithm"));
        assertTrue(summary.startsWith(family) && summary.contains("churned")
                && summary.contains("the best of " + board.size() + " AutoML candidates"), summary);
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<java.util.Map<?, ?>> leaderboard = robot.lookup(".model-view .leaderboard")
                .queryAs(javafx.scene.control.TableView.class);
        assertEquals(board.size(), leaderboard.getItems().size());
        assertEquals(family, leaderboard.getColumns().get(1).getCellData(0));
        assertEquals("Validation AUC ± sd", leaderboard.getColumns().get(2).getText());
        String best = String.valueOf(leaderboard.getColumns().get(2).getCellData(0));
        double score = ((Number) board.get(0).get("validationAuc")).doubleValue();
        assertEquals(score, Double.parseDouble(best.split(" ± ")[0]), 5e-5, best);
        assertTrue(best.matches("0\\.\\d{4} ± 0\\.\\d{4}"), "four decimals, lined up: " + best);

        ChartViewer roc = robot.lookup(".model-view").lookup((javafx.scene.Node n) -> n instanceof ChartViewer)
                .queryAs(ChartViewer.class);
        XYSeriesCollection series = (XYSeriesCollection) roc.getChart().getXYPlot().getDataset();
        assertEquals(3, series.getSeriesCount());
        assertEquals(model.evaluation().roc().size(), series.getSeries(0).getItemCount());
        // ROC, precision-recall, calibration, column impact; mean |SHAP|, the beeswarm, partial dependence
        assertEquals(6 + model.explanation().dependence().size(), robot.lookup(".model-view")
                .lookup((javafx.scene.Node n) -> n instanceof ChartViewer).queryAll().size());

        // the bias section: another sensitive column picked, its groups against the rest
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> facet = robot.lookup(".bias-facet")
                .queryAs(javafx.scene.control.ComboBox.class);
        io.tablewise.explain.BiasReport region = model.explanation().bias().stream()
                .filter(r -> r.facet().equals("region")).findFirst().orElseThrow();
        fx(() -> {
            facet.setValue("region");
            return null;
        });
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<io.tablewise.explain.BiasMetrics.Metric> metrics = robot
                .lookup(".bias-metrics").queryAs(javafx.scene.control.TableView.class);
        assertEquals(3 + region.groups().size(), metrics.getColumns().size(), "metric, stage, groups, definition");
        io.tablewise.explain.BiasReport.Group g = region.groups().get(0);
        int di = metrics.getItems().indexOf(io.tablewise.explain.BiasMetrics.Metric.DI);
        io.tablewise.explain.BiasMetrics.Value v = g.value(io.tablewise.explain.BiasMetrics.Metric.DI);
        assertEquals(String.format(java.util.Locale.ROOT, "%.3f  [%.3f, %.3f]", v.value(), v.low(), v.high()),
                metrics.getColumns().get(2).getCellData(di));
        assertTrue(metrics.getColumns().get(2).getText().startsWith(g.name() + " ("));

        Slider slider = robot.lookup(".model-view .slider").queryAs(Slider.class);
        fx(() -> {
            slider.setValue(0.7);
            return null;
        });
        Evaluation.ThresholdRow row = model.evaluation().thresholds().stream()
                .filter(r -> Math.abs(r.threshold() - 0.7) < 1e-9).findFirst().orElseThrow();
        double fpr = row.fp() / (double) (row.fp() + row.tn());
        assertEquals(fpr, series.getSeries(2).getX(0).doubleValue(), 1e-12);
        assertEquals(row.recall(), series.getSeries(2).getY(0).doubleValue(), 1e-12);
        List<String> cells = robot.lookup(".model-view .matrix-cell").queryAllAs(Label.class).stream()
                .map(l -> l.getText().split("\n")[0].replace(",", "")).toList();
        assertEquals(List.of(Long.toString(row.tn()), Long.toString(row.fp()), Long.toString(row.fn()),
                Long.toString(row.tp())), cells);
        // the headline cards counted at a threshold follow the slider, and say so; AUC does not move
        io.tablewise.ui.model.MetricCards cards = robot.lookup(".model-view .metric-cards")
                .queryAs(io.tablewise.ui.model.MetricCards.class);
        assertEquals(io.tablewise.ui.model.MetricCards.format(row.accuracy()) + " accuracy at threshold 0.70",
                fx(() -> cards.text("accuracy").orElseThrow()));
        assertEquals(io.tablewise.ui.model.MetricCards.format(row.recall()) + " recall at threshold 0.70",
                fx(() -> cards.text("recall").orElseThrow()));
        assertEquals(io.tablewise.ui.model.MetricCards.format(model.evaluation().metrics().get("auc")) + " AUC",
                fx(() -> cards.text("auc").orElseThrow()));

        // the matrix as shown, saved as CSV
        Path csv = dir.resolve("matrix.csv");
        io.tablewise.ui.export.ExportDialogs.useChooser((owner, name, ext) -> java.util.Optional.of(csv));
        javafx.scene.Node save = robot.lookup(".model-view .confusion-matrix .export-csv").query();
        StudioFixture.reveal(save);
        robot.clickOn(save);
        List<String> lines = java.nio.file.Files.readAllLines(csv);
        assertEquals(3, lines.size());
        assertEquals(model.classes().get(0) + "," + row.tn() + "," + row.fp(), lines.get(1).replace("\uFEFF", ""));
        assertEquals(model.classes().get(1) + "," + row.fn() + "," + row.tp(), lines.get(2));

        // keep the moved threshold: it becomes the model node's parameter (undoable), and the next run stores it
        javafx.scene.Node keep = robot.lookup(".keep-threshold").query();
        StudioFixture.reveal(keep);
        robot.clickOn(keep);
        assertEquals(0.7, fx(() -> studio.session.editor().flow().node("model").orElseThrow().params()
                .get("threshold")));
        assertTrue(robot.lookup(".model-view .hint").queryAs(Label.class).getText().contains("0.70"));
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.Z)
                .release(javafx.scene.input.KeyCode.Z, javafx.scene.input.KeyCode.CONTROL);
        assertEquals(null, fx(() -> studio.session.editor().flow().node("model").orElseThrow().params()
                .get("threshold")));
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.Z)
                .release(javafx.scene.input.KeyCode.Z, javafx.scene.input.KeyCode.SHIFT,
                        javafx.scene.input.KeyCode.CONTROL);
        javafx.scene.Node rebuild = robot.lookup(".rebuild-now").query();
        StudioFixture.reveal(rebuild);
        robot.clickOn(rebuild);
        waitFor(() -> !studio.session.runs().runningProperty().get() && studio.session.runs().result("model")
                .map(r -> r.outputs().get("model")).filter(m -> m != model).isPresent(), "the rebuilt model");
        TrainedModel rebuilt = (TrainedModel) studio.output("model", "model");
        assertEquals(0.7, rebuilt.threshold());
        long[][] m = rebuilt.evaluation().confusion().counts();
        assertEquals(List.of(row.tn(), row.fp(), row.fn(), row.tp()), List.of(m[0][0], m[0][1], m[1][0], m[1][1]),
                "the rebuilt model's confusion matrix is the one the slider showed at 0.70");
    }
}
