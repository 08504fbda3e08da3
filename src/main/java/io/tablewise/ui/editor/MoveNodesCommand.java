package io.tablewise.ui.editor;

import java.util.Map;

import io.tablewise.flow.Flow;
import io.tablewise.flow.UiPosition;

/** Moves nodes on the canvas: the positions before and after a drag. */
public record MoveNodesCommand(Map<String, UiPosition> before, Map<String, UiPosition> after) implements FlowCommand {
    /** Copies the maps. */
    public MoveNodesCommand {
        before = Map.copyOf(before);
        after = Map.copyOf(after);
    }

    @Override
    public Flow apply(Flow flow) {
        return place(flow, after);
    }

    @Override
    public Flow revert(Flow flow) {
        return place(flow, before);
    }

    private static Flow place(Flow flow, Map<String, UiPosition> positions) {
        return FlowEdits.withNodes(flow, flow.nodes().stream()
                .map(n -> positions.containsKey(n.id()) ? n.withUi(positions.get(n.id())) : n).toList());
    }

    @Override
    public String description() {
        return after.size() == 1 ? "Move node" : "Move " + after.size() + " nodes";
    }
}
