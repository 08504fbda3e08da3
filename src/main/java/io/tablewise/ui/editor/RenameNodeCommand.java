package io.tablewise.ui.editor;

import io.tablewise.flow.Flow;

/** Changes a node's label (its id, which edges and run records use, stays). */
public record RenameNodeCommand(String nodeId, String before, String after) implements FlowCommand {
    @Override
    public Flow apply(Flow flow) {
        return FlowEdits.replaceNode(flow, nodeId, n -> n.withLabel(after));
    }

    @Override
    public Flow revert(Flow flow) {
        return FlowEdits.replaceNode(flow, nodeId, n -> n.withLabel(before));
    }

    @Override
    public String description() {
        return "Rename node";
    }
}
