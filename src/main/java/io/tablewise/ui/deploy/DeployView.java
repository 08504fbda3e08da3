package io.tablewise.ui.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.converter.DoubleStringConverter;

import io.tablewise.abtest.AbReport;
import io.tablewise.abtest.AbReportFiles;
import io.tablewise.ui.Messages;
import io.tablewise.ui.export.TableBox;

/**
 * The Deploy tab: the variants (model and weight each, a shadow, data capture) on the left; start and stop the local
 * endpoint; each variant's requests, rate, errors and latency live in the middle; a test request from a form; and
 * the A/B report of the capture.
 */
public final class DeployView extends ScrollPane {
    private final DeployViewModel vm;
    private final GridPane formGrid = new GridPane();
    private final Map<String, TextField> formFields = new LinkedHashMap<>();
    private final VBox reportBox = new VBox(6);

    /** The view of {@code vm}. */
    public DeployView(DeployViewModel vm) {
        this.vm = vm;
        getStyleClass().add("deploy-view");
        setFitToWidth(true);
        VBox config = new VBox(8, new Label(Messages.get("deploy.variants")), variantsTable(), variantButtons(),
                shadowRow(), captureRow());
        config.setMinWidth(420);
        config.setPrefWidth(440);
        VBox liveBox = new VBox(8, new Label(Messages.get("deploy.live")), liveTable());
        liveBox.setMinWidth(500);
        HBox.setHgrow(liveBox, Priority.ALWAYS);
        HBox body = new HBox(16, config, liveBox);
        VBox content = new VBox(12, topBar(), body, testForm(), reportBox);
        content.setPadding(new Insets(10));
        setContent(content);
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.poll()));
        tick.setCycleCount(Timeline.INDEFINITE);
        vm.runningProperty().addListener((o, a, running) -> {
            if (running) {
                tick.play();
            } else {
                tick.stop();
            }
        });
        vm.form().addListener((javafx.collections.ListChangeListener<DeployViewModel.Field>) c -> buildForm());
        vm.reportProperty().addListener((o, a, r) -> showReport(r));
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null && vm.choices().isEmpty()) {
                vm.loadChoices();
            }
        });
    }

    /** Its view model. */
    public DeployViewModel viewModel() {
        return vm;
    }

    private HBox topBar() {
        Button start = new Button(Messages.get("deploy.start"));
        start.getStyleClass().addAll("deploy-start", "accent");
        start.setOnAction(e -> vm.start());
        start.disableProperty().bind(vm.runningProperty().or(vm.busyProperty()));
        Button stop = new Button(Messages.get("deploy.stop"));
        stop.getStyleClass().add("deploy-stop");
        stop.setOnAction(e -> vm.stop());
        stop.disableProperty().bind(vm.runningProperty().not().or(vm.busyProperty()));
        Spinner<Integer> port = new Spinner<>(0, 65535, vm.portProperty().get());
        port.setEditable(true);
        port.setPrefWidth(100);
        port.getStyleClass().add("deploy-port");
        port.valueProperty().addListener((o, a, p) -> vm.portProperty().set(p));
        port.disableProperty().bind(vm.runningProperty());
        Label url = new Label();
        url.getStyleClass().add("deploy-url");
        url.textProperty().bind(Bindings.when(vm.runningProperty()).then(vm.urlProperty())
                .otherwise(Messages.get("deploy.notRunning")));
        Label message = new Label();
        message.getStyleClass().add("deploy-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        HBox.setHgrow(message, Priority.ALWAYS);
        for (javafx.scene.control.Control c : List.of(start, stop, url)) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        Label portLabel = new Label(Messages.get("deploy.port"));
        portLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        port.setMinWidth(90);
        HBox bar = new HBox(10, start, stop, portLabel, port, url, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private TableView<DeployViewModel.VariantRow> variantsTable() {
        TableView<DeployViewModel.VariantRow> t = new TableView<>(vm.variants());
        t.getStyleClass().add("deploy-variants");
        t.setEditable(true);
        TableColumn<DeployViewModel.VariantRow, String> name = new TableColumn<>(Messages.get("deploy.name"));
        name.setCellValueFactory(c -> c.getValue().nameProperty());
        name.setCellFactory(TextFieldTableCell.forTableColumn());
        name.setPrefWidth(100);
        TableColumn<DeployViewModel.VariantRow, String> model = new TableColumn<>(Messages.get("deploy.model"));
        model.setCellValueFactory(c -> c.getValue().modelProperty());
        model.setCellFactory(c -> {
            ComboBoxTableCell<DeployViewModel.VariantRow, String> cell = new ComboBoxTableCell<>(vm.choices());
            cell.setComboBoxEditable(true);
            return cell;
        });
        model.setPrefWidth(240);
        TableColumn<DeployViewModel.VariantRow, Double> weight = new TableColumn<>(Messages.get("deploy.weight"));
        weight.setCellValueFactory(c -> c.getValue().weightProperty().asObject());
        weight.setCellFactory(TextFieldTableCell.forTableColumn(new DoubleStringConverter()));
        weight.setPrefWidth(70);
        t.getColumns().add(name);
        t.getColumns().add(model);
        t.getColumns().add(weight);
        t.setPrefHeight(150);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label(Messages.get("deploy.noVariants")));
        return t;
    }

    private HBox variantButtons() {
        Button add = new Button(Messages.get("deploy.add"));
        add.getStyleClass().add("deploy-add");
        add.setOnAction(e -> vm.addVariant());
        add.disableProperty().bind(vm.runningProperty());
        Button remove = new Button(Messages.get("deploy.remove"));
        remove.getStyleClass().add("deploy-remove");
        remove.setOnAction(e -> {
            if (vm.variants().size() > 1) {
                vm.variants().remove(vm.variants().size() - 1);
            }
        });
        remove.disableProperty().bind(vm.runningProperty().or(Bindings.size(vm.variants()).lessThan(2)));
        Button apply = new Button(Messages.get("deploy.apply"));
        apply.getStyleClass().add("deploy-apply");
        apply.setOnAction(e -> vm.apply());
        apply.disableProperty().bind(vm.runningProperty().not().or(vm.busyProperty()));
        for (Button b : List.of(add, remove, apply)) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, add, remove, apply);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private HBox shadowRow() {
        ComboBox<String> shadow = new ComboBox<>(vm.choices());
        shadow.setEditable(true);
        shadow.setPromptText(Messages.get("deploy.noShadow"));
        shadow.getStyleClass().add("deploy-shadow");
        shadow.setPrefWidth(300);
        shadow.valueProperty().bindBidirectional(vm.shadowProperty());
        shadow.disableProperty().bind(vm.runningProperty());
        Label label = new Label(Messages.get("deploy.shadow"));
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(shadow, Priority.ALWAYS);
        shadow.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(8, label, shadow);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private HBox captureRow() {
        CheckBox capture = new CheckBox(Messages.get("deploy.capture"));
        capture.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        capture.selectedProperty().bindBidirectional(vm.captureProperty());
        capture.disableProperty().bind(vm.runningProperty());
        TextField folder = new TextField();
        folder.getStyleClass().add("deploy-capture-folder");
        folder.textProperty().bindBidirectional(vm.captureFolderProperty());
        folder.disableProperty().bind(vm.runningProperty().or(vm.captureProperty().not()));
        HBox.setHgrow(folder, Priority.ALWAYS);
        HBox row = new HBox(8, capture, folder);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private TableView<DeployViewModel.Live> liveTable() {
        TableView<DeployViewModel.Live> t = new TableView<>(vm.live());
        t.getStyleClass().add("deploy-live");
        liveColumn(t, Messages.get("deploy.name"), DeployViewModel.Live::variant, 100);
        liveColumn(t, Messages.get("deploy.version"), DeployViewModel.Live::version, 80);
        liveColumn(t, Messages.get("deploy.requests"), l -> String.format(Locale.ROOT, "%,d", l.requests()), 75);
        liveColumn(t, Messages.get("deploy.perSecond"), l -> String.format(Locale.ROOT, "%,.1f", l.perSecond()), 75);
        liveColumn(t, Messages.get("deploy.errors"), l -> String.format(Locale.ROOT, "%,d", l.errors()), 60);
        liveColumn(t, Messages.get("deploy.p50"), l -> ms(l.p50()), 65);
        liveColumn(t, Messages.get("deploy.p99"), l -> ms(l.p99()), 65);
        t.setPrefHeight(172);
        t.setMinWidth(500);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label(Messages.get("deploy.startFirst")));
        return t;
    }

    private static void liveColumn(TableView<DeployViewModel.Live> t, String title,
                                   java.util.function.Function<DeployViewModel.Live, String> value, double width) {
        TableColumn<DeployViewModel.Live, String> c = TableBox.textColumn(title, value);
        c.setPrefWidth(width);
        c.setMinWidth(width * 0.8);
        t.getColumns().add(c);
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
    }

    private VBox testForm() {
        formGrid.setHgap(8);
        formGrid.setVgap(4);
        formGrid.getStyleClass().add("deploy-form");
        TextField key = new TextField();
        key.setPromptText(Messages.get("deploy.routingKey"));
        key.getStyleClass().add("deploy-routing-key");
        Button send = new Button(Messages.get("deploy.send"));
        send.getStyleClass().add("deploy-send");
        send.disableProperty().bind(vm.runningProperty().not());
        send.setOnAction(e -> {
            Map<String, String> values = new LinkedHashMap<>();
            formFields.forEach((k, f) -> values.put(k, f.getText()));
            vm.sendTest(values, key.getText());
        });
        Label answer = new Label();
        answer.getStyleClass().add("deploy-answer");
        answer.setWrapText(true);
        answer.textProperty().bind(vm.answerProperty());
        Button report = new Button(Messages.get("deploy.report"));
        report.getStyleClass().add("deploy-report");
        report.disableProperty().bind(vm.captureProperty().not().or(vm.busyProperty()));
        report.setOnAction(e -> vm.abReport());
        send.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        report.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox actions = new HBox(8, send, key, report);
        actions.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, new Label(Messages.get("deploy.test")), formGrid, actions, answer);
    }

    private void buildForm() {
        formGrid.getChildren().clear();
        formFields.clear();
        int i = 0;
        for (DeployViewModel.Field f : vm.form()) {
            TextField field = new TextField(f.typical());
            field.setPrefColumnCount(12);
            field.getStyleClass().add("deploy-field");
            field.setId("deploy-field-" + f.column());
            formFields.put(f.column(), field);
            Label label = new Label(f.column());
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            label.setTooltip(new javafx.scene.control.Tooltip(f.kind()));
            int col = (i % 3) * 2;
            formGrid.add(label, col, i / 3);
            formGrid.add(field, col + 1, i / 3);
            i++;
        }
    }

    private void showReport(AbReport r) {
        reportBox.getChildren().clear();
        if (r == null) {
            return;
        }
        reportBox.getChildren().add(new Label(Messages.get("deploy.reportTitle", r.captured(), r.labelled())));
        for (AbReport.Comparison c : r.comparisons()) {
            Label finding = new Label(c.sentence());
            finding.setWrapText(true);
            finding.getStyleClass().addAll("deploy-finding", c.significant() ? "significant" : "not-significant");
            reportBox.getChildren().add(finding);
        }
        for (String n : r.notes()) {
            Label note = new Label(n);
            note.setWrapText(true);
            note.getStyleClass().add("deploy-note");
            reportBox.getChildren().add(note);
        }
        TableView<AbReport.VariantResult> t = new TableView<>();
        t.getStyleClass().add("deploy-report-table");
        t.getColumns().add(TableBox.textColumn(Messages.get("deploy.name"), v -> v.name()
                + (v.shadow() && !v.name().equalsIgnoreCase("shadow") ? " (shadow)" : "")));
        t.getColumns().add(TableBox.textColumn(Messages.get("deploy.requests"),
                v -> String.format(Locale.ROOT, "%,d", v.requests())));
        t.getColumns().add(TableBox.textColumn(Messages.get("deploy.outcomes"),
                v -> String.format(Locale.ROOT, "%,d", v.labelled())));
        TableColumn<AbReport.VariantResult, String> metrics = TableBox.textColumn(Messages.get("deploy.metrics"),
                v -> String.join("; ", v.metrics().stream().map(AbReportFiles::metric).toList()));
        metrics.setPrefWidth(520);
        t.getColumns().add(metrics);
        t.getItems().setAll(List.copyOf(r.variants()));
        t.setPrefHeight(40 + 26 * r.variants().size());
        reportBox.getChildren().add(t);
    }
}
