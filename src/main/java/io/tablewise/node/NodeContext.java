package io.tablewise.node;

import java.nio.file.Path;

/**
 * What {@link NodeType#execute} sees: parameters, input data, and the monitor for progress, cancellation and
 * warnings. Long loops call {@link #checkCancelled()} often (at least every ~100 ms of work) so a cancel takes
 * effect within a second.
 */
public interface NodeContext {
    /** The node instance id. */
    String nodeId();

    /** Effective parameters. */
    NodeParams params();

    /** The data on a connected input port, or {@code null} when an optional port is not connected. */
    <T> T input(String port, Class<T> type);

    /**
     * The chain of single-input nodes that made the data on an input port (empty when unknown, e.g. in tests or
     * previews).
     */
    default Lineage lineage(String port) {
        return Lineage.NONE;
    }

    /**
     * The flow being run, as its file would hold it with this run's parameter values (JSON), for lineage: a
     * registered model keeps the flow that built it. Null where no flow runs (tests, previews).
     */
    default String flowDocument() {
        return null;
    }

    /** Resolves an input path parameter against the flow file's folder. */
    Path resolveInput(String relativeOrAbsolute);

    /** Resolves an output path parameter against the run's output folder (the flow's folder by default). */
    Path resolveOutput(String relativeOrAbsolute);

    /** Reports progress in [0, 1] with a short message. */
    void progress(double fraction, String message);

    /** True once the run is cancelled. */
    boolean isCancelled();

    /** Throws {@link CancelledException} if the run is cancelled. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /** Records a warning for the node (shown on the canvas and printed by the CLI). */
    void warn(String message);

    /** Records information about what the node did (e.g. the detected file format), shown in the node's log. */
    void info(String message);
}
