package io.tablewise.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tablewise.flow.Edge;
import io.tablewise.flow.Flow;
import io.tablewise.flow.NodeInstance;
import io.tablewise.flow.json.FlowFormatException;
import io.tablewise.flow.json.FlowReader;
import io.tablewise.model.BuiltModel;
import io.tablewise.model.ModelJson;
import io.tablewise.model.ModelNodes;
import io.tablewise.model.TrainedModel;
import io.tablewise.node.ConfigureContext;
import io.tablewise.node.NodeContext;
import io.tablewise.node.NodeDescriptor;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeType;
import io.tablewise.node.ParamSpec;
import io.tablewise.node.ParamType;
import io.tablewise.node.PortSpec;
import io.tablewise.node.PortType;
import io.tablewise.node.TableSchema;
import io.tablewise.registry.ModelRef;
import io.tablewise.registry.Registry;
import io.tablewise.registry.RegistryException;
import io.tablewise.registry.RegistryLocation;
import tech.tablesaw.api.Table;

/** The pipeline nodes: {@code flow.condition} chooses a branch, {@code flow.fail} stops the run with a message. */
public final class PipelineNodes {
    private PipelineNodes() {
    }

    /** The node types. */
    public static List<NodeType> all() {
        return List.of(new ConditionNode(), new FailNode());
    }

    static final class ConditionNode implements NodeType {
        private static final NodeDescriptor D = new NodeDescriptor("flow.condition", 1, "Condition", "Model",
                "Chooses a branch by a condition over metrics: NODE.PATH names a metric of the model a node upstream "
                + "built, as in its metrics.json (build.test.auc, build.test.recall), and champion.PATH the same of the "
                + "group's champion in the registry (the group of the Register model node after the condition); "
                + "before there is a champion, a comparison with it counts as true. The model goes on to 'then' when "
                + "the condition holds, else to 'else'; the nodes of the other branch end as not taken. A table "
                + "connected to 'table' goes the same way (then_table or else_table), with or without a model: for "
                + "example this month's rows, to retrain on when drift is found.",
                List.of(PortSpec.optional("model", ModelNodes.MODEL, "The model"),
                        PortSpec.optional("table", PortType.TABLE, "Rows that follow the branch taken")),
                List.of(PortSpec.of("then", ModelNodes.MODEL, "The model, when the condition holds"),
                        PortSpec.of("else", ModelNodes.MODEL, "The model, when it does not"),
                        PortSpec.of("then_table", PortType.TABLE, "The table, when the condition holds"),
                        PortSpec.of("else_table", PortType.TABLE, "The table, when it does not")),
                List.of(ParamSpec.builder("condition", ParamType.TEXT).label("Condition").required()
                        .help("e.g. build.test.auc >= 0.80 and build.test.recall >= 0.6, or build.test.auc > "
                                + "champion.test.auc: numbers, + - * /, < <= > >= = !=, and, or, not, "
                                + "parentheses; flow parameters as ${name}.").build()));

        @Override
        public NodeDescriptor descriptor() {
            return D;
        }

        @Override
        public boolean branches() {
            return true;
        }

        @Override
        public boolean hasSideEffects() {
            return true; // the champion may change between runs
        }

        @Override
        public Map<String, TableSchema> configure(ConfigureContext context) throws NodeException {
            try {
                Condition.names(context.params().string("condition", ""));
            } catch (IllegalArgumentException e) {
                throw new NodeException("condition", e.getMessage());
            }
            TableSchema table = context.inputSchemas().get("table");
            if (table == null) {
                return Map.of();
            }
            return Map.of("then_table", table, "else_table", table);
        }

        @Override
        public Map<String, Object> execute(NodeContext context) throws NodeException {
            Object model = context.input("model", Object.class);
            Table table = context.input("table", Table.class);
            if (model == null && table == null) {
                throw new NodeException(null, "connect what the condition passes on: a model, a table or both");
            }
            String text = context.params().string("condition", "");
            Champion champion = new Champion(context);
            Condition.Outcome o;
            try {
                o = Condition.evaluate(text, name -> value(context, champion, name),
                        name -> name.startsWith("champion."));
            } catch (IllegalArgumentException e) {
                throw new NodeException("condition", e.getMessage());
            }
            String values = o.describe();
            context.info((o.value() ? "took 'then': " : "took 'else': ") + text + " is " + o.value()
                    + (values.isEmpty() ? "" : " with " + values));
            String branch = o.value() ? "then" : "else";
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            if (model != null) {
                out.put(branch, model);
            }
            if (table != null) {
                out.put(branch + "_table", table);
            }
            return out;
        }

