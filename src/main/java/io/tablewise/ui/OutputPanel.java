package io.tablewise.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.SetChangeListener;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import tech.tablesaw.api.Table;

import io.tablewise.engine.NodeResult;
import io.tablewise.engine.NodeState;
import io.tablewise.node.NodeMessage;
import io.tablewise.ui.editor.FlowEditor;
import io.tablewise.ui.grid.DataGridView;
import io.tablewise.ui.run.NodeStatus;
import io.tablewise.ui.run.RunViewModel;

/**
 * The bottom panel: the selected node's output table, its warnings and problems, and the run log. It follows the
 * selection and the run results.
 */
final class OutputPanel extends TabPane {
    private final FlowEditor editor;
    private final RunViewModel runs;
    private final DataGridView grid = new DataGridView();
    private final ComboBox<String> port = new ComboBox<>();
    private final Label portLabel = new Label(Messages.get("grid.output"));
    private final ListView<String> warnings = new ListView<>();
    private final ListView<String> log = new ListView<>();
    private final Tab warningsTab;
    private Runnable onToggleMaximised;
    private java.util.function.Consumer<java.nio.file.Path> onOpenFlow;
    private javafx.stage.Window owner;
    private final Tab modelTab = new Tab(Messages.get("panel.model"));
    private final Tab insightsTab = new Tab(Messages.get("panel.insights"));
    private final Tab predictTab = new Tab(Messages.get("panel.predict"));
    private final Tab monitorTab = new Tab(Messages.get("panel.monitor"));
    private final Tab forecastTab = new Tab(Messages.get("panel.forecast"));
    private Object shownForecast;
    private Object shownModel;
    private Object shownReport;
    private String shownNode;

    OutputPanel(FlowEditor editor, RunViewModel runs) {
        this.editor = editor;
        this.runs = runs;
        getStyleClass().add("output-panel");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        HBox portBar = new HBox(6, portLabel, port);
        portBar.getStyleClass().add("port-bar");
        port.valueProperty().addListener((obs, old, now) -> showOutput());
        VBox gridBox = new VBox(portBar, grid);
        javafx.scene.layout.VBox.setVgrow(grid, javafx.scene.layout.Priority.ALWAYS);
        Tab data = new Tab(Messages.get("panel.data"), gridBox);
        warningsTab = new Tab(Messages.get("panel.warnings"), warnings);
        Tab logTab = new Tab(Messages.get("panel.log"), log);
        warnings.setPlaceholder(new Label(Messages.get("panel.noWarnings")));
        log.setItems(runs.log());
        log.getStyleClass().add("log");
        runs.log().addListener((ListChangeListener<String>) c -> log.scrollTo(Math.max(0, log.getItems().size() - 1)));
        getTabs().addAll(data, warningsTab, logTab, runsTab(editor, runs), registryTab(), deployTab());
        monitorTab.setId("monitor-tab");
        for (Tab result : List.of(modelTab, insightsTab, predictTab, monitorTab)) {
            result.setContextMenu(resultMenu(result));
        }
        editor.selection().addListener((SetChangeListener<String>) c -> refresh());
        runs.statuses().addListener((MapChangeListener<String, NodeStatus>) c -> {
            if (c.getKey().equals(shownNode)) {
                refresh();
            }
        });
        refresh();
    }

    /** The flow's recorded model runs, read again when the flow file changes or a run records a model. */
    private static Tab runsTab(FlowEditor editor, RunViewModel runs) {
        io.tablewise.ui.runs.RunsViewModel vm = new io.tablewise.ui.runs.RunsViewModel(
                javafx.application.Platform::runLater);
        vm.setRegistry(io.tablewise.registry.RegistryLocation.defaultLocation());
        vm.load(editor.fileProperty().get());
        vm.setPathPolicy(file -> runs.pathPolicy());
        editor.fileProperty().addListener((o, a, file) -> vm.load(file));
        runs.recordedRunsProperty().addListener((o, a, b) -> vm.reload());
        return new Tab(Messages.get("panel.runs"), new io.tablewise.ui.runs.RunsView(vm, editor));
    }

    /** The model registry (the user's default one), read when the tab is first shown. */
    private Tab registryTab() {
        io.tablewise.ui.registry.RegistryViewModel vm = new io.tablewise.ui.registry.RegistryViewModel(
                io.tablewise.registry.RegistryLocation.defaultLocation(), javafx.application.Platform::runLater);
        return new Tab(Messages.get("panel.registry"), new io.tablewise.ui.registry.RegistryView(vm, file -> {
            if (onOpenFlow != null) {
                onOpenFlow.accept(file);
            }
        }));
    }

    /** How a flow file is opened in the studio (the window owns the documents). */
    void setOnOpenFlow(java.util.function.Consumer<java.nio.file.Path> open) {
        this.onOpenFlow = open;
    }

