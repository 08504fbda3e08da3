package io.tablewise.ui.model;

import java.util.List;
import java.util.Locale;

import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import io.tablewise.explain.BiasMetrics;
import io.tablewise.explain.BiasReport;
import io.tablewise.ui.Messages;
import io.tablewise.ui.export.TableBox;

/**
 * The Model tab's bias section: the analyst picks a sensitive column among those measured on the test rows at build
 * time; each of its groups is compared with the rest on every metric (value and 95% interval, a disparate impact
 * below 0.8 marked), with the definitions and each group's confusion counts.
 */
final class BiasSection extends VBox {
    private final ComboBox<String> facet = new ComboBox<>();
    private final Label headline = new Label();
    private final VBox tables = new VBox(8);
    private final List<BiasReport> reports;

    BiasSection(List<BiasReport> reports) {
        super(8);
        this.reports = reports;
        getStyleClass().add("bias-section");
        Label title = new Label(Messages.get("model.bias.section"));
        title.getStyleClass().add("section-title");
        Label note = new Label(Messages.get("model.bias.note", reports.get(0).positive(), reports.get(0).target(),
                BiasMetrics.RESAMPLES));
        note.setWrapText(true);
        note.getStyleClass().add("hint");
        reports.forEach(r -> facet.getItems().add(r.facet()));
        facet.getStyleClass().add("bias-facet");
        facet.valueProperty().addListener((o, was, now) -> show(now));
        HBox picker = new HBox(8, new Label(Messages.get("model.bias.facet")), facet);
        picker.setAlignment(Pos.CENTER_LEFT);
        headline.setWrapText(true);
        headline.getStyleClass().add("bias-headline");
        getChildren().addAll(title, note, picker, headline, tables);
        // the column whose worst group is furthest from parity first
        facet.setValue(reports.stream().filter(r -> r.worst() != null)
                .min(java.util.Comparator.comparingDouble(r -> r.worst().value(BiasMetrics.Metric.DI).value()))
                .orElse(reports.get(0)).facet());
    }

    /** The selected column's report. */
    String shownFacet() {
        return facet.getValue();
    }

    private void show(String column) {
        BiasReport r = reports.stream().filter(x -> x.facet().equals(column)).findFirst().orElseThrow();
        BiasReport.Group w = r.worst();
        if (w == null) {
            headline.setText(Messages.get("model.bias.noDi", r.facet()));
        } else {
            double di = w.value(BiasMetrics.Metric.DI).value();
            headline.setText(Messages.get(di >= 0.8 ? "model.bias.headlineOk" : "model.bias.headlineLow",
                    r.positive(), pct(w.group().predictedRate()), r.facet() + " = " + w.name(),
                    pct(w.rest().predictedRate()), String.format(Locale.ROOT, "%.2f", di)));
        }
        headline.getStyleClass().remove("bias-low");
        if (w != null && w.value(BiasMetrics.Metric.DI).value() < 0.8) {
            headline.getStyleClass().add("bias-low");
        }
        TableView<BiasMetrics.Metric> metrics = new TableView<>();
        metrics.getStyleClass().add("bias-metrics");
        TableColumn<BiasMetrics.Metric, String> name = TableBox.textColumn(Messages.get("model.bias.metric"),
                m -> Messages.getOr("bias.metric." + m.name(), m.title()) + " (" + m.name() + ")");
        name.setPrefWidth(300);
        TableColumn<BiasMetrics.Metric, String> stage = TableBox.textColumn(Messages.get("model.bias.stage"),
                m -> Messages.get(m.preTraining() ? "model.bias.pre" : "model.bias.post"));
        stage.setPrefWidth(90);
        metrics.getColumns().add(name);
        metrics.getColumns().add(stage);
        for (BiasReport.Group g : r.groups()) {
            TableColumn<BiasMetrics.Metric, String> c = TableBox.textColumn(g.name() + " (" + String.format(
                    Locale.ROOT, "%,d", g.group().n()) + ")", m -> cell(g.value(m)));
            c.setPrefWidth(170);
            c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                    BiasMetrics.Metric m = empty || getTableRow() == null ? null : getTableRow().getItem();
                    boolean low = m == BiasMetrics.Metric.DI && g.value(m).value() < 0.8;
                    getStyleClass().remove("bias-low");
                    if (low) {
                        getStyleClass().add("bias-low");
                    }
                }
            });
            metrics.getColumns().add(c);
        }
        TableColumn<BiasMetrics.Metric, String> definition = TableBox.textColumn(Messages.get("model.bias.definition"),
                m -> Messages.getOr("bias.def." + m.name(), m.definition()));
        definition.setPrefWidth(520);
        metrics.getColumns().add(definition);
        metrics.getItems().addAll(BiasMetrics.Metric.values());
        metrics.setPrefHeight(30 + 26 * BiasMetrics.Metric.values().length);
        TableView<BiasReport.Group> counts = new TableView<>();
        counts.getStyleClass().add("bias-counts");
        counts.getColumns().add(TableBox.textColumn(Messages.get("model.bias.group"), g -> r.facet() + " = "
                + g.name()));
        counts.getColumns().add(TableBox.textColumn(Messages.get("model.bias.tp"), g -> n(g.group().tp())));
        counts.getColumns().add(TableBox.textColumn(Messages.get("model.bias.fp"), g -> n(g.group().fp())));
        counts.getColumns().add(TableBox.textColumn(Messages.get("model.bias.fn"), g -> n(g.group().fn())));
        counts.getColumns().add(TableBox.textColumn(Messages.get("model.bias.tn"), g -> n(g.group().tn())));
        counts.getColumns().get(0).setPrefWidth(260);
        counts.getItems().addAll(r.groups());
        counts.setPrefHeight(32 + 26 * r.groups().size());
        tables.getChildren().setAll(new TableBox<>(Messages.get("model.bias.metrics", r.facet()), metrics),
                new TableBox<>(Messages.get("model.bias.counts"), counts));
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    private static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    private static String cell(BiasMetrics.Value v) {
        if (!Double.isFinite(v.value())) {
            return "–";
        }
        return Double.isNaN(v.low()) ? String.format(Locale.ROOT, "%.3f", v.value())
                : String.format(Locale.ROOT, "%.3f  [%.3f, %.3f]", v.value(), v.low(), v.high());
    }
}
