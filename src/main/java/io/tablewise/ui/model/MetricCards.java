package io.tablewise.ui.model;

import java.util.Locale;
import java.util.Map;

import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import io.tablewise.ui.Messages;

/** Metrics as a row of cards: the value large, its name (translated where the bundle knows it) below. */
public final class MetricCards extends FlowPane {
    /** Cards for {@code metrics}, in their order. */
    public MetricCards(Map<String, Double> metrics) {
        super(10, 10);
        getStyleClass().add("metric-cards");
        metrics.forEach((name, value) -> getChildren().add(card(format(value),
                Messages.getOr("metric." + name, name))));
    }

    /** One card with a value and what it is. */
    public static VBox card(String value, String name) {
        Label v = new Label(value);
        v.getStyleClass().add("metric-value");
        Label n = new Label(name);
        n.getStyleClass().add("metric-name");
        VBox card = new VBox(2, v, n);
        card.getStyleClass().add("metric-card");
        return card;
    }

    /** Four decimals, or one for large values (errors in the target's unit). */
    public static String format(double value) {
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.1f" : "%.4f", value);
    }
}
