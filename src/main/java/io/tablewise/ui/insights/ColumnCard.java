package io.tablewise.ui.insights;

import java.util.List;
import java.util.Locale;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import io.tablewise.insights.ColumnProfile;
import io.tablewise.insights.Histogram;
import io.tablewise.insights.NumericStats;
import io.tablewise.insights.QualityWarning;
import io.tablewise.ui.Messages;

/** One column at a glance: name, type and meaning, key statistics, a small histogram, and its warnings. */
final class ColumnCard extends VBox {
    private final ColumnProfile profile;

    ColumnCard(ColumnProfile p, List<QualityWarning> warnings) {
        this.profile = p;
        getStyleClass().add("column-card");
        setSpacing(4);
        setPrefWidth(250);
        setMaxWidth(250);
        Label name = new Label(p.name());
        name.getStyleClass().add("column-card-name");
        name.setTooltip(new Tooltip(p.name()));
        Label type = new Label(Messages.getOr("type." + p.storageType(), p.storageType()) + " · "
                + Messages.getOr("insights.semantic." + p.semanticType().name(), p.semanticType().name()));
        type.getStyleClass().add("hint");
        HBox head = new HBox(6, name);
        if (!warnings.isEmpty()) {
            Label badge = new Label("⚠ " + warnings.size());
            badge.getStyleClass().addAll("warning-badge", "severity-" + warnings.get(0).severity().name()
                    .toLowerCase(Locale.ROOT));
            badge.setTooltip(new Tooltip(String.join("\n", warnings.stream().map(QualityWarning::explanation)
                    .toList())));
            head.getChildren().add(badge);
        }
        Canvas bars = new Canvas(226, 44);
        draw(bars, p.histogram());
        getChildren().addAll(head, type, bars, stats(p));
    }

    /** The column shown. */
    ColumnProfile profile() {
        return profile;
    }

    private static GridPane stats(ColumnProfile p) {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(1);
        g.getStyleClass().add("column-card-stats");
        int row = 0;
        row = stat(g, row, "insights.missing", String.format(Locale.ROOT, "%,d (%.1f%%)", p.missing(),
                100 * p.missingShare()));
        row = stat(g, row, "insights.unique", String.format(Locale.ROOT, "%,d", p.unique()));
        NumericStats n = p.numeric();
        if (n != null) {
            row = stat(g, row, "insights.meanStd", num(n.mean()) + " ± " + num(n.std()));
            stat(g, row, "insights.range", num(n.min()) + " … " + num(n.max()));
        } else if (!p.topValues().isEmpty()) {
            stat(g, row, "insights.top", String.format(Locale.ROOT, "%s (%.1f%%)", p.topValues().get(0).value(),
                    100 * p.topValues().get(0).share()));
        } else if (p.min() != null) {
            stat(g, row, "insights.range", p.min() + " … " + p.max());
        }
        return g;
    }

    private static int stat(GridPane g, int row, String key, String value) {
        Label k = new Label(Messages.get(key));
        k.getStyleClass().add("hint");
        Label v = new Label(value);
        v.setMaxWidth(150);
        g.addRow(row, k, v);
        return row + 1;
    }

    /** A number with about four significant digits, without a needless exponent. */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e7 || a < 1e-3)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return a >= 1000 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.4g", v)
                .replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    private static void draw(Canvas canvas, Histogram h) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        if (h == null || h.bars().isEmpty()) {
            return;
        }
        long max = h.bars().stream().mapToLong(Histogram.Bar::count).max().orElse(1);
        int n = Math.min(h.bars().size(), 40);
        double w = canvas.getWidth() / n;
        g.setFill(Color.web("#4f8ef7", 0.85));
        for (int i = 0; i < n; i++) {
            double share = max == 0 ? 0 : h.bars().get(i).count() / (double) max;
            double height = Math.max(share > 0 ? 1 : 0, share * canvas.getHeight());
            g.fillRect(i * w + 0.5, canvas.getHeight() - height, Math.max(1, w - 1.5), height);
        }
    }
}
