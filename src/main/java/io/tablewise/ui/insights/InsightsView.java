package io.tablewise.ui.insights;

import java.util.List;
import java.util.Locale;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import io.tablewise.insights.ColumnProfile;
import io.tablewise.insights.InsightsReport;
import io.tablewise.insights.NumericStats;
import io.tablewise.insights.QualityWarning;
import io.tablewise.insights.ReportHtml;
import io.tablewise.insights.RowSample;
import io.tablewise.insights.TargetSummary;
import io.tablewise.insights.ValueCount;
import io.tablewise.ml.QuickModelResult;
import io.tablewise.ui.Messages;
import io.tablewise.ui.export.ChartBox;
import io.tablewise.ui.export.ExportDialogs;
import io.tablewise.ui.export.TableBox;
import io.tablewise.ui.model.ConfusionGrid;
import io.tablewise.ui.model.MetricCards;

/**
 * The data-insights report of a table: summary cards, the warnings with what to do, a card per column (searchable,
 * sortable, opening a detail with the full histogram and statistics), the target, prediction power, the
 * correlation heat map, the quick model, and the duplicated and anomalous rows. Exports to the same HTML report
 * as {@code tablewise profile --html}.
 */
public final class InsightsView extends ScrollPane {
    /** Cards drawn before "show all": enough to scan, few enough to open a 500-column report at once. */
    static final int FIRST_CARDS = 48;

    private final InsightsViewModel vm;
    private final FlowPane cards = new FlowPane(10, 10);
    private final VBox detail = new VBox(8);
    private final Button showAll = new Button();
    private boolean allCards;

    /** The view of {@code report}. */
    public InsightsView(InsightsReport report) {
        this.vm = new InsightsViewModel(report);
        getStyleClass().add("insights-view");
        setFitToWidth(true);
        VBox content = new VBox(14);
        content.setPadding(new Insets(10));
        content.getChildren().addAll(header(report), summary(), warnings(report.warnings()), columns());
        if (report.target() != null) {
            content.getChildren().add(target(report.target()));
        }
        HBox charts = new HBox(16);
        if (!report.predictionPower().isEmpty()) {
            charts.getChildren().add(InsightsCharts.predictionPower(report.predictionPower()));
        }
        List<String> heat = vm.heatmapColumns();
        if (heat.size() >= 2) {
            charts.getChildren().add(InsightsCharts.heatmap(report.correlations(), heat,
                    c -> report.columns().stream().anyMatch(p -> p.name().equals(c) && p.numeric() != null)));
        }
        if (!charts.getChildren().isEmpty()) {
            content.getChildren().add(charts);
        }
        if (report.quickModel() != null) {
            content.getChildren().add(quickModel(report.quickModel()));
        }
        if (!report.duplicates().isEmpty()) {
            content.getChildren().add(rows(Messages.get("insights.duplicates", report.summary().duplicateRows()),
                    report.duplicates(), Messages.get("insights.copies")));
        }
        if (!report.anomalies().isEmpty()) {
            content.getChildren().add(rows(Messages.get("insights.anomalies", report.anomalies().size()),
                    report.anomalies(), Messages.get("insights.score")));
        }
        setContent(content);
    }

    /** The view model (tests and the studio's other parts read it). */
    public InsightsViewModel viewModel() {
        return vm;
    }

