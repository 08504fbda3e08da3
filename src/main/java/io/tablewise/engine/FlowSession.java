package io.tablewise.engine;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tablewise.flow.Flow;
import io.tablewise.flow.NodeInstance;
import io.tablewise.node.registry.NodeRegistry;

/**
 * A flow being edited, with the last result of each node: the studio's view of node states. After an edit a
 * node whose fingerprint no longer matches its last result is {@link NodeState#STALE}; one never run is
 * {@link NodeState#IDLE}. Running goes through the executor, whose cache makes re-runs recompute only what is
 * stale.
 */
public final class FlowSession {
    private final FlowExecutor executor;
    private final NodeRegistry registry;
    private final Path flowDir;
    private final Map<String, NodeResult> lastResults = new HashMap<>();
    /** Results kept on disk beside the flow, so a reopened flow shows them without running again. */
    private final ResultStore store;
    /** Writes results to the store one at a time, off the run's threads. */
    private final java.util.concurrent.ExecutorService saver = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "tablewise-result-store");
                t.setDaemon(true);
                return t;
            });
    private Flow flow;
    private Map<String, String> currentFingerprints = Map.of();
    private PathPolicy paths;

    /** A session on a flow whose file lives in {@code flowDir}. */
    public FlowSession(FlowExecutor executor, NodeRegistry registry, Flow flow, Path flowDir) {
        this.executor = executor;
        this.registry = registry;
        this.flowDir = flowDir;
        this.paths = PathPolicy.within(flowDir);
        this.store = ResultStore.in(flowDir);
        setFlow(flow);
    }

    /** The store of results beside the flow. */
    public ResultStore store() {
        return store;
    }

    /** Waits until the results of finished nodes are on disk (for tests and before a Save As copies them). */
    public void awaitStored() throws InterruptedException {
        try {
            saver.submit(() -> { }).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Waits at most {@code millis} for the results of finished nodes to reach the disk (closing the studio: what was
     * computed is kept for next time, but a window never hangs on it). True when everything was written.
     */
    public boolean awaitStored(long millis) {
        try {
            saver.submit(() -> { }).get(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The current fingerprint of each node that has one (a valid node whose inputs are known). */
    public synchronized Map<String, String> fingerprints() {
        return Map.copyOf(currentFingerprints);
    }

    /**
     * Takes up results kept on disk for nodes whose fingerprint matches and that have none in this session: after a
     * reopen (or an undo back to an earlier state) they show at once, and a run reuses them.
     */
    private void restore() {
        for (NodeInstance n : flow.nodes()) {
            String fp = currentFingerprints.get(n.id());
            NodeResult last = lastResults.get(n.id());
            if (fp == null || (last != null && fp.equals(last.fingerprint()))) {
                continue;
            }
            store.load(fp, n.id()).ifPresent(kept -> {
                lastResults.put(n.id(), new NodeResult(n.id(), NodeState.DONE, kept.outputs(), 0, kept.messages(),
                        true, fp));
                boolean sideEffects = registry.find(n.type()).map(t -> t.hasSideEffects()).orElse(true);
                if (!sideEffects) {
                    executor.cache().put(fp, kept.outputs());
                }
            });
        }
    }

    /** Where runs of this session may read and write (the studio adds the files and folders the user allowed). */
    public synchronized void setPaths(PathPolicy policy) {
        this.paths = policy;
        this.currentFingerprints = fingerprints(flow);
    }

    /** Where runs of this session may read and write. */
    public synchronized PathPolicy paths() {
        return paths;
    }

    /** The current flow. */
    public synchronized Flow flow() {
        return flow;
    }

    /** Replaces the flow after an edit and recomputes which nodes are stale. */
    public synchronized void setFlow(Flow edited) {
        this.flow = edited;
        this.currentFingerprints = fingerprints(edited);
        lastResults.keySet().removeIf(id -> edited.node(id).isEmpty());
        restore();
    }

    /** Runs the given nodes (all when empty) with their upstream, and records the results. */
    public RunHandle run(Set<String> targets, ExecutionListener listener) throws InvalidParameterException {
        Flow snapshot = flow();
        ExecutionListener recording = new ExecutionListener() {
            @Override
            public void nodeStateChanged(String nodeId, NodeState state, NodeResult result) {
                if (result != null && state == NodeState.DONE) {
                    record(snapshot, result);
                }
                listener.nodeStateChanged(nodeId, state, result);
            }

            @Override
            public void nodeProgress(String nodeId, double fraction, String message) {
                listener.nodeProgress(nodeId, fraction, message);
            }

            @Override
            public void nodeWarning(String nodeId, String message) {
                listener.nodeWarning(nodeId, message);
            }

            @Override
            public void runFinished(RunResult result) {
                listener.runFinished(result);
            }
        };
        // the studio runs what can run: one unconfigured node must not block the rest of the flow
        return executor.start(new RunRequest(snapshot, flowDir, flowDir, Map.of(), targets, paths()).keepingGoing(true),
                recording);
    }

    private synchronized void record(Flow ranOn, NodeResult result) {
        if (ranOn == flow || flow.node(result.nodeId()).isPresent()) {
            lastResults.put(result.nodeId(), result);
        }
        if (result.fingerprint() != null) { // a result already kept is not written again
            saver.execute(() -> store.save(result.fingerprint(), result.outputs(), result.messages()));
        }
    }

    /** Each node's state: done (results match the current flow), stale, or idle. */
    public synchronized Map<String, NodeState> states() {
        Map<String, NodeState> states = new LinkedHashMap<>();
        for (NodeInstance n : flow.nodes()) {
            NodeResult last = lastResults.get(n.id());
            if (last == null) {
                states.put(n.id(), NodeState.IDLE);
            } else if (last.fingerprint() != null && last.fingerprint().equals(currentFingerprints.get(n.id()))) {
                states.put(n.id(), NodeState.DONE);
            } else {
                states.put(n.id(), NodeState.STALE);
            }
        }
        return states;
    }

    /** The last result of a node, if it has one (it may be stale). */
    public synchronized Optional<NodeResult> lastResult(String nodeId) {
        return Optional.ofNullable(lastResults.get(nodeId));
    }

    private Map<String, String> fingerprints(Flow f) {
        try {
            ValidationReport report = executor.validate(f, paths == null ? PathPolicy.within(flowDir) : paths,
                    Map.of());
            return Fingerprints.compute(f, report, registry, flowDir);
        } catch (InvalidParameterException e) {
            return Map.of();
        }
    }
}
