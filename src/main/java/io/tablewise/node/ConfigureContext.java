package io.tablewise.node;

import java.nio.file.Path;
import java.util.Map;

/**
 * What {@link NodeType#configure} sees: the node's effective parameters and the schemas of its connected inputs
 * (a schema may be {@code null} when it cannot be known before running). Configure must be instant: it reads
 * no data beyond, at most, a file's first lines.
 */
public interface ConfigureContext {
    /** The node instance id, for messages. */
    String nodeId();

    /** Effective parameters. */
    NodeParams params();

    /** Schemas of connected table inputs by port name; a missing key or {@code null} value means unknown. */
    Map<String, TableSchema> inputSchemas();

    /** Resolves a path parameter against the flow file's folder. */
    Path resolveInput(String relativeOrAbsolute);
}
