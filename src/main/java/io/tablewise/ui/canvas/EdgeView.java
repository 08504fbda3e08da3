package io.tablewise.ui.canvas;

import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.shape.CubicCurve;

import io.tablewise.flow.Edge;

/** An edge drawn as a horizontal S-curve, with a wider invisible stroke so it is easy to click. */
final class EdgeView extends Group {
    private final Edge edge;
    private final CubicCurve line = new CubicCurve();
    private final CubicCurve hit = new CubicCurve();

    EdgeView(Edge edge) {
        this.edge = edge;
        line.getStyleClass().add("edge");
        hit.getStyleClass().add("edge-hit");
        line.setMouseTransparent(true);
        getChildren().addAll(hit, line);
    }

    Edge edge() {
        return edge;
    }

    void setEnds(Point2D from, Point2D to) {
        shape(line, from, to);
        shape(hit, from, to);
    }

    static void shape(CubicCurve c, Point2D from, Point2D to) {
        double dx = Math.max(40, Math.abs(to.getX() - from.getX()) / 2);
        c.setStartX(from.getX());
        c.setStartY(from.getY());
        c.setControlX1(from.getX() + dx);
        c.setControlY1(from.getY());
        c.setControlX2(to.getX() - dx);
        c.setControlY2(to.getY());
        c.setEndX(to.getX());
        c.setEndY(to.getY());
    }

    void setSelected(boolean selected) {
        line.getStyleClass().remove("selected");
        if (selected) {
            line.getStyleClass().add("selected");
        }
    }
}
