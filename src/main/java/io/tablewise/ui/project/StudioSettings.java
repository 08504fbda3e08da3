package io.tablewise.ui.project;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import io.tablewise.io.AtomicFiles;

/**
 * The studio's own settings (theme, language, recent files) in {@code ~/.tablewise/settings.properties}; the
 * folder can be moved with {@code -Dtablewise.home=DIR} (tests use a temporary one).
 */
public final class StudioSettings {
    private static final int RECENT_LIMIT = 10;
    private final Path home;
    private final Properties values = new Properties();

    /** Settings stored in {@code home}. */
    public StudioSettings(Path home) {
        this.home = home;
        Path file = file();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                // Unreadable settings are not worth stopping for: start with the defaults.
                values.clear();
            }
        }
    }

    /** The settings folder: {@code -Dtablewise.home}, else {@code ~/.tablewise}. */
    public static Path defaultHome() {
        String configured = System.getProperty("tablewise.home");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".tablewise");
    }

    /** The settings folder. */
    public Path home() {
        return home;
    }

    /** "light" or "dark". */
    public String theme() {
        return values.getProperty("theme", "light");
    }

    /** Chooses the theme. */
    public void setTheme(String theme) {
        values.setProperty("theme", theme);
        save();
    }

    /** "" (follow the OS), "en" or "ko". */
    public String language() {
        return values.getProperty("language", "");
    }

    /** Chooses the language. */
    public void setLanguage(String language) {
        values.setProperty("language", language);
        save();
    }

    /** Recently opened or saved flows, newest first, only those that still exist. */
    public List<Path> recentFiles() {
        List<Path> list = new ArrayList<>();
        for (int i = 0; i < RECENT_LIMIT; i++) {
            String v = values.getProperty("recent." + i);
            if (v != null && Files.isRegularFile(Path.of(v))) {
                list.add(Path.of(v));
            }
        }
        return list;
    }

    /** Puts a flow at the top of the recent files. */
    public void addRecent(Path file) {
        List<Path> list = new ArrayList<>(recentFiles());
        Path abs = file.toAbsolutePath().normalize();
        list.remove(abs);
        list.add(0, abs);
        for (int i = 0; i < RECENT_LIMIT; i++) {
            if (i < list.size()) {
                values.setProperty("recent." + i, list.get(i).toString());
            } else {
                values.remove("recent." + i);
            }
        }
        save();
    }

    /**
     * Files and folders the user allowed flows to use beyond their own folder, on this machine only (never stored in
     * a flow): files chosen in a dialog or dropped on the canvas, and folders allowed when a flow asked.
     *
     * @param readFiles single files flows may read
     * @param readDirs folders flows may read
     * @param writeDirs folders flows may write (and read)
     */
    public record PathGrants(List<Path> readFiles, List<Path> readDirs, List<Path> writeDirs) {
        /** Nothing beyond the flow's own folder. */
        public static final PathGrants NONE = new PathGrants(List.of(), List.of(), List.of());
    }

    /** What the user allowed. */
    public PathGrants pathGrants() {
        return new PathGrants(paths("allow.readFile"), paths("allow.readDir"), paths("allow.writeDir"));
    }

    /** Lets flows read one file the user chose on this machine. */
    public void allowReadFile(Path file) {
        addPath("allow.readFile", file);
    }

    /** Lets flows read a folder. */
    public void allowReadDir(Path dir) {
        addPath("allow.readDir", dir);
    }

    /** Lets flows write (and read) a folder. */
    public void allowWriteDir(Path dir) {
        addPath("allow.writeDir", dir);
    }

    /** Replaces every allowance (the settings dialog's list, after the user removed some). */
    public void setPathGrants(PathGrants grants) {
        for (String key : List.of("allow.readFile", "allow.readDir", "allow.writeDir")) {
            for (int i = 0; values.getProperty(key + "." + i) != null; i++) {
                values.remove(key + "." + i);
            }
        }
        putAll("allow.readFile", grants.readFiles());
        putAll("allow.readDir", grants.readDirs());
        putAll("allow.writeDir", grants.writeDirs());
        save();
    }

    private void putAll(String key, List<Path> paths) {
        List<Path> distinct = paths.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
        for (int i = 0; i < distinct.size(); i++) {
            values.setProperty(key + "." + i, distinct.get(i).toString());
        }
    }

    private List<Path> paths(String key) {
        List<Path> list = new ArrayList<>();
        for (int i = 0; values.getProperty(key + "." + i) != null; i++) {
            list.add(Path.of(values.getProperty(key + "." + i)));
        }
        return list;
    }

    private void addPath(String key, Path path) {
        Path abs = path.toAbsolutePath().normalize();
        List<Path> list = paths(key);
        if (!list.contains(abs)) {
            values.setProperty(key + "." + list.size(), abs.toString());
            save();
        }
    }

    private Path file() {
        return home.resolve("settings.properties");
    }

    private void save() {
        try {
            Files.createDirectories(home);
            StringWriter text = new StringWriter();
            values.store(text, "Tablewise studio settings");
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(file(), out -> out.write(bytes));
        } catch (IOException e) {
            // Settings are a convenience; failing to keep them must not interrupt the user's work.
            System.err.println("warning: could not save the studio settings in " + home + ": " + e.getMessage());
        }
    }
}
