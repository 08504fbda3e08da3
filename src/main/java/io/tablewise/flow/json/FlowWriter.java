package io.tablewise.flow.json;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

import io.tablewise.flow.Edge;
import io.tablewise.flow.Flow;
import io.tablewise.flow.NodeInstance;
import io.tablewise.flow.PortRef;
import io.tablewise.io.AtomicFiles;

/**
 * Writes flows in the canonical form: two-space indentation, {@code "key": value}, LF line endings, top-level and
 * node keys in a fixed order, node parameters sorted by name (so two edits in another order give the same
 * file), and a final newline. Reading a canonical file and writing it again gives the same bytes.
 */
public final class FlowWriter {
    private final JsonFactory factory = new JsonFactory();

    /** The canonical JSON text of a flow. */
    public String toJson(Flow flow) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.setPrettyPrinter(prettyPrinter());
            g.writeStartObject();
            g.writeStringField("format", FlowFormat.FORMAT_ID);
            g.writeNumberField("formatVersion", FlowFormat.CURRENT_VERSION);
            g.writeStringField("name", flow.name());
            g.writeStringField("description", flow.description());
            g.writeFieldName("parameters");
            writeValue(g, flow.parameters());
            g.writeArrayFieldStart("nodes");
            for (NodeInstance node : flow.nodes()) {
                writeNode(g, node);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("edges");
            for (Edge edge : flow.edges()) {
                g.writeStartObject();
                writePort(g, "from", edge.from());
                writePort(g, "to", edge.to());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    /** Saves a flow atomically, keeping the previous file as {@code NAME.flow.bak}. */
    public void save(Flow flow, Path file) throws IOException {
        String json = toJson(flow);
        try {
            // what is saved must open again: the reader's limits (text length, nesting) apply before anything is
            // written, so the file on disk is never one that cannot be reopened
            new FlowReader().read(json, file.getFileName().toString());
        } catch (FlowFormatException e) {
            throw new IOException("the flow cannot be saved as it is, because it could not be opened again: "
                    + e.getMessage() + ". Shorten the long value or simplify the parameter", e);
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes), true);
    }

    private void writeNode(JsonGenerator g, NodeInstance node) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", node.id());
        g.writeStringField("type", node.type());
        g.writeNumberField("typeVersion", node.typeVersion());
        g.writeStringField("label", node.label());
        g.writeFieldName("params");
        writeValue(g, new TreeMap<>(node.params()));
        g.writeObjectFieldStart("ui");
        g.writeNumberField("x", node.ui().x());
        g.writeNumberField("y", node.ui().y());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writePort(JsonGenerator g, String field, PortRef port) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("node", port.node());
        g.writeStringField("port", port.port());
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Long l) {
            g.writeNumber(l);
        } else if (value instanceof Double d) {
            g.writeNumber(d);
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object v : list) {
                writeValue(g, v);
            }
            g.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else {
            throw new IllegalArgumentException("unsupported value " + value.getClass().getName());
        }
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
    }
}
