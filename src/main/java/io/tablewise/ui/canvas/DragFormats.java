package io.tablewise.ui.canvas;

import javafx.scene.input.DataFormat;

/** Drag-and-drop formats shared by the palette (drag source) and the canvas (drop target). */
public final class DragFormats {
    /** A node type id dragged from the palette. */
    public static final DataFormat NODE_TYPE = new DataFormat("application/x-tablewise-node-type");

    private DragFormats() {
    }
}
