package io.tablewise.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;

import io.tablewise.ui.canvas.CanvasView;
import io.tablewise.ui.editor.FlowEditor;
import io.tablewise.ui.inspector.FileBrowser;
import io.tablewise.ui.inspector.InspectorView;
import io.tablewise.ui.palette.PaletteView;
import io.tablewise.ui.project.FlowPaths;
import io.tablewise.ui.project.SampleProjects;
import io.tablewise.ui.run.RunViewModel;
import io.tablewise.ui.theme.Icons;

/**
 * The studio's main window: menus and tool bar, the palette (left), the canvas (centre) with the start page over
 * it until a flow is open, the inspector (right), the output panel (bottom) and the status bar. It wires views to
 * the session's view models and holds no state of its own beyond the controls.
 */
public final class MainWindow {
    private final Stage stage;
    private final StudioSession session;
    private final FlowEditor editor;
    private final RunViewModel runs;
    private final Documents documents;
    private final CanvasView canvas;
    private final PaletteView palette;
    private final InspectorView inspector;
    private final OutputPanel output;
    private final StackPane centre = new StackPane();
    private final BorderPane root = new BorderPane();
    private final Runnable openSettings;
    private Node startPage;
    private Timeline autosave;

    /** Builds the window's controls for {@code session}; {@code openSettings} shows the settings dialog. */
    /** Where the results panel's divider was before it was maximised. */
    private double restoredDivider = 0.68;

    public MainWindow(Stage stage, StudioSession session, Runnable openSettings) {
        this.stage = stage;
        this.session = session;
        this.editor = session.editor();
        this.runs = session.runs();
        this.openSettings = openSettings;
        this.documents = new Documents(editor, runs, session.settings(), session.recovery(), stage);
        this.canvas = new CanvasView(editor, runs);
        canvas.setOnRunTo(id -> runs.run(Set.of(id)));
        canvas.setRelativePath(f -> {
            // a file dropped by the user may be read by flows on this machine, wherever it is
            session.settings().allowReadFile(f.toPath());
            return FlowPaths.relative(runs.flowDir(), f.toPath());
        });
        this.palette = new PaletteView(session.palette(), editor);
        this.inspector = new InspectorView(session.inspector(), fileBrowser());
        this.output = new OutputPanel(editor, runs);
        output.setOwner(stage);
        output.setOnOpenFlow(file -> open(file));

        centre.getChildren().add(canvas);
        SplitPane vertical = new SplitPane(centre, output);
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.setDividerPositions(0.68);
        output.setOnToggleMaximised(() -> toggleMaximised(vertical));
        SplitPane.setResizableWithParent(output, false);
        SplitPane horizontal = new SplitPane(palette, vertical, inspector);
        horizontal.setDividerPositions(0.17, 0.77);
        SplitPane.setResizableWithParent(palette, false);
        SplitPane.setResizableWithParent(inspector, false);
        palette.setMinWidth(200);
        inspector.setMinWidth(260);

        root.getStyleClass().add("studio");
        root.setTop(new VBox(menuBar(), toolBar()));
        root.setCenter(horizontal);
        root.setBottom(statusBar());
        stage.titleProperty().bind(Bindings.createStringBinding(this::title, editor.fileProperty(),
                editor.dirtyProperty(), editor.flowProperty()));
        editor.fileProperty().addListener((obs, old, now) -> hideStartPage());
    }

    /** The window's root control. */
    public Parent root() {
        return root;
    }

    /** The canvas (for tests and the launcher). */
    public CanvasView canvas() {
        return canvas;
    }

    /** The palette. */
    public PaletteView palette() {
        return palette;
    }

    /** The inspector. */
    public InspectorView inspector() {
        return inspector;
    }

    /** The output panel's data grid. */
    public io.tablewise.ui.grid.DataGridView grid() {
        return output.grid();
    }

    /** Opens a flow file (from the command line or a test). */
    public boolean open(Path file) {
        boolean opened = documents.open(file);
        if (opened) {
            hideStartPage();
            canvas.layout();
            javafx.application.Platform.runLater(canvas::fitToView);
        }
        return opened;
    }

