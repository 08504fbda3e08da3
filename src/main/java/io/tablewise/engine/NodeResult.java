package io.tablewise.engine;

import java.util.List;
import java.util.Map;

import io.tablewise.node.NodeMessage;

/**
 * The outcome of one node in a run.
 *
 * @param nodeId node id
 * @param state final state
 * @param outputs output data by port name (empty unless done)
 * @param seconds wall time spent executing (0 when served from the cache)
 * @param messages warnings and the failure message, if any
 * @param fromCache true when the outputs came from the cache
 * @param fingerprint the fingerprint the outputs belong to ({@code null} if none could be computed)
 */
public record NodeResult(String nodeId, NodeState state, Map<String, Object> outputs, double seconds,
                         List<NodeMessage> messages, boolean fromCache, String fingerprint) {
    /** Copies the collections. */
    public NodeResult {
        outputs = Map.copyOf(outputs);
        messages = List.copyOf(messages);
    }

    /** The first error message, or {@code null}. */
    public String error() {
        return messages.stream().filter(NodeMessage::isError).map(NodeMessage::text).findFirst().orElse(null);
    }

    /** The warnings. */
    public List<NodeMessage> warnings() {
        return messages.stream().filter(m -> m.severity() == NodeMessage.Severity.WARNING).toList();
    }
}
