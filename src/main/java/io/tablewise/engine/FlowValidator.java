package io.tablewise.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tablewise.flow.Edge;
import io.tablewise.flow.Flow;
import io.tablewise.flow.FlowGraph;
import io.tablewise.flow.NodeInstance;
import io.tablewise.node.ConfigureContext;
import io.tablewise.node.NodeDescriptor;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeMessage;
import io.tablewise.node.NodeParams;
import io.tablewise.node.NodeType;
import io.tablewise.node.ParamSpec;
import io.tablewise.node.ParamType;
import io.tablewise.node.PortSpec;
import io.tablewise.node.Suggestions;
import io.tablewise.node.TableSchema;
import io.tablewise.node.registry.NodeRegistry;

/**
 * Checks a flow before anything runs and says, per node and parameter, what is wrong: unknown node types,
 * dangling or mistyped edges, cycles, unconnected required inputs, bad parameter values, references to unknown
 * flow parameters, missing data files and columns that do not exist upstream (with a suggestion). Then it runs
 * {@code configure} in topological order to learn output schemas.
 */
public final class FlowValidator {
    /**
     * Most nodes in one flow. Real flows have tens; the limit keeps a crafted flow of tens of thousands of nodes
     * from occupying the machine for minutes (validation and planning look at each node's neighbours).
     */
    public static final int MAX_NODES = 1_000;

    private final NodeRegistry registry;

    /** A validator over the given node types. */
    public FlowValidator(NodeRegistry registry) {
        this.registry = registry;
    }

    /**
     * Validates a flow.
     *
     * @param flow the flow
     * @param flowDir the folder relative data paths are resolved against
     * @param flowParameters effective flow parameters (after overrides)
     */
    public ValidationReport validate(Flow flow, Path flowDir, Map<String, Object> flowParameters) {
        return validate(flow, PathPolicy.within(flowDir), flowParameters);
    }

    /**
     * Validates a flow, checking every file path it names against a path policy: each refused path is an error
     * on its node and parameter, and the report lists every path the flow would read or write.
     *
     * @param flow the flow
     * @param policy where the flow may read and write (its {@code flowDir} resolves relative paths)
     * @param flowParameters effective flow parameters (after overrides)
     */
    public ValidationReport validate(Flow flow, PathPolicy policy, Map<String, Object> flowParameters) {
        Path flowDir = policy.flowDir();
        List<NodeMessage> messages = new ArrayList<>();
        if (flow.nodes().size() > MAX_NODES) {
            messages.add(NodeMessage.error(null, null, String.format(java.util.Locale.ROOT, "the flow has %,d nodes; "
                    + "Tablewise runs flows of at most %,d nodes. Split it into several flows (a flow can export a "
                    + "file that the next one imports)", flow.nodes().size(), MAX_NODES)));
            return new ValidationReport(messages, Map.of(), Map.of(), List.of());
        }
        Map<String, NodeType> types = new HashMap<>();
        for (NodeInstance n : flow.nodes()) {
            Optional<NodeType> type = registry.find(n.type());
            if (type.isEmpty()) {
                messages.add(NodeMessage.error(n.id(), null, "unknown node type '" + n.type() + "'"
                        + Suggestions.didYouMean(n.type(), registry.all().stream()
                        .map(t -> t.descriptor().id()).toList())
                        + "; the node is kept as a placeholder: replace it or remove it"));
            } else {
                types.put(n.id(), type.get());
                if (n.typeVersion() > type.get().descriptor().version()) {
                    messages.add(NodeMessage.error(n.id(), null, "saved by a newer Tablewise (node type '"
                            + n.type() + "' version " + n.typeVersion() + ", this version knows up to "
                            + type.get().descriptor().version() + "); update Tablewise"));
                }
            }
        }
        checkEdges(flow, types, messages);
        boolean acyclic = checkCycle(flow, messages);
        Map<String, NodeParams> params = new LinkedHashMap<>();
        for (NodeInstance n : flow.nodes()) {
            NodeType type = types.get(n.id());
            if (type != null) {
                checkParams(n, type, flowParameters, messages).ifPresent(p -> params.put(n.id(), p));
            }
        }
        List<ValidationReport.PathUse> paths = checkPaths(flow, types, params, policy, messages);
        Map<String, Map<String, TableSchema>> schemas = new LinkedHashMap<>();
        if (acyclic) {
            configureAll(flow, policy, types, params, schemas, messages);
        }
        return new ValidationReport(messages, params, schemas, paths);
    }