    /** Saves to a given file (tests; the menu asks). */
    public boolean saveTo(Path file) {
        return documents.saveTo(file);
    }

    /** Opens a recent flow as it is, and a sample as the analyst's own copy (see {@link SampleProjects}). */
    private void openSample(Path file) {
        Path samples = session.samples();
        if (samples == null || !file.toAbsolutePath().startsWith(samples.toAbsolutePath())) {
            open(file);
            return;
        }
        try {
            open(SampleProjects.workingCopy(file, StudioPaths.sampleCopies()));
        } catch (java.io.IOException e) {
            Alert alert = new Alert(Alert.AlertType.ERROR, Messages.get("start.copyFailed", file.getParent(),
                    StudioPaths.sampleCopies(), e.getMessage()));
            alert.initOwner(stage);
            alert.setHeaderText(null);
            alert.show();
        }
    }

    /** Shows the start page over the canvas. */
    public void showStartPage() {
        if (startPage == null) {
            StartPage page = new StartPage(session.settings().recentFiles(), session.samples(),
                    () -> {
                        if (documents.newFlow()) {
                            hideStartPage();
                        }
                    }, () -> {
                        if (documents.open()) {
                            hideStartPage();
                        }
                    }, this::openSample);
            // scrolls rather than pushing the output panel's divider down (it stayed there after the page closed)
            StackPane centred = new StackPane(page);
            StackPane.setAlignment(page, Pos.TOP_CENTER);
            javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(centred);
            scroll.setFitToWidth(true);
            scroll.getStyleClass().add("start-scroll");
            StackPane backdrop = new StackPane(scroll);
            backdrop.setMinSize(0, 0);
            backdrop.getStyleClass().add("start-backdrop");
            startPage = backdrop;
            centre.getChildren().add(startPage);
        }
    }

    private void hideStartPage() {
        if (startPage != null) {
            centre.getChildren().remove(startPage);
            startPage = null;
        }
    }

    /** Starts the minute-by-minute autosave and offers flows left by a crash. */
    public void startBackgroundDuties(boolean offerRecovery) {
        autosave = new Timeline(new KeyFrame(Duration.minutes(1), e -> documents.autosave()));
        autosave.setCycleCount(Timeline.INDEFINITE);
        autosave.play();
        if (offerRecovery && documents.offerRecovery()) {
            hideStartPage();
        }
    }

    /** Asks about unsaved changes; true when the window may close. */
    public boolean confirmClose() {
        if (!documents.confirmDiscard()) {
            return false;
        }
        if (autosave != null) {
            autosave.stop();
        }
        documents.closed();
        return true;
    }

    /** Stops the autosave (the controls are being replaced). */
    public void dispose() {
        if (autosave != null) {
            autosave.stop();
        }
        stage.titleProperty().unbind();
    }

    private String title() {
        Path file = editor.fileProperty().get();
        String name = file == null ? Messages.get("doc.untitled") : file.getFileName().toString();
        return (editor.dirtyProperty().get() ? "● " : "") + name + " — Tablewise";
    }

    // ---- menus ----

