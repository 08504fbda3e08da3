package io.tablewise.ui.palette;

import java.util.List;
import java.util.Map;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import io.tablewise.ui.Messages;
import io.tablewise.ui.canvas.DragFormats;
import io.tablewise.ui.editor.FlowEditor;
import io.tablewise.ui.theme.Icons;

/**
 * The node palette: a search box over a tree of categories. Drag a node onto the canvas to place it, or
 * double-click (or press Enter) to add it next to the selected node, connected.
 */
public final class PaletteView extends VBox {
    private final PaletteViewModel model;
    private final TextField search = new TextField();
    private final TreeView<Object> tree = new TreeView<>();

    /** A palette that adds nodes to {@code editor}. */
    public PaletteView(PaletteViewModel model, FlowEditor editor) {
        this.model = model;
        getStyleClass().add("palette");
        search.setPromptText(Messages.get("palette.search"));
        search.getStyleClass().add("palette-search");
        search.textProperty().addListener((obs, old, now) -> fill(now));
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                tree.requestFocus();
                tree.getSelectionModel().selectFirst();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
            }
        });
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new EntryCell());
        tree.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && selectedEntry() != null) {
                editor.addNodeConnected(selectedEntry().typeId());
            }
        });
        tree.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && selectedEntry() != null) {
                editor.addNodeConnected(selectedEntry().typeId());
            }
        });
        VBox.setVgrow(tree, Priority.ALWAYS);
        Label title = new Label(Messages.get("palette.title"));
        title.getStyleClass().add("panel-title");
        setPadding(new Insets(8));
        setSpacing(6);
        getChildren().addAll(title, search, tree);
        fill("");
    }

    /** The search field (Ctrl+F focuses it). */
    public TextField searchField() {
        return search;
    }

    private PaletteViewModel.Entry selectedEntry() {
        TreeItem<Object> item = tree.getSelectionModel().getSelectedItem();
        return item != null && item.getValue() instanceof PaletteViewModel.Entry e ? e : null;
    }

    private void fill(String text) {
        TreeItem<Object> root = new TreeItem<>();
        boolean searching = text != null && !text.isBlank();
        for (Map.Entry<String, List<PaletteViewModel.Entry>> group : model.groups(text).entrySet()) {
            TreeItem<Object> category = new TreeItem<>(group.getKey());
            category.setExpanded(searching || group.getKey().equals("Data"));
            group.getValue().forEach(e -> category.getChildren().add(new TreeItem<>(e)));
            root.getChildren().add(category);
        }
        tree.setRoot(root);
    }

    /** A category row (icon and name) or a node row (name, help in a tooltip, draggable). */
    private static final class EntryCell extends TreeCell<Object> {
        EntryCell() {
            setOnDragDetected(e -> {
                if (getItem() instanceof PaletteViewModel.Entry entry) {
                    Dragboard board = startDragAndDrop(TransferMode.COPY);
                    ClipboardContent content = new ClipboardContent();
                    content.put(DragFormats.NODE_TYPE, entry.typeId());
                    board.setContent(content);
                    e.consume();
                }
            });
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("palette-category", "palette-node");
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
            } else if (item instanceof PaletteViewModel.Entry entry) {
                setText(entry.name());
                setGraphic(null);
                getStyleClass().add("palette-node");
                Tooltip tip = new Tooltip(entry.name() + "\n" + entry.help());
                tip.setWrapText(true);
                tip.setMaxWidth(360);
                setTooltip(tip);
            } else {
                String category = (String) item;
                setText(PaletteViewModel.categoryName(category));
                setGraphic(Icons.category(category, 16));
                getStyleClass().add("palette-category");
                setTooltip(null);
            }
        }
    }
}
