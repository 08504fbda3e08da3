package io.tablewise.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import io.tablewise.ui.Messages;
import io.tablewise.ui.export.ExportBar;
import io.tablewise.ui.export.ExportDialogs;
import io.tablewise.ui.export.TableCsv;

/**
 * A confusion matrix as a heat map: counts and row shares, hits green and misses red, deeper for larger shares;
 * it can be copied and saved as CSV like every table.
 */
public final class ConfusionGrid extends VBox {
    private final GridPane cells = new GridPane();
    private List<String> classes = List.of();
    private long[][] counts = new long[0][];

    /** An empty grid; {@link #show} fills it. */
    public ConfusionGrid() {
        getStyleClass().add("confusion-matrix");
        setSpacing(4);
        cells.setHgap(2);
        cells.setVgap(2);
        String title = Messages.get("model.confusion");
        ExportBar bar = new ExportBar(title, ExportBar.action("export.copy", "copy", () -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(TableCsv.tabSeparated(header(), rows()));
            Clipboard.getSystemClipboard().setContent(content);
        }), ExportBar.action("export.csv", "csv", () -> ExportDialogs.save(this, title, "csv",
                f -> TableCsv.write(f, header(), rows()))));
        bar.setMaxWidth(520);
        getChildren().addAll(bar, cells);
    }

    /** The header of the CSV: the corner, then the predicted classes. */
    public List<String> header() {
        List<String> h = new ArrayList<>();
        h.add(Messages.get("model.actualPredicted"));
        h.addAll(classes);
        return h;
    }

    /** One row per actual class: its name and the counts by predicted class. */
    public List<List<String>> rows() {
        List<List<String>> out = new ArrayList<>();
        for (int a = 0; a < counts.length; a++) {
            List<String> row = new ArrayList<>();
            row.add(classes.get(a));
            for (long v : counts[a]) {
                row.add(Long.toString(v));
            }
            out.add(row);
        }
        return out;
    }

    /** Shows {@code counts[actual][predicted]} for {@code classes}. */
    public void show(List<String> classes, long[][] counts) {
        this.classes = List.copyOf(classes);
        this.counts = counts;
        cells.getChildren().clear();
        cells.add(new Label(Messages.get("model.actualPredicted")), 0, 0);
        for (int c = 0; c < classes.size(); c++) {
            cells.add(header(classes.get(c)), c + 1, 0);
            cells.add(header(classes.get(c)), 0, c + 1);
        }
        for (int a = 0; a < counts.length; a++) {
            long rowTotal = 0;
            for (long v : counts[a]) {
                rowTotal += v;
            }
            for (int p = 0; p < counts[a].length; p++) {
                double share = rowTotal == 0 ? 0 : counts[a][p] / (double) rowTotal;
                Label cell = new Label(String.format(Locale.ROOT, "%,d\n%.1f%%", counts[a][p], 100 * share));
                cell.getStyleClass().addAll("matrix-cell", a == p ? "matrix-hit" : "matrix-miss");
                cell.setStyle("-fx-background-color: rgba(" + (a == p ? "31,136,61," : "207,34,46,")
                        + String.format(Locale.ROOT, "%.2f", 0.12 + 0.6 * share) + ");");
                cell.setMinSize(86, 44);
                cell.setAlignment(Pos.CENTER);
                cells.add(cell, p + 1, a + 1);
            }
        }
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("matrix-header");
        return l;
    }
}
