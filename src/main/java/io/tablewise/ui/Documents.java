package io.tablewise.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ButtonBar;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import io.tablewise.engine.ValidationReport;
import io.tablewise.flow.Flow;
import io.tablewise.flow.json.FlowFormatException;
import io.tablewise.flow.json.FlowReader;
import io.tablewise.flow.json.FlowWriter;
import io.tablewise.ui.editor.FlowEditor;
import io.tablewise.ui.project.FlowPaths;
import io.tablewise.ui.project.RecoveryStore;
import io.tablewise.ui.project.StudioSettings;
import io.tablewise.ui.run.RunViewModel;

/**
 * New, open, save, save as, close and crash recovery for the window's one flow. Saves are atomic and keep a
 * {@code .bak} (the engine's {@link FlowWriter}); a file that cannot be read is reported with its location and
 * nothing in the window is lost.
 */
final class Documents {
    private final FlowEditor editor;
    private final RunViewModel runs;
    private final StudioSettings settings;
    private final RecoveryStore recovery;
    private final Window owner;

    Documents(FlowEditor editor, RunViewModel runs, StudioSettings settings, RecoveryStore recovery, Window owner) {
        this.editor = editor;
        this.runs = runs;
        this.settings = settings;
        this.recovery = recovery;
        this.owner = owner;
    }

    /** Starts a new, empty flow (after asking about unsaved changes). */
    boolean newFlow() {
        if (!confirmDiscard()) {
            return false;
        }
        editor.load(Flow.empty(Messages.get("doc.untitled")), null, false);
        recovery.clear();
        return true;
    }

    /** Asks for a flow file and opens it. */
    boolean open() {
        FileChooser chooser = flowChooser(Messages.get("doc.openTitle"));
        Path current = editor.fileProperty().get();
        if (current != null && current.toAbsolutePath().getParent() != null) {
            chooser.setInitialDirectory(current.toAbsolutePath().getParent().toFile());
        }
        File file = chooser.showOpenDialog(owner);
        return file != null && open(file.toPath());
    }

    /** Opens a flow file (after asking about unsaved changes); reports what is wrong if it cannot be read. */
    boolean open(Path file) {
        if (!confirmDiscard()) {
            return false;
        }
        try {
            Flow flow = read(file);
            editor.load(flow, file.toAbsolutePath().normalize(), false);
            settings.addRecent(file);
            recovery.clear();
            askAboutOutsidePaths(flow);
            return true;
        } catch (FlowFormatException e) {
            error(Messages.get("doc.openFailed", file.getFileName()), describe(e));
            return false;
        }
    }

    /** Reads a flow without showing anything: for tests and the start page. */
    static Flow read(Path file) throws FlowFormatException {
        if (!Files.isRegularFile(file)) {
            throw new FlowFormatException(file.toString(), "", "the file does not exist");
        }
        return new FlowReader().read(file);
    }

    /** Saves to the flow's file, or asks for one. */
    boolean save() {
        Path file = editor.fileProperty().get();
        return file == null ? saveAs() : saveTo(file);
    }

