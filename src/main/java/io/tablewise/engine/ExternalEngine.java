package io.tablewise.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Consumer;

import io.tablewise.flow.Flow;

/**
 * An engine other than the embedded one that runs whole flows (Apache Spark), found with a service loader when its
 * jar is on the class path. It depends on this engine, never the other way round: the embedded engine validates the
 * flow and the other carries it out, refusing at validation any node it has no implementation for, by name.
 */
public interface ExternalEngine {
    /** Its name on the command line ({@code --engine spark}). */
    String name();

    /** Runs a flow; problems that stop it before any work (unsupported nodes) come back in the outcome. */
    Outcome run(Request request, Consumer<String> progress) throws InterruptedException;

    /**
     * What to run.
     *
     * @param flow the flow
     * @param flowDir the flow file's folder (relative data paths start there)
     * @param outputDir where the flow's outputs go
     * @param parameters flow parameter overrides
     * @param settings the engine's own settings ({@code master}, and {@code conf.KEY} for each {@code --conf})
     * @param policy which paths the flow may read and write
     */
    record Request(Flow flow, Path flowDir, Path outputDir, Map<String, String> parameters,
                   Map<String, String> settings, PathPolicy policy) {
        /** Copies the maps. */
        public Request {
            parameters = Map.copyOf(parameters);
            settings = Map.copyOf(settings);
        }
    }

    /**
     * How a run ended.
     *
     * @param refusals why the flow could not start (each names its node); empty when it ran
     * @param nodes what each node did, in the order they ran
     * @param failure why the run stopped part way (null when it did not)
     */
    record Outcome(List<String> refusals, List<NodeOutcome> nodes, String failure) {
        /** Copies the lists. */
        public Outcome {
            refusals = List.copyOf(refusals);
            nodes = List.copyOf(nodes);
        }

        /** True when it ran to the end. */
        public boolean ok() {
            return refusals.isEmpty() && failure == null;
        }
    }

    /**
     * One node's part.
     *
     * @param node the node id
     * @param type its type
     * @param note what it did, in words ("read 6,000 rows", "learned: {...}")
     */
    record NodeOutcome(String node, String type, String note) {
    }

    /** The engine of that name on the class path, if any. */
    static Optional<ExternalEngine> find(String name) {
        for (ExternalEngine e : ServiceLoader.load(ExternalEngine.class)) {
            if (e.name().equalsIgnoreCase(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
