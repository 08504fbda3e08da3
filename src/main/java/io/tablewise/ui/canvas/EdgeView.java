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
        double dx = to.getX() - from.getX();
        double dy = to.getY() - from.getY();
        c.setStartX(from.getX());
        c.setStartY(from.getY());
        c.setEndX(to.getX());
        c.setEndY(to.getY());
        if (dx >= 40) {
            double pull = Math.max(40, dx / 2);
            c.setControlX1(from.getX() + pull);
            c.setControlY1(from.getY());
            c.setControlX2(to.getX() - pull);
            c.setControlY2(to.getY());
        } else {
            // A backward edge (the next row of a wrapped flow): leave rightwards, cross between the rows, arrive
            // from the left, instead of looping through the cards.
            double reach = Math.min(160, 60 + Math.abs(dx) / 4);
            c.setControlX1(from.getX() + reach);
            c.setControlY1(from.getY() + dy * 0.6);
            c.setControlX2(to.getX() - reach);
            c.setControlY2(to.getY() - dy * 0.6);
        }
    }

    void setSelected(boolean selected) {
        line.getStyleClass().remove("selected");
        if (selected) {
            line.getStyleClass().add("selected");
        }
    }
}
