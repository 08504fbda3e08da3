package io.tablewise.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.tablewise.flow.Edge;
import io.tablewise.flow.Flow;
import io.tablewise.flow.NodeInstance;

/**
 * Deletes nodes and every edge touching them (and any extra edges chosen on their own). Remembers where each
 * removed node and edge stood, so undo puts them back in the same places.
 */
public final class RemoveNodesCommand implements FlowCommand {
    private final TreeMap<Integer, NodeInstance> removedNodes = new TreeMap<>();
    private final TreeMap<Integer, Edge> removedEdges = new TreeMap<>();

    /** Prepares the removal of {@code nodeIds} and {@code extraEdges} from {@code flow}. */
    public RemoveNodesCommand(Flow flow, Set<String> nodeIds, Set<Edge> extraEdges) {
        for (int i = 0; i < flow.nodes().size(); i++) {
            if (nodeIds.contains(flow.nodes().get(i).id())) {
                removedNodes.put(i, flow.nodes().get(i));
            }
        }
        for (int i = 0; i < flow.edges().size(); i++) {
            Edge e = flow.edges().get(i);
            if (nodeIds.contains(e.from().node()) || nodeIds.contains(e.to().node()) || extraEdges.contains(e)) {
                removedEdges.put(i, e);
            }
        }
    }

    /** True when there is nothing to remove. */
    public boolean isEmpty() {
        return removedNodes.isEmpty() && removedEdges.isEmpty();
    }

    @Override
    public Flow apply(Flow flow) {
        List<NodeInstance> nodes = flow.nodes().stream().filter(n -> !removedNodes.containsValue(n)).toList();
        List<Edge> edges = flow.edges().stream().filter(e -> !removedEdges.containsValue(e)).toList();
        return new Flow(flow.name(), flow.description(), flow.parameters(), nodes, edges);
    }

    @Override
    public Flow revert(Flow flow) {
        return new Flow(flow.name(), flow.description(), flow.parameters(), reinsert(flow.nodes(), removedNodes),
                reinsert(flow.edges(), removedEdges));
    }

    private static <T> List<T> reinsert(List<T> current, TreeMap<Integer, T> removed) {
        List<T> list = new ArrayList<>(current);
        for (Map.Entry<Integer, T> e : removed.entrySet()) {
            list.add(Math.min(e.getKey(), list.size()), e.getValue());
        }
        return list;
    }

    @Override
    public String description() {
        int n = removedNodes.size();
        return n == 0 ? "Delete connection" : n == 1 ? "Delete node" : "Delete " + n + " nodes";
    }
}
