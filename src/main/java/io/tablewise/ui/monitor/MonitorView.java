package io.tablewise.ui.monitor;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

import io.tablewise.monitor.Drift;
import io.tablewise.monitor.Finding;
import io.tablewise.monitor.MonitorReport;
import io.tablewise.ui.Messages;
import io.tablewise.ui.export.ChartBox;
import io.tablewise.ui.export.ChartStyle;
import io.tablewise.ui.export.ExportDialogs;
import io.tablewise.ui.export.TableBox;

/**
 * The Monitor view: check batches (files, or the endpoint's capture folder) against the model's training baseline;
 * see the latest batch's findings in plain words, a heat map of every column's drift (PSI) over the batches, and a
 * column's baseline and batch distributions overlaid (click a cell of the heat map to choose both).
 */
public final class MonitorView extends ScrollPane {
    private final MonitorViewModel vm;
    private final GridPane heat = new GridPane();
    private final Label headline = new Label();
    private final TableView<Finding> findings = new TableView<>();
    private final VBox overlay = new VBox();
    private final VBox results = new VBox(12);
    /** A heat-map cell's least width: "0.00" with room around it. */
    private static final double CELL_WIDTH = 56;

    /** The view of {@code vm}. */
    public MonitorView(MonitorViewModel vm) {
        this.vm = vm;
        getStyleClass().add("monitor-view");
        setFitToWidth(true);
        Label title = new Label(Messages.get("monitor.title"));
        title.getStyleClass().add("section-title");
        Label hint = new Label(Messages.get("monitor.hint", Drift.WARNING_PSI, Drift.DRIFT_PSI));
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        heat.getStyleClass().add("monitor-heat");
        heat.setHgap(2);
        heat.setVgap(2);
        headline.getStyleClass().add("monitor-headline");
        headline.setWrapText(true);
        findingsTable();
        Label heatTitle = new Label(Messages.get("monitor.heatTitle"));
        heatTitle.getStyleClass().add("subsection-title");
        ScrollPane heatScroll = new ScrollPane(heat);
        // across only: many batches scroll sideways, every column shows (the page scrolls down)
        heatScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        heatScroll.setFitToHeight(true);
        heatScroll.setMaxWidth(620);
        heatScroll.prefViewportWidthProperty().bind(Bindings.min(heat.widthProperty(), 600));
        heatScroll.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the chart gives way, not the map
        heatScroll.prefViewportHeightProperty().bind(heat.heightProperty());
        heatScroll.getStyleClass().add("monitor-heat-scroll");
        HBox charts = new HBox(16, new VBox(6, heatTitle, heatScroll), overlay);
        HBox.setHgrow(overlay, Priority.ALWAYS);
        results.getChildren().addAll(headline, new TableBox<>(Messages.get("monitor.findings"), findings), charts);
        results.visibleProperty().bind(Bindings.isNotEmpty(vm.reports()));
        results.managedProperty().bind(results.visibleProperty());
        VBox content = new VBox(10, title, hint, baselineBar(), actions(), results);
        content.getStyleClass().add("monitor-content");
        setContent(content);
        vm.reports().addListener((ListChangeListener<MonitorReport>) c -> redraw());
        vm.batchProperty().addListener((o, a, b) -> redraw());
        vm.columnProperty().addListener((o, a, b) -> redraw());
        redraw();
    }

