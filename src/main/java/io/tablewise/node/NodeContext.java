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

    /**
     * The outputs of a node upstream of this one in this run, by port; null when {@code nodeId} is not upstream or did
     * not run (a pipeline condition reads the metrics of the models built before it).
     */
    default java.util.Map<String, Object> upstreamOutputs(String nodeId) {
        return null;
    }

    /**
     * The effective parameters (flow parameters substituted) of another node of the running flow, or null when it has
     * none: a pipeline condition reads the registry and group of the registration after it.
     */
    default NodeParams paramsOf(String nodeId) {
        return null;
    }

    /**
     * Something the engine running the node offers it ({@code null}: nothing of that kind), e.g. a model build's
     * final trainer on Spark.
     */
    default <T> T service(Class<T> type) {
        return null;
    }

    /** The ids of the nodes upstream of this one. */
    default java.util.List<String> upstreamNodes() {
        return java.util.List.of();
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
