package io.tablewise.ui;

import static io.tablewise.ui.StudioFixture.fx;
import static io.tablewise.ui.StudioFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javafx.geometry.Point2D;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import tech.tablesaw.api.Table;

import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.data.db.ConnectionSpec;
import io.tablewise.data.db.Connections;
import io.tablewise.data.db.DatabaseWriter;
import io.tablewise.engine.NodeState;
import io.tablewise.flow.NodeInstance;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.ui.connections.ConnectionsView;
import io.tablewise.ui.connections.ConnectionsViewModel;

/**
 * Databases and Parquet in the studio: a connection typed, tested (its tables with row counts), previewed, saved and
 * added to the flow as an import node that runs; a SQLite file and a folder of Parquet files dropped on the canvas
 * become the right import nodes.
 */
class ConnectionsUiTest extends SampleStudioUiTest {
    @Override
    String project() {
        return "customer-churn";
    }

    private Path shop() throws Exception {
        System.setProperty("tablewise.home", dir.resolve("home").toString());
        Table customers = new DelimitedReader().read(Path.of("projects-sample/customer-churn/data/customers.csv"),
                CsvOptions.defaults(), ProgressMonitor.NONE).table();
        Path db = dir.resolve("customer-churn/data/가게.db");
        ConnectionSpec spec = new ConnectionSpec("x", "jdbc:sqlite:" + db, null, null);
        DatabaseWriter.write(customers, spec, "customers", DatabaseWriter.Mode.CREATE, ProgressMonitor.NONE);
        DatabaseWriter.write(customers.first(7), spec, "sample_rows", DatabaseWriter.Mode.CREATE,
                ProgressMonitor.NONE);
        return db;
    }

    @Test
    void aConnectionIsTestedBrowsedSavedAndAddedToTheFlow(FxRobot robot) throws Exception {
        Path db = shop();
        Stage dialog = fx(() -> studio.window.openConnections());
        ConnectionsView view = robot.lookup(".connections-view").queryAs(ConnectionsView.class);
        ConnectionsViewModel vm = view.viewModel();
        robot.clickOn(".connection-name").write("shop");
        robot.doubleClickOn(".connection-url").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        fx(() -> {
            vm.urlProperty().set("jdbc:sqlite:" + db); // the path has Korean letters: typed as text, not keys
            return null;
        });
        robot.clickOn(".connection-test");
        waitFor(() -> !vm.busyProperty().get() && vm.tables().size() == 2
                && vm.tables().stream().allMatch(t -> t.rows() >= 0), "the tables and their counts");
        assertTrue(vm.messageProperty().get().startsWith("Connected: SQLite"), vm.messageProperty().get());
        assertEquals(List.of(new ConnectionsViewModel.TableInfo("customers", 6000),
                new ConnectionsViewModel.TableInfo("sample_rows", 7)), List.copyOf(vm.tables()));
        @SuppressWarnings("unchecked")
        ListView<ConnectionsViewModel.TableInfo> tables = robot.lookup(".connection-tables").queryAs(ListView.class);
        robot.clickOn(robot.lookup(".connection-tables .list-cell").nth(1).queryLabeled());
        waitFor(() -> vm.previewProperty().get() != null && vm.previewProperty().get().rowCount() == 7,
                "the preview of sample_rows");
        assertEquals("sample_rows", fx(() -> tables.getSelectionModel().getSelectedItem().name()));

        robot.clickOn(".connection-save");
        Connections store = Connections.user();
        waitFor(() -> Files.exists(store.file()), "the saved connection");
        assertEquals("jdbc:sqlite:" + db, store.get("shop").url());
        if (store.file().getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(store.file())));
        }

        int before = fx(() -> studio.session.editor().flow().nodes().size());
        robot.clickOn(".connection-add-node");
        waitFor(() -> studio.session.editor().flow().nodes().size() == before + 1, "the new node");
        NodeInstance node = fx(() -> studio.session.editor().flow().nodes().get(before));
        assertEquals("data.import.database", node.type());
        assertEquals(Map.of("connection", "shop", "table", "sample_rows"), node.params());
        fx(() -> {
            dialog.close();
            studio.session.runs().run(java.util.Set.of(node.id()));
            return null;
        });
        waitFor(() -> !studio.session.runs().runningProperty().get() && studio.session.runs().result(node.id())
                .filter(r -> r.state() == NodeState.DONE).isPresent(), "the node's run");
        Table read = (Table) studio.output(node.id(), "table");
        assertEquals(7, read.rowCount());
        assertEquals(15, read.columnCount());
    }

    @Test
    void aDroppedDatabaseAndParquetFolderBecomeImportNodes(FxRobot robot) throws Exception {
        Path db = shop();
        Path folder = dir.resolve("customer-churn/data/parts");
        Files.createDirectories(folder.resolve("year=2026"));
        Table rows = Table.create("t", tech.tablesaw.api.IntColumn.create("n", 1, 2, 3));
        io.tablewise.io.AtomicFiles.write(folder.resolve("year=2026/part-0.parquet"), out ->
                io.tablewise.data.parquet.ParquetFiles.write(rows, out, ProgressMonitor.NONE));
        int before = fx(() -> studio.session.editor().flow().nodes().size());
        fx(() -> studio.window.canvas().dropFiles(List.of(new File(db.toString()), folder.toFile()),
                new Point2D(300, 300)));
        List<NodeInstance> added = fx(() -> studio.session.editor().flow().nodes().subList(before, before + 2));
        assertEquals("data.import.database", added.get(0).type());
        assertEquals("jdbc:sqlite:data/가게.db", added.get(0).params().get("connection"));
        assertEquals("customers", added.get(0).params().get("table"), "the first of its tables");
        assertEquals("data.import.parquet", added.get(1).type());
        assertEquals("data/parts", added.get(1).params().get("path"));
        fx(() -> {
            studio.session.runs().run(java.util.Set.of(added.get(0).id(), added.get(1).id()));
            return null;
        });
        waitFor(() -> !studio.session.runs().runningProperty().get() && added.stream().allMatch(n -> studio.session
                .runs().result(n.id()).filter(r -> r.state() == NodeState.DONE).isPresent()), "both nodes' runs");
        assertEquals(6000, ((Table) studio.output(added.get(0).id(), "table")).rowCount());
        Table parquet = (Table) studio.output(added.get(1).id(), "table");
        assertEquals(List.of("n", "year"), parquet.columnNames());
        assertEquals(3, parquet.rowCount());
    }
}
