package io.tablewise.ui.canvas;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import javafx.animation.PauseTransition;
import javafx.collections.MapChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

import io.tablewise.flow.Edge;
import io.tablewise.flow.Flow;
import io.tablewise.flow.NodeInstance;
import io.tablewise.ui.Messages;
import io.tablewise.ui.editor.FlowEditor;
import io.tablewise.ui.run.NodeStatus;
import io.tablewise.ui.run.RunViewModel;

/**
 * The flow canvas: node cards and edges over a grid, with pan and zoom. It only draws what {@link FlowEditor}
 * holds and forwards gestures ({@link CanvasGestures}) to it; it never changes the flow itself.
 */
public final class CanvasView extends Region {
    private static final Map<String, String> IMPORTERS = Map.of(
            "csv", "data.import.csv", "tsv", "data.import.csv", "txt", "data.import.csv",
            "xlsx", "data.import.excel", "jsonl", "data.import.jsonl", "ndjson", "data.import.jsonl",
            "parquet", "data.import.parquet", "parq", "data.import.parquet");

    private final FlowEditor editor;
    private final Viewport viewport = new Viewport();
    private final Canvas grid = new Canvas();
    private final Group world = new Group();
    private final Group edgeLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Group overlay = new Group();
    private final Label toast = new Label();
    private final PauseTransition toastTimer = new PauseTransition(Duration.seconds(3));
    private final Map<String, NodeCard> cards = new HashMap<>();
    private final Map<Edge, EdgeView> edges = new HashMap<>();
    private final RunViewModel runs;
    private final CanvasGestures gestures;
    private Consumer<String> runTo = id -> { };
    private java.util.function.Function<File, String> relativePath = File::getPath;

    /** A canvas showing {@code editor}'s flow with the node states of {@code runs}. */
    public CanvasView(FlowEditor editor, RunViewModel runs) {
        this.editor = editor;
        this.runs = runs;
        getStyleClass().add("flow-canvas");
        setFocusTraversable(true);
        world.getTransforms().setAll(viewport.translate, viewport.scale);
        world.getChildren().addAll(edgeLayer, nodeLayer, overlay);
        toast.getStyleClass().add("canvas-toast");
        toast.setVisible(false);
        toast.setMouseTransparent(true);
        toastTimer.setOnFinished(e -> toast.setVisible(false));
        getChildren().addAll(grid, world, toast);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);

