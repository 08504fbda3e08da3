package io.tablewise.flow.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tablewise.flow.Edge;
import io.tablewise.flow.Flow;
import io.tablewise.flow.NodeInstance;
import io.tablewise.flow.PortRef;
import io.tablewise.flow.UiPosition;

/**
 * Reads flow files: parses the JSON, checks the format marker, migrates older versions to the current one,
 * refuses newer ones, and builds the {@link Flow} model, reporting every problem with a JSON path.
 */
public final class FlowReader {
    private static final Set<String> TOP_KEYS =
            Set.of("format", "formatVersion", "name", "description", "parameters", "nodes", "edges");
    private static final Set<String> NODE_KEYS = Set.of("id", "type", "typeVersion", "label", "params", "ui");
    private static final Set<String> EDGE_KEYS = Set.of("from", "to");
    private static final Set<String> PORT_KEYS = Set.of("node", "port");

    private final ObjectMapper mapper = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxStringLength(FlowFormat.MAX_STRING_CHARS).maxNestingDepth(FlowFormat.MAX_NESTING)
                    .maxNumberLength(400).build())
            // a key given twice is a hand edit gone wrong: refuse it instead of keeping one value silently
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());
    private final List<FlowMigration> migrations;
    private final int currentVersion;

    /** A reader for the formats this build knows. */
    public FlowReader() {
        this(FlowFormat.MIGRATIONS, FlowFormat.CURRENT_VERSION);
    }

    /** A reader with a custom migration chain (for tests of the migration hook). */
    public FlowReader(List<FlowMigration> migrations, int currentVersion) {
        this.migrations = List.copyOf(migrations);
        this.currentVersion = currentVersion;
    }

    /** Reads a flow file. */
    public Flow read(Path file) throws FlowFormatException {
        String name = file.getFileName().toString();
        String text;
        try {
            if (Files.size(file) > FlowFormat.MAX_FILE_BYTES) {
                throw new FlowFormatException(file.toString(), "", "is " + Files.size(file) / (1024 * 1024)
                        + " MB; a flow file holds no data and is at most " + FlowFormat.MAX_FILE_BYTES / (1024 * 1024)
                        + " MB. Is this really a flow file?");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new FlowFormatException(file.toString(), "", "the file does not exist");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new FlowFormatException(file.toString(), "", "is not UTF-8 text (a flow file is JSON in UTF-8); "
                    + "is this really a flow file?");
        } catch (IOException e) {
            throw new FlowFormatException(file.toString(), "", "cannot be read: " + e.getMessage());
        }
        return read(text, name);
    }

    /** Reads a flow from JSON text; {@code sourceName} names it in messages. */
    public Flow read(String json, String sourceName) throws FlowFormatException {
        JsonNode root;
        if (json.startsWith("\uFEFF")) {
            json = json.substring(1); // a byte-order mark, as Notepad writes it
        }
        try {
            root = mapper.readTree(json);
        } catch (JsonParseException e) {
            throw new FlowFormatException(sourceName, "line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr(), "not valid JSON: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new FlowFormatException(sourceName, "", "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new FlowFormatException(sourceName, "", "a flow file must be a JSON object");
        }
        ObjectNode doc = migrate((ObjectNode) root, sourceName);
        return new Conversion(sourceName).flow(doc);
    }

    private ObjectNode migrate(ObjectNode doc, String source) throws FlowFormatException {
        JsonNode format = doc.get("format");
        if (format == null || !FlowFormat.FORMAT_ID.equals(format.asText())) {
            throw new FlowFormatException(source, "format",
                    "not a Tablewise flow file (expected \"format\": \"" + FlowFormat.FORMAT_ID + "\")");
        }
        JsonNode versionNode = doc.get("formatVersion");
        if (versionNode == null || !versionNode.canConvertToExactIntegral()) {
            throw new FlowFormatException(source, "formatVersion", "missing or not a whole number");
        }
        if (!versionNode.canConvertToInt() || versionNode.asInt() < 1) {
            throw new FlowFormatException(source, "formatVersion", "format version " + versionNode.asText()
                    + " is not a version any Tablewise wrote (this version reads 1 to " + currentVersion + ")");
        }
        int version = versionNode.asInt();
        if (version > currentVersion) {
            throw new FlowFormatException(source, "formatVersion", "format version " + version
                    + " was written by a newer Tablewise; this version reads up to " + currentVersion
                    + ". Update Tablewise to open it.");
        }
        while (version < currentVersion) {
            FlowMigration step = migrationFrom(version);
            if (step == null) {
                throw new FlowFormatException(source, "formatVersion",
                        "format version " + version + " is not supported by this version of Tablewise");
            }
            doc = step.migrate(doc);
            version++;
            doc.put("formatVersion", version);
        }
        return doc;
    }

    private FlowMigration migrationFrom(int version) {
        return migrations.stream().filter(m -> m.fromVersion() == version).findFirst().orElse(null);
    }

    /** Tree-to-model conversion for one document, carrying the source name for messages. */
    private static final class Conversion {
        private final String source;

        Conversion(String source) {
            this.source = source;
        }

        Flow flow(ObjectNode doc) throws FlowFormatException {
            checkKeys(doc, TOP_KEYS, "");
            String name = optionalText(doc, "name", "name");
            String description = optionalText(doc, "description", "description");
            Map<String, Object> parameters = doc.has("parameters")
                    ? valueMap(object(doc.get("parameters"), "parameters"), "parameters") : Map.of();
            List<NodeInstance> nodes = new ArrayList<>();
            JsonNode nodesNode = doc.get("nodes");
            if (nodesNode != null) {
                array(nodesNode, "nodes");
                Set<String> ids = new java.util.HashSet<>();
                for (int i = 0; i < nodesNode.size(); i++) {
                    NodeInstance node = node(nodesNode.get(i), "nodes[" + i + "]");
                    if (!ids.add(node.id())) {
                        throw new FlowFormatException(source, "nodes[" + i + "].id",
                                "node id '" + node.id() + "' is used twice; node ids must be unique");
                    }
                    nodes.add(node);
                }
            }
            List<Edge> edges = new ArrayList<>();
            JsonNode edgesNode = doc.get("edges");
            if (edgesNode != null) {
                array(edgesNode, "edges");
                for (int i = 0; i < edgesNode.size(); i++) {
                    edges.add(edge(edgesNode.get(i), "edges[" + i + "]"));
                }
            }
            return new Flow(name, description, parameters, nodes, edges);
        }

        private NodeInstance node(JsonNode json, String path) throws FlowFormatException {
            ObjectNode obj = object(json, path);
            checkKeys(obj, NODE_KEYS, path + ".");
            String id = requiredText(obj, "id", path + ".id");
            String type = requiredText(obj, "type", path + ".type");
            int typeVersion = 1;
            if (obj.has("typeVersion")) {
                JsonNode v = obj.get("typeVersion");
                if (!v.canConvertToExactIntegral() || v.asInt() < 1) {
                    throw new FlowFormatException(source, path + ".typeVersion", "must be a whole number ≥ 1");
                }
                typeVersion = v.asInt();
            }
            String label = optionalText(obj, "label", path + ".label");
            Map<String, Object> params = obj.has("params")
                    ? valueMap(object(obj.get("params"), path + ".params"), path + ".params") : Map.of();
            UiPosition ui = UiPosition.ORIGIN;
            if (obj.has("ui")) {
                ObjectNode uiNode = object(obj.get("ui"), path + ".ui");
                ui = new UiPosition(number(uiNode, "x", path + ".ui.x"), number(uiNode, "y", path + ".ui.y"));
            }
            return new NodeInstance(id, type, typeVersion, label.isEmpty() ? id : label, params, ui);
        }

        private Edge edge(JsonNode json, String path) throws FlowFormatException {
            ObjectNode obj = object(json, path);
            checkKeys(obj, EDGE_KEYS, path + ".");
            return new Edge(port(obj.get("from"), path + ".from"), port(obj.get("to"), path + ".to"));
        }

        private PortRef port(JsonNode json, String path) throws FlowFormatException {
            if (json == null) {
                throw new FlowFormatException(source, path, "missing; an edge needs \"from\" and \"to\"");
            }
            ObjectNode obj = object(json, path);
            checkKeys(obj, PORT_KEYS, path + ".");
            return new PortRef(requiredText(obj, "node", path + ".node"), requiredText(obj, "port", path + ".port"));
        }

        private Map<String, Object> valueMap(ObjectNode obj, String path) throws FlowFormatException {
            Map<String, Object> values = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = obj.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                values.put(f.getKey(), value(f.getValue(), path + "." + f.getKey()));
            }
            return values;
        }

        private Object value(JsonNode json, String path) throws FlowFormatException {
            if (json.isNull()) {
                return null;
            }
            if (json.isTextual()) {
                return json.textValue();
            }
            if (json.isBoolean()) {
                return json.booleanValue();
            }
            if (json.isIntegralNumber()) {
                if (!json.canConvertToLong()) {
                    throw new FlowFormatException(source, path, "number is too large");
                }
                return json.longValue();
            }
            if (json.isNumber()) {
                double v = json.doubleValue();
                if (!Double.isFinite(v)) {
                    // JSON has no infinity: 2E2222222222 would be saved back as the text "Infinity"
                    throw new FlowFormatException(source, path, "number " + json.asText() + " is out of range "
                            + "(beyond ±1.7E308)");
                }
                return v;
            }
            if (json.isArray()) {
                List<Object> list = new ArrayList<>();
                for (int i = 0; i < json.size(); i++) {
                    list.add(value(json.get(i), path + "[" + i + "]"));
                }
                return list;
            }
            return valueMap((ObjectNode) json, path);
        }

        private void checkKeys(ObjectNode obj, Set<String> allowed, String prefix) throws FlowFormatException {
            Iterator<String> names = obj.fieldNames();
            while (names.hasNext()) {
                String key = names.next();
                if (!allowed.contains(key)) {
                    throw new FlowFormatException(source, prefix + key, "unknown field '" + key
                            + "'; allowed here: " + String.join(", ", allowed.stream().sorted().toList()));
                }
            }
        }

        private ObjectNode object(JsonNode json, String path) throws FlowFormatException {
            if (json == null || !json.isObject()) {
                throw new FlowFormatException(source, path, "must be a JSON object");
            }
            return (ObjectNode) json;
        }

        private void array(JsonNode json, String path) throws FlowFormatException {
            if (!json.isArray()) {
                throw new FlowFormatException(source, path, "must be a JSON array");
            }
        }

        private String requiredText(ObjectNode obj, String key, String path) throws FlowFormatException {
            JsonNode v = obj.get(key);
            if (v == null || !v.isTextual() || v.textValue().isBlank()) {
                throw new FlowFormatException(source, path, "missing or empty; a non-empty text is required");
            }
            return v.textValue();
        }

        private String optionalText(ObjectNode obj, String key, String path) throws FlowFormatException {
            JsonNode v = obj.get(key);
            if (v == null || v.isNull()) {
                return "";
            }
            if (!v.isTextual()) {
                throw new FlowFormatException(source, path, "must be a text");
            }
            return v.textValue();
        }

        private double number(ObjectNode obj, String key, String path) throws FlowFormatException {
            JsonNode v = obj.get(key);
            if (v == null || !v.isNumber()) {
                throw new FlowFormatException(source, path, "missing or not a number");
            }
            return v.doubleValue();
        }
    }
}
