package io.tablewise.ui;

import javafx.application.Application;

/**
 * Starts the studio. {@code io.tablewise.Main} calls it by name, so the command-line path never loads JavaFX;
 * going through a plain class also lets JavaFX start from the class path (no module path needed).
 */
public final class StudioLauncher {
    /**
     * JavaFX's own logger, kept referenced so its level holds: started from the class path (our supported way, see
     * above), JavaFX warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" at every
     * start, which users read as a fault. Its other warnings and errors still print.
     */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    private StudioLauncher() {
    }

    /** Opens the studio window; {@code args} may hold one {@code .flow} file. Returns when the window closes. */
    public static void launch(String[] args) {
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null
                || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        Application.launch(StudioApp.class, args);
    }
}