        gestures = new CanvasGestures(this, editor, viewport);
        editor.flowProperty().addListener((obs, old, now) -> sync(now));
        editor.selection().addListener((SetChangeListener<String>) c -> showSelection());
        editor.selectedEdgeProperty().addListener((obs, old, now) -> showSelection());
        runs.statuses().addListener((MapChangeListener<String, NodeStatus>) c -> {
            NodeCard card = cards.get(c.getKey());
            if (card != null && c.wasAdded()) {
                card.setStatus(c.getValueAdded());
            }
        });
        viewport.translate.xProperty().addListener(o -> drawGrid());
        viewport.translate.yProperty().addListener(o -> drawGrid());
        viewport.zoomProperty().addListener(o -> drawGrid());
        setOnZoom(this::onZoom);
        setOnDragOver(this::onDragOver);
        setOnDragDropped(this::onDragDropped);
        sync(editor.flow());
    }

    // ---- wiring from the main window ----

    /** What "Run up to here" does. */
    public void setOnRunTo(Consumer<String> action) {
        this.runTo = action;
    }

    /** How a dropped file's path is written into the import node (relative to the flow's folder). */
    public void setRelativePath(java.util.function.Function<File, String> relativize) {
        this.relativePath = relativize;
    }

    void runTo(String nodeId) {
        runTo.accept(nodeId);
    }

    /** The current zoom (1 = 100%). */
    public double zoom() {
        return viewport.zoom();
    }

    /** Zooms in or out around the view's centre. */
    public void zoomBy(double factor) {
        viewport.zoomAt(factor, getWidth() / 2, getHeight() / 2);
    }

    /** Shows every node (Ctrl+0). */
    public void fitToView() {
        if (cards.isEmpty()) {
            viewport.fit(new BoundingBox(0, 0, 400, 300), getWidth(), getHeight());
            return;
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (NodeCard c : cards.values()) {
            minX = Math.min(minX, c.getLayoutX());
            minY = Math.min(minY, c.getLayoutY());
            maxX = Math.max(maxX, c.getLayoutX() + NodeCard.WIDTH);
            maxY = Math.max(maxY, c.getLayoutY() + c.cardHeight());
        }
        viewport.fit(new BoundingBox(minX, minY, maxX - minX, maxY - minY), getWidth(), getHeight());
    }

    /** Shows a short message at the bottom of the canvas (e.g. why a connection was refused). */
    public void flash(String message) {
        toast.setText(message);
        toast.setVisible(true);
        toastTimer.playFromStart();
    }

    /** The view point (in this canvas's coordinates) of a node's output or input port: for tests and tools. */
    public Optional<Point2D> portInView(String nodeId, String port, boolean input) {
        NodeCard card = cards.get(nodeId);
        if (card == null) {
            return Optional.empty();
        }
        Point2D w = card.portPoint(port, input);
        return Optional.of(new Point2D(w.getX() * viewport.zoom() + viewport.translate.getX(),
                w.getY() * viewport.zoom() + viewport.translate.getY()));
    }

    /** The view point of a node card's centre. */
    public Optional<Point2D> cardCentreInView(String nodeId) {
        NodeCard card = cards.get(nodeId);
        if (card == null) {
            return Optional.empty();
        }
        return Optional.of(new Point2D(
                (card.getLayoutX() + NodeCard.WIDTH / 2) * viewport.zoom() + viewport.translate.getX(),
                (card.getLayoutY() + card.cardHeight() / 2) * viewport.zoom() + viewport.translate.getY()));
    }

    // ---- package access for the gestures ----

    Viewport viewport() {
        return viewport;
    }

    Group overlay() {
        return overlay;
    }

    Map<String, NodeCard> cards() {
        return cards;
    }

    Map<Edge, EdgeView> edgeViews() {
        return edges;
    }

    /** The card and port at a world point (inputs only when {@code input}), if any. */
    PortView portAt(Point2D worldPoint, boolean input) {
        for (NodeCard c : cards.values()) {
            PortView p = c.portAt(worldPoint, input);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    // ---- drawing ----

    private void sync(Flow flow) {
        Set<String> ids = new HashSet<>();
        for (NodeInstance n : flow.nodes()) {
            ids.add(n.id());
            NodeCard card = cards.get(n.id());
            String type = editor.descriptor(n.id()).map(d -> d.id()).orElse(null);
            String cardType = card == null || card.descriptor() == null ? null : card.descriptor().id();
            if (card == null || !java.util.Objects.equals(type, cardType)) {
                if (card != null) {
                    nodeLayer.getChildren().remove(card);
                }
                card = new NodeCard(n, editor.descriptor(n.id()).orElse(null));
                card.setOnResized(() -> javafx.application.Platform.runLater(() -> sync(editor.flow())));
                NodeStatus status = runs.statuses().get(n.id());
                if (status != null) {
                    card.setStatus(status);
                }
                gestures.attach(card);
                cards.put(n.id(), card);
                nodeLayer.getChildren().add(card);
            } else {
                card.update(n);
            }
        }
        cards.keySet().removeIf(id -> {
            if (!ids.contains(id)) {
                nodeLayer.getChildren().remove(cards.get(id));
                return true;
            }
            return false;
        });
        Set<Edge> current = new HashSet<>(flow.edges());
        edges.keySet().removeIf(e -> {
            if (!current.contains(e)) {
                edgeLayer.getChildren().remove(edges.get(e));
                return true;
            }
            return false;
        });
        Map<NodeCard, javafx.geometry.Bounds> boxes = new HashMap<>(); // edges are routed around the cards
        cards.values().forEach(c -> boxes.put(c, new javafx.geometry.BoundingBox(c.getLayoutX(), c.getLayoutY(),
                NodeCard.WIDTH, c.cardHeight())));
        for (Edge e : flow.edges()) {
            EdgeView view = edges.computeIfAbsent(e, k -> {
                EdgeView v = new EdgeView(k);
                gestures.attach(v);
                edgeLayer.getChildren().add(v);
                return v;
            });
            NodeCard from = cards.get(e.from().node());
            NodeCard to = cards.get(e.to().node());
            if (from != null && to != null) {
                List<javafx.geometry.Bounds> others = new ArrayList<>(boxes.size());
                boxes.forEach((c, b) -> {
                    if (c != from && c != to) {
                        others.add(b);
                    }
                });
                view.setEnds(from.portPoint(e.from().port(), false), to.portPoint(e.to().port(), true), others);
            }
        }
        showSelection();
    }

    private void showSelection() {
        cards.forEach((id, card) -> card.setSelected(editor.selection().contains(id)));
        edges.forEach((e, view) -> view.setSelected(e.equals(editor.selectedEdgeProperty().get())));
    }

    @Override
    protected void layoutChildren() {
        if (grid.getWidth() != getWidth() || grid.getHeight() != getHeight()) {
            grid.setWidth(getWidth());
            grid.setHeight(getHeight());
            drawGrid();
        }
        toast.autosize();
        toast.relocate((getWidth() - toast.getWidth()) / 2, getHeight() - toast.getHeight() - 24);
    }

    private void drawGrid() {
        GraphicsContext g = grid.getGraphicsContext2D();
        g.clearRect(0, 0, grid.getWidth(), grid.getHeight());
        boolean dark = getScene() != null && getScene().getRoot().getStyleClass().contains("theme-dark");
        g.setFill(dark ? Color.web("#ffffff", 0.10) : Color.web("#1f2328", 0.13));
        double step = FlowEditor.GRID * viewport.zoom();
        while (step < 12) {
            step *= 5;
        }
        double startX = viewport.translate.getX() % step;
        double startY = viewport.translate.getY() % step;
        double dot = Math.max(1.2, 1.6 * Math.min(1, viewport.zoom()));
        for (double x = startX; x < grid.getWidth(); x += step) {
            for (double y = startY; y < grid.getHeight(); y += step) {
                g.fillRect(x, y, dot, dot);
            }
        }
    }

    // ---- zoom gesture and drops ----

    private void onZoom(ZoomEvent e) {
        viewport.zoomAt(e.getZoomFactor(), e.getX(), e.getY());
        e.consume();
    }

    private void onDragOver(DragEvent e) {
        if (e.getDragboard().hasContent(DragFormats.NODE_TYPE)
                || e.getDragboard().hasFiles() && e.getDragboard().getFiles().stream().anyMatch(f -> importer(f) != null
                        || io.tablewise.data.db.Dialect.ofFile(f.getName()) != null || f.isDirectory())) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void onDragDropped(DragEvent e) {
        Point2D at = viewport.toWorld(e.getX(), e.getY());
        boolean done = false;
        if (e.getDragboard().hasContent(DragFormats.NODE_TYPE)) {
            String type = (String) e.getDragboard().getContent(DragFormats.NODE_TYPE);
            editor.addNode(type, at.getX() - NodeCard.WIDTH / 2, at.getY() - 30);
            done = true;
        } else if (e.getDragboard().hasFiles()) {
            done = dropFiles(e.getDragboard().getFiles(), at);
        }
        e.setDropCompleted(done);
        e.consume();
        requestFocus();
    }

    /** Creates an import node per data file (CSV, TSV, XLSX, JSONL) dropped at {@code at}; true if any. */
    public boolean dropFiles(List<File> files, Point2D at) {
        double y = at.getY() - 30;
        boolean any = false;
        for (File f : files) {
            io.tablewise.data.db.Dialect database = f.isFile() ? io.tablewise.data.db.Dialect.ofFile(f.getName())
                    : null;
            String type = database != null ? "data.import.database" : f.isDirectory() && containsParquet(f)
                    ? "data.import.parquet" : importer(f);
            if (type == null) {
                flash(Messages.get("canvas.dropUnsupported", f.getName()));
                continue;
            }
            Map<String, Object> params = database != null ? databaseParams(f, database)
                    : Map.of("path", relativePath.apply(f));
            editor.addNode(type, at.getX() - NodeCard.WIDTH / 2, y, params, f.getName());
            y += 100;
            any = true;
        }
        return any;
    }

    /** Adds a node in the middle of what the canvas shows. */
    public String addAtCentre(String type, Map<String, Object> params, String label) {
        Point2D centre = viewport.toWorld(getWidth() / 2, getHeight() / 2);
        return editor.addNode(type, centre.getX() - NodeCard.WIDTH / 2, centre.getY() - 30, params, label);
    }

    /**
     * A dropped SQLite or DuckDB file's import: its URL (the file relative to the flow) and its largest table, the
     * others named in a note (the inspector's Table changes it).
     */
    private Map<String, Object> databaseParams(File f, io.tablewise.data.db.Dialect d) {
        String url = (d == io.tablewise.data.db.Dialect.SQLITE ? "jdbc:sqlite:" : "jdbc:duckdb:")
                + relativePath.apply(f);
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("connection", url);
        try {
            List<String> tables = io.tablewise.data.db.DatabaseReader.tables(new io.tablewise.data.db.ConnectionSpec(
                    f.getName(), (d == io.tablewise.data.db.Dialect.SQLITE ? "jdbc:sqlite:" : "jdbc:duckdb:")
                    + f.getAbsolutePath(), null, null));
            if (!tables.isEmpty()) {
                params.put("table", tables.get(0));
                if (tables.size() > 1) {
                    flash(Messages.get("canvas.dropTables", f.getName(), tables.size(), tables.get(0)));
                }
            }
        } catch (io.tablewise.node.NodeException e) {
            flash(e.getMessage());
        }
        return params;
    }

    private static boolean containsParquet(File folder) {
        try (var walk = java.nio.file.Files.walk(folder.toPath(), 4)) {
            return walk.anyMatch(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet"));
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private static String importer(File f) {
        String name = f.getName();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : IMPORTERS.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Bounds of the world area that is visible, for tests. */
    Bounds visibleWorld() {
        Point2D a = viewport.toWorld(0, 0);
        Point2D b = viewport.toWorld(getWidth(), getHeight());
        return new BoundingBox(a.getX(), a.getY(), b.getX() - a.getX(), b.getY() - a.getY());
    }
}