    /**
     * Checks every input and output path against the policy: reads first (a file the flow reads is protected
     * from its writes), then writes. A refused path is an error; an input that does not exist is one too.
     */
    private static List<ValidationReport.PathUse> checkPaths(Flow flow, Map<String, NodeType> types,
                                                            Map<String, NodeParams> params, PathPolicy policy,
                                                            List<NodeMessage> messages) {
        List<ValidationReport.PathUse> uses = new ArrayList<>();
        Set<Path> inputs = new java.util.LinkedHashSet<>();
        for (boolean write : new boolean[] {false, true}) {
            ParamType kind = write ? ParamType.OUTPUT_FILE : ParamType.INPUT_FILE;
            for (NodeInstance n : flow.nodes()) {
                NodeType type = types.get(n.id());
                NodeParams p = params.get(n.id());
                if (type == null || p == null) {
                    continue;
                }
                for (ParamSpec spec : type.descriptor().params()) {
                    if (spec.type() != kind || !(p.get(spec.name()) instanceof String raw)
                            || (raw.isBlank() && !spec.required())) {
                        continue;
                    }
                    ValidationReport.PathUse use = checkPath(n.id(), spec.name(), raw, write, policy, inputs);
                    uses.add(use);
                    if (!use.allowed()) {
                        messages.add(NodeMessage.error(n.id(), spec.name(), use.refusal()));
                        params.remove(n.id());
                    } else if (!write) {
                        if (!Files.isRegularFile(use.path())
                                && !(type.readsFolders() && Files.isDirectory(use.path()))) {
                            messages.add(NodeMessage.error(n.id(), spec.name(), "data file '" + raw
                                    + "' not found (looked for " + use.path() + "); put the file back or choose "
                                    + "it again"));
                            params.remove(n.id());
                        }
                        inputs.add(PathPolicy.realOf(use.path()));
                    }
                }
            }
        }
        return uses;
    }

    private static ValidationReport.PathUse checkPath(String nodeId, String param, String raw, boolean write,
                                                      PathPolicy policy, Set<Path> inputs) {
        try {
            Path path = write ? policy.write(raw, inputs) : policy.read(raw);
            return new ValidationReport.PathUse(nodeId, param, write, path, null);
        } catch (PathNotAllowedException e) {
            Path shown;
            try {
                shown = (write ? policy.outputDir() : policy.flowDir()).resolve(raw).normalize();
            } catch (java.nio.file.InvalidPathException bad) {
                shown = null;
            }
            return new ValidationReport.PathUse(nodeId, param, write, shown, e.getMessage());
        }
    }

    private void checkEdges(Flow flow, Map<String, NodeType> types, List<NodeMessage> messages) {
        Set<String> nodeIds = new HashSet<>();
        flow.nodes().forEach(n -> nodeIds.add(n.id()));
        Map<String, Integer> edgesIntoPort = new HashMap<>();
        for (Edge e : flow.edges()) {
            if (!nodeIds.contains(e.from().node()) || !nodeIds.contains(e.to().node())) {
                String missing = nodeIds.contains(e.from().node()) ? e.to().node() : e.from().node();
                messages.add(NodeMessage.error(null, null, "edge " + e + " refers to node '" + missing
                        + "', which is not in the flow; remove the edge"));
                continue;
            }
            NodeType fromType = types.get(e.from().node());
            NodeType toType = types.get(e.to().node());
            if (fromType == null || toType == null) {
                continue;
            }
            Optional<PortSpec> out = fromType.descriptor().output(e.from().port());
            Optional<PortSpec> in = toType.descriptor().input(e.to().port());
            if (out.isEmpty()) {
                messages.add(NodeMessage.error(e.from().node(), null, "has no output port '" + e.from().port()
                        + "'" + Suggestions.didYouMean(e.from().port(), portNames(fromType.descriptor().outputs()))));
                continue;
            }
            if (in.isEmpty()) {
                messages.add(NodeMessage.error(e.to().node(), null, "has no input port '" + e.to().port()
                        + "'" + Suggestions.didYouMean(e.to().port(), portNames(toType.descriptor().inputs()))));
                continue;
            }
            if (!in.get().type().accepts(out.get().type())) {
                messages.add(NodeMessage.error(e.to().node(), null, "input '" + in.get().name() + "' takes a "
                        + in.get().type().displayName() + " but is connected to output '" + out.get().name()
                        + "' of node '" + e.from().node() + "', which gives a " + out.get().type().displayName()));
            }
            if (edgesIntoPort.merge(e.to().toString(), 1, Integer::sum) == 2) {
                messages.add(NodeMessage.error(e.to().node(), null, "input '" + e.to().port()
                        + "' has more than one incoming edge; keep one"));
            }
        }
        for (NodeInstance n : flow.nodes()) {
            NodeType type = types.get(n.id());
            if (type == null) {
                continue;
            }
            for (PortSpec in : type.descriptor().inputs()) {
                boolean connected = flow.incoming(n.id()).stream().anyMatch(e -> e.to().port().equals(in.name()));
                if (in.required() && !connected) {
                    messages.add(NodeMessage.error(n.id(), null, "input '" + in.name()
                            + "' is not connected; connect it to a " + in.type().displayName() + " output"));
                }
            }
        }
    }

    private static List<String> portNames(List<PortSpec> ports) {
        return ports.stream().map(PortSpec::name).toList();
    }

