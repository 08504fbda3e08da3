package io.tablewise.ui;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the studio finds the sample projects: next to the working folder, the jar, or the installed app. */
final class StudioPaths {
    private StudioPaths() {
    }

    /** Where the analyst's copies of the samples go: {@code ~/Tablewise/samples} ({@code -Dtablewise.projects}). */
    static Path sampleCopies() {
        String configured = System.getProperty("tablewise.projects");
        Path root = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), "Tablewise");
        return root.resolve("samples");
    }

    /** The {@code projects-sample} folder ({@code -Dtablewise.samples} overrides), or null. */
    static Path samples() {
        String configured = System.getProperty("tablewise.samples");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path here = Path.of("projects-sample");
        if (Files.isDirectory(here)) {
            return here.toAbsolutePath();
        }
        try {
            Path jar = Path.of(StudioPaths.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = jar.getParent(); dir != null; dir = dir.getParent()) {
                if (Files.isDirectory(dir.resolve("projects-sample"))) {
                    return dir.resolve("projects-sample");
                }
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
        return null;
    }
}
