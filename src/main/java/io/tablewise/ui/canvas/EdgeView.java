package io.tablewise.ui.canvas;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.QuadCurveTo;

import io.tablewise.flow.Edge;

/**
 * An edge drawn as a horizontal S-curve, or around the cards in its way with rounded corners ({@link EdgeRouter}),
 * with a wider invisible stroke so it is easy to click.
 */
final class EdgeView extends Group {
    private static final double CORNER = 10;
    private final Edge edge;
    private final Path line = new Path();
    private final Path hit = new Path();

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
        setEnds(from, to, List.of());
    }

    /** Draws the edge between its ports, around {@code obstacles} (the other cards) when the curve would cross one. */
    void setEnds(Point2D from, Point2D to, List<Bounds> obstacles) {
        List<Point2D> corners = EdgeRouter.route(from, to, obstacles);
        List<PathElement> elements = corners.isEmpty() ? curve(from, to) : rounded(corners);
        line.getElements().setAll(elements);
        hit.getElements().setAll(corners.isEmpty() ? curve(from, to) : rounded(corners));
    }

    /** The S-curve's two control points {x1, y1, x2, y2}. */
    static double[] controls(Point2D from, Point2D to) {
        double dx = to.getX() - from.getX();
        double dy = to.getY() - from.getY();
        if (dx >= 40) {
            double pull = Math.max(40, dx / 2);
            return new double[] {from.getX() + pull, from.getY(), to.getX() - pull, to.getY()};
        }
        // A backward edge (the next row of a wrapped flow): leave rightwards, cross between the rows, arrive
        // from the left, instead of looping through the cards.
        double reach = Math.min(160, 60 + Math.abs(dx) / 4);
        return new double[] {from.getX() + reach, from.getY() + dy * 0.6, to.getX() - reach, to.getY() - dy * 0.6};
    }

    /** Shapes {@code c} as the S-curve between the ends (the preview while a connection is dragged). */
    static void shape(CubicCurve c, Point2D from, Point2D to) {
        double[] k = controls(from, to);
        c.setStartX(from.getX());
        c.setStartY(from.getY());
        c.setControlX1(k[0]);
        c.setControlY1(k[1]);
        c.setControlX2(k[2]);
        c.setControlY2(k[3]);
        c.setEndX(to.getX());
        c.setEndY(to.getY());
    }

    private static List<PathElement> curve(Point2D from, Point2D to) {
        double[] c = controls(from, to);
        return List.of(new MoveTo(from.getX(), from.getY()),
                new CubicCurveTo(c[0], c[1], c[2], c[3], to.getX(), to.getY()));
    }

    private static List<PathElement> rounded(List<Point2D> points) {
        List<PathElement> out = new ArrayList<>();
        out.add(new MoveTo(points.get(0).getX(), points.get(0).getY()));
        for (int i = 1; i < points.size() - 1; i++) {
            Point2D prev = points.get(i - 1);
            Point2D at = points.get(i);
            Point2D next = points.get(i + 1);
            double r = Math.min(CORNER, Math.min(prev.distance(at), next.distance(at)) / 2);
            Point2D in = towards(at, prev, r);
            Point2D out2 = towards(at, next, r);
            out.add(new LineTo(in.getX(), in.getY()));
            out.add(new QuadCurveTo(at.getX(), at.getY(), out2.getX(), out2.getY()));
        }
        Point2D end = points.get(points.size() - 1);
        out.add(new LineTo(end.getX(), end.getY()));
        return out;
    }

    private static Point2D towards(Point2D from, Point2D to, double distance) {
        double d = from.distance(to);
        return d == 0 ? from : from.add(to.subtract(from).multiply(distance / d));
    }

    void setSelected(boolean selected) {
        line.getStyleClass().remove("selected");
        if (selected) {
            line.getStyleClass().add("selected");
        }
    }
}
