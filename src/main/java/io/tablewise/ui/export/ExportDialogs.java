package io.tablewise.ui.export;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import io.tablewise.ui.Messages;

/** Asks where an export goes (the last folder used is offered again) and reports a failed write. */
public final class ExportDialogs {
    /** Chooses the file to write; empty when the user cancels. */
    @FunctionalInterface
    public interface Chooser {
        /** The file to write, suggested {@code name} with {@code extension} (without dot). */
        Optional<Path> choose(Window owner, String name, String extension);
    }

    /** Writes the export to the chosen file. */
    @FunctionalInterface
    public interface Writer {
        /** Writes {@code file}. */
        void write(Path file) throws IOException;
    }

    private static Chooser chooser = ExportDialogs::fileChooser;
    private static File lastFolder;

    private ExportDialogs() {
    }

    /** Replaces the file chooser (headless tests answer with a path of their own); null restores the dialog. */
    public static void useChooser(Chooser c) {
        chooser = c == null ? ExportDialogs::fileChooser : c;
    }

    /**
     * Asks for a file and writes it; a failure is shown with the file and the reason.
     *
     * @return the file written, empty when cancelled or failed
     */
    public static Optional<Path> save(Node from, String name, String extension, Writer writer) {
        Window owner = from.getScene() == null ? null : from.getScene().getWindow();
        Optional<Path> file = chooser.choose(owner, safeName(name), extension);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            writer.write(file.get());
            lastFolder = file.get().toAbsolutePath().getParent().toFile();
            return file;
        } catch (IOException | RuntimeException e) {
            Alert alert = new Alert(Alert.AlertType.ERROR, Messages.get("export.failed", file.get(),
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            alert.initOwner(owner);
            alert.setHeaderText(null);
            alert.show();
            return Optional.empty();
        }
    }

    /** A file name from a title: no characters that some systems refuse. */
    static String safeName(String title) {
        String s = title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]+", " ").strip();
        return s.isEmpty() ? "export" : s;
    }

    private static Optional<Path> fileChooser(Window owner, String name, String extension) {
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get("export.title", extension.toUpperCase(java.util.Locale.ROOT)));
        fc.setInitialFileName(name + "." + extension);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(java.util.Locale.ROOT),
                "*." + extension));
        if (lastFolder != null && lastFolder.isDirectory()) {
            fc.setInitialDirectory(lastFolder);
        }
        File f = fc.showSaveDialog(owner);
        if (f == null) {
            return Optional.empty();
        }
        Path p = f.toPath();
        return Optional.of(p.getFileName().toString().contains(".") ? p : p.resolveSibling(p.getFileName() + "."
                + extension));
    }
}
