package io.tablewise.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.tablewise.model.ModelFiles;
import io.tablewise.model.ModelNodes;
import io.tablewise.model.TrainedModel;
import io.tablewise.node.ConfigureContext;
import io.tablewise.node.NodeContext;
import io.tablewise.node.NodeDescriptor;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.NodeType;
import io.tablewise.node.ParamSpec;
import io.tablewise.node.ParamType;
import io.tablewise.node.PortSpec;
import io.tablewise.node.TableSchema;

/** The registry's nodes: register a model built in the flow, and load a registered model by reference. */
public final class RegistryNodes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RegistryNodes() {
    }

    /** The node types. */
    public static List<NodeType> all() {
        return List.of(new Register(), new Load());
    }

    static ParamSpec registryParam() {
        return ParamSpec.builder("registry", ParamType.STRING).label("Registry").defaultValue("")
                .help("Empty: your own registry (~/Tablewise/registry). A folder relative to the flow, or for a "
                        + "team's registry the name of a database connection in your settings (its password stays "
                        + "there) or jdbc:postgresql://HOST/DB (its password in TABLEWISE_REGISTRY_PASSWORD), never "
                        + "a password in the flow.").build();
    }

    /** The registry a node names: a flow may only name a folder it may write to, like any output. */
    static RegistryLocation location(NodeContext context) throws NodeException {
        return location(context.params().string("registry", ""), context);
    }

    /**
     * A registry as a node's {@code registry} parameter names it: empty for the user's, a JDBC URL, or a folder
     * resolved like an output of the running flow (so a shared flow cannot name a folder it may not write).
     */
    public static RegistryLocation location(String spec, NodeContext context) throws NodeException {
        try {
            if (spec.isBlank() || spec.strip().toLowerCase(java.util.Locale.ROOT).startsWith("jdbc:")) {
                return RegistryLocation.of(spec, null);
            }
            return RegistryLocation.folder(context.resolveOutput(spec.strip()));
        } catch (RegistryException e) {
            throw new NodeException("registry", e.getMessage());
        }
    }

    static final class Register implements NodeType {
        private static final NodeDescriptor D = new NodeDescriptor("model.register", 1, "Register model", "Model",
                "Registers the model as the next version of a model group in the registry, with its metrics, inputs, "
                + "the flow that built it and its data fingerprint; with an initial approval status and, if given, "
                + "an alias (e.g. challenger). A model already registered as the group's newest version (the same "
                + "content) is not registered twice. Passes the model on.",
                List.of(PortSpec.of("model", ModelNodes.MODEL, "The model to register")),
                List.of(PortSpec.of("model", ModelNodes.MODEL, "The same model")),
                List.of(ParamSpec.builder("group", ParamType.STRING).label("Model group").required()
                                .help("The model group, e.g. churn: letters, digits, '_', '.', '-'.").build(),
                        ParamSpec.builder("description", ParamType.TEXT).label("Description").defaultValue("")
                                .help("What this version is.").build(),
                        ParamSpec.builder("tags", ParamType.STRING_LIST).label("Tags").defaultValue(List.of())
                                .help("Free labels.").build(),
                        ParamSpec.builder("status", ParamType.CHOICE).label("Initial status").defaultValue("pending")
                                .allowed("pending", "approved", "rejected")
                                .help("pending (a person approves it later), approved or rejected.").build(),
                        ParamSpec.builder("alias", ParamType.STRING).label("Alias").defaultValue("")
                                .help("Point this alias of the group at the new version (e.g. challenger); "
                                        + "empty for none.").build(),
                        registryParam()));

        @Override
        public NodeDescriptor descriptor() {
            return D;
        }

        @Override
        public boolean hasSideEffects() {
            return true;
        }

        @Override
        public Map<String, TableSchema> configure(ConfigureContext context) throws NodeException {
            NodeParams p = context.params();
            if (!ModelRef.validName(p.string("group", ""))) {
                throw new NodeException("group", "'" + p.string("group", "") + "' is not a valid group name: use "
                        + "letters, digits, '_', '.' and '-'");
            }
            String alias = p.string("alias", "");
            if (!alias.isEmpty() && !ModelRef.validName(alias)) {
                throw new NodeException("alias", "'" + alias + "' is not a valid alias name");
            }
            return Map.of();
        }

        @Override
        public Map<String, Object> execute(NodeContext context) throws NodeException {
            TrainedModel m = io.tablewise.model.BuiltModel.supervised(context.input("model", Object.class),
                    "The registry (which serves, monitors and explains its models)");
            NodeParams p = context.params();
            String group = p.string("group", "");
            RegistryLocation where = location(context);
            Path temp = null;
            try (Registry r = Registry.open(where)) {
                temp = Files.createTempDirectory("tablewise-register-");
                Path folder = temp.resolve("model");
                ModelFiles.save(m, folder);
                String hash = Artifacts.hash(folder);
                if (r.groups().contains(group)) {
                    ModelVersion newest = r.versions(group).get(0);
                    if (newest.artifact().equals(hash)) {
                        context.info("already registered as " + newest.ref() + " (" + newest.status() + ")");
                        return Map.of("model", m);
                    }
                }
                String alias = p.string("alias", "");
                ModelVersion v = r.register(folder, new Registry.Registration(group, p.string("description", ""),
                        p.strings("tags"), p.string("status", "pending"), alias.isEmpty() ? null : alias,
                        runRecord(context, m), context.flowDocument()));
                context.info("registered " + v.ref() + " (" + v.status() + (v.aliases().isEmpty() ? ""
                        : ", alias " + String.join(", ", v.aliases())) + ") in " + where);
                return Map.of("model", m);
            } catch (RegistryException e) {
                throw new NodeException(e.isUsage() ? "group" : null, e.getMessage());
            } catch (IOException e) {
                throw new NodeException(null, "cannot prepare the model for the registry: " + e.getMessage());
            } finally {
                if (temp != null) {
                    try {
                        io.tablewise.io.Folders.deleteTree(temp);
                    } catch (IOException ignored) {
                        // a temporary folder the system cleans
                    }
                }
            }
        }

        /** What the registration knows of the run: the node, the model's build information. */
        private static String runRecord(NodeContext context, TrainedModel m) throws IOException {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("node", context.nodeId());
            record.put("target", m.target());
            record.put("settings", m.settings());
            record.put("trainRows", m.info().get("trainRows"));
            record.put("seed", m.info().get("seed"));
            record.put("dataFingerprint", m.info().get("dataFingerprint"));
            record.put("transforms", m.info().get("transforms"));
            record.put("warnings", m.info().get("warnings"));
            return JSON.writeValueAsString(record);
        }
    }

    static final class Load implements NodeType {
        private static final NodeDescriptor D = new NodeDescriptor("model.load", 1, "Load model", "Model",
                "Loads a registered model by reference (churn@champion, churn:3, churn@latest-approved), its "
                + "content checked against its hash, so a scoring flow always uses the version the reference names "
                + "now. Runs every time (an alias may have moved).",
                List.of(), List.of(PortSpec.of("model", ModelNodes.MODEL, "The registered model")),
                List.of(ParamSpec.builder("model", ParamType.STRING).label("Model").required()
                                .help("GROUP@ALIAS (churn@champion), GROUP:VERSION (churn:3) or "
                                        + "GROUP@latest-approved.").build(),
                        registryParam()));

        @Override
        public NodeDescriptor descriptor() {
            return D;
        }

        @Override
        public boolean hasSideEffects() {
            return true; // reads the registry's current state: never served from the cache
        }

        @Override
        public Map<String, TableSchema> configure(ConfigureContext context) throws NodeException {
            try {
                ModelRef.parse(context.params().string("model", ""));
            } catch (IllegalArgumentException e) {
                throw new NodeException("model", e.getMessage());
            }
            return Map.of();
        }

        @Override
        public Map<String, Object> execute(NodeContext context) throws NodeException {
            ModelRef ref = ModelRef.parse(context.params().string("model", ""));
            try (Registry r = Registry.open(location(context))) {
                ModelVersion v = r.version(ref);
                TrainedModel m = r.load(ref);
                context.info("loaded " + v.ref() + " (" + v.status() + ") for " + ref);
                if (!v.status().equals("approved")) {
                    context.warn(v.ref() + " is " + v.status() + ", not approved");
                }
                return Map.of("model", m);
            } catch (RegistryException e) {
                throw new NodeException(e.isUsage() ? "model" : null, e.getMessage());
            }
        }
    }
}
