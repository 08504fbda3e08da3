package io.tablewise.ui.theme;

import java.util.Objects;

import javafx.application.Application;
import javafx.scene.Scene;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/**
 * The look: AtlantaFX's Primer theme, light or dark, plus the studio's own stylesheet (which also bridges the
 * Modena colour names that ControlsFX expects).
 */
public enum Theme {
    /** Light Primer. */
    LIGHT,
    /** Dark Primer. */
    DARK;

    private static final String APP_CSS = "/io/tablewise/ui/app.css";

    /** Makes this theme the application's and styles {@code scene}. */
    public void apply(Scene scene) {
        Application.setUserAgentStylesheet(this == DARK ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        String css = Objects.requireNonNull(Theme.class.getResource(APP_CSS)).toExternalForm();
        if (!scene.getStylesheets().contains(css)) {
            scene.getStylesheets().add(css);
        }
        scene.getRoot().getStyleClass().removeAll("theme-light", "theme-dark");
        scene.getRoot().getStyleClass().add(this == DARK ? "theme-dark" : "theme-light");
    }

    /** The theme named in the settings, light when unknown. */
    public static Theme parse(String name) {
        return "dark".equalsIgnoreCase(name) ? DARK : LIGHT;
    }
}
