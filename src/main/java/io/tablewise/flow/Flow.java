package io.tablewise.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable flow: its name and description, named parameters (values a run may override and node
 * parameters may reference as {@code "${name}"}), its nodes in file order and its edges. Every edit returns a new
 * flow, which is what makes undo in the studio and caching in the engine simple.
 *
 * @param name display name
 * @param description free text
 * @param parameters named run parameters with their default values
 * @param nodes node instances in file order
 * @param edges connections in file order
 */
public record Flow(String name, String description, Map<String, Object> parameters, List<NodeInstance> nodes,
                   List<Edge> edges) {
    /** Creates a flow, copying the collections. */
    public Flow {
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        parameters = ParamValues.copyOf(parameters);
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** An empty flow with a name. */
    public static Flow empty(String name) {
        return new Flow(name, "", Map.of(), List.of(), List.of());
    }

    /** The node with this id, if any. */
    public Optional<NodeInstance> node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    /** Edges that end at the given node. */
    public List<Edge> incoming(String nodeId) {
        return edges.stream().filter(e -> e.to().node().equals(nodeId)).toList();
    }

    /** Edges that start at the given node. */
    public List<Edge> outgoing(String nodeId) {
        return edges.stream().filter(e -> e.from().node().equals(nodeId)).toList();
    }

    /** Returns a copy with the node added at the end (its id must be new). */
    public Flow withNode(NodeInstance node) {
        if (node(node.id()).isPresent()) {
            throw new IllegalArgumentException("a node with id '" + node.id() + "' already exists");
        }
        List<NodeInstance> copy = new ArrayList<>(nodes);
        copy.add(node);
        return new Flow(name, description, parameters, copy, edges);
    }

    /** Returns a copy with the node of the same id replaced. */
    public Flow withReplacedNode(NodeInstance node) {
        List<NodeInstance> copy = new ArrayList<>(nodes);
        int index = indexOf(node.id());
        copy.set(index, node);
        return new Flow(name, description, parameters, copy, edges);
    }

    /** Returns a copy without the node and without every edge touching it. */
    public Flow withoutNode(String nodeId) {
        List<NodeInstance> copy = new ArrayList<>(nodes);
        copy.remove(indexOf(nodeId));
        List<Edge> keptEdges = edges.stream()
                .filter(e -> !e.from().node().equals(nodeId) && !e.to().node().equals(nodeId))
                .toList();
        return new Flow(name, description, parameters, copy, keptEdges);
    }

    /** Returns a copy with the edge added (an input port takes one edge: an existing one into it is replaced). */
    public Flow withEdge(Edge edge) {
        List<Edge> copy = new ArrayList<>(edges.stream().filter(e -> !e.to().equals(edge.to())).toList());
        copy.add(edge);
        return new Flow(name, description, parameters, nodes, copy);
    }

    /** Returns a copy without the edge. */
    public Flow withoutEdge(Edge edge) {
        return new Flow(name, description, parameters, nodes, edges.stream().filter(e -> !e.equals(edge)).toList());
    }

    /** Returns a copy with other parameter defaults. */
    public Flow withParameters(Map<String, Object> newParameters) {
        return new Flow(name, description, newParameters, nodes, edges);
    }

    private int indexOf(String nodeId) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).id().equals(nodeId)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no node with id '" + Objects.requireNonNull(nodeId) + "'");
    }
}
