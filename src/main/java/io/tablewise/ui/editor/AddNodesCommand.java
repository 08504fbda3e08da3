package io.tablewise.ui.editor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.tablewise.flow.Edge;
import io.tablewise.flow.Flow;
import io.tablewise.flow.NodeInstance;

/** Adds nodes (one from the palette, or a pasted group) with edges that touch them; undo removes them. */
public record AddNodesCommand(List<NodeInstance> nodes, List<Edge> edges, String description) implements FlowCommand {
    /** Copies the lists. */
    public AddNodesCommand {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    @Override
    public Flow apply(Flow flow) {
        List<NodeInstance> all = new ArrayList<>(flow.nodes());
        all.addAll(nodes);
        List<Edge> allEdges = new ArrayList<>(flow.edges());
        allEdges.addAll(edges);
        return new Flow(flow.name(), flow.description(), flow.parameters(), all, allEdges);
    }

    @Override
    public Flow revert(Flow flow) {
        Set<String> ids = new HashSet<>();
        nodes.forEach(n -> ids.add(n.id()));
        List<NodeInstance> kept = flow.nodes().stream().filter(n -> !ids.contains(n.id())).toList();
        List<Edge> keptEdges = flow.edges().stream().filter(e -> !edges.contains(e)).toList();
        return new Flow(flow.name(), flow.description(), flow.parameters(), kept, keptEdges);
    }
}
