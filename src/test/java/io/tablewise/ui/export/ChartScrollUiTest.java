package io.tablewise.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A chart in a scrolling page: the wheel over it scrolls the page and leaves its axes alone, and a drag over it
 * neither zooms nor pans (the Insights and Model pages once zoomed every chart the pointer passed).
 */
@ExtendWith(ApplicationExtension.class)
class ChartScrollUiTest {
    private ChartBox box;
    private ScrollPane page;

    @Start
    void start(Stage stage) {
        XYSeries roc = new XYSeries("ROC");
        for (int i = 0; i <= 10; i++) {
            roc.add(i / 10.0, Math.sqrt(i / 10.0));
        }
        JFreeChart chart = ChartFactory.createXYLineChart("ROC", "false positive rate", "true positive rate",
                new XYSeriesCollection(roc));
        box = new ChartBox("ROC", chart, 500, 320);
        VBox content = new VBox(10, new javafx.scene.control.Label("above"), box,
                new javafx.scene.layout.Region() {
                    {
                        setMinHeight(1200);
                    }
                });
        page = new ScrollPane(content);
        stage.setScene(new Scene(page, 600, 500));
        stage.show();
    }

    @Test
    void theWheelScrollsThePageAndTheAxesStay(FxRobot robot) throws Exception {
        XYPlot plot = box.chart().getXYPlot();
        Range x = plot.getDomainAxis().getRange();
        Range y = plot.getRangeAxis().getRange();
        // the wheel as the canvas receives it (the headless robot's wheel reaches no scroll pane at all)
        fx(() -> {
            javafx.scene.Node canvas = box.getChildren().get(1);
            javafx.scene.Node target = ((org.jfree.chart.fx.ChartViewer) canvas).getCanvas();
            for (int i = 0; i < 5; i++) {
                javafx.event.Event.fireEvent(target, new javafx.scene.input.ScrollEvent(
                        javafx.scene.input.ScrollEvent.SCROLL, 200, 150, 200, 150, false, false, false, false, false,
                        false, 0, -40, 0, -40, javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                        javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
            }
            return null;
        });
        double scrolled = fx(() -> page.getVvalue());
        Bounds b = fx(() -> box.localToScreen(box.getBoundsInLocal()));
        robot.moveTo(new javafx.geometry.Point2D(b.getCenterX(), b.getMinY() + 60));
        robot.drag(MouseButton.PRIMARY).dropBy(120, 60);
        robot.sleep(200);
        assertEquals(x, fx(() -> plot.getDomainAxis().getRange()), "the x axis is unchanged");
        assertEquals(y, fx(() -> plot.getRangeAxis().getRange()), "the y axis is unchanged");
        assertTrue(scrolled > 0, "the page scrolled");
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get();
    }
}
