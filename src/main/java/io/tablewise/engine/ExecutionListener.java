package io.tablewise.engine;

/**
 * Observes a run. Called from engine threads (never the JavaFX thread): the studio hops to its own thread. All
 * methods have empty defaults.
 */
public interface ExecutionListener {
    /** A listener that ignores everything. */
    ExecutionListener NONE = new ExecutionListener() {
    };

    /** A node changed state; {@code result} is set for final states (done, failed, skipped, cancelled). */
    default void nodeStateChanged(String nodeId, NodeState state, NodeResult result) {
    }

    /** A running node reported progress in [0, 1]. */
    default void nodeProgress(String nodeId, double fraction, String message) {
    }

    /** A running node reported a warning. */
    default void nodeWarning(String nodeId, String message) {
    }

    /** The run finished (in any way). */
    default void runFinished(RunResult result) {
    }
}
