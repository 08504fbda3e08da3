package io.tablewise.ui.grid;

import java.text.NumberFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;

import tech.tablesaw.api.Table;

import io.tablewise.ui.Messages;

/**
 * The data grid under the canvas: a node's output table, virtualised (only visible rows are drawn, so a
 * 1,000,000-row table scrolls smoothly), with each column's type and a tiny histogram in its header. Clicking a
 * header sorts the view; the filter box keeps rows containing the typed words. Neither changes the flow.
 */
public final class DataGridView extends VBox {
    private static final int MAX_COLUMNS = 500;
    private final TableView<Integer> table = new TableView<>();
    private final RowOrderList rows = new RowOrderList();
    private final TextField filter = new TextField();
    private final Label info = new Label();
    private final Label placeholder = new Label();
    private final PauseTransition filterPause = new PauseTransition(Duration.millis(250));
    private final AtomicInteger generation = new AtomicInteger();
    private GridModel model;
    private int sortColumn = -1;
    private boolean ascending = true;

    /** An empty grid. */
    public DataGridView() {
        getStyleClass().add("data-grid");
        table.setItems(rows);
        table.setPlaceholder(placeholder);
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // A fixed row height lets the virtual flow place a million rows without measuring them.
        table.setFixedCellSize(28);
        table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        table.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == javafx.scene.input.KeyCode.C) {
                copySelection();
                e.consume();
            }
        });
        placeholder.getStyleClass().add("placeholder");
        filter.setPromptText(Messages.get("grid.filter"));
        filter.setPrefColumnCount(24);
        filter.textProperty().addListener((obs, old, now) -> filterPause.playFromStart());
        filterPause.setOnFinished(e -> recompute());
        info.getStyleClass().add("grid-info");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        javafx.scene.control.Button copy = new javafx.scene.control.Button(Messages.get("export.copy"));
        copy.getStyleClass().addAll("flat", "grid-copy");
        copy.setOnAction(e -> copySelection());
        copy.setTooltip(new javafx.scene.control.Tooltip(Messages.get("grid.copyTip")));
        javafx.scene.control.Button csv = new javafx.scene.control.Button(Messages.get("export.csv"));
        csv.getStyleClass().addAll("flat", "grid-csv");
        csv.setTooltip(new javafx.scene.control.Tooltip(Messages.get("grid.csvTip")));
        csv.setOnAction(e -> {
            if (model != null) {
                GridExport.exportCsv(this, model.table(), shownOrder(), info::setText);
            }
        });
        HBox bar = new HBox(8, filter, spacer, info, copy, csv);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(bar, table);
        showMessage(Messages.get("grid.empty"));
    }

    /** The table control (for tests). */
    public TableView<Integer> tableView() {
        return table;
    }

    /** The filter box. */
    public TextField filterField() {
        return filter;
    }

    /** Shows no table, only a message (e.g. "Run the flow to see this node's output"). */
    public void showMessage(String message) {
        generation.incrementAndGet();
        model = null;
        table.getColumns().clear();
        rows.show(0, null);
        placeholder.setText(message);
        info.setText("");
    }

    /** Shows a table. */
    public void show(Table data) {
        if (model != null && model.table() == data) {
            return;
        }
        generation.incrementAndGet();
        model = new GridModel(data);
        sortColumn = -1;
        TableColumn<Integer, String> number = new TableColumn<>("#");
        number.setSortable(false);
        number.getStyleClass().add("row-number");
        number.setPrefWidth(Math.max(48, 9 * Integer.toString(data.rowCount()).length() + 18));
        number.setCellValueFactory(c -> new ReadOnlyStringWrapper(Integer.toString(c.getValue() + 1)));
        java.util.List<TableColumn<Integer, ?>> columns = new java.util.ArrayList<>();
        columns.add(number);
        int shown = Math.min(MAX_COLUMNS, data.columnCount());
        for (int c = 0; c < shown; c++) {
            columns.add(column(c));
        }
        table.getColumns().setAll(columns); // at once: adding one by one re-lays the header per column
        placeholder.setText(Messages.get("grid.noRows"));
        rows.show(data.rowCount(), null);
        updateInfo();
        if (!filter.getText().isBlank()) {
            recompute();
        }
    }

    private TableColumn<Integer, String> column(int index) {
        TableColumn<Integer, String> col = new TableColumn<>();
        col.setSortable(false);
        col.setPrefWidth(Math.max(90, Math.min(220, 9 * model.table().column(index).name().length() + 30)));
        Label name = new Label(model.table().column(index).name());
        name.getStyleClass().add("grid-header-name");
        Label type = new Label(Messages.getOr("type." + model.typeName(index), model.typeName(index)));
        type.getStyleClass().add("grid-header-type");
        Canvas histogram = new Canvas(72, 16);
        // Computed off the JavaFX thread: 20,000 sampled values per column would stall the window on wide tables.
        GridModel m = model;
        CompletableFuture.supplyAsync(() -> m.histogram(index)).thenAccept(bars -> Platform.runLater(() -> {
            if (model == m) {
                drawHistogram(histogram, bars);
            }
        }));
        VBox header = new VBox(1, name, type, histogram);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("grid-header");
        header.setOnMouseClicked(e -> sortBy(index, name));
        col.setGraphic(header);
        boolean numeric = model.isNumeric(index);
        col.setCellValueFactory(c -> new ReadOnlyStringWrapper(model.cell(index, c.getValue())));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                boolean missing = !empty && item != null && item.isEmpty();
                setText(empty ? null : missing ? "—" : item);
                getStyleClass().remove("missing");
                if (missing) {
                    getStyleClass().add("missing");
                }
                setAlignment(numeric ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
            }
        });
        return col;
    }

    private static void drawHistogram(Canvas canvas, double[] bars) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (bars.length == 0) {
            return;
        }
        g.setFill(Color.web("#4f8ef7", 0.85));
        double w = canvas.getWidth() / bars.length;
        for (int i = 0; i < bars.length; i++) {
            double h = Math.max(bars[i] > 0 ? 1 : 0, bars[i] * canvas.getHeight());
            g.fillRect(i * w + 0.5, canvas.getHeight() - h, Math.max(1, w - 1), h);
        }
    }

    private void sortBy(int column, Label nameLabel) {
        if (sortColumn == column) {
            if (!ascending) {
                sortColumn = -1;
            }
            ascending = !ascending;
        } else {
            sortColumn = column;
            ascending = true;
        }
        for (TableColumn<Integer, ?> c : table.getColumns()) {
            if (c.getGraphic() instanceof VBox box && box.getChildren().get(0) instanceof Label l) {
                l.setText(l.getText().replaceAll(" [▲▼]$", ""));
            }
        }
        if (sortColumn >= 0) {
            nameLabel.setText(nameLabel.getText() + (ascending ? " ▲" : " ▼"));
        }
        recompute();
    }

    /** Sorts and filters off the JavaFX thread; a newer request makes an older one stop and be dropped. */
    private void recompute() {
        GridModel m = model;
        if (m == null) {
            return;
        }
        int gen = generation.incrementAndGet();
        int column = sortColumn;
        boolean asc = ascending;
        String query = filter.getText();
        info.setText(Messages.get("grid.working"));
        CompletableFuture.runAsync(() -> {
            java.util.function.BooleanSupplier stale = () -> generation.get() != gen;
            int[] order = column < 0 ? null : m.sorted(null, column, asc, stale);
            if (stale.getAsBoolean()) {
                return;
            }
            int[] visible = query.isBlank() ? order : m.filtered(order, query, stale);
            if (stale.getAsBoolean()) {
                return;
            }
            Platform.runLater(() -> {
                if (generation.get() == gen) {
                    rows.show(m.table().rowCount(), visible);
                    updateInfo();
                }
            });
        });
    }

    private void updateInfo() {
        if (model == null) {
            return;
        }
        NumberFormat f = NumberFormat.getIntegerInstance(Messages.locale());
        int total = model.table().rowCount();
        String size = Messages.get("grid.size", f.format(total), f.format(model.table().columnCount()));
        info.setText(rows.size() == total ? size : Messages.get("grid.matching", f.format(rows.size()), size));
    }

    /** Puts the selected cells on the clipboard, tab-separated with their column names (as spreadsheets paste). */
    public void copySelection() {
        if (model != null && !table.getSelectionModel().getSelectedCells().isEmpty()) {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString(GridExport.selectedCells(table));
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        }
    }

    /** The table rows in view order after sort and filter, or null when the view shows every row as it is. */
    private int[] shownOrder() {
        if (rows.size() == model.table().rowCount() && sortColumn < 0) {
            return null;
        }
        int[] order = new int[rows.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = rows.get(i);
        }
        return order;
    }

    /** The number of rows shown after the view's filter. */
    public int shownRows() {
        return rows.size();
    }

    /** The table row shown at a position of the view (after sort and filter). */
    public int rowAt(int position) {
        return rows.get(position);
    }
}
