package io.tablewise.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.tablewise.node.NodeDescriptor;
import io.tablewise.node.NodeType;
import io.tablewise.node.ParamSpec;
import io.tablewise.node.PortSpec;
import io.tablewise.node.registry.NodeRegistry;

/** {@code tablewise nodes}: lists every node type with its ports and parameters, from the descriptors. */
@Command(name = "nodes", mixinStandardHelpOptions = true,
        description = "List the node types with their ports and parameters.")
final class NodesCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array of descriptors.")
    private boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> all = new ArrayList<>();
        for (NodeType t : NodeRegistry.builtIn().all()) {
            all.add(describe(t.descriptor()));
        }
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(all));
            return ExitCodes.OK;
        }
        String category = null;
        for (NodeType t : NodeRegistry.builtIn().all()) {
            NodeDescriptor d = t.descriptor();
            if (!d.category().equals(category)) {
                category = d.category();
                out.println("== " + category);
            }
            out.println(d.id() + " (v" + d.version() + ")  " + d.name());
            out.println("    " + d.help());
            d.inputs().forEach(p -> out.println("    in  " + p.name() + ": " + p.type().id()
                    + (p.required() ? "" : " (optional)")));
            d.outputs().forEach(p -> out.println("    out " + p.name() + ": " + p.type().id()));
            for (ParamSpec p : d.params()) {
                out.println("    " + p.name() + " [" + p.type().name().toLowerCase() + "]"
                        + (p.required() ? " required" : "")
                        + (p.defaultValue() != null ? " default=" + p.defaultValue() : "")
                        + (p.allowedValues().isEmpty() ? "" : " one of " + p.allowedValues())
                        + (p.min() != null || p.max() != null ? " range " + bound(p.min()) + ".." + bound(p.max()) : "")
                        + (p.when() == null ? "" : " (when " + p.when() + ")")
                        + ": " + p.help());
            }
            out.println();
        }
        return ExitCodes.OK;
    }

    private static String bound(Double v) {
        return v == null ? "" : v == Math.rint(v) ? Long.toString(v.longValue()) : v.toString();
    }

    /** A descriptor as plain data for JSON. */
    static Map<String, Object> describe(NodeDescriptor d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("version", d.version());
        m.put("name", d.name());
        m.put("category", d.category());
        m.put("help", d.help());
        Map<String, Object> ports = new LinkedHashMap<>();
        ports.put("inputs", d.inputs().stream().map(NodesCommand::port).toList());
        ports.put("outputs", d.outputs().stream().map(NodesCommand::port).toList());
        m.put("ports", ports);
        List<Map<String, Object>> params = new ArrayList<>();
        for (ParamSpec p : d.params()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("name", p.name());
            pm.put("label", p.label());
            pm.put("type", p.type().name().toLowerCase());
            pm.put("default", p.defaultValue());
            pm.put("required", p.required());
            if (p.min() != null) {
                pm.put("min", p.min());
            }
            if (p.max() != null) {
                pm.put("max", p.max());
            }
            if (!p.allowedValues().isEmpty()) {
                pm.put("allowed", p.allowedValues());
            }
            if (p.columnsFrom() != null) {
                pm.put("columnsFrom", p.columnsFrom());
            }
            if (p.when() != null) {
                pm.put("when", Map.of("param", p.when().param(), "values", p.when().values()));
            }
            pm.put("help", p.help());
            params.add(pm);
        }
        m.put("params", params);
        return m;
    }

    private static Map<String, Object> port(PortSpec p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("type", p.type().id());
        m.put("required", p.required());
        m.put("help", p.help());
        return m;
    }
}