    private MenuBar menuBar() {
        Menu file = new Menu(Messages.get("menu.file"));
        Menu recent = new Menu(Messages.get("menu.file.recent"));
        recent.setOnShowing(e -> {
            recent.getItems().clear();
            for (Path p : session.settings().recentFiles()) {
                MenuItem item = new MenuItem(p.getFileName() + "  —  " + p.getParent());
                item.setMnemonicParsing(false);
                item.setOnAction(a -> open(p));
                recent.getItems().add(item);
            }
            if (recent.getItems().isEmpty()) {
                MenuItem none = new MenuItem(Messages.get("start.noRecent"));
                none.setDisable(true);
                recent.getItems().add(none);
            }
        });
        recent.getItems().add(new MenuItem());
        file.getItems().addAll(
                item("menu.file.new", "Shortcut+N", () -> {
                    if (documents.newFlow()) {
                        hideStartPage();
                    }
                }),
                item("menu.file.open", "Shortcut+O", () -> {
                    if (documents.open()) {
                        hideStartPage();
                        canvas.fitToView();
                    }
                }),
                recent, new SeparatorMenuItem(),
                item("menu.file.save", "Shortcut+S", documents::save),
                item("menu.file.saveAs", "Shortcut+Shift+S", documents::saveAs),
                new SeparatorMenuItem(),
                item("menu.file.connections", null, () -> openConnections()),
                item("menu.file.settings", "Shortcut+Comma", openSettings),
                new SeparatorMenuItem(),
                item("menu.file.quit", "Shortcut+Q", () -> {
                    if (confirmClose()) {
                        stage.close();
                    }
                }));

        Menu edit = new Menu(Messages.get("menu.edit"));
        MenuItem undo = item("menu.edit.undo", "Shortcut+Z", editor::undo);
        undo.disableProperty().bind(editor.canUndoProperty().not());
        MenuItem redo = item("menu.edit.redo", "Shortcut+Shift+Z", editor::redo);
        redo.disableProperty().bind(editor.canRedoProperty().not());
        // Ctrl+Y redoes too (Windows habit): a scene accelerator, since a menu item shows only one shortcut.
        stage.sceneProperty().addListener((obs, old, scene) -> addRedoY(scene));
        addRedoY(stage.getScene());
        edit.getItems().addAll(undo, redo, new SeparatorMenuItem(),
                item("menu.edit.cut", "Shortcut+X", this::cut),
                item("menu.edit.copy", "Shortcut+C", this::copy),
                item("menu.edit.paste", "Shortcut+V", this::paste),
                item("menu.edit.delete", "Delete", editor::deleteSelection),
                new SeparatorMenuItem(),
                item("menu.edit.selectAll", "Shortcut+A", editor::selectAll),
                item("menu.edit.find", "Shortcut+F", () -> palette.searchField().requestFocus()));

        Menu view = new Menu(Messages.get("menu.view"));
        view.getItems().addAll(
                item("menu.view.fit", "Shortcut+0", canvas::fitToView),
                item("menu.view.tidy", "Shortcut+Shift+L", editor::tidy),
                item("menu.view.maximiseResults", "Shortcut+Shift+M", output::toggleMaximised),
                item("menu.view.zoomIn", "Shortcut+Equals", () -> canvas.zoomBy(1.2)),
                item("menu.view.zoomOut", "Shortcut+Minus", () -> canvas.zoomBy(1 / 1.2)));

        Menu run = new Menu(Messages.get("menu.run"));
        MenuItem runAll = item("menu.run.all", "F5", runs::runAll);
        MenuItem runTo = item("menu.run.toSelected", "Shift+F5", this::runSelected);
        MenuItem cancel = item("menu.run.cancel", "Shortcut+Period", runs::cancel);
        runAll.disableProperty().bind(runs.runningProperty());
        runTo.disableProperty().bind(runs.runningProperty().or(Bindings.isEmpty(editor.selection())));
        cancel.disableProperty().bind(runs.runningProperty().not());
        run.getItems().addAll(runAll, runTo, cancel);

        Menu help = new Menu(Messages.get("menu.help"));
        help.getItems().add(item("menu.help.shortcuts", null, this::showShortcuts));
        MenuBar bar = new MenuBar(file, edit, view, run, help);
        bar.setUseSystemMenuBar(true);
        // Delete on its own is a menu accelerator; Backspace deletes too when the canvas has focus.
        canvas.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.BACK_SPACE) {
                editor.deleteSelection();
                e.consume();
            } else if (e.getCode() == KeyCode.F2 && editor.selection().size() == 1) {
                inspector.requestFocus();
            }
        });
        return bar;
    }

    private void addRedoY(javafx.scene.Scene scene) {
        if (scene != null) {
            scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+Y"), () -> {
                if (!textFieldFocused()) {
                    editor.redo();
                }
            });
        }
    }

    private MenuItem item(String key, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(Messages.get(key));
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> {
            // Text fields keep their own clipboard and undo: menu shortcuts act on the canvas only.
            if (textFieldFocused() && isTextShortcut(item.getAccelerator())) {
                return;
            }
            action.run();
        });
        return item;
    }

    private boolean textFieldFocused() {
        return stage.getScene() != null
                && stage.getScene().getFocusOwner() instanceof javafx.scene.control.TextInputControl;
    }

    private static boolean isTextShortcut(KeyCombination k) {
        if (!(k instanceof KeyCodeCombination c)) {
            return false;
        }
        return switch (c.getCode()) {
            case Z, Y, X, C, V, A, DELETE -> true;
            default -> false;
        };
    }

    private ToolBar toolBar() {
        Button runAll = toolButton("toolbar.runAll", "run", runs::runAll);
        runAll.getStyleClass().add("accent");
        runAll.disableProperty().bind(runs.runningProperty());
        runAll.setId("run-all");
        Button runTo = toolButton("toolbar.runSelected", null, this::runSelected);
        runTo.disableProperty().bind(runs.runningProperty().or(Bindings.isEmpty(editor.selection())));
        Button cancel = toolButton("toolbar.cancel", null, runs::cancel);
        cancel.disableProperty().bind(runs.runningProperty().not());
        Button undo = toolButton("toolbar.undo", null, editor::undo);
        undo.disableProperty().bind(editor.canUndoProperty().not());
        undo.tooltipProperty().bind(Bindings.createObjectBinding(() -> new Tooltip(
                Messages.get("toolbar.undoWhat", editor.undoTextProperty().get())), editor.undoTextProperty()));
        Button redo = toolButton("toolbar.redo", null, editor::redo);
        redo.disableProperty().bind(editor.canRedoProperty().not());
        Button fit = toolButton("toolbar.fit", null, canvas::fitToView);
        Button save = toolButton("toolbar.save", null, documents::save);
        Button open = toolButton("toolbar.open", null, () -> {
            if (documents.open()) {
                hideStartPage();
                canvas.fitToView();
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(open, save, new javafx.scene.control.Separator(), undo, redo,
                new javafx.scene.control.Separator(), runAll, runTo, cancel, spacer, fit);
    }

    private Button toolButton(String key, String icon, Runnable action) {
        Button b = new Button(Messages.get(key));
        if (icon != null) {
            b.setGraphic(Icons.icon(icon, 14));
        }
        b.setOnAction(e -> action.run());
        return b;
    }

    private Node statusBar() {
        Label status = new Label();
        status.textProperty().bind(runs.statusTextProperty());
        status.getStyleClass().add("status-text");
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(runs.progressProperty());
        progress.visibleProperty().bind(runs.runningProperty());
        progress.setPrefWidth(180);
        Label zoom = new Label();
        zoom.textProperty().bind(Bindings.createStringBinding(() -> Messages.get("status.nodes",
                editor.flow().nodes().size()), editor.flowProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, status, spacer, progress, zoom);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    // ---- actions ----

    /** Maximises the results panel, or restores it (View menu). */
    void toggleResultsMaximised() {
        output.toggleMaximised();
    }

    /** The results panel takes nearly all the height, or goes back to where it was. */
    private void toggleMaximised(SplitPane vertical) {
        double now = vertical.getDividerPositions()[0];
        if (now > 0.1) {
            restoredDivider = now;
            vertical.setDividerPositions(0.04);
        } else {
            vertical.setDividerPositions(restoredDivider);
        }
    }

    private void runSelected() {
        if (!editor.selection().isEmpty()) {
            runs.run(Set.copyOf(editor.selection()));
        }
    }

    private void copy() {
        if (output.grid().tableView().isFocused()) { // Ctrl+C in the data grid copies its cells, not nodes
            output.grid().copySelection();
            return;
        }
        editor.copySelection().ifPresent(json -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(json);
            Clipboard.getSystemClipboard().setContent(content);
        });
    }

    private void cut() {
        if (output.grid().tableView().isFocused()) { // the grid's cells can be copied, not cut
            output.grid().copySelection();
            return;
        }
        copy();
        editor.deleteSelection();
    }

    /** The database connections dialog; "Add to the flow" puts an import node for the chosen table on the canvas. */
    javafx.stage.Stage openConnections() {
        io.tablewise.ui.connections.ConnectionsViewModel vm = new io.tablewise.ui.connections.ConnectionsViewModel(
                io.tablewise.data.db.Connections.user(), javafx.application.Platform::runLater);
        javafx.stage.Stage dialog = new javafx.stage.Stage();
        dialog.initOwner(stage);
        dialog.setTitle(Messages.get("connections.title"));
        io.tablewise.ui.connections.ConnectionsView view = new io.tablewise.ui.connections.ConnectionsView(vm,
                (connection, table) -> {
                    hideStartPage();
                    canvas.addAtCentre("data.import.database", java.util.Map.of("connection", connection, "table", table),
                            table);
                });
        javafx.scene.Scene scene = new javafx.scene.Scene(view, 980, 640);
        io.tablewise.ui.theme.Theme.parse(stage.getScene() == null || stage.getScene().getRoot().getStyleClass()
                .contains("theme-light") ? "light" : "dark").apply(scene);
        dialog.setScene(scene);
        dialog.show();
        return dialog;
    }

    private void paste() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (clipboard.hasFiles()) {
            Point2D centreWorld = new Point2D(canvas.getWidth() / 2, canvas.getHeight() / 2);
            canvas.dropFiles(clipboard.getFiles(), centreWorld);
        } else if (clipboard.hasString() && !editor.paste(clipboard.getString())) {
            canvas.flash(Messages.get("canvas.pasteNothing"));
        }
    }

    private void showShortcuts() {
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.INFORMATION, Messages.get("help.shortcutsText"));
        alert.initOwner(stage);
        alert.setHeaderText(Messages.get("menu.help.shortcuts"));
        alert.showAndWait();
    }

    private FileBrowser fileBrowser() {
        return new FileBrowser() {
            @Override
            public Optional<String> chooseInput(String current) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(Messages.get("inspector.chooseData"));
                chooser.getExtensionFilters().addAll(io.tablewise.ui.export.ExportDialogs.dataFilters());
                initialDir(chooser, current);
                File f = chooser.showOpenDialog(stage);
                // a file the user picked here may be read by this flow on this machine, wherever it is
                Optional.ofNullable(f).ifPresent(x -> session.settings().allowReadFile(x.toPath()));
                return Optional.ofNullable(f).map(x -> FlowPaths.relative(runs.flowDir(), x.toPath()));
            }

            @Override
            public Optional<String> chooseOutput(String current) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(Messages.get("inspector.chooseOutput"));
                initialDir(chooser, current);
                if (current != null && !current.isBlank()) {
                    chooser.setInitialFileName(Path.of(current).getFileName().toString());
                }
                File f = chooser.showSaveDialog(stage);
                Optional.ofNullable(f).map(x -> x.toPath().toAbsolutePath().getParent())
                        .filter(parent -> !parent.startsWith(runs.flowDir()))
                        .ifPresent(parent -> session.settings().allowWriteDir(parent));
                return Optional.ofNullable(f).map(x -> FlowPaths.relative(runs.flowDir(), x.toPath()));
            }

            private void initialDir(FileChooser chooser, String current) {
                Path dir = runs.flowDir();
                if (current != null && !current.isBlank() && !current.contains("${")) {
                    Path parent = dir.resolve(current).getParent();
                    if (parent != null && parent.toFile().isDirectory()) {
                        dir = parent;
                    }
                }
                if (dir.toFile().isDirectory()) {
                    chooser.setInitialDirectory(dir.toFile());
                }
            }
        };
    }

    /** The locale name shown in settings. */
    static String languageName(String code) {
        return code.isEmpty() ? Messages.get("settings.systemLanguage")
                : Locale.forLanguageTag(code).getDisplayLanguage(Locale.forLanguageTag(code));
    }
}
