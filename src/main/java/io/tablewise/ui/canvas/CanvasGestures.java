package io.tablewise.ui.canvas;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import javafx.geometry.Point2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Rectangle;

import io.tablewise.flow.Edge;
import io.tablewise.flow.NodeInstance;
import io.tablewise.flow.UiPosition;
import io.tablewise.ui.Messages;
import io.tablewise.ui.editor.FlowEditor;

/**
 * The canvas's mouse gestures, each a small state machine started by a press: move the selected nodes, draw a
 * connection from an output port, select with a rubber band, pan with the middle button (or Space and drag).
 * Wheel: pan; Ctrl/Cmd + wheel: zoom at the pointer.
 */
final class CanvasGestures {
    private interface Gesture {
        void drag(MouseEvent e);

        void release(MouseEvent e);
    }

    private final CanvasView canvas;
    private final FlowEditor editor;
    private final Viewport viewport;
    private Gesture active;
    private boolean spaceDown;

    CanvasGestures(CanvasView canvas, FlowEditor editor, Viewport viewport) {
        this.canvas = canvas;
        this.editor = editor;
        this.viewport = viewport;
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressBackground);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (active != null) {
                active.drag(e);
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (active != null) {
                active.release(e);
                active = null;
            }
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scroll);
        canvas.setOnKeyPressed(e -> spaceDown |= e.getCode() == KeyCode.SPACE);
        canvas.setOnKeyReleased(e -> spaceDown &= e.getCode() != KeyCode.SPACE);
        ContextMenu menu = new ContextMenu();
        MenuItem fit = new MenuItem(Messages.get("menu.view.fit"));
        fit.setOnAction(a -> canvas.fitToView());
        MenuItem all = new MenuItem(Messages.get("menu.edit.selectAll"));
        all.setOnAction(a -> editor.selectAll());
        menu.getItems().addAll(fit, all);
        canvas.setOnContextMenuRequested(e -> {
            if (e.getTarget() == canvas) {
                menu.show(canvas, e.getScreenX(), e.getScreenY());
            }
        });
    }

    /** Makes a card pressable (select, move), its output ports connectable and its title renameable. */
    void attach(NodeCard card) {
        card.setOnMousePressed(e -> {
            canvas.requestFocus();
            if (e.getButton() != MouseButton.PRIMARY || spaceDown) {
                return;
            }
            if (e.getTarget() instanceof PortView port && !port.isInput()) {
                active = new Connect(port, e);
            } else {
                if (e.isShiftDown() || e.isShortcutDown()) {
                    editor.select(card.nodeId(), true);
                } else if (!editor.selection().contains(card.nodeId())) {
                    editor.select(card.nodeId(), false);
                }
                active = editor.selection().contains(card.nodeId()) ? new Move(e) : null;
                if (e.getClickCount() == 2 && card.titleBounds()
                        .contains(card.sceneToLocal(e.getSceneX(), e.getSceneY()))) {
                    active = null;
                    rename(card);
                }
            }
            e.consume();
        });
        card.setOnContextMenuRequested(e -> {
            if (!editor.selection().contains(card.nodeId())) {
                editor.select(card.nodeId(), false);
            }
            cardMenu(card).show(card, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    /** Makes an edge clickable (select it; Delete removes it). */
    void attach(EdgeView edge) {
        edge.setOnMousePressed(e -> {
            canvas.requestFocus();
            if (e.getButton() == MouseButton.PRIMARY && !spaceDown) {
                editor.selectEdge(edge.edge());
                e.consume();
            }
        });
    }

    private ContextMenu cardMenu(NodeCard card) {
        MenuItem run = new MenuItem(Messages.get("menu.run.toHere"));
        run.setOnAction(a -> canvas.runTo(card.nodeId()));
        MenuItem rename = new MenuItem(Messages.get("menu.edit.rename"));
        rename.setOnAction(a -> rename(card));
        MenuItem delete = new MenuItem(Messages.get("menu.edit.delete"));
        delete.setOnAction(a -> editor.deleteSelection());
        return new ContextMenu(run, new SeparatorMenuItem(), rename, delete);
    }

    /** Edits a node's label in place: Enter keeps it, Escape or clicking away cancels. */
    void rename(NodeCard card) {
        TextField field = new TextField(card.titleLabel().getText());
        field.getStyleClass().add("rename-field");
        field.setPrefWidth(NodeCard.WIDTH - 56);
        field.relocate(card.getLayoutX() + card.titleBounds().getMinX() - 4,
                card.getLayoutY() + card.titleBounds().getMinY() - 4);
        canvas.overlay().getChildren().add(field);
        boolean[] done = {false};
        Runnable close = () -> {
            done[0] = true;
            canvas.overlay().getChildren().remove(field);
            canvas.requestFocus();
        };
        field.setOnAction(a -> {
            String text = field.getText();
            close.run();
            editor.rename(card.nodeId(), text);
        });
        field.setOnKeyPressed(k -> {
            if (k.getCode() == KeyCode.ESCAPE) {
                close.run();
                k.consume();
            }
        });
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now && !done[0]) {
                close.run();
            }
        });
        field.selectAll();
        field.requestFocus();
    }

    private void pressBackground(MouseEvent e) {
        if (e.isConsumed()) {
            return;
        }
        canvas.requestFocus();
        boolean pan = e.getButton() == MouseButton.MIDDLE || e.getButton() == MouseButton.PRIMARY && spaceDown;
        if (pan) {
            active = new Pan(e);
        } else if (e.getButton() == MouseButton.PRIMARY) {
            if (!e.isShiftDown()) {
                editor.clearSelection();
            }
            active = new RubberBand(e);
        }
    }

    private void scroll(ScrollEvent e) {
        if (e.isShortcutDown() || e.isControlDown()) {
            viewport.zoomAt(e.getDeltaY() > 0 ? 1.1 : 1 / 1.1, e.getX(), e.getY());
        } else if (e.isShiftDown() && e.getDeltaX() == 0) {
            viewport.panBy(e.getDeltaY(), 0);
        } else {
            viewport.panBy(e.getDeltaX(), e.getDeltaY());
        }
        e.consume();
    }

    private Point2D world(MouseEvent e) {
        Point2D local = canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
        return viewport.toWorld(local.getX(), local.getY());
    }

    /** Drags the selected nodes; one undo step when released. */
    private final class Move implements Gesture {
        private final Point2D start;
        private final Map<String, UiPosition> before = new HashMap<>();
        private boolean moved;

        Move(MouseEvent e) {
            start = world(e);
            for (String id : editor.selection()) {
                editor.flow().node(id).map(NodeInstance::ui).ifPresent(p -> before.put(id, p));
            }
        }

        @Override
        public void drag(MouseEvent e) {
            Point2D now = world(e);
            double dx = now.getX() - start.getX();
            double dy = now.getY() - start.getY();
            moved |= Math.abs(dx) + Math.abs(dy) > 2;
            if (moved) {
                editor.previewMove(shifted(dx, dy, false));
            }
        }

        @Override
        public void release(MouseEvent e) {
            if (moved) {
                Point2D now = world(e);
                editor.moveNodes(before, shifted(now.getX() - start.getX(), now.getY() - start.getY(), true));
            } else if (!e.isShiftDown() && !e.isShortcutDown() && e.isStillSincePress()) {
                // A plain click on one of several selected nodes selects just that node.
                String clicked = before.size() > 1 ? pickedNode(e) : null;
                if (clicked != null) {
                    editor.select(clicked, false);
                }
            }
        }

        private String pickedNode(MouseEvent e) {
            for (NodeCard c : canvas.cards().values()) {
                if (e.getPickResult().getIntersectedNode() != null && c.owns(e.getPickResult().getIntersectedNode())) {
                    return c.nodeId();
                }
            }
            return null;
        }

        private Map<String, UiPosition> shifted(double dx, double dy, boolean snap) {
            Map<String, UiPosition> after = new HashMap<>();
            before.forEach((id, p) -> after.put(id, new UiPosition(
                    snap ? FlowEditor.snap(p.x() + dx) : p.x() + dx, snap ? FlowEditor.snap(p.y() + dy) : p.y() + dy)));
            return after;
        }
    }

    /** Draws a connection from an output port; compatible inputs light up, incompatible ones refuse. */
    private final class Connect implements Gesture {
        private final PortView from;
        private final CubicCurve preview = new CubicCurve();
        private final Point2D start;

        Connect(PortView from, MouseEvent e) {
            this.from = from;
            this.start = canvas.cards().get(from.ref().node()).portPoint(from.ref().port(), false);
            preview.getStyleClass().add("edge-preview");
            preview.setMouseTransparent(true);
            EdgeView.shape(preview, start, start);
            canvas.overlay().getChildren().add(preview);
            for (NodeCard card : canvas.cards().values()) {
                for (PortView p : card.ports()) {
                    if (p.isInput()) {
                        p.mark(editor.checkConnection(new Edge(from.ref(), p.ref())).isEmpty());
                    }
                }
            }
        }

        @Override
        public void drag(MouseEvent e) {
            PortView target = canvas.portAt(world(e), true);
            Point2D end = target == null ? world(e)
                    : canvas.cards().get(target.ref().node()).portPoint(target.ref().port(), true);
            EdgeView.shape(preview, start, end);
        }

        @Override
        public void release(MouseEvent e) {
            canvas.overlay().getChildren().remove(preview);
            canvas.cards().values().forEach(c -> c.ports().forEach(p -> p.mark(null)));
            PortView target = canvas.portAt(world(e), true);
            if (target != null) {
                editor.connect(new Edge(from.ref(), target.ref())).ifPresent(canvas::flash);
            }
        }
    }

    /** Selects the nodes inside a dragged rectangle (added to the selection with Shift). */
    private final class RubberBand implements Gesture {
        private final Point2D start;
        private final Rectangle band = new Rectangle();
        private final Set<String> kept;

        RubberBand(MouseEvent e) {
            start = world(e);
            kept = e.isShiftDown() ? new HashSet<>(editor.selection()) : Set.of();
            band.getStyleClass().add("rubber-band");
            band.setMouseTransparent(true);
        }

        @Override
        public void drag(MouseEvent e) {
            if (band.getParent() == null) {
                canvas.overlay().getChildren().add(band);
            }
            Point2D now = world(e);
            band.setX(Math.min(start.getX(), now.getX()));
            band.setY(Math.min(start.getY(), now.getY()));
            band.setWidth(Math.abs(now.getX() - start.getX()));
            band.setHeight(Math.abs(now.getY() - start.getY()));
            Set<String> inside = new HashSet<>(kept);
            for (NodeCard c : canvas.cards().values()) {
                if (band.getBoundsInParent().intersects(c.getBoundsInParent())) {
                    inside.add(c.nodeId());
                }
            }
            editor.selectOnly(inside);
        }

        @Override
        public void release(MouseEvent e) {
            canvas.overlay().getChildren().remove(band);
        }
    }

    /** Moves the view. */
    private final class Pan implements Gesture {
        private double lastX;
        private double lastY;

        Pan(MouseEvent e) {
            lastX = e.getSceneX();
            lastY = e.getSceneY();
        }

        @Override
        public void drag(MouseEvent e) {
            viewport.panBy(e.getSceneX() - lastX, e.getSceneY() - lastY);
            lastX = e.getSceneX();
            lastY = e.getSceneY();
        }

        @Override
        public void release(MouseEvent e) {
        }
    }
}
