package io.tablewise.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.tablewise.flow.Edge;
import io.tablewise.flow.Flow;
import io.tablewise.flow.FlowGraph;
import io.tablewise.flow.NodeInstance;
import io.tablewise.io.ContentHash;
import io.tablewise.node.NodeParams;
import io.tablewise.node.NodeType;
import io.tablewise.node.registry.NodeRegistry;

/**
 * Fingerprints of node results: SHA-256 over the node type and version, its effective parameters (canonical,
 * sorted), the fingerprints of its inputs (by port) and the content hash of every data file it reads. A node
 * whose fingerprint did not change since its last run need not run again.
 */
public final class Fingerprints {
    private Fingerprints() {
    }

    /**
     * Fingerprints of every node that validated, in topological order; nodes with errors, and everything
     * downstream of them, get none.
     */
    public static Map<String, String> compute(Flow flow, ValidationReport report, NodeRegistry registry,
                                              Path flowDir) {
        Map<String, String> result = new HashMap<>();
        if (new FlowGraph(flow).findCycle().isPresent()) {
            return result;
        }
        for (String id : new FlowGraph(flow).topologicalOrder()) {
            NodeInstance node = flow.node(id).orElseThrow();
            NodeParams params = report.params().get(id);
            NodeType type = registry.find(node.type()).orElse(null);
            if (params == null || type == null || report.hasErrors(id)) {
                continue;
            }
            StringBuilder sb = new StringBuilder();
            sb.append(type.descriptor().id()).append('@').append(type.descriptor().version()).append('\n');
            // a file the node reads counts by its content (below), not by the path written in the flow: the same
            // data reached from another folder (Save As, a copied project) is the same input
            Map<String, Object> named = new TreeMap<>(params.asMap());
            for (String p : type.inputFileParams()) {
                if (named.get(p) instanceof String path && !path.isBlank()) {
                    named.put(p, "<file>");
                }
            }
            sb.append(canonical(named)).append('\n');
            boolean inputsKnown = true;
            List<Edge> incoming = flow.incoming(id).stream()
                    .sorted((a, b) -> a.to().port().compareTo(b.to().port())).toList();
            for (Edge e : incoming) {
                String upstream = result.get(e.from().node());
                if (upstream == null) {
                    inputsKnown = false;
                    break;
                }
                sb.append(e.to().port()).append('=').append(upstream).append('/').append(e.from().port()).append('\n');
            }
            if (!inputsKnown) {
                continue;
            }
            for (String p : type.inputFileParams()) {
                String path = params.string(p);
                if (path != null && !path.isBlank()) {
                    sb.append(p).append('#').append(fileHash(flowDir.resolve(path))).append('\n');
                }
            }
            result.put(id, sha256(sb.toString()));
        }
        return result;
    }

    private static String fileHash(Path file) {
        try {
            return Files.isRegularFile(file) ? ContentHash.of(file) : "missing";
        } catch (IOException e) {
            return "unreadable";
        }
    }

    /** A canonical text of a parameter value: maps sorted by key, strings quoted. */
    static String canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("{");
            new TreeMap<>(map).forEach((k, v) -> sb.append(quote(String.valueOf(k))).append(':')
                    .append(canonical(v)).append(','));
            return sb.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            list.forEach(v -> sb.append(canonical(v)).append(','));
            return sb.append(']').toString();
        }
        if (value instanceof String s) {
            return quote(s);
        }
        return String.valueOf(value);
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
