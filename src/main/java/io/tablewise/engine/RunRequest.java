package io.tablewise.engine;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import io.tablewise.flow.Flow;

/**
 * What to run.
 *
 * @param flow the flow
 * @param flowDir folder that relative input paths are resolved against (the flow file's folder)
 * @param outputDir folder that relative output paths are resolved against (the flow's folder by default)
 * @param overrides flow parameter overrides as text (e.g. from {@code --param NAME=VALUE})
 * @param targets nodes to bring up to date with their upstream; empty for all nodes
 * @param paths where the flow may read and write (by default its own folder and the output folder)
 */
public record RunRequest(Flow flow, Path flowDir, Path outputDir, Map<String, String> overrides, Set<String> targets,
                         PathPolicy paths, boolean keepGoing) {
    /** Copies the collections and fills in defaults. */
    public RunRequest {
        outputDir = outputDir == null ? flowDir : outputDir;
        overrides = Map.copyOf(overrides == null ? Map.of() : overrides);
        targets = Set.copyOf(targets == null ? Set.of() : targets);
        paths = paths == null ? PathPolicy.of(flowDir, null, outputDir) : paths.withOutputDir(outputDir);
    }

    /** A request that reads and writes only inside the flow's folder and the output folder. */
    public RunRequest(Flow flow, Path flowDir, Path outputDir, Map<String, String> overrides, Set<String> targets) {
        this(flow, flowDir, outputDir, overrides, targets, null);
    }

    /** A request that refuses a flow with any validation error (the command line's default). */
    public RunRequest(Flow flow, Path flowDir, Path outputDir, Map<String, String> overrides, Set<String> targets,
                      PathPolicy paths) {
        this(flow, flowDir, outputDir, overrides, targets, paths, false);
    }

    /**
     * The same request, but when {@code keepGoing} a node with validation errors does not stop the run: it fails
     * with its errors, the nodes after it are skipped, and everything else runs (the studio; {@code --keep-going}).
     */
    public RunRequest keepingGoing(boolean keepGoing) {
        return new RunRequest(flow, flowDir, outputDir, overrides, targets, paths, keepGoing);
    }

    /** Runs every node of a flow, reading and writing beside it. */
    public static RunRequest all(Flow flow, Path flowDir) {
        return new RunRequest(flow, flowDir, flowDir, Map.of(), Set.of());
    }
}
