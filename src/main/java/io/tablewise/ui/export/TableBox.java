package io.tablewise.ui.export;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
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
        name = new Label(title);
        name.getStyleClass().add("box-title");
        name.setMinWidth(0);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(4, name, gap, ChartBox.action("export.copy", "copy", this::copy),
                ChartBox.action("export.csv", "csv", () -> ExportDialogs.save(this, name.getText(), "csv",
                        f -> TableCsv.write(f, header(), rows()))));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("export-bar");
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

    /** Puts the table on the clipboard as tab-separated text. */
    public void copy() {
        StringBuilder b = new StringBuilder(String.join("\t", header())).append('\n');
        rows().forEach(r -> b.append(String.join("\t", r.stream().map(c -> c.replace('\t', ' ')
                .replace('\n', ' ')).toList())).append('\n'));
        ClipboardContent content = new ClipboardContent();
        content.putString(b.toString());
        Clipboard.getSystemClipboard().setContent(content);
    }
}