    /** For a model saved before baselines: make one from its training rows. */
    private Node baselineBar() {
        Label text = new Label(Messages.get("monitor.noBaseline"));
        text.setWrapText(true);
        Button make = new Button(Messages.get("monitor.makeBaseline"));
        make.getStyleClass().add("monitor-make-baseline");
        make.setOnAction(e -> ExportDialogs.chooseData(this).ifPresent(vm::makeBaseline));
        make.disableProperty().bind(vm.runningProperty());
        HBox bar = new HBox(10, text, make);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("model-warning");
        bar.visibleProperty().bind(vm.hasBaselineProperty().not());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private Node actions() {
        Button files = new Button(Messages.get("monitor.checkFiles"));
        files.getStyleClass().add("monitor-check-files");
        files.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle(Messages.get("monitor.chooseFiles"));
            fc.getExtensionFilters().addAll(ExportDialogs.dataFilters());
            List<File> chosen = fc.showOpenMultipleDialog(getScene() == null ? null : getScene().getWindow());
            if (chosen != null && !chosen.isEmpty()) {
                vm.checkFiles(chosen.stream().map(File::toPath).sorted().toList());
            }
        });
        Button capture = new Button(Messages.get("monitor.checkCapture"));
        capture.getStyleClass().add("monitor-check-capture");
        capture.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle(Messages.get("monitor.chooseCapture"));
            Path home = Path.of(System.getProperty("user.home"), "Tablewise", "capture");
            if (home.toFile().isDirectory()) {
                dc.setInitialDirectory(home.toFile());
            }
            File folder = dc.showDialog(getScene() == null ? null : getScene().getWindow());
            if (folder != null) {
                vm.checkCapture(folder.toPath());
            }
        });
        for (Button b : List.of(files, capture)) {
            b.disableProperty().bind(vm.runningProperty().or(vm.hasBaselineProperty().not()));
        }
        Tooltip.install(files, new Tooltip(Messages.get("monitor.checkFilesTip")));
        Tooltip.install(capture, new Tooltip(Messages.get("monitor.checkCaptureTip")));
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.runningProperty());
        progress.setPrefWidth(200);
        Button cancel = new Button(Messages.get("predict.cancel"));
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.setOnAction(e -> vm.cancel());
        Button save = new Button(Messages.get("monitor.save"));
        save.getStyleClass().add("monitor-save");
        save.disableProperty().bind(vm.runningProperty().or(Bindings.isEmpty(vm.reports())));
        save.setOnAction(e -> ExportDialogs.chooseOutput(this, Path.of(System.getProperty("user.home"),
                "monitor-report.html"), "html")
                .ifPresent(vm::save));
        Tooltip.install(save, new Tooltip(Messages.get("monitor.saveTip")));
        HBox line = new HBox(10, files, capture, progress, cancel, save);
        line.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.getStyleClass().add("monitor-message");
        message.setWrapText(true);
        ListView<String> warnings = new ListView<>(vm.warnings());
        warnings.getStyleClass().add("monitor-warnings");
        warnings.setPrefHeight(70);
        warnings.visibleProperty().bind(Bindings.isNotEmpty(vm.warnings()));
        warnings.managedProperty().bind(warnings.visibleProperty());
        return new VBox(6, line, message, warnings);
    }

    private void findingsTable() {
        findings.getStyleClass().add("monitor-findings");
        TableColumn<Finding, String> severity = TableBox.textColumn(Messages.get("monitor.severity"),
                f -> Messages.get("monitor.severity." + f.severity().name().toLowerCase(Locale.ROOT)));
        severity.setPrefWidth(90);
        severity.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().removeAll("severity-violation", "severity-warning");
                Finding f = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (f != null && f.severity() != Finding.Severity.INFO) {
                    getStyleClass().add("severity-" + f.severity().name().toLowerCase(Locale.ROOT));
                }
            }
        });
        TableColumn<Finding, String> column = TableBox.textColumn(Messages.get("monitor.column"), Finding::column);
        column.setPrefWidth(140);
        TableColumn<Finding, String> what = TableBox.textColumn(Messages.get("monitor.finding"),
                Finding::explanation);
        what.setPrefWidth(520);
        TableColumn<Finding, String> advice = TableBox.textColumn(Messages.get("monitor.advice"), Finding::advice);
        advice.setPrefWidth(420);
        findings.getColumns().add(severity);
        findings.getColumns().add(column);
        findings.getColumns().add(what);
        findings.getColumns().add(advice);
        findings.setPlaceholder(new Label(Messages.get("monitor.nothingFound")));
        findings.setPrefHeight(220);
        findings.getSelectionModel().selectedItemProperty().addListener((o, a, f) -> {
            if (f != null && vm.columns().contains(f.column())) {
                vm.columnProperty().set(f.column());
            }
        });
    }

    private void redraw() {
        MonitorReport shown = vm.shown();
        if (shown == null) {
            findings.getItems().clear();
            heat.getChildren().clear();
            overlay.getChildren().clear();
            return;
        }
        long warnings = shown.findings().stream().filter(f -> f.severity() == Finding.Severity.WARNING).count();
        headline.setText(Messages.get("monitor.headline", shown.batch(), String.format(Locale.ROOT, "%,d",
                shown.rows()), shown.violations(), warnings));
        headline.getStyleClass().remove("monitor-violations");
        if (shown.violations() > 0) {
            headline.getStyleClass().add("monitor-violations");
        }
        if (!findings.getItems().equals(shown.findings())) {
            findings.getItems().setAll(shown.findings());
        }
        heatMap();
        overlayChart(shown);
    }

    /** Columns down, batches across; each cell the column's PSI in the batch, coloured by the thresholds. */
    private void heatMap() {
        heat.getChildren().clear();
        List<String> columns = vm.columns();
        int batches = vm.reports().size();
        List<String> names = BatchNames.distinct(vm.reports().stream().map(MonitorReport::batch).toList());
        for (int b = 0; b < batches; b++) {
            Label name = new Label(names.get(b));
            name.setMaxWidth(CELL_WIDTH * 1.6);
            name.setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
            name.getStyleClass().add("heat-batch");
            Tooltip.install(name, new Tooltip(vm.reports().get(b).batch()));
            if (b == vm.batchProperty().get()) {
                name.getStyleClass().add("heat-selected-batch");
            }
            int batch = b;
            name.setOnMouseClicked(e -> vm.batchProperty().set(batch));
            heat.add(name, b + 1, 0);
        }
        for (int c = 0; c < columns.size(); c++) {
            String column = columns.get(c);
            Label name = new Label(column);
            name.getStyleClass().add("heat-column");
            heat.add(name, 0, c + 1);
            for (int b = 0; b < batches; b++) {
                heat.add(cell(b, column), b + 1, c + 1);
            }
        }
    }

    private Label cell(int batch, String column) {
        MonitorReport.ColumnDrift d = vm.drift(batch, column);
        Label cell = new Label(d == null ? "–" : String.format(Locale.ROOT, "%.2f", d.drift().psi()));
        cell.getStyleClass().addAll("heat-cell", d == null ? "heat-none" : d.drift().drifted() ? "heat-drift"
                : d.drift().shifted() ? "heat-warn" : "heat-ok");
        if (batch == vm.batchProperty().get() && column.equals(vm.columnProperty().get())) {
            cell.getStyleClass().add("heat-selected");
        }
        cell.setMinWidth(CELL_WIDTH);
        cell.setMaxWidth(Double.MAX_VALUE);
        GridPane.setFillWidth(cell, true);
        cell.setAlignment(Pos.CENTER);
        cell.setUserData(column + "@" + batch);
        if (d != null) {
            Tooltip.install(cell, new Tooltip(Messages.get("monitor.cellTip", column, vm.reports().get(batch)
                    .batch(), d.drift().psi(), d.drift().test(), pValue(d.drift().pValue()))));
        }
        cell.setOnMouseClicked(e -> {
            vm.batchProperty().set(batch);
            vm.columnProperty().set(column);
        });
        return cell;
    }

    /** The chosen column's baseline and batch shares per bin, side by side. */
    private void overlayChart(MonitorReport shown) {
        String column = vm.columnProperty().get();
        MonitorReport.ColumnDrift d = column == null ? null : vm.drift(vm.batchProperty().get(), column);
        if (d == null) {
            overlay.getChildren().setAll(new Label(Messages.get("monitor.noOverlay")));
            return;
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String training = Messages.get("monitor.training");
        String batch = shortName(shown.batch());
        for (int i = 0; i < d.overlay().bins().size(); i++) {
            String bin = d.overlay().bins().get(i);
            data.addValue(100 * d.overlay().baseline()[i], training, bin);
            data.addValue(100 * d.overlay().batch()[i], batch, bin);
        }
        JFreeChart chart = ChartFactory.createBarChart(null, null, Messages.get("monitor.share"), data,
                PlotOrientation.VERTICAL, true, true, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        ChartStyle.flat(bars);
        bars.setItemMargin(0.02);
        bars.setSeriesPaint(0, ChartStyle.GREY);
        bars.setSeriesPaint(1, d.drift().drifted() ? ChartStyle.RED : ChartStyle.BLUE);
        ChartStyle.plain(plot);
        if (d.overlay().bins().size() > 6) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        ChartBox box = new ChartBox(Messages.get("monitor.overlayTitle", column, d.drift().psi()), chart,
                560, 320);
        box.getStyleClass().add("monitor-overlay");
        overlay.getChildren().setAll(box);
    }

    /** The view's state. */
    public MonitorViewModel viewModel() {
        return vm;
    }

    /** The overlay chart's data (bins by series: the training share, the batch's, in percent), or null. */
    public DefaultCategoryDataset overlayData() {
        if (overlay.getChildren().isEmpty() || !(overlay.getChildren().get(0) instanceof ChartBox box)) {
            return null;
        }
        return (DefaultCategoryDataset) box.chart().getCategoryPlot().getDataset();
    }

    private static String shortName(String batch) {
        return batch.length() <= 24 ? batch : "…" + batch.substring(batch.length() - 23);
    }

    private static String pValue(double p) {
        return p < 1e-12 ? "< 1e-12" : String.format(Locale.ROOT, "%.2g", p);
    }
}
