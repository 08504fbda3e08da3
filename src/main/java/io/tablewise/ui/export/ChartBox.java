package io.tablewise.ui.export;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;


/**
 * A chart with its title and three small actions: copy it as an image, save it as PNG, save it as SVG. Exports
 * are drawn at the size the chart has on screen.
 */
public final class ChartBox extends VBox {
    private final String title;
    private final JFreeChart chart;
    private final ChartViewer viewer;

    /** A box showing {@code chart} at a preferred size. */
    public ChartBox(String title, JFreeChart chart, double width, double height) {
        this.title = title;
        this.chart = chart;
        this.viewer = new ChartViewer(chart);
        staticAxes(viewer);
        getStyleClass().add("chart-box");
        viewer.setPrefSize(width, height);
        viewer.setMinHeight(Math.min(height, 240));
        viewer.setMinWidth(Math.min(width, 300));
        ExportBar bar = new ExportBar(title, ExportBar.action("export.copy", "copy", this::copy),
                ExportBar.action("export.png", "png", () -> ExportDialogs.save(this, title, "png",
                        f -> ChartFiles.writePng(chart, width(), height(), f))),
                ExportBar.action("export.svg", "svg", () -> ExportDialogs.save(this, title, "svg",
                        f -> ChartFiles.writeSvg(chart, width(), height(), f))));
        getChildren().addAll(bar, viewer);
        VBox.setVgrow(viewer, Priority.ALWAYS);
    }

    /**
     * Charts sit in scrolling pages: the wheel must scroll the page, not zoom the chart under the pointer (a zoomed
     * ROC curve or importance axis misleads, and there was no way back), and a drag must not zoom or pan either.
     * Tooltips stay.
     */
    static void staticAxes(ChartViewer viewer) {
        org.jfree.chart.fx.ChartCanvas canvas = viewer.getCanvas();
        for (String id : new String[] {"scroll", "zoom", "pan"}) {
            org.jfree.chart.fx.interaction.MouseHandlerFX handler = canvas.getMouseHandler(id);
            if (handler != null) {
                // the wheel handler is an auxiliary one, zoom and pan are live ones: removing from both is harmless
                canvas.removeMouseHandler(handler);
                canvas.removeAuxiliaryMouseHandler(handler);
            }
        }
        // the canvas hands the wheel to its handlers; with none left the event must simply go on to the page
        canvas.setOnScroll(null);
    }

    /** The chart shown. */
    public JFreeChart chart() {
        return chart;
    }

    /** The chart's title. */
    public String title() {
        return title;
    }

    /** Puts the chart on the clipboard as an image, drawn at twice its size on screen for a sharp paste. */
    public void copy() {
        ClipboardContent content = new ClipboardContent();
        content.putImage(SwingFXUtils.toFXImage(ChartFiles.image(chart, width(), height(), 2), null));
        Clipboard.getSystemClipboard().setContent(content);
    }

    private int width() {
        return (int) Math.max(200, Math.round(viewer.getWidth() > 0 ? viewer.getWidth() : viewer.getPrefWidth()));
    }

    private int height() {
        return (int) Math.max(150, Math.round(viewer.getHeight() > 0 ? viewer.getHeight() : viewer.getPrefHeight()));
    }
}
