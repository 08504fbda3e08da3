package io.tablewise.ui.export;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A table with its title and two actions: copy it (tab-separated, as spreadsheets paste it) and save it as CSV.
 * Both take the rows and columns as shown: sorted, filtered, visible columns only.
 */
public final class TableBox<T> extends VBox {
    private final TableView<T> table;
    private final Label name;

    /** A box around {@code table}. */
    public TableBox(String title, TableView<T> table) {
        this.table = table;
        ExportBar bar = new ExportBar(title, ExportBar.action("export.copy", "copy", this::copy),
                ExportBar.action("export.csv", "csv", () -> ExportDialogs.save(this, titleLabel().getText(), "csv",
                        f -> TableCsv.write(f, header(), rows()))));
        name = bar.title();
        getStyleClass().add("table-box");
        getChildren().addAll(bar, table);
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    /** The title shown above the table. */
    public Label titleLabel() {
        return name;
    }

    /** The table. */
    public TableView<T> table() {
        return table;
    }

    /** The visible columns' headers. */
    public List<String> header() {
        return table.getVisibleLeafColumns().stream().map(TableColumn::getText).toList();
    }

    /** The shown rows' cells as text, in the shown order. */
    public List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < table.getItems().size(); r++) {
            List<String> cells = new ArrayList<>();
            for (TableColumn<T, ?> c : table.getVisibleLeafColumns()) {
                Object v = c.getCellData(r);
                cells.add(v == null ? "" : String.valueOf(v));
            }
            rows.add(cells);
        }
        return rows;
    }

    /** A column of text computed from each row (the tables' usual column: sortable as text, exported as shown). */
    public static <T> TableColumn<T, String> textColumn(String title, java.util.function.Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    /** Puts the table on the clipboard as tab-separated text. */
    public void copy() {
        ClipboardContent content = new ClipboardContent();
        content.putString(TableCsv.tabSeparated(header(), rows()));
        Clipboard.getSystemClipboard().setContent(content);
    }
}
