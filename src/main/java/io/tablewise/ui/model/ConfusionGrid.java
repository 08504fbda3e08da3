package io.tablewise.ui.model;

import java.util.List;
import java.util.Locale;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

import io.tablewise.ui.Messages;

/** A confusion matrix as a heat map: counts and row shares, hits green and misses red, deeper for larger shares. */
public final class ConfusionGrid extends GridPane {
    /** An empty grid; {@link #show} fills it. */
    public ConfusionGrid() {
        getStyleClass().add("confusion-matrix");
        setHgap(2);
        setVgap(2);
    }

    /** Shows {@code counts[actual][predicted]} for {@code classes}. */
    public void show(List<String> classes, long[][] counts) {
        getChildren().clear();
        add(new Label(Messages.get("model.actualPredicted")), 0, 0);
        for (int c = 0; c < classes.size(); c++) {
            add(header(classes.get(c)), c + 1, 0);
            add(header(classes.get(c)), 0, c + 1);
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
                add(cell, p + 1, a + 1);
            }
        }
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("matrix-header");
        return l;
    }
}
