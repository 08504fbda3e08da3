package io.tablewise.ui.registry;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import io.tablewise.registry.Approval;
import io.tablewise.registry.ModelVersion;
import io.tablewise.registry.VersionComparison;
import io.tablewise.ui.Messages;
import io.tablewise.ui.export.TableBox;

/**
 * The Registry tab: model groups on the left; the chosen group's versions with their headline metric, status and
 * aliases; approve or reject with a comment, point an alias at a version, compare two versions, and the chosen
 * version's approval history.
 */
public final class RegistryView extends javafx.scene.control.ScrollPane {
    private final RegistryViewModel vm;
    private final ListView<String> groups = new ListView<>();
    private final TableView<ModelVersion> versions = new TableView<>();
    private final ListView<Approval> history = new ListView<>();
    private final VBox comparison = new VBox(6);

    private final java.util.function.Consumer<java.nio.file.Path> openFlow;

    /** The view of {@code vm}'s registry; it reads the registry when shown for the first time. */
    public RegistryView(RegistryViewModel vm) {
        this(vm, file -> { });
    }

    /**
     * The view of {@code vm}'s registry.
     *
     * @param openFlow opens a flow file in the studio (the flow that built a version)
     */
    public RegistryView(RegistryViewModel vm, java.util.function.Consumer<java.nio.file.Path> openFlow) {
        this.vm = vm;
        this.openFlow = openFlow;
        getStyleClass().add("registry-view");
        setFitToWidth(true);
        setFitToHeight(true);
        groups.getStyleClass().add("registry-groups");
        groups.setItems(vm.groups());
        groups.setPlaceholder(new Label(Messages.get("registry.noGroups")));
        groups.getSelectionModel().selectedItemProperty().addListener((o, a, g) -> {
            comparison.getChildren().clear();
            vm.chooseGroup(g);
        });
        groups.setPrefWidth(200);
        versions.getStyleClass().add("registry-versions");
        versions.setItems(vm.versions());
        versions.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        versions.setPlaceholder(new Label(Messages.get("registry.chooseGroup")));
        versions.getSelectionModel().selectedItemProperty().addListener((o, a, v) -> vm.chooseVersion(v));
        columns();
        history.getStyleClass().add("registry-history");
        history.setItems(vm.history());
        history.setPrefHeight(100);
        history.setMinHeight(76);
        history.setPlaceholder(new Label(Messages.get("registry.noHistory")));
        history.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Approval a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : Messages.get("registry.historyLine", when(a.at()),
                        Messages.get("registry.status." + a.status()), a.by(), a.comment()));
            }
        });
        versions.setPrefHeight(230);
        versions.setMinHeight(150);
        VBox right = new VBox(8, actions(), versions, new Label(Messages.get("registry.history")), history,
                comparison);
        VBox.setVgrow(versions, Priority.ALWAYS);
        SplitPane split = new SplitPane(groups, right);
        split.setMinHeight(380); // a short panel scrolls rather than squeezing the versions away
        split.setDividerPositions(0.2);
        VBox.setVgrow(split, Priority.ALWAYS);
        Label where = new Label(Messages.get("registry.where", vm.location().display()));
        where.getStyleClass().add("registry-where");
        Button reload = new Button(Messages.get("runs.reload"));
        reload.setOnAction(e -> vm.reload());
        Label message = new Label();
        message.getStyleClass().add("registry-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        HBox top = new HBox(10, where, reload, message);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(8, top, split);
        content.setPadding(new Insets(10));
        setContent(content);
        vm.versions().addListener((ListChangeListener<ModelVersion>) c -> comparison.getChildren().clear());
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null && vm.groups().isEmpty()) {
                vm.reload();
            }
        });
    }

    private void columns() {
        column(Messages.get("registry.version"), v -> v.ref().toString(), 90);
        column(Messages.get("registry.statusColumn"), v -> Messages.get("registry.status." + v.status()), 90)
                .getStyleClass().add("status-column");
        column(Messages.get("registry.aliases"), v -> String.join(", ", v.aliases()), 110);
        column(Messages.get("registry.metric"), ModelVersion::headline, 110);
        column(Messages.get("registry.target"), ModelVersion::target, 90);
        column(Messages.get("registry.algorithm"), v -> Messages.getOr("model.algorithm." + v.settings()
                .get("algorithm"), String.valueOf(v.settings().get("algorithm"))), 210);
        column(Messages.get("registry.registered"), v -> when(v.createdAt()) + " · " + v.createdBy(), 200);
        column(Messages.get("registry.description"), ModelVersion::description, 280);
        versions.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ModelVersion v, boolean empty) {
                super.updateItem(v, empty);
                getStyleClass().removeAll("registry-approved", "registry-rejected");
                if (!empty && v != null && !v.status().equals("pending")) {
                    getStyleClass().add("registry-" + v.status());
                }
            }
        });
    }

    private TableColumn<ModelVersion, String> column(String title, java.util.function.Function<ModelVersion, String> f,
                                                     double width) {
        TableColumn<ModelVersion, String> c = TableBox.textColumn(title, f);
        c.setPrefWidth(width);
        versions.getColumns().add(c);
        return c;
    }

    /** A registry time (UTC, ISO-8601) as an analyst reads it. */
    static String when(String iso) {
        return iso.replace('T', ' ').replaceAll(":\\d\\d(\\.\\d+)?Z$", " UTC");
    }

    private HBox actions() {
        Button approve = new Button(Messages.get("registry.approve"));
        approve.getStyleClass().add("registry-approve");
        approve.setOnAction(e -> status("approved"));
        Button reject = new Button(Messages.get("registry.reject"));
        reject.getStyleClass().add("registry-reject");
        reject.setOnAction(e -> status("rejected"));
        Button alias = new Button(Messages.get("registry.setAlias"));
        alias.getStyleClass().add("registry-alias");
        alias.setOnAction(e -> alias());
        for (Button b : List.of(approve, reject, alias)) {
            b.disableProperty().bind(Bindings.size(versions.getSelectionModel().getSelectedItems()).isNotEqualTo(1)
                    .or(vm.busyProperty()));
        }
        Button flow = new Button(Messages.get("registry.openFlow"));
        flow.getStyleClass().add("registry-open-flow");
        flow.setOnAction(e -> openFlow());
        flow.disableProperty().bind(Bindings.size(versions.getSelectionModel().getSelectedItems()).isNotEqualTo(1)
                .or(vm.busyProperty()));
        Button compare = new Button(Messages.get("runs.compare"));
        compare.getStyleClass().add("registry-compare");
        compare.disableProperty().bind(Bindings.size(versions.getSelectionModel().getSelectedItems())
                .isNotEqualTo(2));
        compare.setOnAction(e -> compare());
        HBox bar = new HBox(8, approve, reject, alias, compare, flow);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private ModelVersion selected() {
        return versions.getSelectionModel().getSelectedItem();
    }

    private void status(String status) {
        ModelVersion v = selected();
        TextInputDialog d = new TextInputDialog();
        d.setTitle(Messages.get("registry.status." + status));
        d.setHeaderText(Messages.get("registry.commentFor", v.ref().toString(),
                Messages.get("registry.status." + status)));
        d.setContentText(Messages.get("registry.comment"));
        d.getDialogPane().getStyleClass().add("registry-dialog");
        d.initOwner(getScene().getWindow());
        d.showAndWait().ifPresent(comment -> vm.setStatus(v, status, comment.strip()));
    }

    private void alias() {
        ModelVersion v = selected();
        TextInputDialog d = new TextInputDialog("champion");
        d.setTitle(Messages.get("registry.setAlias"));
        d.setHeaderText(Messages.get("registry.aliasFor", v.ref().toString()));
        d.setContentText(Messages.get("registry.aliasName"));
        d.getDialogPane().getStyleClass().add("registry-dialog");
        d.initOwner(getScene().getWindow());
        d.showAndWait().filter(a -> !a.isBlank()).ifPresent(a -> vm.setAlias(v, a));
    }

    /** Saves the flow that built the chosen version where the user says (beside its source by default), opens it. */
    private void openFlow() {
        ModelVersion v = selected();
        vm.lineage(v, l -> {
            if (l.flow() == null) {
                vm.saveFlow(v, null, f -> { }); // says that the version has no flow
                return;
            }
            java.nio.file.Path suggested = RegistryViewModel.suggestedFlowFile(l);
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle(Messages.get("registry.openFlow"));
            if (java.nio.file.Files.isDirectory(suggested.getParent())) {
                chooser.setInitialDirectory(suggested.getParent().toFile());
            }
            chooser.setInitialFileName(suggested.getFileName().toString());
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Tablewise flow",
                    "*.flow"));
            java.io.File file = chooser.showSaveDialog(getScene().getWindow());
            if (file != null) {
                vm.saveFlow(v, file.toPath(), openFlow);
            }
        });
    }

    private void compare() {
        List<ModelVersion> two = List.copyOf(versions.getSelectionModel().getSelectedItems());
        ModelVersion a = two.get(0).version() < two.get(1).version() ? two.get(0) : two.get(1);
        ModelVersion b = a == two.get(0) ? two.get(1) : two.get(0);
        TableView<VersionComparison.Line> diff = new TableView<>();
        diff.getStyleClass().add("registry-comparison");
        diff.getColumns().add(TableBox.textColumn("", VersionComparison.Line::name));
        diff.getColumns().add(TableBox.textColumn(a.ref().toString(), VersionComparison.Line::a));
        diff.getColumns().add(TableBox.textColumn(b.ref().toString(), VersionComparison.Line::b));
        diff.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(VersionComparison.Line l, boolean empty) {
                super.updateItem(l, empty);
                getStyleClass().remove("differs");
                if (!empty && l != null && l.differs()) {
                    getStyleClass().add("differs");
                }
            }
        });
        diff.getItems().setAll(VersionComparison.of(a, b));
        diff.setPrefHeight(Math.min(360, 32 + 26 * diff.getItems().size()));
        comparison.getChildren().setAll(new TableBox<>(Messages.get("registry.comparison", a.ref().toString(),
                b.ref().toString()), diff));
    }
}
