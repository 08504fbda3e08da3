package io.tablewise.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Flow files written as JSON by hand, as a hostile or careless author would, for the corpus tests. */
final class HostileFlows {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HostileFlows() {
    }

    /** A flow document's JSON text. */
    static String json(String name, List<Map<String, Object>> nodes, List<Map<String, Object>> edges) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "tablewise.flow");
        doc.put("formatVersion", 1);
        doc.put("name", name);
        doc.put("description", "");
        doc.put("parameters", Map.of());
        doc.put("nodes", nodes);
        doc.put("edges", edges);
        try {
            return JSON.writeValueAsString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A node entry. */
    static Map<String, Object> node(String id, String type, Map<String, Object> params) {
        return Map.of("id", id, "type", type, "typeVersion", 1, "label", id, "params", params,
                "ui", Map.of("x", 0, "y", 0));
    }

    /** An edge entry between named ports. */
    static Map<String, Object> edge(String from, String fromPort, String to, String toPort) {
        return Map.of("from", Map.of("node", from, "port", fromPort), "to", Map.of("node", to, "port", toPort));
    }
}
