package io.tablewise.ui.editor;

import io.tablewise.flow.Flow;

/**
 * One undoable edit of a flow. A command stores only what it changes (a node, an edge, a parameter's old and new
 * value), so undo and redo cost nothing however large the flow is, and {@code revert(apply(f))} gives back a flow
 * equal to {@code f} (same node and edge order, so a save after undo writes the same bytes).
 */
public interface FlowCommand {
    /** The flow with this edit made. */
    Flow apply(Flow flow);

    /** The flow with this edit taken back; {@code flow} is the result of {@link #apply}. */
    Flow revert(Flow flow);

    /** What the edit did, for the Edit menu ("Undo Move 2 nodes"). */
    String description();

    /**
     * This command followed at once by {@code next}, as one command, when the two belong together (typing in one
     * parameter field); {@code null} when they do not.
     */
    default FlowCommand mergeWith(FlowCommand next) {
        return null;
    }
}
