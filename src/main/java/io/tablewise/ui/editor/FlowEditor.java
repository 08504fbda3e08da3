package io.tablewise.ui.editor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

import io.tablewise.flow.Edge;
import io.tablewise.flow.Flow;
import io.tablewise.flow.NodeInstance;
import io.tablewise.flow.PortRef;
import io.tablewise.flow.UiPosition;
import io.tablewise.node.NodeDescriptor;
import io.tablewise.node.PortSpec;
import io.tablewise.node.registry.NodeRegistry;

/**
 * The canvas's view model: the flow being edited, the selection, undo/redo and the unsaved-changes mark. Every
 * edit goes through a {@link FlowCommand}; the views only observe {@link #flowProperty()} and call these methods,
 * so everything here is tested without a window.
 */
public final class FlowEditor {
    /** Canvas grid step; node positions snap to it. */
    public static final double GRID = 20;
    private static final double NEXT_NODE_GAP = 220;
    /** The room a card takes on the canvas with a margin (cards are 180 wide and about 60 high). */
    private static final double CARD_FOOTPRINT_WIDTH = 200;
    private static final double CARD_FOOTPRINT_HEIGHT = 100;
    /** Rows of a tidy layout, with room for cards whose label takes two or three lines. */
    private static final double TIDY_ROW = 120;

    private final NodeRegistry registry;
    private final Connections connections;
    private final UndoStack history = new UndoStack();
    private final ObjectProperty<Flow> flow = new SimpleObjectProperty<>(Flow.empty("Untitled"));
    private final ObservableSet<String> selection = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObjectProperty<Edge> selectedEdge = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final BooleanProperty canRedo = new SimpleBooleanProperty();
    private final StringProperty undoText = new SimpleStringProperty("");
    private final StringProperty redoText = new SimpleStringProperty("");

    /** An editor for flows made of {@code registry}'s node types. */
    public FlowEditor(NodeRegistry registry) {
        this.registry = registry;
        this.connections = new Connections(registry);
    }

    // ---- state ----

    /** The node types. */
    public NodeRegistry registry() {
        return registry;
    }

    /** The flow as it stands now. */
    public ReadOnlyObjectProperty<Flow> flowProperty() {
        return flow;
    }

    /** The flow as it stands now. */
    public Flow flow() {
        return flow.get();
    }

    /** Ids of the selected nodes, in the order they were selected. */
    public ObservableSet<String> selection() {
        return selection;
    }

    /** The selected edge (clicked on the canvas), or null. */
    public ObjectProperty<Edge> selectedEdgeProperty() {
        return selectedEdge;
    }

