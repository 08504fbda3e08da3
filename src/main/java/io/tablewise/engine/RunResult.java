package io.tablewise.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a run: overall status, the validation report, and a result for every node in the plan (in
 * topological order).
 *
 * @param status overall status
 * @param validation what validation found before the run
 * @param nodes node results by id, in plan order
 * @param seconds wall time of the run
 */
public record RunResult(Status status, ValidationReport validation, Map<String, NodeResult> nodes, double seconds) {
    /** Overall run status. */
    public enum Status {
        /** Every planned node is done. */
        OK,
        /** At least one node failed. */
        FAILED,
        /** The user cancelled. */
        CANCELLED,
        /** Validation found errors; nothing ran. */
        INVALID
    }

    /** Keeps the node order. */
    public RunResult {
        nodes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nodes));
    }

    /** The result of one node. */
    public Optional<NodeResult> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /** One output of one node, cast to its type. */
    public <T> T output(String nodeId, String port, Class<T> type) {
        NodeResult r = nodes.get(nodeId);
        if (r == null || !r.outputs().containsKey(port)) {
            throw new IllegalArgumentException("no output " + nodeId + "." + port + " in this run");
        }
        return type.cast(r.outputs().get(port));
    }

    /** Results of nodes that failed. */
    public List<NodeResult> failures() {
        return nodes.values().stream().filter(n -> n.state() == NodeState.FAILED).toList();
    }

    /** Why the run did not end well, in one line: its validation errors when invalid, else each failed node's error. */
    public String problems() {
        return status == Status.INVALID
                ? String.join("; ", validation.errors().stream().map(m -> m.format()).toList())
                : String.join("; ", failures().stream().map(r -> r.nodeId() + ": " + r.error()).toList());
    }
}