    /** Asks for a file and saves there. */
    boolean saveAs() {
        FileChooser chooser = flowChooser(Messages.get("doc.saveTitle"));
        Path current = editor.fileProperty().get();
        chooser.setInitialFileName(current == null ? safeName(editor.flow().name()) + ".flow"
                : current.getFileName().toString());
        if (current != null && current.toAbsolutePath().getParent() != null) {
            chooser.setInitialDirectory(current.toAbsolutePath().getParent().toFile());
        }
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return false;
        }
        Path target = file.toPath();
        if (!target.getFileName().toString().endsWith(".flow")) {
            target = target.resolveSibling(target.getFileName() + ".flow");
        }
        if (!offerToCopyOutsideData(target.toAbsolutePath().normalize().getParent())) {
            return false;
        }
        return saveTo(target);
    }

    /**
     * Saving into another folder: data files that would then lie outside the project are offered to be copied into
     * its {@code data/} folder, so the project folder is whole when it is shared. Declined, the files stay where
     * they are and this machine keeps allowing the flow to read them. False when the copy failed.
     */
    private boolean offerToCopyOutsideData(Path newDir) {
        Path oldDir = runs.flowDir();
        if (newDir.equals(oldDir.toAbsolutePath().normalize())) {
            return true;
        }
        Flow rebased = FlowPaths.rebase(editor.flow(), editor.registry(), oldDir, newDir);
        java.util.Set<Path> outside = FlowPaths.outsideInputs(rebased, editor.registry(), newDir);
        if (outside.isEmpty()) {
            return true;
        }
        StringBuilder text = new StringBuilder(Messages.get("doc.copyData.text")).append("\n\n");
        outside.forEach(f -> text.append(f).append('\n'));
        ButtonType copy = new ButtonType(Messages.get("doc.copyData.copy"), ButtonBar.ButtonData.YES);
        ButtonType keep = new ButtonType(Messages.get("doc.copyData.keep"), ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text.toString(), copy, keep);
        alert.initOwner(owner);
        alert.setHeaderText(Messages.get("doc.copyData.header", outside.size()));
        if (alert.showAndWait().orElse(keep) != copy) {
            outside.forEach(settings::allowReadFile);
            return true;
        }
        try {
            Flow copied = FlowPaths.copyInto(rebased, editor.registry(), newDir, outside);
            editor.adopt(FlowPaths.rebase(copied, editor.registry(), newDir, oldDir));
            return true;
        } catch (IOException e) {
            error(Messages.get("doc.copyData.failed"), e.getMessage());
            return false;
        }
    }

    /** Saves the flow to {@code file}, moving relative data paths when the folder changes. */
    boolean saveTo(Path file) {
        Path target = file.toAbsolutePath().normalize();
        Flow flow = FlowPaths.rebase(editor.flow(), editor.registry(), runs.flowDir(), target.getParent());
        if (editor.flow().name().equals(Messages.get("doc.untitled")) || editor.flow().name().isBlank()) {
            String base = target.getFileName().toString().replaceFirst("\\.flow$", "");
            flow = new Flow(base, flow.description(), flow.parameters(), flow.nodes(), flow.edges());
        }
        try {
            Files.createDirectories(target.getParent());
            new FlowWriter().save(flow, target);
        } catch (IOException e) {
            error(Messages.get("doc.saveFailed", target.getFileName()), target + "\n" + e.getMessage());
            return false;
        }
        runs.carryResultsTo(target.getParent());
        if (flow != editor.flow()) {
            // Paths or name were adjusted for the new folder: keep the window in step with the file.
            editor.adopt(flow);
        }
        editor.markSaved(target);
        settings.addRecent(target);
        recovery.clear();
        return true;
    }

    /** Writes the recovery copy when there are unsaved changes (every minute). */
    void autosave() {
        if (!editor.dirtyProperty().get()) {
            return;
        }
        try {
            recovery.save(editor.flow(), editor.fileProperty().get());
        } catch (IOException e) {
            runs.log().add(Messages.get("doc.autosaveFailed", e.getMessage()));
        }
    }

    /** At start-up: offers flows left behind by a crash; true if one was restored. */
    boolean offerRecovery() {
        List<RecoveryStore.Entry> left = recovery.leftovers();
        for (RecoveryStore.Entry entry : left) {
            Optional<Flow> flow = recovery.read(entry);
            if (flow.isEmpty()) {
                recovery.discard(entry);
                continue;
            }
            String name = entry.originalFile() == null ? Messages.get("doc.untitled")
                    : entry.originalFile().getFileName().toString();
            ButtonType restore = new ButtonType(Messages.get("doc.restore"), ButtonBar.ButtonData.YES);
            ButtonType discard = new ButtonType(Messages.get("doc.discard"), ButtonBar.ButtonData.NO);
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION, Messages.get("doc.recoverText", name), restore,
                    discard);
            ask.initOwner(owner);
            ask.setHeaderText(Messages.get("doc.recoverTitle"));
            Optional<ButtonType> answer = ask.showAndWait();
            recovery.discard(entry);
            if (answer.isPresent() && answer.get() == restore) {
                editor.load(flow.get(), entry.originalFile(), true);
                return true;
            }
        }
        return false;
    }

    /** Asks what to do with unsaved changes; true when it is fine to go on (saved or discarded). */
    boolean confirmDiscard() {
        if (!editor.dirtyProperty().get()) {
            return true;
        }
        ButtonType save = new ButtonType(Messages.get("doc.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(Messages.get("doc.dontSave"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(Messages.get("doc.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Path file = editor.fileProperty().get();
        String name = file == null ? Messages.get("doc.untitled") : file.getFileName().toString();
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, Messages.get("doc.unsavedText"), save, discard, cancel);
        ask.initOwner(owner);
        ask.setHeaderText(Messages.get("doc.unsavedTitle", name));
        Optional<ButtonType> answer = ask.showAndWait();
        if (answer.isEmpty() || answer.get() == cancel) {
            return false;
        }
        return answer.get() == discard || save();
    }

    /** Called when the window closes for good: the recovery copy is no longer needed. */
    void closed() {
        recovery.clear();
    }

    private FileChooser flowChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(Messages.get("doc.flowFiles"), "*.flow"),
                new FileChooser.ExtensionFilter(Messages.get("doc.allFiles"), "*.*"));
        return chooser;
    }

    /**
     * A shared flow that reads or writes outside its folder is shown with those paths, once, when it is opened:
     * the user allows them on this machine (remembered in the settings, never in the flow) or keeps them blocked,
     * in which case the nodes show why they cannot run.
     */
    private void askAboutOutsidePaths(Flow flow) {
        List<ValidationReport.PathUse> refused = runs.refusedPaths(flow);
        if (refused.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(Messages.get("doc.outsidePaths.text")).append("\n\n");
        for (ValidationReport.PathUse u : refused) {
            String node = flow.node(u.nodeId()).map(n -> n.label().isBlank() ? n.id() : n.label()).orElse(u.nodeId());
            text.append(Messages.get(u.write() ? "doc.outsidePaths.write" : "doc.outsidePaths.read",
                    node, u.path() == null ? "?" : u.path())).append('\n');
        }
        ButtonType allow = new ButtonType(Messages.get("doc.outsidePaths.allow"), ButtonBar.ButtonData.OK_DONE);
        ButtonType block = new ButtonType(Messages.get("doc.outsidePaths.block"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, text.toString(), block, allow);
        alert.initOwner(owner);
        alert.setHeaderText(Messages.get("doc.outsidePaths.header"));
        if (alert.showAndWait().orElse(block) == allow) {
            for (ValidationReport.PathUse u : refused) {
                if (u.path() == null) {
                    continue;
                }
                if (u.write()) {
                    settings.allowWriteDir(u.path().getParent());
                } else {
                    settings.allowReadFile(u.path());
                }
            }
            runs.refresh();
        }
    }

    private void error(String header, String text) {
        Alert alert = new Alert(Alert.AlertType.ERROR, text, ButtonType.OK);
        alert.initOwner(owner);
        alert.setHeaderText(header);
        alert.showAndWait();
    }

    static String describe(FlowFormatException e) {
        return e.getMessage() + "\n\n" + Messages.get("doc.fileUntouched");
    }

    private static String safeName(String name) {
        String s = name == null ? "" : name.replaceAll("[\\\\/:*?\"<>|]", "_").strip();
        return s.isEmpty() ? "flow" : s;
    }
}