        private static Double value(NodeContext context, Champion champion, String name) {
            int dot = name.indexOf('.');
            if (dot < 0) {
                throw new Condition.UnknownName("'" + name + "' names no metric: write NODE.PATH, e.g. "
                        + "build.test.auc");
            }
            String node = name.substring(0, dot);
            String path = name.substring(dot + 1);
            Map<String, Object> metrics;
            if (node.equals("champion")) {
                TrainedModel m;
                try {
                    m = champion.model();
                } catch (NodeException e) {
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
                if (m == null) {
                    return null;
                }
                metrics = ModelJson.metrics(m);
            } else {
                Map<String, Object> outputs = context.upstreamOutputs(node);
                BuiltModel m = outputs == null ? null : outputs.values().stream()
                        .filter(BuiltModel.class::isInstance).map(BuiltModel.class::cast).findFirst().orElse(null);
                if (m == null) {
                    throw new Condition.UnknownName("'" + node + "' is not a node upstream of this condition that "
                            + "built a model; those are: " + String.join(", ", modelNodes(context)));
                }
                metrics = m.metrics();
            }
            Object v = metrics;
            for (String part : path.split("\\.")) {
                v = v instanceof Map<?, ?> map ? map.get(part) : null;
            }
            if (v instanceof Number n) {
                return n.doubleValue();
            }
            throw new Condition.UnknownName("'" + name + "' is not a number in " + node + "'s metrics (e.g. "
                    + node + ".test.auc, " + node + ".test.recall, " + node + ".threshold; of a forecast model "
                    + node + ".backtest.wape, " + node + ".backtestMase; of an anomaly detector " + node
                    + ".flagged, " + node + ".label.rocAuc)");
        }

        private static List<String> modelNodes(NodeContext context) {
            List<String> out = new ArrayList<>();
            for (String n : context.upstreamNodes()) {
                Map<String, Object> o = context.upstreamOutputs(n);
                if (o != null && o.values().stream().anyMatch(BuiltModel.class::isInstance)) {
                    out.add(n);
                }
            }
            return out;
        }
    }

    /** The champion of the group registered after the condition, loaded when a name first asks for it. */
    static final class Champion {
        private final NodeContext context;
        private boolean loaded;
        private TrainedModel model;

        Champion(NodeContext context) {
            this.context = context;
        }

        TrainedModel model() throws NodeException {
            if (loaded) {
                return model;
            }
            loaded = true;
            NodeInstance register = registerAfter(context);
            io.tablewise.node.NodeParams params = context.paramsOf(register.id());
            if (params == null) {
                throw new NodeException("condition", "the Register model node '" + register.id() + "' after this "
                        + "condition has no valid settings");
            }
            String group = params.string("group", "");
            RegistryLocation location = io.tablewise.registry.RegistryNodes.location(params.string("registry", ""),
                    context);
            if (!location.postgres() && !java.nio.file.Files.exists(location.folder().resolve(
                    RegistryLocation.DATABASE))) {
                return null; // no registry yet, so no champion: looking must not create one
            }
            try (Registry r = Registry.open(location)) {
                model = r.load(ModelRef.parse(group + "@champion"));
                return model;
            } catch (RegistryException e) {
                if (e.isUsage()) {
                    return null; // no such group yet, or no champion in it
                }
                throw new NodeException("condition", "the champion of '" + group + "': " + e.getMessage());
            }
        }

        /** The Register model node downstream of the condition, whose group the champion belongs to. */
        private static NodeInstance registerAfter(NodeContext context) throws NodeException {
            String json = context.flowDocument();
            if (json != null) {
                try {
                    Flow flow = new FlowReader().read(json, "the running flow");
                    java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(context.nodeId()));
                    java.util.Set<String> seen = new java.util.HashSet<>();
                    while (!todo.isEmpty()) {
                        String n = todo.pop();
                        if (!seen.add(n)) {
                            continue;
                        }
                        for (Edge e : flow.outgoing(n)) {
                            NodeInstance next = flow.node(e.to().node()).orElseThrow();
                            if (next.type().equals("model.register")) {
                                return next;
                            }
                            todo.push(next.id());
                        }
                    }
                } catch (FlowFormatException e) {
                    throw new NodeException("condition", "cannot read the running flow: " + e.getMessage());
                }
            }
            throw new NodeException("condition", "champion.* needs a Register model node after this condition: its "
                    + "group's champion is the one compared");
        }
    }

    static final class FailNode implements NodeType {
        private static final NodeDescriptor D = new NodeDescriptor("flow.fail", 1, "Fail", "Model",
                "Stops the run with your message and exit code 1: put it on a branch that must not pass silently "
                + "(e.g. the 'else' of a condition that guards the registration).",
                List.of(PortSpec.of("model", ModelNodes.MODEL, "Whatever reached this branch")), List.of(),
                List.of(ParamSpec.builder("message", ParamType.TEXT).label("Message").required()
                        .help("What the run says when it stops here.").build()));

        @Override
        public NodeDescriptor descriptor() {
            return D;
        }

        @Override
        public boolean hasSideEffects() {
            return true;
        }

        @Override
        public Map<String, TableSchema> configure(ConfigureContext context) {
            return Map.of();
        }

        @Override
        public Map<String, Object> execute(NodeContext context) throws NodeException {
            throw new NodeException(null, context.params().string("message", "the flow stopped here"));
        }
    }
}
