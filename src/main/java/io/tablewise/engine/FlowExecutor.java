package io.tablewise.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.tablewise.flow.Edge;
import io.tablewise.flow.Flow;
import io.tablewise.flow.FlowGraph;
import io.tablewise.flow.NodeInstance;
import io.tablewise.node.NodeMessage;
import io.tablewise.node.Lineage;
import io.tablewise.node.NodeParams;
import io.tablewise.node.NodeType;
import io.tablewise.node.TablesawInit;
import io.tablewise.node.registry.NodeRegistry;

/**
 * Runs flows: validates, plans (the targets and everything upstream), then executes nodes in topological order,
 * independent branches in parallel on a bounded pool. Results are served from the {@link ResultCache} when the
 * fingerprint matches, so after one change only what is downstream of it runs again. A failed node skips its
 * downstream but independent branches go on. Cancelling stops running nodes within a second.
 */
public final class FlowExecutor implements AutoCloseable {
    private final NodeRegistry registry;
    private final ResultCache cache;
    private final ExecutorService pool;
    private final FlowValidator validator;

    /** An executor with a pool of {@code parallelism} worker threads. */
    public FlowExecutor(NodeRegistry registry, ResultCache cache, int parallelism) {
        TablesawInit.ensure();
        this.registry = registry;
        this.cache = cache;
        this.validator = new FlowValidator(registry);
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "tablewise-node-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(Math.max(1, parallelism), threads);
    }

    /** An executor for the built-in nodes with a pool sized to the machine (at most 4 threads). */
    public static FlowExecutor createDefault() {
        int threads = Math.min(4, Math.max(1, Runtime.getRuntime().availableProcessors()));
        return new FlowExecutor(NodeRegistry.builtIn(), new ResultCache(64), threads);
    }

    /** The cache this executor uses. */
    public ResultCache cache() {
        return cache;
    }

    /** Runs and waits for the result. */
    public RunResult run(RunRequest request, ExecutionListener listener) throws InvalidParameterException,
            InterruptedException {
        return start(request, listener).await();
    }

    /** Starts a run on a coordinator thread and returns at once. */
    public RunHandle start(RunRequest request, ExecutionListener listener) throws InvalidParameterException {
        Map<String, Object> parameters = ParameterResolver.effectiveParameters(request.flow(), request.overrides());
        RunHandle handle = new RunHandle();
        Thread coordinator = new Thread(() -> {
            try {
                RunResult result = new Run(request, parameters, listener, handle).execute();
                listener.runFinished(result);
                handle.complete(result);
            } catch (RuntimeException | Error e) {
                handle.fail(e);
            }
        }, "tablewise-run");
        coordinator.setDaemon(true);
        coordinator.start();
        return handle;
    }

    /** Validates without running. */
    public ValidationReport validate(Flow flow, java.nio.file.Path flowDir, Map<String, String> overrides)
            throws InvalidParameterException {
        return validator.validate(flow, flowDir, ParameterResolver.effectiveParameters(flow, overrides));
    }

