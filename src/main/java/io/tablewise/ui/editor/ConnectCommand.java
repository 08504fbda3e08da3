package io.tablewise.ui.editor;

import java.util.ArrayList;
import java.util.List;

import io.tablewise.flow.Edge;
import io.tablewise.flow.Flow;

/**
 * Connects an output port to an input port. An input takes one edge, so an edge already arriving there is
 * replaced; undo restores it where it stood.
 */
public final class ConnectCommand implements FlowCommand {
    private final Edge edge;
    private final Edge replaced;
    private final int replacedIndex;

    /** Prepares connecting {@code edge} in {@code flow}. */
    public ConnectCommand(Flow flow, Edge edge) {
        this.edge = edge;
        Edge old = null;
        int index = -1;
        for (int i = 0; i < flow.edges().size(); i++) {
            if (flow.edges().get(i).to().equals(edge.to())) {
                old = flow.edges().get(i);
                index = i;
            }
        }
        this.replaced = old;
        this.replacedIndex = index;
    }

    /** The new edge. */
    public Edge edge() {
        return edge;
    }

    @Override
    public Flow apply(Flow flow) {
        return flow.withEdge(edge);
    }

    @Override
    public Flow revert(Flow flow) {
        List<Edge> edges = new ArrayList<>(flow.edges());
        edges.remove(edge);
        if (replaced != null) {
            edges.add(Math.min(replacedIndex, edges.size()), replaced);
        }
        return FlowEdits.withEdges(flow, edges);
    }

    @Override
    public String description() {
        return "Connect";
    }
}