    private static boolean checkCycle(Flow flow, List<NodeMessage> messages) {
        Optional<List<String>> cycle = new FlowGraph(flow).findCycle();
        cycle.ifPresent(c -> messages.add(NodeMessage.error(c.get(0), null, "the flow has a cycle: "
                + String.join(" -> ", c) + "; remove one of these edges")));
        return cycle.isEmpty();
    }

    private Optional<NodeParams> checkParams(NodeInstance node, NodeType type,
                                             Map<String, Object> flowParameters, List<NodeMessage> messages) {
        NodeDescriptor d = type.descriptor();
        Map<String, Object> raw = node.typeVersion() < d.version()
                ? type.migrateParams(node.typeVersion(), node.params()) : node.params();
        ParameterResolver.Substituted sub = ParameterResolver.substitute(raw, flowParameters);
        for (String ref : new java.util.LinkedHashSet<>(sub.unknownReferences())) {
            messages.add(NodeMessage.error(node.id(), null, "refers to flow parameter '${" + ref
                    + "}', which the flow does not declare" + Suggestions.didYouMean(ref, flowParameters.keySet())));
        }
        if (!sub.unknownReferences().isEmpty()) {
            return Optional.empty();
        }
        boolean ok = true;
        for (String name : sub.values().keySet()) {
            if (d.param(name).isEmpty()) {
                messages.add(NodeMessage.warning(node.id(), name, "is not a parameter of '" + d.id()
                        + "' and is ignored" + Suggestions.didYouMean(name,
                        d.params().stream().map(ParamSpec::name).toList())));
            }
        }
        NodeParams effective = NodeParams.withDefaults(d, sub.values());
        for (ParamSpec spec : d.params()) {
            if (!spec.applies(effective::get)) {
                continue; // e.g. a forecast's horizon while the node builds a classifier: kept, not used
            }
            Object value = effective.get(spec.name());
            Optional<String> problem = spec.check(value);
            if (problem.isPresent()) {
                messages.add(NodeMessage.error(node.id(), spec.name(), problem.get()));
                ok = false;
            }
        }
        return ok ? Optional.of(effective) : Optional.empty();
    }

    private void configureAll(Flow flow, PathPolicy policy, Map<String, NodeType> types, Map<String, NodeParams> params,
                              Map<String, Map<String, TableSchema>> schemas, List<NodeMessage> messages) {
        for (String id : new FlowGraph(flow).topologicalOrder()) {
            NodeType type = types.get(id);
            NodeParams p = params.get(id);
            boolean hasErrors = messages.stream().anyMatch(m -> id.equals(m.nodeId()) && m.isError());
            if (type == null || p == null || hasErrors) {
                continue;
            }
            // Unknown upstream schemas are left out: configure sees only what is known.
            Map<String, TableSchema> inputs = new LinkedHashMap<>();
            for (Edge e : flow.incoming(id)) {
                Map<String, TableSchema> upstream = schemas.get(e.from().node());
                TableSchema schema = upstream == null ? null : upstream.get(e.from().port());
                if (schema != null) {
                    inputs.put(e.to().port(), schema);
                }
            }
            if (!checkColumns(id, type.descriptor(), p, inputs, messages)) {
                continue;
            }
            try {
                Map<String, TableSchema> out = type.configure(new Configure(id, p, inputs, policy));
                schemas.put(id, out == null ? Map.of() : new HashMap<>(out));
            } catch (PathNotAllowedException e) {
                messages.add(NodeMessage.error(id, null, e.getMessage()));
            } catch (NodeException e) {
                messages.add(NodeMessage.error(id, e.param(), e.getMessage()));
            } catch (RuntimeException e) {
                messages.add(NodeMessage.error(id, null, "could not be configured: " + e));
            }
        }
    }

    private static boolean checkColumns(String id, NodeDescriptor d, NodeParams p, Map<String, TableSchema> inputs,
                                        List<NodeMessage> messages) {
        boolean ok = true;
        for (ParamSpec spec : d.params()) {
            if (!spec.namesColumns() || spec.columnsFrom() == null || !p.has(spec.name()) || !spec.applies(p::get)) {
                continue;
            }
            TableSchema schema = inputs.get(spec.columnsFrom());
            if (schema == null) {
                continue;
            }
            List<String> named = switch (spec.type()) {
                case COLUMN -> List.of(p.string(spec.name()));
                case COLUMNS -> p.strings(spec.name());
                default -> List.copyOf(p.stringMap(spec.name()).keySet());
            };
            for (String column : named) {
                if (!column.isEmpty() && !schema.has(column)) {
                    messages.add(NodeMessage.error(id, spec.name(), "column '" + column
                            + "' does not exist in the input" + Suggestions.didYouMeanOrColumns(column, schema.names())));
                    ok = false;
                }
            }
        }
        return ok;
    }

    /** The configure context for one node. */
    private record Configure(String nodeId, NodeParams params, Map<String, TableSchema> inputSchemas,
                             PathPolicy policy) implements ConfigureContext {
        @Override
        public Path resolveInput(String relativeOrAbsolute) {
            return policy.read(relativeOrAbsolute);
        }
    }
}
