package io.tablewise.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tablewise.flow.Flow;
import io.tablewise.flow.json.FlowFormatException;
import io.tablewise.flow.json.FlowReader;

/** Loading a flow named on the command line, and parsing {@code --param NAME=VALUE} options. */
final class FlowFile {
    private FlowFile() {
    }

    /** A flow read from the command line with its parameter overrides. */
    record Loaded(Flow flow, Map<String, String> overrides) {
    }

    /** The flow and its overrides, or null after printing why they cannot be read. */
    static Loaded load(Path file, List<String> params, PrintWriter err) {
        Flow flow = load(file, err);
        Map<String, String> overrides = overrides(params, err);
        return flow == null || overrides == null ? null : new Loaded(flow, overrides);
    }

    /** The flow, or null after printing why it cannot be read. */
    static Flow load(Path file, PrintWriter err) {
        try {
            return new FlowReader().read(file);
        } catch (FlowFormatException e) {
            err.println("error: " + e.getMessage());
            return null;
        }
    }

    /** The folder relative paths in the flow are resolved against. */
    static Path dirOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }

    /** NAME=VALUE pairs as a map; null after printing the first malformed one. */
    static Map<String, String> overrides(List<String> params, PrintWriter err) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                err.println("error: --param takes NAME=VALUE, got '" + p + "'");
                return null;
            }
            map.put(p.substring(0, eq).trim(), p.substring(eq + 1));
        }
        return map;
    }
}
