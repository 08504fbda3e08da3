package io.tablewise.ui.editor;

import java.util.Optional;

import io.tablewise.flow.Edge;
import io.tablewise.flow.Flow;
import io.tablewise.flow.FlowGraph;
import io.tablewise.flow.NodeInstance;
import io.tablewise.node.NodeDescriptor;
import io.tablewise.node.PortSpec;
import io.tablewise.node.registry.NodeRegistry;

/** Decides whether an edge may be drawn, and says why not: the canvas refuses visibly with this reason. */
public final class Connections {
    private final NodeRegistry registry;

    /** Checks against the node types of {@code registry}. */
    public Connections(NodeRegistry registry) {
        this.registry = registry;
    }

    /** Empty when {@code edge} may be added to {@code flow}, else the reason it may not. */
    public Optional<String> check(Flow flow, Edge edge) {
        if (edge.from().node().equals(edge.to().node())) {
            return Optional.of("A node cannot feed itself.");
        }
        Optional<PortSpec> out = descriptor(flow, edge.from().node()).flatMap(d -> d.output(edge.from().port()));
        Optional<PortSpec> in = descriptor(flow, edge.to().node()).flatMap(d -> d.input(edge.to().port()));
        if (out.isEmpty() || in.isEmpty()) {
            return Optional.of("Unknown port.");
        }
        if (!in.get().type().accepts(out.get().type())) {
            return Optional.of("A " + out.get().type().displayName() + " output cannot go into a "
                    + in.get().type().displayName() + " input.");
        }
        if (new FlowGraph(flow.withEdge(edge)).findCycle().isPresent()) {
            return Optional.of("This connection would make a loop.");
        }
        return Optional.empty();
    }

    /** The descriptor of a node's type, if the type is known. */
    public Optional<NodeDescriptor> descriptor(Flow flow, String nodeId) {
        return flow.node(nodeId).map(NodeInstance::type).flatMap(registry::find).map(t -> t.descriptor());
    }
}
