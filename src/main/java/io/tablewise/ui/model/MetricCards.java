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
    private final Map<String, VBox> cards = new java.util.HashMap<>();

    public MetricCards(Map<String, Double> metrics) {
        super(10, 10);
        getStyleClass().add("metric-cards");
        metrics.forEach((name, value) -> {
            VBox card = card(format(value), Messages.getOr("metric." + name, name));
            card.getProperties().put("metric", name);
            cards.put(name, card);
            getChildren().add(card);
        });
    }

    /**
     * Shows {@code value} on the card of {@code metric} (if there is one), its name followed by {@code qualifier}
     * (e.g. "at threshold 0.43"), for metrics that follow the threshold slider.
     */
    public void show(String metric, double value, String qualifier) {
        VBox card = cards.get(metric);
        if (card != null) {
            ((Label) card.getChildren().get(0)).setText(format(value));
            ((Label) card.getChildren().get(1)).setText(Messages.getOr("metric." + metric, metric)
                    + (qualifier.isEmpty() ? "" : " " + qualifier));
        }
    }

    /** The text on a metric's card (value, then name), for tests. */
    public java.util.Optional<String> text(String metric) {
        return java.util.Optional.ofNullable(cards.get(metric)).map(c -> ((Label) c.getChildren().get(0)).getText()
                + " " + ((Label) c.getChildren().get(1)).getText());
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
