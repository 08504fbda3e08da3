package io.tablewise.ui.inspector;

import java.util.Optional;

/** Lets the inspector ask for a file path (the main window shows a file chooser and relativises the answer). */
public interface FileBrowser {
    /** An existing file to read, as a path relative to the flow; empty when the user cancels. */
    Optional<String> chooseInput(String current);

    /** A file to write, as a path relative to the flow; empty when the user cancels. */
    Optional<String> chooseOutput(String current);
}
