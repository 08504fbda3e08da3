package io.tablewise.flow;

import java.util.Objects;

/**
 * One end of an edge: a node id and the name of one of its ports.
 *
 * @param node the node instance id
 * @param port the port name as declared by the node type
 */
public record PortRef(String node, String port) {
    /** Creates a port reference; both parts are required. */
    public PortRef {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(port, "port");
    }

    @Override
    public String toString() {
        return node + "." + port;
    }
}
