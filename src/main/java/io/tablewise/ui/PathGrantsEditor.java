package io.tablewise.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

import io.tablewise.ui.project.StudioSettings;

/**
 * The settings dialog's list of what flows may use beyond their own folder on this machine (files chosen in a
 * dialog or dropped, folders allowed when a flow asked, folders added here), with Remove and "Allow a folder".
 * The list is the user's own; flows never carry it.
 */
final class PathGrantsEditor extends VBox {
    /** One allowance as listed. */
    private record Grant(Kind kind, Path path) {
    }

    private enum Kind { READ_FILE, READ_DIR, WRITE_DIR }

    private final ObservableList<Grant> items = FXCollections.observableArrayList();

    PathGrantsEditor(StudioSettings.PathGrants grants, Window owner) {
        super(6);
        grants.readFiles().forEach(p -> items.add(new Grant(Kind.READ_FILE, p)));
        grants.readDirs().forEach(p -> items.add(new Grant(Kind.READ_DIR, p)));
        grants.writeDirs().forEach(p -> items.add(new Grant(Kind.WRITE_DIR, p)));
        ListView<Grant> list = new ListView<>(items);
        list.getStyleClass().add("path-grants");
        list.setPrefSize(460, 150);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setPlaceholder(new javafx.scene.control.Label(Messages.get("settings.grants.none")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Grant g, boolean empty) {
                super.updateItem(g, empty);
                setText(empty || g == null ? null : Messages.get("settings.grants." + g.kind().name().toLowerCase(
                        java.util.Locale.ROOT), g.path()));
            }
        });
        Button remove = new Button(Messages.get("settings.grants.remove"));
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> items.removeAll(new ArrayList<>(list.getSelectionModel().getSelectedItems())));
        Button addWrite = new Button(Messages.get("settings.grants.addWrite"));
        addWrite.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(Messages.get("settings.grants.addWrite"));
            File dir = chooser.showDialog(owner);
            if (dir != null) {
                items.add(new Grant(Kind.WRITE_DIR, dir.toPath().toAbsolutePath().normalize()));
            }
        });
        getChildren().addAll(list, new HBox(8, addWrite, remove));
    }

    /** The allowances as the list now holds them. */
    StudioSettings.PathGrants grants() {
        List<Path> readFiles = new ArrayList<>();
        List<Path> readDirs = new ArrayList<>();
        List<Path> writeDirs = new ArrayList<>();
        for (Grant g : items) {
            (g.kind() == Kind.READ_FILE ? readFiles : g.kind() == Kind.READ_DIR ? readDirs : writeDirs).add(g.path());
        }
        return new StudioSettings.PathGrants(readFiles, readDirs, writeDirs);
    }
}
