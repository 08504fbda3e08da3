package io.tablewise.flow;

/**
 * Where the studio draws a node on the canvas. The engine ignores it.
 *
 * @param x canvas x coordinate
 * @param y canvas y coordinate
 */
public record UiPosition(double x, double y) {
    /** The position of nodes created without one. */
    public static final UiPosition ORIGIN = new UiPosition(0, 0);
}
