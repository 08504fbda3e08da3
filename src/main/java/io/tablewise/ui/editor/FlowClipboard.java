package io.tablewise.ui.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tablewise.flow.Edge;
import io.tablewise.flow.Flow;
import io.tablewise.flow.NodeInstance;
import io.tablewise.flow.PortRef;
import io.tablewise.flow.UiPosition;
import io.tablewise.flow.json.FlowFormatException;
import io.tablewise.flow.json.FlowReader;
import io.tablewise.flow.json.FlowWriter;

/**
 * Copy and paste of nodes as flow-file JSON: the clipboard holds a small valid flow, so nodes can be pasted into
 * another window, or into a text editor and back.
 */
final class FlowClipboard {
    private FlowClipboard() {
    }

    static Optional<String> copy(Flow flow, Set<String> selected) {
        if (selected.isEmpty()) {
            return Optional.empty();
        }
        List<NodeInstance> nodes = flow.nodes().stream().filter(n -> selected.contains(n.id())).toList();
        List<Edge> edges = flow.edges().stream()
                .filter(e -> selected.contains(e.from().node()) && selected.contains(e.to().node())).toList();
        return Optional.of(new FlowWriter().toJson(new Flow("clipboard", "", Map.of(), nodes, edges)));
    }

    static Optional<AddNodesCommand> paste(String text, Set<String> taken, double offset) {
        if (text == null || !text.contains("\"nodes\"")) {
            return Optional.empty();
        }
        Flow copied;
        try {
            copied = new FlowReader().read(text, "clipboard");
        } catch (FlowFormatException e) {
            return Optional.empty();
        }
        if (copied.nodes().isEmpty()) {
            return Optional.empty();
        }
        Set<String> used = new HashSet<>(taken);
        Map<String, String> renamed = new HashMap<>();
        List<NodeInstance> nodes = new ArrayList<>();
        for (NodeInstance n : copied.nodes()) {
            String id = used.contains(n.id()) ? NodeIds.fresh(n.id(), used) : n.id();
            used.add(id);
            renamed.put(n.id(), id);
            nodes.add(new NodeInstance(id, n.type(), n.typeVersion(), n.label(), n.params(),
                    new UiPosition(n.ui().x() + offset, n.ui().y() + offset)));
        }
        List<Edge> edges = copied.edges().stream()
                .map(e -> new Edge(new PortRef(renamed.get(e.from().node()), e.from().port()),
                        new PortRef(renamed.get(e.to().node()), e.to().port())))
                .toList();
        String what = nodes.size() == 1 ? "Paste node" : "Paste " + nodes.size() + " nodes";
        return Optional.of(new AddNodesCommand(nodes, edges, what));
    }
}