    /** The local scoring endpoint: variants from the user's registry or model folders, capture in ~/Tablewise. */
    private static Tab deployTab() {
        io.tablewise.ui.deploy.DeployViewModel vm = new io.tablewise.ui.deploy.DeployViewModel(
                io.tablewise.registry.RegistryLocation.defaultLocation(), java.nio.file.Path.of(
                        System.getProperty("user.home"), "Tablewise", "capture"), javafx.application.Platform::runLater);
        Tab tab = new Tab(Messages.get("panel.deploy"), new io.tablewise.ui.deploy.DeployView(vm));
        tab.setId("deploy-tab");
        return tab;
    }

    /** What maximising the panel does (the window owns the divider). */
    void setOnToggleMaximised(Runnable action) {
        this.onToggleMaximised = action;
    }

    /** Gives the panel nearly all the window's height, or back (View menu, a tab's menu). */
    void toggleMaximised() {
        if (onToggleMaximised != null) {
            onToggleMaximised.run();
        }
    }

    /** The window that result windows belong to. */
    void setOwner(javafx.stage.Window owner) {
        this.owner = owner;
    }

    /**
     * A result tab's menu: maximise the panel, or open the result in a window of its own (several can stay open side
     * by side, e.g. two models' pages, and they stay as they are while the flow changes).
     */
    private javafx.scene.control.ContextMenu resultMenu(Tab tab) {
        javafx.scene.control.MenuItem maximise = new javafx.scene.control.MenuItem(
                Messages.get("panel.maximise"));
        maximise.setOnAction(e -> toggleMaximised());
        javafx.scene.control.MenuItem window = new javafx.scene.control.MenuItem(Messages.get("panel.ownWindow"));
        window.getStyleClass().add("open-in-window");
        window.setOnAction(e -> openInWindow(tab));
        return new javafx.scene.control.ContextMenu(window, maximise);
    }

