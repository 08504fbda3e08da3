package io.tablewise.ui.editor;

import java.util.List;

import io.tablewise.flow.Flow;

/** Several commands undone and redone as one (e.g. add a node and connect it). */
public record CompoundCommand(List<FlowCommand> parts, String description) implements FlowCommand {
    /** Copies the list. */
    public CompoundCommand {
        parts = List.copyOf(parts);
    }

    @Override
    public Flow apply(Flow flow) {
        Flow result = flow;
        for (FlowCommand c : parts) {
            result = c.apply(result);
        }
        return result;
    }

    @Override
    public Flow revert(Flow flow) {
        Flow result = flow;
        for (int i = parts.size() - 1; i >= 0; i--) {
            result = parts.get(i).revert(result);
        }
        return result;
    }
}
