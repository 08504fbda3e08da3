package io.tablewise.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import io.tablewise.flow.Edge;
import io.tablewise.flow.Flow;
import io.tablewise.flow.NodeInstance;

/** Small positional edits of a flow's node and edge lists, which {@link Flow}'s own helpers do not offer. */
final class FlowEdits {
    private FlowEdits() {
    }

    static Flow withNodes(Flow flow, List<NodeInstance> nodes) {
        return new Flow(flow.name(), flow.description(), flow.parameters(), nodes, flow.edges());
    }

    static Flow withEdges(Flow flow, List<Edge> edges) {
        return new Flow(flow.name(), flow.description(), flow.parameters(), flow.nodes(), edges);
    }

    static Flow replaceNode(Flow flow, String id, UnaryOperator<NodeInstance> change) {
        List<NodeInstance> nodes = new ArrayList<>(flow.nodes());
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).id().equals(id)) {
                nodes.set(i, change.apply(nodes.get(i)));
                return withNodes(flow, nodes);
            }
        }
        throw new IllegalStateException("no node '" + id + "' in the flow");
    }

    static int indexOfEdge(Flow flow, Edge edge) {
        return flow.edges().indexOf(edge);
    }
}
