package io.tablewise.ui.runs;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import io.tablewise.track.RunRebuild;
import io.tablewise.track.RunRecord;
import io.tablewise.ui.Messages;
import io.tablewise.ui.editor.FlowEditor;
import io.tablewise.ui.export.ChartBox;
import io.tablewise.ui.export.ChartStyle;
import io.tablewise.ui.export.TableBox;

/**
 * The flow's recorded model runs: a sortable, filterable table with the flow's and the varying parameters and the
 * test metrics as columns; two selected runs compared side by side; a metric plotted against a parameter across
 * runs; and a parameter sweep launched from a dialog.
 */
public final class RunsView extends ScrollPane {
    private final RunsViewModel vm;
    private final FlowEditor editor;
    private final TableView<RunRecord> table = new TableView<>();
    private final TableBox<RunRecord> tableBox;
    private final VBox comparison = new VBox(6);
    private final ComboBox<String> metric = new ComboBox<>();
    private final ComboBox<String> parameter = new ComboBox<>();
    private final VBox plot = new VBox();

    /** The runs of the flow open in {@code editor}; {@code vm} reports through the JavaFX thread. */
    public RunsView(RunsViewModel vm, FlowEditor editor) {
        this.vm = vm;
        this.editor = editor;
        getStyleClass().add("runs-view");
        setFitToWidth(true);
        table.getStyleClass().add("runs-table");
        table.setItems(vm.shownRuns());
        vm.registered().addListener((javafx.collections.MapChangeListener<String, String>) c -> table.refresh());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label(Messages.get("runs.none")));
        table.setPrefHeight(300);
        tableBox = new TableBox<>(Messages.get("runs.title", 0), table);
        vm.runs().addListener((ListChangeListener<RunRecord>) c -> rebuild());
        vm.everyParameterProperty().addListener((o, a, b) -> rebuild());
        metric.valueProperty().addListener((o, a, b) -> drawPlot());
        parameter.valueProperty().addListener((o, a, b) -> drawPlot());
        vm.shownRuns().addListener((ListChangeListener<RunRecord>) c -> drawPlot());
        Label problems = new Label();
        problems.getStyleClass().add("field-problem");
        problems.setWrapText(true);
        problems.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", vm.problems()),
                vm.problems()));
        problems.visibleProperty().bind(Bindings.isNotEmpty(vm.problems()));
        problems.managedProperty().bind(problems.visibleProperty());
        VBox content = new VBox(12, toolbar(), sweepBar(), problems, tableBox, comparison, plotControls(), plot);
        content.setPadding(new Insets(10));
        setContent(content);
        rebuild();
    }

    /** The view model. */
    public RunsViewModel viewModel() {
        return vm;
    }

    private HBox toolbar() {
        TextField filter = new TextField();
        filter.setPromptText(Messages.get("runs.filter"));
        filter.setPrefColumnCount(16);
        filter.getStyleClass().add("runs-filter");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        CheckBox every = new CheckBox(Messages.get("runs.everyParameter"));
        every.selectedProperty().bindBidirectional(vm.everyParameterProperty());
        Button compare = new Button(Messages.get("runs.compare"));
        compare.getStyleClass().add("compare-runs");
        compare.disableProperty().bind(Bindings.size(table.getSelectionModel().getSelectedItems()).isNotEqualTo(2));
        compare.setOnAction(e -> showComparison());
        Button sweep = new Button(Messages.get("runs.sweep"));
        sweep.getStyleClass().add("start-sweep");
        sweep.disableProperty().bind(vm.sweepingProperty());
        sweep.setOnAction(e -> openSweep());
        Button rebuild = new Button(Messages.get("runs.rebuild"));
        rebuild.getStyleClass().add("rebuild-run");
        rebuild.setTooltip(new javafx.scene.control.Tooltip(Messages.get("runs.rebuildTip")));
        rebuild.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.sweepingProperty().get()
                || table.getSelectionModel().getSelectedItems().size() != 1
                || !RunRebuild.possible(table.getSelectionModel().getSelectedItems().get(0)),
                table.getSelectionModel().getSelectedItems(), vm.sweepingProperty()));
        rebuild.setOnAction(e -> startRebuild());
        Button reload = new Button(Messages.get("runs.reload"));
        reload.setOnAction(e -> vm.reload());
        for (javafx.scene.control.Control c : List.of(every, compare, rebuild, sweep, reload)) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, filter, every, compare, rebuild, sweep, reload);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private HBox sweepBar() {
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(vm.sweepProgressProperty());
        progress.setPrefWidth(220);
        progress.visibleProperty().bind(vm.sweepingProperty());
        progress.managedProperty().bind(vm.sweepingProperty());
        Button cancel = new Button(Messages.get("predict.cancel"));
        cancel.visibleProperty().bind(vm.sweepingProperty());
        cancel.managedProperty().bind(vm.sweepingProperty());
        cancel.setOnAction(e -> vm.cancelSweep());
        Label message = new Label();
        message.getStyleClass().add("sweep-message");
        message.textProperty().bind(vm.sweepMessageProperty());
        HBox bar = new HBox(8, progress, cancel, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.visibleProperty().bind(vm.sweepMessageProperty().isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    /** New columns when the runs or the parameter choice change. */
    private void rebuild() {
        tableBox.titleLabel().setText(Messages.get("runs.title", vm.runs().size()));
        table.getColumns().clear();
        table.getColumns().add(TableBox.textColumn(Messages.get("runs.run"), RunRecord::runId));
        table.getColumns().add(TableBox.textColumn(Messages.get("runs.time"), r -> r.time().replace('T', ' ')));
        table.getColumns().add(TableBox.textColumn(Messages.get("runs.node"), RunRecord::node));
        table.getColumns().add(TableBox.textColumn(Messages.get("runs.registered"),
                r -> vm.registered().getOrDefault(r.runId(), "")));
        table.getColumns().add(TableBox.textColumn(Messages.get("runs.algorithm"), r -> r.algorithm().isEmpty() ? ""
                : Messages.get("model.algorithm." + r.algorithm())));
        List<String> params = vm.parameterColumns();
        for (String p : params) {
            TableColumn<RunRecord, String> c = TableBox.textColumn(p, r -> r.parameters().getOrDefault(p, ""));
            c.setComparator(RunsView::numberAware);
            table.getColumns().add(c);
        }
        List<String> metrics = vm.metricColumns();
        for (String m : metrics) {
            table.getColumns().add(number(Messages.getOr("metric." + snake(m), m), r -> r.metrics().get(m)));
        }
        table.getColumns().add(number(Messages.get("runs.seconds"), RunRecord::seconds));
        String keepMetric = metric.getValue();
        String keepParameter = parameter.getValue();
        metric.getItems().setAll(metrics);
        parameter.getItems().setAll(params);
        metric.setValue(metrics.contains(keepMetric) ? keepMetric : metrics.isEmpty() ? null : metrics.get(0));
        // keep the analyst's choice while it still tells something; else the first parameter that varies
        parameter.setValue(params.contains(keepParameter) && vm.varies(keepParameter) ? keepParameter
                : params.stream().filter(vm::varies).findFirst().orElse(params.isEmpty() ? null : params.get(0)));
        comparison.getChildren().clear();
        drawPlot();
    }

    /** camelCase metric names of the run log back to the bundle's snake_case keys. */
    private static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static int numberAware(String a, String b) {
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    private static TableColumn<RunRecord, Double> number(String title,
                                                         java.util.function.Function<RunRecord, Double> f) {
        TableColumn<RunRecord, Double> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : RunsViewModel.number(v));
            }
        });
        c.getStyleClass().add("number-column");
        return c;
    }

    private void showComparison() {
        List<RunRecord> two = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (two.size() != 2) {
            return;
        }
        RunRecord a = two.get(0).time().compareTo(two.get(1).time()) <= 0 ? two.get(0) : two.get(1);
        RunRecord b = a == two.get(0) ? two.get(1) : two.get(0);
        TableView<RunsViewModel.Difference> diff = new TableView<>();
        diff.getStyleClass().add("comparison");
        TableColumn<RunsViewModel.Difference, String> kind = TableBox.textColumn(Messages.get("runs.kind"),
                d -> Messages.get("runs.kind." + d.kind()));
        TableColumn<RunsViewModel.Difference, String> name = TableBox.textColumn(Messages.get("runs.parameter"),
                RunsViewModel.Difference::name);
        TableColumn<RunsViewModel.Difference, String> va = TableBox.textColumn(a.runId(),
                RunsViewModel.Difference::a);
        TableColumn<RunsViewModel.Difference, String> vb = TableBox.textColumn(b.runId(),
                RunsViewModel.Difference::b);
        TableColumn<RunsViewModel.Difference, String> delta = TableBox.textColumn("Δ",
                d -> Double.isNaN(d.delta()) ? "" : String.format(Locale.ROOT, "%+.4g", d.delta()));
        diff.getColumns().addAll(List.of(kind, name, va, vb, delta));
        diff.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(RunsViewModel.Difference d, boolean empty) {
                super.updateItem(d, empty);
                getStyleClass().remove("differs");
                if (!empty && d != null && d.differs()) {
                    getStyleClass().add("differs");
                }
            }
        });
        diff.getItems().setAll(vm.compare(a, b));
        diff.setPrefHeight(Math.min(420, 32 + 26 * diff.getItems().size()));
        Button close = new Button(Messages.get("insights.closeDetail"));
        close.getStyleClass().add("flat");
        close.setOnAction(e -> comparison.getChildren().clear());
        TableBox<RunsViewModel.Difference> box = new TableBox<>(Messages.get("runs.comparison", a.runId(),
                b.runId()), diff);
        comparison.getChildren().setAll(box, close);
    }

    private HBox plotControls() {
        metric.getStyleClass().add("plot-metric");
        parameter.getStyleClass().add("plot-parameter");
        HBox bar = new HBox(8, new Label(Messages.get("runs.plot")), metric, new Label(Messages.get("runs.against")),
                parameter);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** The metric against the parameter: a line over numbers, points over named values. */
    private void drawPlot() {
        plot.getChildren().clear();
        if (metric.getValue() == null || parameter.getValue() == null) {
            return;
        }
        List<RunsViewModel.Point> points = vm.plot(metric.getValue(), parameter.getValue());
        if (points.isEmpty()) {
            return;
        }
        boolean numeric = points.stream().allMatch(p -> !Double.isNaN(p.x()));
        XYSeries series = new XYSeries(metric.getValue(), false);
        List<String> labels = points.stream().map(RunsViewModel.Point::label).distinct().toList();
        for (RunsViewModel.Point p : points) {
            series.add(numeric ? p.x() : labels.indexOf(p.label()), p.y());
        }
        String metricName = Messages.getOr("metric." + snake(metric.getValue()), metric.getValue());
        JFreeChart chart = ChartFactory.createXYLineChart(null, parameter.getValue(), metricName,
                new XYSeriesCollection(series), PlotOrientation.VERTICAL, false, true, false);
        XYPlot xy = chart.getXYPlot();
        if (!numeric) {
            xy.setDomainAxis(new SymbolAxis(parameter.getValue(), labels.toArray(String[]::new)));
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(numeric, true);
        r.setSeriesPaint(0, ChartStyle.BLUE);
        r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
        xy.setRenderer(r);
        ChartStyle.plain(xy);
        ((org.jfree.chart.axis.NumberAxis) xy.getRangeAxis()).setAutoRangeIncludesZero(false);
        plot.getChildren().add(new ChartBox(Messages.get("runs.plotTitle", metricName, parameter.getValue()), chart,
                560, 320));
    }

    /** Rebuilds the selected run's model beside the flow; the flow need not be saved (the run kept its flow). */
    private void startRebuild() {
        java.nio.file.Path file = editor.fileProperty().get();
        List<RunRecord> selected = table.getSelectionModel().getSelectedItems();
        if (file != null && selected.size() == 1) {
            vm.startRebuild(selected.get(0), file);
        }
    }

    private void openSweep() {
        java.nio.file.Path file = editor.fileProperty().get();
        if (file == null || editor.dirtyProperty().get()) {
            Alert a = new Alert(Alert.AlertType.INFORMATION, Messages.get("runs.saveFirst"));
            a.setHeaderText(null);
            a.initOwner(getScene().getWindow());
            a.show();
            return;
        }
        SweepDialog dialog = new SweepDialog(editor.flow());
        dialog.initOwner(getScene().getWindow());
        dialog.showAndWait().filter(v -> !v.isEmpty()).ifPresent(v -> vm.startSweep(editor.flow(), file, v));
    }
}
