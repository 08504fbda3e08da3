package io.tablewise.ui.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;

import org.junit.jupiter.api.Test;

/**
 * An edge that would pass through a card it does not connect goes around it (the churn sample's import → predict
 * edge crossed Insights and Tenure band); a clear edge keeps its curve.
 */
class EdgeRouterTest {
    private static final Point2D FROM = new Point2D(220, 230); // the import card's output, at (40, 200)
    private static final Point2D TO = new Point2D(960, 650);   // the predict card's input, at (960, 620)

    @Test
    void anEdgeThroughCardsGoesAroundThem() {
        List<Bounds> cards = List.of(new BoundingBox(270, 200, 180, 60), new BoundingBox(500, 340, 180, 60),
                new BoundingBox(500, 480, 180, 70), new BoundingBox(730, 480, 180, 80));
        assertTrue(EdgeRouter.curveHits(FROM, TO, cards), "the plain curve crosses a card");
        List<Point2D> route = EdgeRouter.route(FROM, TO, cards);
        assertEquals(6, route.size(), route.toString());
        assertEquals(FROM, route.get(0));
        assertEquals(TO, route.get(route.size() - 1));
        for (int i = 1; i < route.size(); i++) {
            Point2D a = route.get(i - 1);
            Point2D b = route.get(i);
            assertTrue(a.getX() == b.getX() || a.getY() == b.getY(), "straight runs: " + route);
            for (int k = 0; k <= 50; k++) {
                Point2D p = a.add(b.subtract(a).multiply(k / 50.0));
                for (Bounds c : cards) {
                    assertFalse(c.contains(p), p + " is inside " + c + " on " + route);
                }
            }
        }
    }

    @Test
    void aClearEdgeKeepsItsCurve() {
        assertEquals(List.of(), EdgeRouter.route(FROM, TO, List.of(new BoundingBox(270, 0, 180, 60))));
    }
}
