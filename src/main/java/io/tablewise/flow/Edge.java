package io.tablewise.flow;

import java.util.Objects;

/**
 * A directed connection from an output port of one node to an input port of another.
 *
 * @param from the producing output port
 * @param to the consuming input port
 */
public record Edge(PortRef from, PortRef to) {
    /** Creates an edge; both ends are required. */
    public Edge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** Shorthand for {@code new Edge(new PortRef(fromNode, fromPort), new PortRef(toNode, toPort))}. */
    public static Edge of(String fromNode, String fromPort, String toNode, String toPort) {
        return new Edge(new PortRef(fromNode, fromPort), new PortRef(toNode, toPort));
    }

    @Override
    public String toString() {
        return from + " -> " + to;
    }
}