    private Node header(InsightsReport r) {
        Label title = new Label(Messages.get("insights.title", r.meta().dataset()));
        title.getStyleClass().add("view-title");
        Label meta = new Label(Messages.get("insights.meta", String.format(Locale.ROOT, "%,d", r.meta().sampleRows()),
                r.meta().seed(), String.format(Locale.ROOT, "%.1f", r.meta().seconds())));
        meta.getStyleClass().add("hint");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button html = new Button(Messages.get("insights.exportHtml"));
        html.getStyleClass().add("export-html");
        List<String> names = r.columns().stream().map(ColumnProfile::name).toList();
        html.setOnAction(e -> ExportDialogs.save(this, r.meta().dataset() + " insights", "html",
                f -> ReportHtml.write(r, names, f)));
        HBox box = new HBox(10, new VBox(2, title, meta), gap, html);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node summary() {
        var s = vm.report().summary();
        FlowPane row = new FlowPane(10, 10);
        row.getStyleClass().add("insights-summary");
        row.getChildren().addAll(
                MetricCards.card(String.format(Locale.ROOT, "%,d", s.rows()), Messages.get("insights.rowsCount")),
                MetricCards.card(String.format(Locale.ROOT, "%,d", s.columns()), Messages.get("insights.columns")),
                MetricCards.card(String.format(Locale.ROOT, "%.1f%%", 100 * s.missingShare()),
                        Messages.get("insights.missingCells", String.format(Locale.ROOT, "%,d", s.missingCells()))),
                MetricCards.card(String.format(Locale.ROOT, "%,d", s.duplicateRows()),
                        Messages.get("insights.duplicateRows", String.format(Locale.ROOT, "%.1f%%",
                                100 * s.duplicateShare()))));
        vm.severityCounts().forEach((severity, count) -> {
            VBox card = MetricCards.card(Long.toString(count), Messages.get("insights.severity." + severity.name()));
            if (count > 0) {
                card.getStyleClass().add("severity-" + severity.name().toLowerCase(Locale.ROOT));
            }
            row.getChildren().add(card);
        });
        return row;
    }

    private Node warnings(List<QualityWarning> warnings) {
        VBox list = new VBox(6);
        list.getStyleClass().add("insights-warnings");
        for (QualityWarning w : warnings) {
            Label severity = new Label(Messages.get("insights.severity." + w.severity().name()));
            severity.getStyleClass().addAll("severity-chip", "severity-" + w.severity().name()
                    .toLowerCase(Locale.ROOT));
            severity.setMinWidth(84);
            Label kind = new Label(Messages.getOr("insights.kind." + w.kind().name(), w.kind().name()));
            kind.getStyleClass().add("warning-kind");
            Label text = new Label(w.explanation());
            text.setWrapText(true);
            Label what = new Label(w.suggestion());
            what.setWrapText(true);
            what.getStyleClass().add("hint");
            VBox words = new VBox(1, kind, text, what);
            HBox.setHgrow(words, Priority.ALWAYS);
            HBox item = new HBox(10, severity, words);
            item.getStyleClass().add("warning-item");
            list.getChildren().add(item);
        }
        if (warnings.isEmpty()) {
            list.getChildren().add(new Label(Messages.get("insights.noWarnings")));
        }
        return section(Messages.get("insights.warnings", warnings.size()), list);
    }

    private Node columns() {
        TextField search = new TextField();
        search.setPromptText(Messages.get("insights.search"));
        search.getStyleClass().add("column-search");
        search.setPrefColumnCount(26);
        search.textProperty().bindBidirectional(vm.searchProperty());
        ChoiceBox<InsightsViewModel.ColumnOrder> order = new ChoiceBox<>();
        order.getItems().setAll(InsightsViewModel.ColumnOrder.values());
        order.setConverter(new StringConverter<>() {
            @Override
            public String toString(InsightsViewModel.ColumnOrder o) {
                return o == null ? "" : Messages.get("insights.order." + o.name());
            }

            @Override
            public InsightsViewModel.ColumnOrder fromString(String s) {
                return null;
            }
        });
        order.valueProperty().bindBidirectional(vm.orderProperty());
        order.getStyleClass().add("column-order");
        showAll.setOnAction(e -> {
            allCards = true;
            fillCards();
        });
        showAll.getStyleClass().add("show-all-columns");
        HBox tools = new HBox(8, search, new Label(Messages.get("insights.orderBy")), order);
        tools.setAlignment(Pos.CENTER_LEFT);
        cards.getStyleClass().add("column-cards");
        vm.shownColumns().addListener((ListChangeListener<ColumnProfile>) c -> fillCards());
        vm.detailProperty().addListener((o, a, p) -> showDetail(p));
        fillCards();
        return section(Messages.get("insights.columnsTitle", vm.report().columns().size()),
                new VBox(8, tools, detail, cards, showAll));
    }

    private void fillCards() {
        List<ColumnProfile> shown = vm.shownColumns();
        int n = allCards ? shown.size() : Math.min(FIRST_CARDS, shown.size());
        cards.getChildren().clear();
        for (int i = 0; i < n; i++) {
            ColumnProfile p = shown.get(i);
            ColumnCard card = new ColumnCard(p, vm.warningsOf(p.name()));
            card.setOnMouseClicked(e -> vm.detailProperty().set(p));
            cards.getChildren().add(card);
        }
        showAll.setText(Messages.get("insights.showAll", shown.size()));
        showAll.setVisible(n < shown.size());
        showAll.setManaged(n < shown.size());
    }

    private void showDetail(ColumnProfile p) {
        detail.getChildren().clear();
        if (p == null) {
            return;
        }
        Button close = new Button(Messages.get("insights.closeDetail"));
        close.getStyleClass().addAll("flat", "close-detail");
        close.setOnAction(e -> vm.detailProperty().set(null));
        Label name = new Label(p.name());
        name.getStyleClass().add("view-title");
        HBox head = new HBox(10, name, close);
        head.setAlignment(Pos.CENTER_LEFT);
        HBox body = new HBox(16);
        if (p.histogram() != null && !p.histogram().bars().isEmpty()) {
            ChartBox chart = InsightsCharts.histogram(Messages.get("insights.histogram", p.name()), p.histogram(),
                    520, 360);
            HBox.setHgrow(chart, Priority.ALWAYS);
            body.getChildren().add(chart);
        }
        body.getChildren().add(statsTable(p));
        if (!p.topValues().isEmpty()) {
            body.getChildren().add(topValues(p));
        }
        detail.getChildren().addAll(head, body);
        detail.getStyleClass().setAll("column-detail");
        javafx.application.Platform.runLater(this::scrollToDetail); // the card clicked may be far below it
    }

    /** Scrolls so that the column detail's top shows. */
    private void scrollToDetail() {
        if (getContent() == null || detail.getScene() == null) {
            return;
        }
        layout();
        double y = getContent().sceneToLocal(detail.localToScene(0, 0)).getY();
        double room = getContent().getLayoutBounds().getHeight() - getViewportBounds().getHeight();
        if (room > 0) {
            setVvalue(Math.max(0, Math.min(1, (y - 8) / room)));
        }
    }

    private static Node statsTable(ColumnProfile p) {
        List<String[]> rows = new java.util.ArrayList<>();
        rows.add(new String[] {Messages.get("insights.type"), Messages.getOr("type." + p.storageType(),
                p.storageType())});
        rows.add(new String[] {Messages.get("insights.meaning"), Messages.getOr("insights.semantic."
                + p.semanticType().name(), p.semanticType().name())});
        rows.add(new String[] {Messages.get("insights.rowsCount"), String.format(Locale.ROOT, "%,d", p.count())});
        rows.add(new String[] {Messages.get("insights.missing"), String.format(Locale.ROOT, "%,d (%.2f%%)",
                p.missing(), 100 * p.missingShare())});
        rows.add(new String[] {Messages.get("insights.unique"), String.format(Locale.ROOT, "%,d", p.unique())});
        NumericStats n = p.numeric();
        if (n != null) {
            String[][] numbers = {{"min", ColumnCard.num(n.min())}, {"q1", ColumnCard.num(n.q1())},
                {"median", ColumnCard.num(n.median())}, {"q3", ColumnCard.num(n.q3())},
                {"max", ColumnCard.num(n.max())}, {"mean", ColumnCard.num(n.mean())},
                {"std", ColumnCard.num(n.std())}, {"skewness", ColumnCard.num(n.skewness())},
                {"kurtosis", ColumnCard.num(n.kurtosis())}, {"zeros", String.format(Locale.ROOT, "%,d", n.zeros())},
                {"negatives", String.format(Locale.ROOT, "%,d", n.negatives())},
                {"outliers", String.format(Locale.ROOT, "%,d (%s … %s)", n.outliers(), ColumnCard.num(n.lowerFence()),
                        ColumnCard.num(n.upperFence()))}};
            for (String[] r : numbers) {
                rows.add(new String[] {Messages.get("insights.stat." + r[0]), r[1]});
            }
        } else if (p.text() != null) {
            rows.add(new String[] {Messages.get("insights.stat.length"), p.text().minLength() + " … "
                    + p.text().maxLength() + String.format(Locale.ROOT, " (%.1f)", p.text().meanLength())});
            rows.add(new String[] {Messages.get("insights.stat.numericShare"), String.format(Locale.ROOT, "%.1f%%",
                    100 * p.text().numericShare())});
        } else if (p.min() != null) {
            rows.add(new String[] {Messages.get("insights.stat.min"), p.min()});
            rows.add(new String[] {Messages.get("insights.stat.max"), p.max()});
        }
        TableView<String[]> table = new TableView<>();
        table.getColumns().add(TableBox.textColumn(Messages.get("insights.statistic"), r -> r[0]));
        table.getColumns().add(TableBox.textColumn(Messages.get("insights.value"), r -> r[1]));
        table.getItems().setAll(rows);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefSize(340, Math.min(440, 34 + 30 * rows.size()));
        table.getStyleClass().add("column-stats");
        return new TableBox<>(Messages.get("insights.statsOf", p.name()), table);
    }

    private static Node topValues(ColumnProfile p) {
        TableView<ValueCount> table = new TableView<>();
        table.getColumns().add(TableBox.textColumn(Messages.get("insights.value"), ValueCount::value));
        table.getColumns().add(TableBox.textColumn(Messages.get("insights.rows"), v -> String.format(Locale.ROOT, "%,d",
                v.count())));
        table.getColumns().add(TableBox.textColumn(Messages.get("insights.share"), v -> String.format(Locale.ROOT, "%.1f%%",
                100 * v.share())));
        table.getItems().setAll(p.topValues());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefSize(300, Math.min(330, 30 + 26 * p.topValues().size()));
        return new TableBox<>(Messages.get("insights.topValues", p.name()), table);
    }

    private Node target(TargetSummary t) {
        HBox row = new HBox(16);
        if (t.histogram() != null && !t.histogram().bars().isEmpty()) {
            row.getChildren().add(InsightsCharts.histogram(Messages.get("insights.targetDistribution", t.column()),
                    t.histogram(), 460, 280));
        }
        VBox facts = new VBox(4);
        facts.getChildren().add(new Label(Messages.get("insights.problemType", Messages.getOr("model.problem."
                + t.problemType().name(), t.problemType().name().toLowerCase(Locale.ROOT)))));
        if (t.positiveClass() != null) {
            facts.getChildren().add(new Label(Messages.get("insights.positiveClass", t.positiveClass())));
        }
        for (ValueCount c : t.classes()) {
            facts.getChildren().add(new Label(String.format(Locale.ROOT, "%s: %,d (%.1f%%)", c.value(), c.count(),
                    100 * c.share())));
        }
        if (t.missingTargets() > 0) {
            Label missing = new Label(Messages.get("insights.missingTargets", t.missingTargets()));
            missing.getStyleClass().add("hint");
            facts.getChildren().add(missing);
        }
        row.getChildren().add(facts);
        return section(Messages.get("insights.target", t.column()), row);
    }

    private Node quickModel(QuickModelResult q) {
        VBox box = new VBox(8);
        Label what = new Label(Messages.get("insights.quickModelWhat", q.algorithm(),
                String.format(Locale.ROOT, "%,d", q.trainRows()), String.format(Locale.ROOT, "%,d", q.testRows()),
                String.format(Locale.ROOT, "%.1f", q.seconds())));
        what.setWrapText(true);
        box.getChildren().add(what);
        if (q.built()) {
            box.getChildren().add(new MetricCards(q.metrics()));
        }
        if (q.confusion() != null) {
            ConfusionGrid grid = new ConfusionGrid();
            grid.show(q.confusion().classes(), q.confusion().counts());
            box.getChildren().add(grid);
        }
        for (String note : q.notes()) {
            Label l = new Label(note);
            l.setWrapText(true);
            l.getStyleClass().add("hint");
            box.getChildren().add(l);
        }
        return section(Messages.get("insights.quickModel"), box);
    }

    private Node rows(String title, List<RowSample> samples, String scoreName) {
        TableView<RowSample> table = new TableView<>();
        table.getColumns().add(TableBox.textColumn(Messages.get("insights.row"), r -> Long.toString(r.row() + 1)));
        table.getColumns().add(TableBox.textColumn(scoreName, r -> ColumnCard.num(r.score())));
        TableColumn<RowSample, String> reason = TableBox.textColumn(Messages.get("insights.reason"), RowSample::reason);
        reason.setPrefWidth(280);
        table.getColumns().add(reason);
        List<ColumnProfile> columns = vm.report().columns();
        for (int i = 0; i < columns.size(); i++) {
            int k = i;
            table.getColumns().add(TableBox.textColumn(columns.get(i).name(), r -> k < r.values().size() ? r.values().get(k)
                    : ""));
        }
        table.getItems().setAll(samples);
        table.setPrefHeight(Math.min(320, 32 + 26 * samples.size()));
        return new TableBox<>(title, table);
    }

    private static Node section(String title, Node body) {
        Label t = new Label(title);
        t.getStyleClass().add("section-title");
        return new VBox(6, t, body);
    }
}
