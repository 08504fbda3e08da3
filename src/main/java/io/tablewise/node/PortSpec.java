package io.tablewise.node;

/**
 * A declared input or output port of a node type.
 *
 * @param name port name, unique among the node type's inputs (or outputs)
 * @param type the data type on the port
 * @param required for inputs: the node cannot run unless it is connected
 * @param help one line for the studio's tooltip
 */
public record PortSpec(String name, PortType type, boolean required, String help) {
    /** A required input or an output port. */
    public static PortSpec of(String name, PortType type, String help) {
        return new PortSpec(name, type, true, help);
    }

    /** An input the node can run without. */
    public static PortSpec optional(String name, PortType type, String help) {
        return new PortSpec(name, type, false, help);
    }
}
