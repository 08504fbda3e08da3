package io.tablewise.ui.export;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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

    /** Chooses a data file to read; empty when the user cancels. */
    @FunctionalInterface
    public interface OpenChooser {
        /** The file to read. */
        Optional<Path> choose(Window owner);
    }

    private static Chooser chooser = ExportDialogs::fileChooser;
    private static OpenChooser opener = ExportDialogs::openChooser;
    private static File lastFolder;

    private ExportDialogs() {
    }

    /** Replaces the file chooser (headless tests answer with a path of their own); null restores the dialog. */
    public static void useChooser(Chooser c) {
        chooser = c == null ? ExportDialogs::fileChooser : c;
    }

    /** Replaces the open dialog (headless tests); null restores the dialog. */
    public static void useOpenChooser(OpenChooser c) {
        opener = c == null ? ExportDialogs::openChooser : c;
    }

    /** Asks for a data file to read (CSV, TSV, Excel, JSON Lines). */
    public static Optional<Path> chooseData(Node from) {
        Optional<Path> file = opener.choose(from.getScene() == null ? null : from.getScene().getWindow());
        file.ifPresent(f -> lastFolder = f.toAbsolutePath().getParent().toFile());
        return file;
    }

    /** Asks where to write a file, suggesting {@code file}'s name and folder. */
    public static Optional<Path> chooseOutput(Node from, Path file, String extension) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) {
            lastFolder = folder.toFile();
        }
        String name = file.getFileName().toString();
        String base = name.endsWith("." + extension) ? name.substring(0, name.length() - extension.length() - 1)
                : name;
        return chooser.choose(from.getScene() == null ? null : from.getScene().getWindow(), base, extension);
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

    /** The file-type choices of a dialog that opens data: every importable kind, then all files. */
    public static List<FileChooser.ExtensionFilter> dataFilters() {
        return List.of(new FileChooser.ExtensionFilter(Messages.get("doc.dataFiles"), "*.csv", "*.tsv", "*.txt",
                "*.xlsx", "*.jsonl", "*.ndjson"), new FileChooser.ExtensionFilter(Messages.get("doc.allFiles"), "*.*"));
    }

    private static Optional<Path> openChooser(Window owner) {
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get("predict.chooseInput"));
        fc.getExtensionFilters().addAll(dataFilters());
        if (lastFolder != null && lastFolder.isDirectory()) {
            fc.setInitialDirectory(lastFolder);
        }
        File f = fc.showOpenDialog(owner);
        return f == null ? Optional.empty() : Optional.of(f.toPath());
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
