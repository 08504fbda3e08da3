package io.tablewise.ui.canvas;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;

/**
 * Routes an edge around the cards in its way. The usual S-curve is kept when it passes no other card; otherwise the
 * edge leaves its port to the right, runs along the free lane (above or below the cards) nearest to its two ends,
 * and comes into its port from the left, so an edge never seems to feed a card it only passes.
 */
final class EdgeRouter {
    /** How far from a card an edge keeps. */
    static final double CLEARANCE = 8;
    /** How far an edge runs straight out of its port before it turns. */
    static final double STUB = 18;

    private EdgeRouter() {
    }

    /**
     * The corners of a route from {@code from} (an output port, on a card's right side) to {@code to} (an input port,
     * on a card's left side), both ends included; empty when the S-curve is clear of {@code obstacles} (the other
     * cards) or when no lane is free (then the curve is drawn as before).
     */
    static List<Point2D> route(Point2D from, Point2D to, List<Bounds> obstacles) {
        List<Bounds> near = new ArrayList<>();
        BoundingBox span = new BoundingBox(Math.min(from.getX(), to.getX()) - 200,
                Math.min(from.getY(), to.getY()) - 200, Math.abs(to.getX() - from.getX()) + 400,
                Math.abs(to.getY() - from.getY()) + 400);
        for (Bounds b : obstacles) {
            if (b.intersects(span)) {
                near.add(inflate(b));
            }
        }
        if (!curveHits(from, to, near)) {
            return List.of();
        }
        double x1 = from.getX() + STUB;
        double x2 = to.getX() - STUB;
        List<Double> lanes = new ArrayList<>(List.of(from.getY(), to.getY()));
        for (Bounds b : near) {
            lanes.add(b.getMinY() - CLEARANCE);
            lanes.add(b.getMaxY() + CLEARANCE);
        }
        Double best = null;
        double bestCost = Double.MAX_VALUE;
        for (double y : lanes) {
            double cost = Math.abs(y - from.getY()) + Math.abs(y - to.getY());
            if (cost < bestCost && free(x1, from.getY(), x1, y, near) && free(x1, y, x2, y, near)
                    && free(x2, y, x2, to.getY(), near)) {
                best = y;
                bestCost = cost;
            }
        }
        if (best == null) {
            return List.of();
        }
        return List.of(from, new Point2D(x1, from.getY()), new Point2D(x1, best), new Point2D(x2, best),
                new Point2D(x2, to.getY()), to);
    }

    private static Bounds inflate(Bounds b) {
        return new BoundingBox(b.getMinX() - CLEARANCE / 2, b.getMinY() - CLEARANCE / 2,
                b.getWidth() + CLEARANCE, b.getHeight() + CLEARANCE);
    }

    /** Whether the S-curve {@link EdgeView} draws between the ends passes through an obstacle. */
    static boolean curveHits(Point2D from, Point2D to, List<Bounds> obstacles) {
        double[] c = EdgeView.controls(from, to);
        for (int i = 1; i < 48; i++) {
            double t = i / 48.0;
            double u = 1 - t;
            double x = u * u * u * from.getX() + 3 * u * u * t * c[0] + 3 * u * t * t * c[2] + t * t * t * to.getX();
            double y = u * u * u * from.getY() + 3 * u * u * t * c[1] + 3 * u * t * t * c[3] + t * t * t * to.getY();
            for (Bounds b : obstacles) {
                if (b.contains(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the axis-parallel segment between the two points stays clear of every obstacle. */
    private static boolean free(double xa, double ya, double xb, double yb, List<Bounds> obstacles) {
        BoundingBox seg = new BoundingBox(Math.min(xa, xb), Math.min(ya, yb), Math.max(0.01, Math.abs(xb - xa)),
                Math.max(0.01, Math.abs(yb - ya)));
        for (Bounds b : obstacles) {
            if (b.intersects(seg)) {
                return false;
            }
        }
        return true;
    }
}
