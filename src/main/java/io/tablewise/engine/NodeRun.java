package io.tablewise.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.tablewise.node.CancelledException;
import io.tablewise.node.NodeContext;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeMessage;
import io.tablewise.node.Lineage;
import io.tablewise.node.NodeParams;
import io.tablewise.node.NodeType;
import io.tablewise.node.PortSpec;

/**
 * Executes one node: builds its context, calls {@code execute}, checks its outputs against the declared ports
 * and turns every way it can end into a {@link NodeResult}. This is the per-node boundary where unexpected
 * exceptions are caught, logged once and reported as a failure of that node.
 */
final class NodeRun implements NodeContext {
    private static final Logger LOG = Logger.getLogger(NodeRun.class.getName());

    private final String nodeId;
    private final NodeType type;
    private final NodeParams params;
    private final Map<String, Object> inputs;
    private final Map<String, Lineage> lineages;
    private final PathPolicy paths;
    private final java.util.Set<Path> protectedInputs;
    private final BooleanSupplier cancelled;
    private final ExecutionListener listener;
    private final java.util.function.Supplier<String> flowDocument;
    private final java.util.List<String> upstream;
    private final java.util.function.Function<String, Map<String, Object>> outputs;
    private final java.util.function.Function<String, NodeParams> paramsOf;
    private final List<NodeMessage> messages = new ArrayList<>();

    NodeRun(String nodeId, NodeType type, NodeParams params, Map<String, Object> inputs,
            Map<String, Lineage> lineages, PathPolicy paths, java.util.Set<Path> protectedInputs,
            BooleanSupplier cancelled, ExecutionListener listener, java.util.function.Supplier<String> flowDocument,
            java.util.List<String> upstream, java.util.function.Function<String, Map<String, Object>> outputs,
            java.util.function.Function<String, NodeParams> paramsOf) {
        this.paramsOf = paramsOf;
        this.flowDocument = flowDocument;
        this.upstream = upstream;
        this.outputs = outputs;
        this.nodeId = nodeId;
        this.type = type;
        this.params = params;
        this.inputs = inputs;
        this.lineages = lineages;
        this.paths = paths;
        this.protectedInputs = protectedInputs;
        this.cancelled = cancelled;
        this.listener = listener;
    }

    @Override
    public String flowDocument() {
        return flowDocument.get();
    }

    @Override
    public NodeParams paramsOf(String node) {
        return paramsOf.apply(node);
    }

    @Override
    public java.util.List<String> upstreamNodes() {
        return upstream;
    }

    @Override
    public Map<String, Object> upstreamOutputs(String node) {
        return upstream.contains(node) ? outputs.apply(node) : null;
    }

    @Override
    public Lineage lineage(String port) {
        return lineages.getOrDefault(port, Lineage.NONE);
    }

    NodeResult call(String fingerprint) {
        long start = System.nanoTime();
        NodeState state;
        Map<String, Object> outputs = Map.of();
        try {
            outputs = type.execute(this);
            checkOutputs(outputs);
            checkCancelled();
            state = NodeState.DONE;
        } catch (CancelledException e) {
            state = NodeState.CANCELLED;
        } catch (NodeException e) {
            state = NodeState.FAILED;
            messages.add(NodeMessage.error(nodeId, e.param(), e.getMessage()));
        } catch (io.tablewise.node.NodeFailure e) {
            state = NodeState.FAILED;
            messages.add(NodeMessage.error(nodeId, e.param(), e.getMessage()));
        } catch (PathNotAllowedException e) {
            state = NodeState.FAILED;
            messages.add(NodeMessage.error(nodeId, null, e.getMessage()));
        } catch (OutOfMemoryError e) {
            state = NodeState.FAILED;
            messages.add(NodeMessage.error(nodeId, null, "ran out of memory; use the row limit or sample "
                    + "options on the import, or give Tablewise more memory"));
        } catch (RuntimeException | StackOverflowError e) {
            if (cancelled.getAsBoolean()) {
                state = NodeState.CANCELLED;
            } else {
                LOG.log(Level.WARNING, "node " + nodeId + " (" + type.descriptor().id() + ") failed", e);
                state = NodeState.FAILED;
                messages.add(NodeMessage.error(nodeId, null, "failed with an internal error ("
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                        + "); please report this with the flow file"));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new NodeResult(nodeId, state, state == NodeState.DONE ? outputs : Map.of(), seconds,
                messages, false, fingerprint);
    }

    private void checkOutputs(Map<String, Object> outputs) {
        for (PortSpec out : type.descriptor().outputs()) {
            Object value = outputs == null ? null : outputs.get(out.name());
            if (value == null && type.branches() && outputs != null && !outputs.isEmpty()) {
                continue; // the branch not taken: its nodes end as not taken
            }
            if (!out.type().dataClass().isInstance(value)) {
                throw new IllegalStateException("node type " + type.descriptor().id() + " produced no "
                        + out.type().displayName() + " on output '" + out.name() + "'");
            }
        }
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public NodeParams params() {
        return params;
    }

    @Override
    public <T> T input(String port, Class<T> dataType) {
        return dataType.cast(inputs.get(port));
    }

    @Override
    public Path resolveInput(String relativeOrAbsolute) {
        return paths.read(relativeOrAbsolute);
    }

    @Override
    public Path resolveOutput(String relativeOrAbsolute) {
        return paths.write(relativeOrAbsolute, protectedInputs);
    }

    @Override
    public void progress(double fraction, String message) {
        listener.nodeProgress(nodeId, Math.max(0, Math.min(1, fraction)), message);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.getAsBoolean() || Thread.currentThread().isInterrupted();
    }

    @Override
    public synchronized void info(String message) {
        messages.add(new NodeMessage(NodeMessage.Severity.INFO, nodeId, null, message));
    }

    @Override
    public synchronized void warn(String message) {
        messages.add(NodeMessage.warning(nodeId, null, message));
        listener.nodeWarning(nodeId, message);
    }
}
