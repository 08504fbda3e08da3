package io.tablewise.ui.theme;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.scene.text.Font;

/**
 * Loads the Korean TrueType font that travels inside the application (NanumBarunGothic, SIL OFL). A font loaded this
 * way joins every JavaFX font's fallback list, so Korean in labels, grid cells and charts is drawn whatever the
 * machine has: on Linux JavaFX cannot draw the CFF-outline collections ({@code fonts-noto-cjk}) that fontconfig
 * offers for Korean, and a server or container may have no CJK font at all. Latin text keeps the system font.
 */
public final class BundledFonts {
    /** The family name of the bundled Korean font. */
    public static final String KOREAN_FAMILY = "NanumBarunGothic";

    private static final List<String> FILES = List.of("/assets/fonts/NanumBarunGothic.ttf",
            "/assets/fonts/NanumBarunGothicBold.ttf");
    private static final Logger LOG = Logger.getLogger(BundledFonts.class.getName());
    private static boolean loaded;

    private BundledFonts() {
    }

    /**
     * Loads the fonts once (later calls do nothing); needs the JavaFX toolkit. Call it before the first scene or text
     * node: JavaFX fixes the fallback list at the first use of any font, and a font loaded later is not in it.
     */
    public static synchronized void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        for (String file : FILES) {
            try (InputStream in = BundledFonts.class.getResourceAsStream(file)) {
                if (in == null || Font.loadFont(in, 12) == null) {
                    LOG.warning(() -> "The bundled font " + file + " could not be loaded; Korean may show as boxes.");
                }
            } catch (IOException e) {
                LOG.log(Level.WARNING, "The bundled font " + file + " could not be read", e);
            }
        }
    }
}
