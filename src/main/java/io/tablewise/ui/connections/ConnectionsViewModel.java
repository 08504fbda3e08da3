package io.tablewise.ui.connections;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import tech.tablesaw.api.Table;

import io.tablewise.data.db.ConnectionSpec;
import io.tablewise.data.db.Connections;
import io.tablewise.data.db.DatabaseReader;
import io.tablewise.data.db.Jdbc;
import io.tablewise.node.NodeException;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.ui.Messages;

/**
 * The connections dialog's state: the user's named connections, the one being edited (name, JDBC URL, user,
 * password), "Test connection" and the table list with row counts, a table's first rows — all talking to the
 * database on a background thread. Failures become the message, never an exception.
 */
public final class ConnectionsViewModel {
    /** A table and its row count (-1 while counting). */
    public record TableInfo(String name, long rows) {
    }

    /** Rows a preview shows. */
    static final int PREVIEW_ROWS = 100;

    private final Connections store;
    private final Executor ui;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "connections");
        t.setDaemon(true);
        return t;
    });
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final ObservableList<TableInfo> tables = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ObjectProperty<Table> preview = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();

    /** A view model over {@code store}, reporting through {@code ui}. */
    public ConnectionsViewModel(Connections store, Executor ui) {
        this.store = store;
        this.ui = ui;
        reload();
    }

    /** The saved connections' names. */
    public ObservableList<String> names() {
        return names;
    }

    /** The tables of the tested connection. */
    public ObservableList<TableInfo> tables() {
        return tables;
    }

    /** The connection's name (what flows name). */
    public StringProperty nameProperty() {
        return name;
    }

    /** Its JDBC URL. */
    public StringProperty urlProperty() {
        return url;
    }

    /** Its user. */
    public StringProperty userProperty() {
        return user;
    }

    /** Its password (kept in the owner-only settings file, never in flows). */
    public StringProperty passwordProperty() {
        return password;
    }

    /** The chosen table's first rows. */
    public ObjectProperty<Table> previewProperty() {
        return preview;
    }

    /** What the last action did, or why it could not. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True while the database is asked. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True when the last action failed. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** Reads the saved connections' names. */
    public void reload() {
        try {
            names.setAll(store.saved().keySet());
        } catch (IOException e) {
            say(e.getMessage(), true);
        }
    }

    /** Fills the form with a saved connection. */
    public void edit(String connection) {
        try {
            ConnectionSpec c = store.saved().get(connection);
            if (c != null) {
                name.set(c.name());
                url.set(c.url());
                user.set(c.user() == null ? "" : c.user());
                password.set(c.password() == null ? "" : c.password());
                tables.clear();
                preview.set(null);
                say("", false);
            }
        } catch (IOException e) {
            say(e.getMessage(), true);
        }
    }

    /** Clears the form for a new connection. */
    public void startNew() {
        name.set("");
        url.set("jdbc:postgresql://localhost:5432/");
        user.set("");
        password.set("");
        tables.clear();
        preview.set(null);
        say("", false);
    }

    /** The form's connection. */
    ConnectionSpec spec() {
        String n = name.get() == null ? "" : name.get().strip();
        return new ConnectionSpec(n.isEmpty() ? "new connection" : n, url.get() == null ? "" : url.get().strip(),
                blankToNull(user.get()), blankToNull(password.get()));
    }

    /** Saves the form's connection under its name. */
    public boolean save() {
        String n = name.get() == null ? "" : name.get().strip();
        if (!n.matches("[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]{0,63}")) {
            say(Messages.get("connections.badName"), true);
            return false;
        }
        try {
            store.save(spec());
            reload();
            say(Messages.get("connections.saved", n, store.file()), false);
            return true;
        } catch (IOException e) {
            say(e.getMessage(), true);
            return false;
        }
    }

    /** Removes the named connection. */
    public void delete() {
        String n = name.get() == null ? "" : name.get().strip();
        try {
            store.remove(n);
            reload();
            startNew();
            say(Messages.get("connections.deleted", n), false);
        } catch (IOException e) {
            say(e.getMessage(), true);
        }
    }

    /** Connects, says what answered, lists the tables, then counts each table's rows. */
    public void test() {
        ConnectionSpec spec = spec();
        busy.set(true);
        tables.clear();
        preview.set(null);
        say(Messages.get("connections.testing", spec.url()), false);
        worker.execute(() -> {
            try {
                String product;
                try (Connection c = Jdbc.open(spec, true)) {
                    product = c.getMetaData().getDatabaseProductName() + " "
                            + c.getMetaData().getDatabaseProductVersion();
                }
                List<String> found = DatabaseReader.tables(spec);
                ui.execute(() -> {
                    tables.setAll(found.stream().map(t -> new TableInfo(t, -1)).toList());
                    say(Messages.get("connections.connected", product.strip(), found.size()), false);
                });
                for (String t : found.subList(0, Math.min(found.size(), 200))) {
                    long rows = count(spec, t);
                    ui.execute(() -> tables.replaceAll(i -> i.name().equals(t) ? new TableInfo(t, rows) : i));
                }
            } catch (SQLException | NodeException e) {
                String why = e.getMessage();
                ui.execute(() -> say(why, true));
            } finally {
                ui.execute(() -> busy.set(false));
            }
        });
    }

    private static long count(ConnectionSpec spec, String table) {
        try {
            Table t = DatabaseReader.read(spec, null, "SELECT COUNT(*) AS n FROM " + spec.dialect().quote(table),
                    Map.of(), 0, ProgressMonitor.NONE).table();
            return ((Number) t.column(0).get(0)).longValue();
        } catch (NodeException | RuntimeException e) {
            return -2; // cannot count: shown as unknown
        }
    }

    /** Reads a table's first rows for the preview. */
    public void showTable(String table) {
        ConnectionSpec spec = spec();
        busy.set(true);
        worker.execute(() -> {
            try {
                Table t = DatabaseReader.read(spec, table, null, Map.of(), PREVIEW_ROWS, ProgressMonitor.NONE)
                        .table();
                ui.execute(() -> {
                    preview.set(t);
                    say(Messages.get("connections.preview", table, t.rowCount()), false);
                });
            } catch (NodeException e) {
                String why = e.getMessage();
                ui.execute(() -> say(why, true));
            } finally {
                ui.execute(() -> busy.set(false));
            }
        });
    }

    private void say(String text, boolean failure) {
        message.set(text);
        failed.set(failure);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
