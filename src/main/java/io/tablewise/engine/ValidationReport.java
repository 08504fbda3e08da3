package io.tablewise.engine;

import java.util.List;
import java.util.Map;

import io.tablewise.node.NodeMessage;
import io.tablewise.node.NodeParams;
import io.tablewise.node.TableSchema;

/**
 * What validation found: messages (errors block a run), each valid node's effective parameters, and the output
 * schemas that configure computed (for column pickers and downstream checks).
 *
 * @param messages errors and warnings, each naming the node and parameter
 * @param params effective parameters of nodes whose parameters are valid
 * @param schemas output schemas by node id, then port name
 * @param paths every file the flow will read or write, allowed or not, in flow order
 */
public record ValidationReport(List<NodeMessage> messages, Map<String, NodeParams> params,
                               Map<String, Map<String, TableSchema>> schemas, List<PathUse> paths) {
    /** Copies the collections. */
    public ValidationReport {
        messages = List.copyOf(messages);
        params = Map.copyOf(params);
        schemas = Map.copyOf(schemas);
        paths = List.copyOf(paths);
    }

    /** A report that lists no paths. */
    public ValidationReport(List<NodeMessage> messages, Map<String, NodeParams> params,
                            Map<String, Map<String, TableSchema>> schemas) {
        this(messages, params, schemas, List.of());
    }

    /**
     * One path a node reads or writes.
     *
     * @param nodeId the node
     * @param param the parameter that names it
     * @param write true for a file the node writes
     * @param path the path resolved against the flow's folder (or the output folder for writes)
     * @param refusal why the path policy refuses it, or {@code null} when it is allowed
     */
    public record PathUse(String nodeId, String param, boolean write, java.nio.file.Path path, String refusal) {
        /** True when the policy allows it. */
        public boolean allowed() {
            return refusal == null;
        }
    }

    /** True when nothing blocks a run. */
    public boolean isValid() {
        return errors().isEmpty();
    }

    /** The error messages. */
    public List<NodeMessage> errors() {
        return messages.stream().filter(NodeMessage::isError).toList();
    }

    /** Messages about one node. */
    public List<NodeMessage> messagesFor(String nodeId) {
        return messages.stream().filter(m -> nodeId.equals(m.nodeId())).toList();
    }

    /** True if the node itself has an error. */
    public boolean hasErrors(String nodeId) {
        return messagesFor(nodeId).stream().anyMatch(NodeMessage::isError);
    }
}
