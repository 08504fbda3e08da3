package io.tablewise.ui.editor;

import io.tablewise.flow.Flow;

/** Sets (or, with {@code null}, clears back to the default) one parameter of one node. */
public record SetParamCommand(String nodeId, String param, Object before, Object after) implements FlowCommand {
    @Override
    public Flow apply(Flow flow) {
        return FlowEdits.replaceNode(flow, nodeId, n -> n.withParam(param, after));
    }

    @Override
    public Flow revert(Flow flow) {
        return FlowEdits.replaceNode(flow, nodeId, n -> n.withParam(param, before));
    }

    @Override
    public String description() {
        return "Change " + param;
    }

    /** Successive edits of the same parameter (keystrokes in one field) undo as one. */
    @Override
    public FlowCommand mergeWith(FlowCommand next) {
        if (next instanceof SetParamCommand s && s.nodeId.equals(nodeId) && s.param.equals(param)) {
            return new SetParamCommand(nodeId, param, before, s.after);
        }
        return null;
    }
}
