package io.tablewise.ui.grid;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;

import tech.tablesaw.api.Table;

import io.tablewise.data.CsvExportNode;
import io.tablewise.transform.Columns;
import io.tablewise.ui.Messages;
import io.tablewise.ui.export.ExportDialogs;

/** The grid's copy (selected cells, tab-separated) and CSV export (every column of the rows shown, in view order). */
final class GridExport {
    private GridExport() {
    }

    /** The selected cells as tab-separated text with their column names: the rows and columns they span. */
    static String selectedCells(TableView<Integer> table) {
        TreeSet<Integer> rows = new TreeSet<>();
        TreeSet<Integer> columns = new TreeSet<>();
        for (TablePosition<?, ?> p : table.getSelectionModel().getSelectedCells()) {
            rows.add(p.getRow());
            columns.add(table.getVisibleLeafColumns().indexOf(p.getTableColumn()));
        }
        columns.remove(-1);
        StringBuilder b = new StringBuilder();
        List<Integer> cols = List.copyOf(columns);
        for (int k = 0; k < cols.size(); k++) {
            b.append(k == 0 ? "" : "\t").append(header(table, cols.get(k)));
        }
        b.append('\n');
        for (int r : rows) {
            for (int k = 0; k < cols.size(); k++) {
                Object v = table.getVisibleLeafColumn(cols.get(k)).getCellData(r);
                b.append(k == 0 ? "" : "\t").append(v == null ? "" : String.valueOf(v).replace('\t', ' ')
                        .replace('\n', ' '));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String header(TableView<Integer> table, int column) {
        var c = table.getVisibleLeafColumn(column);
        if (c.getGraphic() instanceof javafx.scene.layout.VBox box
                && box.getChildren().get(0) instanceof javafx.scene.control.Label l) {
            return l.getText();
        }
        return c.getText();
    }

    /**
     * Asks where to save and writes the rows {@code order} (null: all) with every column as CSV, off the JavaFX
     * thread; {@code status} hears how it went.
     */
    static void exportCsv(Node from, Table table, int[] order, Consumer<String> status) {
        String name = table.name() == null || table.name().isBlank() ? "data" : table.name()
                .replaceFirst("\\.[A-Za-z0-9]+$", "");
        ExportDialogs.chooseOutput(from, Path.of(name + ".csv"), "csv").ifPresent(file -> {
            status.accept(Messages.get("grid.exporting", file.getFileName()));
            Thread worker = new Thread(() -> {
                String done;
                try {
                    Table rows = order == null ? table : Columns.gather(table, order);
                    CsvExportNode.writeCsv(rows, file);
                    done = Messages.get("grid.exported", String.format(Locale.ROOT, "%,d", rows.rowCount()), file);
                } catch (java.io.IOException | RuntimeException e) {
                    done = Messages.get("export.failed", file, e.getMessage());
                }
                String message = done;
                Platform.runLater(() -> status.accept(message));
            }, "grid-export");
            worker.setDaemon(true);
            worker.start();
        });
    }
}
