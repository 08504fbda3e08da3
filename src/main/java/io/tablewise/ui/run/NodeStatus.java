package io.tablewise.ui.run;

import java.util.List;

/**
 * What a node's status light shows: its state, progress while running, and the message to put in its tooltip.
 *
 * @param light the light's colour and meaning
 * @param progress fraction done while running, else 0
 * @param message the error, warning or progress text ("" when there is nothing to say)
 * @param warnings the node's warnings from its last run and from validation
 */
public record NodeStatus(Light light, double progress, String message, List<String> warnings) {
    /** The states a node's light can show. */
    public enum Light {
        /** Never run. */
        IDLE,
        /** Ran, but something it depends on changed since. */
        STALE,
        /** Waiting for its inputs in a run. */
        QUEUED,
        /** Running now. */
        RUNNING,
        /** Ran; its results match the flow. */
        DONE,
        /** Ran, with warnings. */
        WARNING,
        /** Failed in the last run. */
        FAILED,
        /** Cannot run: its parameters or connections are wrong. */
        INVALID,
        /** On the branch a condition did not take in the last run. */
        NOT_TAKEN
    }

    /** Copies the list. */
    public NodeStatus {
        warnings = List.copyOf(warnings);
        message = message == null ? "" : message;
    }

    /** A status with no progress and no warnings. */
    public static NodeStatus of(Light light, String message) {
        return new NodeStatus(light, 0, message, List.of());
    }
}
