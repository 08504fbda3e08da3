package io.tablewise.ui.export;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import io.tablewise.ui.Messages;

/** The title line of a chart or table: its name on the left, small copy and export actions on the right. */
public final class ExportBar extends HBox {
    private final Label title;

    /** A bar titled {@code title} with {@code actions}. */
    public ExportBar(String title, Button... actions) {
        super(4);
        this.title = new Label(title);
        this.title.getStyleClass().add("box-title");
        this.title.setMinWidth(0);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        getChildren().addAll(this.title, gap);
        getChildren().addAll(actions);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("export-bar");
    }

    /** The title label. */
    public Label title() {
        return title;
    }

    /** A small action button ({@code textKey} from the bundle; style class {@code export-ID}). */
    public static Button action(String textKey, String id, Runnable action) {
        Button b = new Button(Messages.get(textKey));
        b.getStyleClass().addAll("flat", "small", "export-action", "export-" + id);
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }
}
