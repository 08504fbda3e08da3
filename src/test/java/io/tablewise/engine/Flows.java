package io.tablewise.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tablewise.flow.Edge;
import io.tablewise.flow.Flow;
import io.tablewise.flow.NodeInstance;
import io.tablewise.flow.UiPosition;

/** A tiny builder for flows in tests. */
final class Flows {
    private final List<NodeInstance> nodes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    static Flows flow() {
        return new Flows();
    }

    Flows node(String id, String type, Object... keyValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put((String) keyValues[i], keyValues[i + 1]);
        }
        nodes.add(new NodeInstance(id, type, 1, id, params, UiPosition.ORIGIN));
        return this;
    }

    Flows edge(String from, String to) {
        edges.add(Edge.of(from, "table", to, "table"));
        return this;
    }

    Flows edge(String from, String fromPort, String to, String toPort) {
        edges.add(Edge.of(from, fromPort, to, toPort));
        return this;
    }

    Flows param(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    Flow build() {
        return new Flow("test", "", parameters, nodes, edges);
    }
}