    /** Validates without running, checking paths against a policy. */
    public ValidationReport validate(Flow flow, PathPolicy paths, Map<String, String> overrides)
            throws InvalidParameterException {
        return validator.validate(flow, paths, ParameterResolver.effectiveParameters(flow, overrides));
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** The state of one run, owned by the coordinator thread. */
    private final class Run {
        private final RunRequest request;
        private final Map<String, Object> parameters;
        private final ExecutionListener listener;
        private final RunHandle handle;
        private final Map<String, NodeResult> results = new LinkedHashMap<>();
        private final Map<String, Future<?>> running = new HashMap<>();
        private final Map<String, Thread> workers = new java.util.concurrent.ConcurrentHashMap<>();
        private final BlockingQueue<NodeResult> finished = new LinkedBlockingQueue<>();
        private final long start = System.nanoTime();
        private Set<java.nio.file.Path> protectedInputs = Set.of();
        private final Map<String, NodeInstance> nodesById = new HashMap<>();
        private final Map<String, List<Edge>> incomingByNode = new HashMap<>();

        Run(RunRequest request, Map<String, Object> parameters, ExecutionListener listener, RunHandle handle) {
            // looked up for every node and every lineage step: indexed once, not searched each time
            for (NodeInstance n : request.flow().nodes()) {
                nodesById.put(n.id(), n);
            }
            for (Edge e : request.flow().edges()) {
                incomingByNode.computeIfAbsent(e.to().node(), k -> new ArrayList<>()).add(e);
            }
            this.request = request;
            this.parameters = parameters;
            this.listener = listener;
            this.handle = handle;
        }

        RunResult execute() {
            Flow flow = request.flow();
            ValidationReport report = validator.validate(flow, request.paths(), parameters);
            protectedInputs = report.paths().stream().filter(u -> !u.write() && u.allowed())
                    .map(u -> PathPolicy.realOf(u.path())).collect(java.util.stream.Collectors.toSet());
            // errors of the flow as a whole (a cycle, an edge to nowhere) always stop it; a node's own errors stop it
            // unless the request keeps going
            boolean flowErrors = report.errors().stream().anyMatch(m -> m.nodeId() == null
                    || !nodesById.containsKey(m.nodeId()));
            if (!report.isValid() && (!request.keepGoing() || flowErrors)) {
                return new RunResult(RunResult.Status.INVALID, report, Map.of(), elapsed());
            }
            FlowGraph graph = new FlowGraph(flow);
            Set<String> planned = request.targets().isEmpty()
                    ? new java.util.LinkedHashSet<>(graph.topologicalOrder()) : graph.withUpstream(request.targets());
            List<String> order = graph.topologicalOrder().stream().filter(planned::contains).toList();
            Map<String, String> fingerprints = Fingerprints.compute(flow, report, registry, request.flowDir());
            List<String> pending = new ArrayList<>(order);
            pending.forEach(id -> listener.nodeStateChanged(id, NodeState.QUEUED, null));
            for (String id : order) { // only when keeping going: a node that cannot run fails with its reasons
                if (report.hasErrors(id)) {
                    pending.remove(id);
                    finish(new NodeResult(id, NodeState.FAILED, Map.of(), 0, report.messagesFor(id), false, null));
                }
            }
            handle.onCancel(this::interruptRunning);
            while (!pending.isEmpty() || !running.isEmpty()) {
                if (!handle.isCancelled()) {
                    startReady(pending, graph, report, fingerprints);
                }
                if (running.isEmpty()) {
                    break;
                }
                awaitOne();
            }
            for (String id : pending) {
                NodeState state = handle.isCancelled() ? NodeState.CANCELLED : NodeState.SKIPPED;
                finish(new NodeResult(id, state, Map.of(), 0, List.of(), false, fingerprints.get(id)));
            }
            RunResult.Status status = handle.isCancelled() ? RunResult.Status.CANCELLED
                    : results.values().stream().anyMatch(r -> r.state() != NodeState.DONE
                            && r.state() != NodeState.NOT_TAKEN)
                    ? RunResult.Status.FAILED : RunResult.Status.OK;
            Map<String, NodeResult> ordered = new LinkedHashMap<>();
            order.forEach(id -> ordered.put(id, results.get(id)));
            return new RunResult(status, report, ordered, elapsed());
        }

        private void startReady(List<String> pending, FlowGraph graph, ValidationReport report,
                                Map<String, String> fingerprints) {
            for (String id : new ArrayList<>(pending)) {
                List<String> preds = graph.predecessors(id);
                if (preds.stream().anyMatch(p -> results.containsKey(p) && results.get(p).state() != NodeState.DONE
                        && results.get(p).state() != NodeState.NOT_TAKEN)) {
                    pending.remove(id);
                    finish(new NodeResult(id, NodeState.SKIPPED, Map.of(),
                            0, List.of(new NodeMessage(NodeMessage.Severity.INFO, id, null,
                            "not run because a node upstream did not finish")), false, fingerprints.get(id)));
                    continue;
                }
                if (!preds.stream().allMatch(p -> results.containsKey(p))) {
                    continue;
                }
                String notTaken = notTaken(id);
                if (notTaken != null) {
                    pending.remove(id);
                    finish(new NodeResult(id, NodeState.NOT_TAKEN, Map.of(), 0, List.of(new NodeMessage(
                            NodeMessage.Severity.INFO, id, null, notTaken)), false, fingerprints.get(id)));
                    continue;
                }
                pending.remove(id);
                NodeInstance node = nodesById.get(id);
                NodeType type = registry.find(node.type()).orElseThrow();
                String fingerprint = fingerprints.get(id);
                Optional<Map<String, Object>> cached = type.hasSideEffects() || fingerprint == null
                        ? Optional.empty() : cache.get(fingerprint);
                if (cached.isPresent()) {
                    finish(new NodeResult(id, NodeState.DONE, cached.get(), 0, List.of(), true, fingerprint));
                    continue;
                }
                Map<String, Object> inputs = new HashMap<>();
                Map<String, Lineage> lineages = new HashMap<>();
                for (Edge e : incomingByNode.getOrDefault(id, List.of())) {
                    inputs.put(e.to().port(), results.get(e.from().node()).outputs().get(e.from().port()));
                    lineages.put(e.to().port(), lineage(e, report));
                }
                NodeParams params = report.params().get(id);
                List<String> upstream = graph.withUpstream(Set.of(id)).stream().filter(n -> !n.equals(id)).toList();
                NodeRun nodeRun = new NodeRun(id, type, params, inputs, lineages, request.paths(),
                        protectedInputs, handle::isCancelled, listener, () -> document(request), upstream,
                        n -> results.containsKey(n) ? results.get(n).outputs() : null, report.params()::get);
                listener.nodeStateChanged(id, NodeState.RUNNING, null);
                running.put(id, pool.submit(() -> {
                    Thread.interrupted();
                    workers.put(id, Thread.currentThread());
                    try {
                        finished.add(nodeRun.call(fingerprint));
                    } finally {
                        workers.remove(id);
                        Thread.interrupted();
                    }
                }));
            }
        }

        /**
         * Why a node is on a branch not taken, or null when it is not: an input comes from a node not taken, or from
         * an output a branching node left out (the branch its condition did not choose).
         */
        private String notTaken(String id) {
            for (Edge e : incomingByNode.getOrDefault(id, List.of())) {
                NodeResult from = results.get(e.from().node());
                if (from.state() == NodeState.NOT_TAKEN) {
                    return from.messages().isEmpty() ? "on a branch not taken" : from.messages().get(0).text();
                }
                NodeType type = registry.find(nodesById.get(e.from().node()).type()).orElse(null);
                if (type != null && type.branches() && !from.outputs().containsKey(e.from().port())) {
                    String why = from.messages().stream().map(NodeMessage::text).findFirst().orElse("");
                    return e.from().node() + " chose the other branch" + (why.isEmpty() ? ""
                            : " (" + why + ")");
                }
            }
            return null;
        }

        /**
         * The chain of single-input nodes upstream of an edge, walking back while each node has exactly one
         * incoming edge; every step keeps the data it received (already computed: upstream nodes are done).
         */
        private Lineage lineage(Edge edge, ValidationReport report) {
            java.util.ArrayDeque<Lineage.Step> steps = new java.util.ArrayDeque<>();
            String node = edge.from().node();
            while (true) {
                List<Edge> in = incomingByNode.getOrDefault(node, List.of());
                if (in.size() != 1) {
                    break;
                }
                Edge up = in.get(0);
                NodeType t = registry.find(nodesById.get(node).type()).orElse(null);
                NodeResult r = results.get(up.from().node());
                if (t == null || r == null || report.params().get(node) == null) {
                    break;
                }
                steps.addFirst(new Lineage.Step(t, report.params().get(node), r.outputs().get(up.from().port())));
                node = up.from().node();
            }
            return new Lineage(new ArrayList<>(steps));
        }

        private void awaitOne() {
            try {
                NodeResult r = finished.poll(1, TimeUnit.SECONDS);
                if (r == null) {
                    return;
                }
                running.remove(r.nodeId());
                if (r.state() == NodeState.DONE && r.fingerprint() != null) {
                    cache.put(r.fingerprint(), r.outputs());
                }
                finish(r);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handle.cancel();
            }
        }

        /** Called from the cancelling thread: wakes nodes blocked in I/O; they see the flag and stop. */
        private void interruptRunning() {
            workers.values().forEach(Thread::interrupt);
        }

        private void finish(NodeResult r) {
            results.put(r.nodeId(), r);
            listener.nodeStateChanged(r.nodeId(), r.state(), r);
        }

        private double elapsed() {
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** The request's flow as its file would hold it, the run's parameter overrides written in. */
    private static String document(RunRequest request) {
        Map<String, Object> parameters = new java.util.LinkedHashMap<>(request.flow().parameters());
        parameters.putAll(request.overrides());
        return new io.tablewise.flow.json.FlowWriter().toJson(request.flow().withParameters(parameters));
    }
}
