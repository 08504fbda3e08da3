package io.tablewise.ui.connections;

import java.util.Locale;
import java.util.function.BiConsumer;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import io.tablewise.ui.Messages;
import io.tablewise.ui.grid.DataGridView;

/**
 * Database connections: the saved ones on the left; the chosen one's URL, user and password with Test connection,
 * Save and Delete; after a test, its tables with their row counts and the chosen table's first rows, and "Add to the
 * flow", which puts an import node for that table on the canvas (the flow names the connection, never the password).
 */
public final class ConnectionsView extends BorderPane {
    private final ConnectionsViewModel vm;
    private final ListView<ConnectionsViewModel.TableInfo> tables = new ListView<>();

    /**
     * The view of {@code vm}.
     *
     * @param addToFlow what "Add to the flow" does with a connection's name and a table
     */
    public ConnectionsView(ConnectionsViewModel vm, BiConsumer<String, String> addToFlow) {
        this.vm = vm;
        getStyleClass().add("connections-view");
        setPadding(new Insets(12));
        ListView<String> saved = new ListView<>(vm.names());
        saved.getStyleClass().add("connections-list");
        saved.setPrefWidth(180);
        saved.getSelectionModel().selectedItemProperty().addListener((o, a, n) -> {
            if (n != null) {
                vm.edit(n);
            }
        });
        Button add = new Button(Messages.get("connections.new"));
        add.setOnAction(e -> {
            saved.getSelectionModel().clearSelection();
            vm.startNew();
        });
        VBox left = new VBox(6, new Label(Messages.get("connections.saved.title")), saved, add);
        VBox.setVgrow(saved, Priority.ALWAYS);

        TextField name = field(vm.nameProperty(), "connection-name");
        TextField url = field(vm.urlProperty(), "connection-url");
        url.setPromptText("jdbc:postgresql://HOST:5432/DB   jdbc:sqlite:/path/shop.db   jdbc:mariadb://HOST/DB");
        TextField user = field(vm.userProperty(), "connection-user");
        PasswordField password = new PasswordField();
        password.getStyleClass().add("connection-password");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label(Messages.get("connections.name")), name);
        form.addRow(1, new Label(Messages.get("connections.url")), url);
        form.addRow(2, new Label(Messages.get("connections.user")), user);
        form.addRow(3, new Label(Messages.get("connections.password")), password);
        GridPane.setHgrow(url, Priority.ALWAYS);
        Button test = new Button(Messages.get("connections.test"));
        test.getStyleClass().add("connection-test");
        test.setDefaultButton(true);
        test.setOnAction(e -> vm.test());
        Button save = new Button(Messages.get("connections.save"));
        save.getStyleClass().add("connection-save");
        save.setOnAction(e -> vm.save());
        Tooltip.install(save, new Tooltip(Messages.get("connections.saveTip")));
        Button delete = new Button(Messages.get("connections.delete"));
        delete.setOnAction(e -> vm.delete());
        delete.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.names().contains(vm.nameProperty()
                .get()), vm.names(), vm.nameProperty()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());
        test.disableProperty().bind(vm.busyProperty());
        HBox buttons = new HBox(8, test, save, delete, busy);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.getStyleClass().add("connection-message");
        message.setWrapText(true);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        message.textProperty().bind(vm.messageProperty());
        vm.failedProperty().addListener((o, a, bad) -> {
            message.getStyleClass().remove("problem");
            if (bad) {
                message.getStyleClass().add("problem");
            }
        });
        Label note = new Label(Messages.get("connections.note"));
        note.setWrapText(true);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        note.getStyleClass().add("hint");

        tables.setItems(vm.tables());
        tables.getStyleClass().add("connection-tables");
        tables.setPrefWidth(240);
        tables.setPlaceholder(new Label(Messages.get("connections.noTables")));
        tables.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ConnectionsViewModel.TableInfo t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.name() + "   " + (t.rows() == -1 ? "…" : t.rows() < 0 ? "?"
                        : Messages.get("connections.rows", String.format(Locale.ROOT, "%,d", t.rows()))));
            }
        });
        tables.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t != null) {
                vm.showTable(t.name());
            }
        });
        DataGridView grid = new DataGridView();
        grid.showMessage(Messages.get("connections.pickTable"));
        vm.previewProperty().addListener((o, a, t) -> {
            if (t == null) {
                grid.showMessage(Messages.get("connections.pickTable"));
            } else {
                grid.show(t);
            }
        });
        Button addNode = new Button(Messages.get("connections.addToFlow"));
        addNode.getStyleClass().add("connection-add-node");
        addNode.disableProperty().bind(tables.getSelectionModel().selectedItemProperty().isNull()
                .or(Bindings.createBooleanBinding(() -> !vm.names().contains(vm.nameProperty().get()), vm.names(),
                        vm.nameProperty())));
        Tooltip.install(addNode, new Tooltip(Messages.get("connections.addToFlowTip")));
        addNode.setOnAction(e -> addToFlow.accept(vm.nameProperty().get().strip(),
                tables.getSelectionModel().getSelectedItem().name()));
        SplitPane browser = new SplitPane(new VBox(6, new Label(Messages.get("connections.tables")), tables, addNode),
                grid);
        browser.setDividerPositions(0.36);
        VBox.setVgrow(tables, Priority.ALWAYS);
        VBox right = new VBox(10, form, buttons, message, note, browser);
        VBox.setVgrow(browser, Priority.ALWAYS);
        right.setPadding(new Insets(0, 0, 0, 12));
        setLeft(left);
        setCenter(right);
        if (!vm.names().isEmpty()) {
            saved.getSelectionModel().select(0);
        } else {
            vm.startNew();
        }
    }

    private static TextField field(javafx.beans.property.StringProperty value, String style) {
        TextField f = new TextField();
        f.getStyleClass().add(style);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    /** The view's state. */
    public ConnectionsViewModel viewModel() {
        return vm;
    }

    /** The table list, for tests. */
    ListView<ConnectionsViewModel.TableInfo> tableList() {
        return tables;
    }
}
