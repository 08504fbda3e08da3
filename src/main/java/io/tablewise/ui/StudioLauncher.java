package io.tablewise.ui;

import javafx.application.Application;

/**
 * Starts the studio. {@code io.tablewise.Main} calls it by name, so the command-line path never loads JavaFX;
 * going through a plain class also lets JavaFX start from the class path (no module path needed).
 */
public final class StudioLauncher {
    private StudioLauncher() {
    }

    /** Opens the studio window; {@code args} may hold one {@code .flow} file. Returns when the window closes. */
    public static void launch(String[] args) {
        Application.launch(StudioApp.class, args);
    }
}