    /** Opens what {@code tab} shows in its own window; returns it (for tests), or null when there is nothing. */
    javafx.stage.Stage openInWindow(Tab tab) {
        javafx.scene.Node view;
        String what;
        if (tab == modelTab && shownModel instanceof io.tablewise.model.TrainedModel m) {
            view = new io.tablewise.ui.model.ModelView(m);
            what = Messages.get("panel.model");
        } else if (tab == predictTab && shownModel instanceof io.tablewise.model.TrainedModel m) {
            view = new io.tablewise.ui.predict.PredictView(m);
            what = Messages.get("panel.predict");
        } else if (tab == monitorTab && shownModel instanceof io.tablewise.model.TrainedModel m) {
            view = new io.tablewise.ui.monitor.MonitorView(monitorModel(m));
            what = Messages.get("panel.monitor");
        } else if (tab == insightsTab && shownReport instanceof io.tablewise.insights.InsightsReport r) {
            view = new io.tablewise.ui.insights.InsightsView(r);
            what = Messages.get("panel.insights");
        } else {
            return null;
        }
        String label = shownNode == null ? "" : editor.flow().node(shownNode).map(n -> n.label()).orElse(shownNode);
        javafx.stage.Stage stage = new javafx.stage.Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(label + " — " + what);
        javafx.scene.Scene scene = new javafx.scene.Scene(new javafx.scene.layout.StackPane(view), 1100, 820);
        io.tablewise.ui.theme.Theme.parse(getScene() == null || getScene().getRoot().getStyleClass()
                .contains("theme-light") ? "light" : "dark").apply(scene);
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    DataGridView grid() {
        return grid;
    }

    private Optional<String> selectedNode() {
        return editor.selection().size() == 1 ? Optional.of(editor.selection().iterator().next()) : Optional.empty();
    }

    private void refresh() {
        Optional<String> node = selectedNode();
        shownNode = node.orElse(null);
        List<String> tablePorts = new ArrayList<>();
        node.flatMap(runs::result).filter(r -> r.state() == NodeState.DONE).ifPresent(r -> r.outputs().forEach(
                (name, value) -> {
                    if (shownTable(value) != null) {
                        tablePorts.add(name);
                    }
                }));
        tablePorts.sort(null);
        if (!port.getItems().equals(tablePorts)) {
            String keep = port.getValue();
            port.getItems().setAll(tablePorts);
            port.setValue(tablePorts.contains(keep) ? keep : tablePorts.isEmpty() ? null : tablePorts.get(0));
        }
        boolean many = tablePorts.size() > 1;
        port.setVisible(many);
        port.setManaged(many);
        portLabel.setVisible(many);
        portLabel.setManaged(many);
        showOutput();
        showWarnings(node.orElse(null));
        showModel(output(node, io.tablewise.model.TrainedModel.class));
        showInsights(output(node, io.tablewise.insights.InsightsReport.class));
        showForecast(node.orElse(null));
    }

    /** A Forecast node, or a Build model node that made a forecast model, gets a Forecast tab: history and fan. */
    private void showForecast(String node) {
        NodeResult result = node == null ? null : runs.result(node).filter(r -> r.state() == NodeState.DONE)
                .orElse(null);
        ForecastShown shown = result == null ? null : result.outputs().get("model")
                instanceof io.tablewise.model.ForecastBuild f ? ForecastShown.of(f) : forecastNodeShown(node, result);
        if (shown == null) {
            getTabs().remove(forecastTab);
            shownForecast = null;
            return;
        }
        if (shown.forecast() != shownForecast) {
            String summary = result.messages().stream().filter(m -> m.severity() == NodeMessage.Severity.INFO)
                    .map(NodeMessage::text).findFirst().orElse("");
            forecastTab.setContent(new io.tablewise.ui.forecast.ForecastView(shown.history(), shown.forecast(),
                    shown.time(), shown.target(), shown.series(), summary, shown.options()));
            shownForecast = shown.forecast();
        }
        if (!getTabs().contains(forecastTab)) {
            getTabs().add(1, forecastTab);
            getSelectionModel().select(forecastTab);
        }
    }

    /**
     * What the Forecast tab shows.
     *
     * @param options the forecast's options for the what-if (null: no known-ahead columns, no what-if)
     */
    private record ForecastShown(Table history, Table forecast, String time, String target, List<String> series,
                                 io.tablewise.forecast.Forecaster.Options options) {
        static ForecastShown of(io.tablewise.model.ForecastBuild f) {
            io.tablewise.forecast.Forecaster.Options o = f.result().model().options();
            return new ForecastShown(f.history(), f.table(), o.time(), o.target(), o.series(),
                    o.covariates().isEmpty() ? null : o);
        }
    }

    /** A Forecast node's history (the table that reached it) and forecast; null for any other node. */
    private ForecastShown forecastNodeShown(String node, NodeResult result) {
        boolean forecastNode = editor.flow().node(node).map(n -> n.type().equals("model.forecast")).orElse(false);
        Table history = !forecastNode ? null : editor.flow().incoming(node).stream()
                .filter(e -> e.to().port().equals("table")).findFirst()
                .flatMap(e -> runs.result(e.from().node()).map(r -> r.outputs().get(e.from().port())))
                .filter(Table.class::isInstance).map(Table.class::cast).orElse(null);
        if (history == null || !(result.outputs().get("table") instanceof Table out)) {
            return null;
        }
        io.tablewise.flow.NodeInstance n = editor.flow().node(node).orElseThrow();
        List<String> seriesColumns = new ArrayList<>();
        if (n.params().get("series") instanceof List<?> l) {
            l.forEach(v -> seriesColumns.add(String.valueOf(v)));
        }
        return new ForecastShown(history, out, String.valueOf(n.params().get("time")),
                String.valueOf(n.params().get("target")), seriesColumns, forecastOptions(n));
    }

    /** A Forecast node's options, for its what-if (null when it has no known-ahead columns or they cannot be read). */
    private io.tablewise.forecast.Forecaster.Options forecastOptions(io.tablewise.flow.NodeInstance n) {
        java.nio.file.Path flowFile = editor.fileProperty().get();
        java.nio.file.Path base = flowFile == null ? java.nio.file.Path.of(".") : flowFile.toAbsolutePath().getParent();
        try {
            io.tablewise.forecast.Forecaster.Options o = io.tablewise.forecast.ForecastNode.options(
                    io.tablewise.node.NodeParams.withDefaults(new io.tablewise.forecast.ForecastNode().descriptor(),
                            n.params()), base::resolve);
            return o.covariates().isEmpty() ? null : o;
        } catch (io.tablewise.node.NodeException e) {
            return null;
        }
    }

    /** The selected node's first output of a kind, when it has run. */
    private <T> T output(Optional<String> node, Class<T> kind) {
        return node.flatMap(runs::result).filter(r -> r.state() == NodeState.DONE)
                .flatMap(r -> r.outputs().values().stream().filter(kind::isInstance).findFirst())
                .map(kind::cast).orElse(null);
    }

    /** An insights report gets an Insights tab, shown at once. */
    private void showInsights(io.tablewise.insights.InsightsReport report) {
        if (report == null) {
            getTabs().remove(insightsTab);
            shownReport = null;
            return;
        }
        if (report != shownReport) {
            insightsTab.setContent(new io.tablewise.ui.insights.InsightsView(report));
            shownReport = report;
        }
        if (!getTabs().contains(insightsTab)) {
            getTabs().add(1, insightsTab);
            getSelectionModel().select(insightsTab);
        }
    }

    /** A built model gets a Model tab (metrics, charts, threshold), shown at once, and a Predict tab beside it. */
    private void showModel(io.tablewise.model.TrainedModel model) {
        if (model == null) {
            getTabs().removeAll(modelTab, predictTab, monitorTab);
            shownModel = null;
            return;
        }
        if (model != shownModel) {
            String node = shownNode;
            boolean hasThreshold = editor.descriptor(node).map(d -> d.params().stream()
                    .anyMatch(p -> p.name().equals("threshold"))).orElse(false);
            modelTab.setContent(new io.tablewise.ui.model.ModelView(model, hasThreshold ? t -> {
                editor.setParam(node, "threshold", t);
                editor.endParamEdit();
            } : null, () -> runs.run(java.util.Set.of(node))));
            predictTab.setContent(new io.tablewise.ui.predict.PredictView(model));
            monitorTab.setContent(new io.tablewise.ui.monitor.MonitorView(monitorModel(model)));
            shownModel = model;
        }
        if (!getTabs().contains(modelTab)) {
            getTabs().add(1, modelTab);
            getTabs().add(2, predictTab);
            getTabs().add(3, monitorTab);
            getSelectionModel().select(isMonitorNode(shownNode) ? monitorTab : modelTab);
        }
    }

    /**
     * The Monitor view's state for {@code model}; for a Monitor node that ran, the rows that reached it are checked
     * at once (what the node checked), so its findings, heat map and distributions are there to read.
     */
    private io.tablewise.ui.monitor.MonitorViewModel monitorModel(io.tablewise.model.TrainedModel model) {
        String node = shownNode;
        String label = node == null ? "model" : editor.flow().node(node).map(n -> n.label()).orElse(node);
        io.tablewise.ui.monitor.MonitorViewModel vm = new io.tablewise.ui.monitor.MonitorViewModel(model, label,
                javafx.application.Platform::runLater);
        if (isMonitorNode(node)) {
            editor.flow().incoming(node).stream().filter(e -> e.to().port().equals("table")).findFirst()
                    .ifPresent(e -> runs.result(e.from().node()).filter(r -> r.state() == NodeState.DONE)
                            .map(r -> r.outputs().get(e.from().port())).filter(Table.class::isInstance)
                            .ifPresent(t -> vm.checkTable(editor.flow().node(e.from().node()).map(n -> n.label())
                                    .orElse(e.from().node()), (Table) t)));
        }
        return vm;
    }

    private boolean isMonitorNode(String node) {
        return node != null && editor.flow().node(node).map(n -> n.type().equals("model.monitor")).orElse(false);
    }

    private void showOutput() {
        if (shownNode == null) {
            grid.showMessage(Messages.get(editor.selection().isEmpty() ? "grid.selectNode" : "grid.selectOne"));
            return;
        }
        NodeStatus status = runs.statuses().get(shownNode);
        Optional<NodeResult> result = runs.result(shownNode);
        if (result.isPresent() && result.get().state() == NodeState.DONE) {
            Map<String, Object> outputs = result.get().outputs();
            Table t = port.getValue() == null ? null : shownTable(outputs.get(port.getValue()));
            if (t != null) {
                grid.show(t);
                return;
            }
            grid.showMessage(Messages.get("grid.noTable"));
            return;
        }
        boolean failed = status != null && status.light() == NodeStatus.Light.FAILED;
        grid.showMessage(failed ? Messages.get("grid.failed", status.message()) : Messages.get("grid.notRun"));
    }

    /** The rows an output shows in the grid: a table, or a forecast's or a detector's rows; else null. */
    private static Table shownTable(Object value) {
        return value instanceof Table t ? t : value instanceof io.tablewise.model.BuiltModel b ? b.table() : null;
    }

    private void showWarnings(String nodeId) {
        List<String> lines = new ArrayList<>();
        if (nodeId != null) {
            NodeStatus status = runs.statuses().get(nodeId);
            if (status != null && (status.light() == NodeStatus.Light.FAILED
                    || status.light() == NodeStatus.Light.INVALID)) {
                lines.add("✗ " + status.message());
            }
            if (status != null) {
                status.warnings().forEach(w -> lines.add("⚠ " + w));
            }
        }
        int problems = lines.size(); // the count is of problems only; what a node reports by the way comes after
        List<String> information = new ArrayList<>();
        if (nodeId != null) {
            runs.result(nodeId).ifPresent(r -> r.messages().stream()
                    .filter(m -> m.severity() == NodeMessage.Severity.INFO)
                    .forEach(m -> information.add("ℹ " + m.text())));
        }
        if (!information.isEmpty()) {
            if (problems > 0) {
                lines.add("");
            }
            lines.add(Messages.get("panel.information"));
            lines.addAll(information);
        }
        warnings.getItems().setAll(lines);
        warningsTab.setText(problems == 0 ? Messages.get("panel.warnings")
                : Messages.get("panel.warnings") + " (" + problems + ")");
    }
}
