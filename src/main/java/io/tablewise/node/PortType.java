package io.tablewise.node;

import tech.tablesaw.api.Table;

/**
 * The kind of data that travels along an edge. An output port connects only to an input port of the same type.
 *
 * @param id stable id used in descriptors and messages
 * @param displayName what the studio shows
 * @param dataClass the Java class of the values on such a port
 */
public record PortType(String id, String displayName, Class<?> dataClass) {
    /** A Tablesaw table. */
    public static final PortType TABLE = new PortType("table", "Table", Table.class);

    /** True if data of type {@code output} can flow into a port of this type. */
    public boolean accepts(PortType output) {
        return id.equals(output.id());
    }
}