    /** The flow's file, or null for a flow never saved. */
    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    /** True when there are unsaved changes. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty;
    }

    /** True when there is something to undo. */
    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo;
    }

    /** True when there is something to redo. */
    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo;
    }

    /** What undo would take back, e.g. "Move node". */
    public StringProperty undoTextProperty() {
        return undoText;
    }

    /** What redo would do again. */
    public StringProperty redoTextProperty() {
        return redoText;
    }

    /** The descriptor of a node's type, if it is known to the registry. */
    public Optional<NodeDescriptor> descriptor(String nodeId) {
        return connections.descriptor(flow(), nodeId);
    }

    // ---- whole documents ----

    /** Replaces the document (new, open, restore): history and selection are cleared. */
    public void load(Flow newFlow, Path newFile, boolean unsaved) {
        selection.clear();
        selectedEdge.set(null);
        history.clear();
        file.set(newFile);
        flow.set(newFlow);
        if (unsaved) {
            history.markUnsaved();
        }
        refreshHistory();
    }

    /**
     * Takes a flow that differs from the current one only in ways the user did not make (data paths rewritten
     * for a new folder on save), keeping the history and the selection.
     */
    public void adopt(Flow adjusted) {
        flow.set(adjusted);
        pruneSelection();
    }

    /** Remembers that the current flow was saved to {@code savedTo}. */
    public void markSaved(Path savedTo) {
        file.set(savedTo);
        history.markSaved();
        refreshHistory();
    }

    // ---- edits ----

    /** Runs an edit and records it for undo. */
    public void execute(FlowCommand command) {
        execute(command, false);
    }

    private void execute(FlowCommand command, boolean mergeable) {
        flow.set(command.apply(flow()));
        history.push(command, mergeable);
        pruneSelection();
        refreshHistory();
    }

    /** Takes back the last edit. */
    public void undo() {
        history.undo().ifPresent(c -> flow.set(c.revert(flow())));
        pruneSelection();
        refreshHistory();
    }

    /** Makes the last undone edit again. */
    public void redo() {
        history.redo().ifPresent(c -> flow.set(c.apply(flow())));
        pruneSelection();
        refreshHistory();
    }

    /** Adds a node of the given type with its top-left corner at (x, y) (snapped); returns its id. */
    public String addNode(String typeId, double x, double y) {
        return addNode(typeId, x, y, Map.of(), null);
    }

    /** Adds a node with some parameters set and its own label (a file dropped on the canvas); returns its id. */
    public String addNode(String typeId, double x, double y, Map<String, Object> params, String label) {
        NodeInstance made = newNode(typeId, snap(x), snap(y));
        String id = label == null ? made.id() : NodeIds.fresh(label, nodeIds());
        NodeInstance node = new NodeInstance(id, made.type(), made.typeVersion(),
                label == null ? made.label() : label, params, made.ui());
        execute(new AddNodesCommand(List.of(node), List.of(), "Add " + node.label()));
        select(node.id(), false);
        return node.id();
    }

    /**
     * Adds a node beside the selected one and connects the selection's first output to the new node's first
     * compatible input (the palette's double-click); with nothing selected it goes below the other nodes.
     */
    public String addNodeConnected(String typeId) {
        Optional<NodeInstance> anchor = selection.stream().reduce((a, b) -> b).flatMap(flow()::node);
        double x = anchor.map(n -> n.ui().x() + NEXT_NODE_GAP).orElse(GRID * 2);
        double y = anchor.map(n -> n.ui().y()).orElseGet(() -> flow().nodes().stream()
                .mapToDouble(n -> n.ui().y() + 120).max().orElse(GRID * 2));
        UiPosition free = freePlace(snap(x), snap(y));
        NodeInstance node = newNode(typeId, free.x(), free.y());
        List<Edge> edges = new ArrayList<>();
        if (anchor.isPresent()) {
            Flow withNode = flow().withNode(node);
            firstCompatibleEdge(withNode, anchor.get().id(), node.id()).ifPresent(edges::add);
        }
        execute(new AddNodesCommand(List.of(node), edges, "Add " + node.label()));
        select(node.id(), false);
        return node.id();
    }

    /**
     * The first place at or below ({@code x}, {@code y}) where a new card overlaps no other: adding several nodes
     * beside one selected node stacks them downwards instead of exactly on top of each other.
     */
    UiPosition freePlace(double x, double y) {
        double top = y;
        boolean taken = true;
        while (taken) {
            double candidate = top;
            taken = flow().nodes().stream().anyMatch(n -> Math.abs(n.ui().x() - x) < CARD_FOOTPRINT_WIDTH
                    && Math.abs(n.ui().y() - candidate) < CARD_FOOTPRINT_HEIGHT);
            if (taken) {
                top += CARD_FOOTPRINT_HEIGHT;
            }
        }
        return new UiPosition(x, snap(top));
    }

    private Optional<Edge> firstCompatibleEdge(Flow f, String fromId, String toId) {
        NodeDescriptor from = connections.descriptor(f, fromId).orElse(null);
        NodeDescriptor to = connections.descriptor(f, toId).orElse(null);
        if (from == null || to == null) {
            return Optional.empty();
        }
        for (PortSpec out : from.outputs()) {
            for (PortSpec in : to.inputs()) {
                Edge e = new Edge(new PortRef(fromId, out.name()), new PortRef(toId, in.name()));
                if (connections.check(f, e).isEmpty()) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.empty();
    }

    private NodeInstance newNode(String typeId, double x, double y) {
        NodeDescriptor d = registry.find(typeId)
                .orElseThrow(() -> new IllegalArgumentException("unknown node type " + typeId)).descriptor();
        String id = NodeIds.fresh(d.name(), nodeIds());
        return new NodeInstance(id, d.id(), d.version(), d.name(), Map.of(), new UiPosition(x, y));
    }

    /** Empty when the edge may be drawn, else why not (for the refusal shown on the canvas). */
    public Optional<String> checkConnection(Edge edge) {
        return connections.check(flow(), edge);
    }

    /** Draws an edge; returns the reason when it is refused (and changes nothing). */
    public Optional<String> connect(Edge edge) {
        Optional<String> problem = checkConnection(edge);
        if (problem.isEmpty() && !flow().edges().contains(edge)) {
            execute(new ConnectCommand(flow(), edge));
        }
        return problem;
    }

    /** Removes one edge. */
    public void disconnect(Edge edge) {
        if (flow().edges().contains(edge)) {
            execute(new RemoveNodesCommand(flow(), Set.of(), Set.of(edge)));
        }
    }

    /** Deletes the selected nodes (with their edges) or, when no node is selected, the selected edge. */
    public void deleteSelection() {
        Set<Edge> edges = selectedEdge.get() == null ? Set.of() : Set.of(selectedEdge.get());
        RemoveNodesCommand remove = new RemoveNodesCommand(flow(), Set.copyOf(selection), edges);
        if (!remove.isEmpty()) {
            execute(remove);
        }
    }

    /** Moves nodes to new positions (snapped), as one undoable step; used when a drag ends. */
    public void moveNodes(Map<String, UiPosition> before, Map<String, UiPosition> after) {
        Map<String, UiPosition> snapped = new HashMap<>();
        after.forEach((id, p) -> snapped.put(id, new UiPosition(snap(p.x()), snap(p.y()))));
        boolean moved = snapped.entrySet().stream().anyMatch(e -> !e.getValue().equals(before.get(e.getKey())));
        if (moved) {
            execute(new MoveNodesCommand(before, snapped));
        } else {
            flow.set(new MoveNodesCommand(before, snapped).apply(flow()));
        }
    }

    /**
     * Lays the selected nodes out tidily (all nodes when fewer than two are selected), as one undoable step: columns
     * by depth along the edges between them (each node one column right of its deepest input), rows in each column
     * ordered by their inputs' rows, so edges run left to right with few crossings. The layout starts at the
     * selection's top-left corner.
     */
    public void tidy() {
        Set<String> chosen = selection.size() >= 2 ? Set.copyOf(selection)
                : flow().nodes().stream().map(NodeInstance::id).collect(java.util.stream.Collectors.toSet());
        if (chosen.size() < 2) {
            return;
        }
        Map<String, Integer> depth = new HashMap<>();
        List<String> order = new io.tablewise.flow.FlowGraph(flow()).topologicalOrder();
        for (String id : order) {
            if (!chosen.contains(id)) {
                continue;
            }
            int d = 0;
            for (Edge e : flow().edges()) {
                if (e.to().node().equals(id) && chosen.contains(e.from().node())) {
                    d = Math.max(d, depth.getOrDefault(e.from().node(), 0) + 1);
                }
            }
            depth.put(id, d);
        }
        double left = flow().nodes().stream().filter(n -> chosen.contains(n.id())).mapToDouble(n -> n.ui().x())
                .min().orElse(0);
        double top = flow().nodes().stream().filter(n -> chosen.contains(n.id())).mapToDouble(n -> n.ui().y())
                .min().orElse(0);
        Map<String, UiPosition> before = new HashMap<>();
        Map<String, UiPosition> after = new HashMap<>();
        Map<String, Double> row = new HashMap<>();
        int columns = depth.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        for (int c = 0; c <= columns; c++) {
            int column = c;
            // ordered by the mean row of their inputs (already placed), then by their current height
            List<String> here = order.stream().filter(id -> depth.get(id) != null && depth.get(id) == column)
                    .sorted(java.util.Comparator.comparingDouble((String id) -> meanInputRow(id, row))
                            .thenComparingDouble(id -> flow().node(id).orElseThrow().ui().y()))
                    .toList();
            for (int i = 0; i < here.size(); i++) {
                String id = here.get(i);
                row.put(id, (double) i);
                before.put(id, flow().node(id).orElseThrow().ui());
                after.put(id, new UiPosition(snap(left + c * NEXT_NODE_GAP), snap(top + i * TIDY_ROW)));
            }
        }
        moveNodes(before, after);
    }

    private double meanInputRow(String id, Map<String, Double> row) {
        return flow().edges().stream().filter(e -> e.to().node().equals(id) && row.containsKey(e.from().node()))
                .mapToDouble(e -> row.get(e.from().node())).average().orElse(Double.MAX_VALUE / 2);
    }

    /** Moves nodes during a drag without recording it (the drag's end records one step). */
    public void previewMove(Map<String, UiPosition> positions) {
        flow.set(new MoveNodesCommand(Map.of(), positions).apply(flow()));
    }

    /** Renames a node (its label; blank restores the type's name). */
    public void rename(String nodeId, String label) {
        NodeInstance n = flow().node(nodeId).orElseThrow();
        String newLabel = label == null || label.isBlank()
                ? descriptor(nodeId).map(NodeDescriptor::name).orElse(nodeId) : label.strip();
        if (!newLabel.equals(n.label())) {
            execute(new RenameNodeCommand(nodeId, n.label(), newLabel));
        }
    }

    /**
     * Sets a parameter ({@code null} clears it back to the default). Successive edits of the same field merge into
     * one undo step until {@link #endParamEdit()}.
     */
    public void setParam(String nodeId, String param, Object value) {
        NodeInstance n = flow().node(nodeId).orElseThrow();
        Object before = n.params().get(param);
        Object after = value == null ? null : io.tablewise.flow.ParamValues.copyValue(value);
        if (!java.util.Objects.equals(before, after)) {
            execute(new SetParamCommand(nodeId, param, before, after), true);
        }
    }

    /** The user left a parameter field: the next edit starts a new undo step. */
    public void endParamEdit() {
        history.breakMerge();
    }

    // ---- clipboard ----

    /** The selected nodes and the edges between them, as flow-file JSON for the clipboard. */
    public Optional<String> copySelection() {
        return FlowClipboard.copy(flow(), selection);
    }

    /** Pastes nodes copied before (with new ids when theirs are taken), offset so they do not hide the originals. */
    public boolean paste(String clipboardText) {
        Optional<AddNodesCommand> add = FlowClipboard.paste(clipboardText, nodeIds(), GRID * 2);
        add.ifPresent(cmd -> {
            execute(cmd);
            selection.clear();
            cmd.nodes().forEach(n -> selection.add(n.id()));
        });
        return add.isPresent();
    }

    // ---- selection ----

    /** Selects a node; {@code additive} (shift-click) toggles it in the current selection. */
    public void select(String nodeId, boolean additive) {
        selectedEdge.set(null);
        if (!additive) {
            selection.clear();
            selection.add(nodeId);
        } else if (!selection.remove(nodeId)) {
            selection.add(nodeId);
        }
    }

    /** Replaces the selection (rubber band). */
    public void selectOnly(Collection<String> nodeIds) {
        selectedEdge.set(null);
        selection.retainAll(nodeIds);
        selection.addAll(nodeIds);
    }

    /** Selects every node. */
    public void selectAll() {
        selectOnly(nodeIds());
    }

    /** Selects an edge (and no node). */
    public void selectEdge(Edge edge) {
        selection.clear();
        selectedEdge.set(edge);
    }

    /** Selects nothing. */
    public void clearSelection() {
        selection.clear();
        selectedEdge.set(null);
    }

    // ---- helpers ----

    /** Snaps a coordinate to the grid. */
    public static double snap(double v) {
        return Math.round(v / GRID) * GRID;
    }

    private Set<String> nodeIds() {
        return flow().nodes().stream().map(NodeInstance::id).collect(Collectors.toCollection(HashSet::new));
    }

    private void pruneSelection() {
        Set<String> ids = nodeIds();
        selection.retainAll(ids);
        if (selectedEdge.get() != null && !flow().edges().contains(selectedEdge.get())) {
            selectedEdge.set(null);
        }
    }

    private void refreshHistory() {
        dirty.set(history.isDirty());
        canUndo.set(history.undoDescription().isPresent());
        canRedo.set(history.redoDescription().isPresent());
        undoText.set(history.undoDescription().orElse(""));
        redoText.set(history.redoDescription().orElse(""));
    }
}
