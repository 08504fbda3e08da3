package io.tablewise.ui.editor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Undo and redo of {@link FlowCommand}s, and whether the flow differs from what was last saved. Plain Java: the
 * editor exposes its state to the view.
 */
public final class UndoStack {
    private static final int LIMIT = 500;
    private final Deque<FlowCommand> undo = new ArrayDeque<>();
    private final Deque<FlowCommand> redo = new ArrayDeque<>();
    /** Depth of the undo stack when last saved; -1 when that state is gone (can no longer be reached). */
    private int savedDepth;
    private boolean mergeable;

    /** Records a command that was just applied. */
    public void push(FlowCommand command, boolean mergeWithPrevious) {
        redo.clear();
        if (savedDepth > undo.size()) {
            savedDepth = -1;
        }
        FlowCommand merged = mergeWithPrevious && mergeable && !undo.isEmpty() && savedDepth != undo.size()
                ? undo.peek().mergeWith(command) : null;
        if (merged != null) {
            undo.pop();
            undo.push(merged);
        } else {
            undo.push(command);
            if (undo.size() > LIMIT) {
                undo.removeLast();
                savedDepth = savedDepth > 0 ? savedDepth - 1 : -1;
            }
        }
        mergeable = mergeWithPrevious;
    }

    /** The command to undo, moved to the redo stack. */
    public Optional<FlowCommand> undo() {
        mergeable = false;
        if (undo.isEmpty()) {
            return Optional.empty();
        }
        FlowCommand c = undo.pop();
        redo.push(c);
        return Optional.of(c);
    }

    /** The command to redo, moved back to the undo stack. */
    public Optional<FlowCommand> redo() {
        mergeable = false;
        if (redo.isEmpty()) {
            return Optional.empty();
        }
        FlowCommand c = redo.pop();
        undo.push(c);
        return Optional.of(c);
    }

    /** Ends a run of mergeable edits (the user left the field). */
    public void breakMerge() {
        mergeable = false;
    }

    /** Description of the next undo, or empty. */
    public Optional<String> undoDescription() {
        return Optional.ofNullable(undo.peek()).map(FlowCommand::description);
    }

    /** Description of the next redo, or empty. */
    public Optional<String> redoDescription() {
        return Optional.ofNullable(redo.peek()).map(FlowCommand::description);
    }

    /** Remembers the current state as saved. */
    public void markSaved() {
        savedDepth = undo.size();
        mergeable = false;
    }

    /** Marks the current state as differing from any saved file (a flow restored after a crash). */
    public void markUnsaved() {
        savedDepth = -1;
    }

    /** True when the flow differs from the saved one. */
    public boolean isDirty() {
        return savedDepth != undo.size();
    }

    /** Forgets all history (a new or reopened flow). */
    public void clear() {
        undo.clear();
        redo.clear();
        savedDepth = 0;
        mergeable = false;
    }
}
