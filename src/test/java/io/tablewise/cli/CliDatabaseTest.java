package io.tablewise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.Table;

import io.tablewise.PostgresServer;
import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.data.db.ConnectionSpec;
import io.tablewise.data.db.Connections;
import io.tablewise.data.db.DatabaseReader;
import io.tablewise.data.db.DatabaseWriter;
import io.tablewise.node.ProgressMonitor;

/**
 * Databases on the command line and in flows: profile, train and predict read {@code jdbc:} sources and named
 * connections with --table or --query; a flow reads a query with a bound parameter and writes a table back.
 */
class CliDatabaseTest {
    @TempDir
    Path dir;
    private String home;

    record Result(int code, String out, String err) {
    }

    @BeforeEach
    void ownSettings() {
        home = System.getProperty("tablewise.home");
        System.setProperty("tablewise.home", dir.resolve("settings").toString());
    }

    @AfterEach
    void restore() {
        if (home == null) {
            System.clearProperty("tablewise.home");
        } else {
            System.setProperty("tablewise.home", home);
        }
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TablewiseCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private Path shopDatabase() throws Exception {
        Table customers = new DelimitedReader().read(Path.of("projects-sample/customer-churn/data/customers.csv"),
                CsvOptions.defaults(), ProgressMonitor.NONE).table();
        Path db = dir.resolve("shop.db");
        DatabaseWriter.write(customers, new ConnectionSpec("shop", "jdbc:sqlite:" + db, null, null), "customers",
                DatabaseWriter.Mode.CREATE, ProgressMonitor.NONE);
        return db;
    }

    @Test
    void profileTrainAndPredictReadADatabase() throws Exception {
        Path db = shopDatabase();
        String url = "jdbc:sqlite:" + db;
        Result noTable = run("profile", url);
        assertEquals(2, noTable.code());
        assertTrue(noTable.err().contains("--table NAME or --query SQL; its tables: customers"), noTable.err());

        Result profile = run("profile", url, "--table", "customers", "--target", "churned");
        assertEquals(0, profile.code(), profile.err());
        assertTrue(profile.out().contains("customers: 6,000 rows x 15 columns"), profile.out());

        Path out = dir.resolve("trained");
        Result train = run("train", url, "--table", "customers", "--target", "churned", "--exclude", "customer_id",
                "--out", out.toString());
        assertEquals(0, train.code(), train.err());
        String record = Files.readString(out.resolve("run.json"));
        assertTrue(record.contains("\"table\" : \"customers\"") && !record.contains("contentHash"), record);

        Path scored = dir.resolve("scored.csv");
        Result predict = run("predict", "--model", out.resolve("model").toString(), "--input", url, "--query",
                "SELECT * FROM customers WHERE region = '서울' LIMIT 50", "--output", scored.toString());
        assertEquals(0, predict.code(), predict.err());
        assertEquals(51, Files.readAllLines(scored).size());
    }

    @Test
    void aParquetFileIsReadByItsExtension() throws Exception {
        Table customers = new DelimitedReader().read(Path.of("projects-sample/customer-churn/data/customers.csv"),
                CsvOptions.defaults(), ProgressMonitor.NONE).table();
        Path file = dir.resolve("고객.parquet");
        io.tablewise.io.AtomicFiles.write(file, out -> io.tablewise.data.parquet.ParquetFiles.write(customers, out,
                ProgressMonitor.NONE));
        Result profile = run("profile", file.toString(), "--target", "churned", "--no-model");
        assertEquals(0, profile.code(), profile.err());
        assertTrue(profile.out().contains("6,000 rows x 15 columns"), profile.out());
    }

    @Test
    void aNamedConnectionKeepsItsPasswordOutOfTheFlowAndTheFileIsTheOwnersOnly() throws Exception {
        PostgresServer pg = PostgresServer.shared();
        String url = pg.createDatabase("cli_named");
        Connections store = Connections.user();
        store.save(new ConnectionSpec("warehouse", url, null, PostgresServer.PASSWORD));
        if (store.file().getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(store.file()));
        }
        Path db = shopDatabase();
        // a flow: customers from SQLite (a file beside the flow), a region given as a flow parameter, written to
        // PostgreSQL through the named connection
        Path flow = dir.resolve("to-warehouse.flow");
        Files.writeString(flow, """
                {"format": "tablewise.flow", "formatVersion": 1, "name": "To the warehouse",
                 "parameters": {"region": "서울"},
                 "nodes": [
                  {"id": "read", "type": "data.import.database", "typeVersion": 1,
                   "params": {"connection": "jdbc:sqlite:%s",
                              "query": "SELECT customer_id, region, monthly_fee FROM customers WHERE region = :region"}},
                  {"id": "write", "type": "data.export.database", "typeVersion": 1,
                   "params": {"connection": "warehouse", "table": "region_customers", "mode": "replace"}}],
                 "edges": [{"from": {"node": "read", "port": "table"}, "to": {"node": "write", "port": "table"}}]}
                """.formatted(db.getFileName()));
        Result first = run("run", flow.toString(), "--plain");
        assertEquals(0, first.code(), first.out() + first.err());
        assertFalse(Files.readString(flow).contains(PostgresServer.PASSWORD));
        Table written = DatabaseReader.read(store.get("warehouse"), "region_customers", null, Map.of(), 0,
                ProgressMonitor.NONE).table();
        Table expected = DatabaseReader.read(new ConnectionSpec("shop", "jdbc:sqlite:" + db, null, null), null,
                "SELECT customer_id FROM customers WHERE region = '서울'", Map.of(), 0, ProgressMonitor.NONE).table();
        assertEquals(expected.rowCount(), written.rowCount());
        assertTrue(expected.rowCount() > 100);
        assertEquals(List.of("customer_id", "region", "monthly_fee"), written.columnNames());

        // replaced by another region's rows on a second run
        Result second = run("run", flow.toString(), "--plain", "--param", "region=부산");
        assertEquals(0, second.code(), second.out() + second.err());
        Table south = DatabaseReader.read(store.get("warehouse"), null, "SELECT DISTINCT region FROM region_customers",
                Map.of(), 0, ProgressMonitor.NONE).table();
        assertEquals(List.of("부산"), south.stringColumn("region").asList());

        // a colleague without the connection: the flow names it and says where to add it; no password anywhere
        store.remove("warehouse");
        Result missing = run("run", flow.toString(), "--plain");
        assertEquals(2, missing.code(), missing.out() + missing.err());
        String said = missing.out() + missing.err();
        assertTrue(said.contains("there is no connection named 'warehouse' on this computer"), said);
        assertTrue(said.contains("TABLEWISE_CONNECTION_WAREHOUSE_URL"), said);
    }

    @Test
    void aTeamRegistryIsNamedByAConnectionWhosePasswordStaysInTheStore() throws Exception {
        String url = PostgresServer.shared().createDatabase("team_registry");
        Connections.user().save(new ConnectionSpec("team", url, null, PostgresServer.PASSWORD));
        Path model = dir.resolve("trained");
        Path db = shopDatabase();
        assertEquals(0, run("train", "jdbc:sqlite:" + db, "--table", "customers", "--target", "churned", "--exclude",
                "customer_id", "--out", model.toString()).code());
        Result register = run("registry", "register", model.resolve("model").toString(), "--group", "churn",
                "--registry", "team", "--artifacts", dir.resolve("shared-artifacts").toString());
        assertEquals(0, register.code(), register.err());
        Result list = run("registry", "list", "churn", "--registry", "team");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().lines().anyMatch(l -> l.matches("churn:1 +pending .*")), list.out());
        // without the password in the store, PostgreSQL refuses, and no password is printed
        Connections.user().save(new ConnectionSpec("team", url, null, null));
        Result refused = run("registry", "list", "--registry", "team");
        assertTrue(refused.code() != 0, refused.out());
        assertTrue(refused.err().contains("password"), refused.err());
        assertFalse(refused.err().contains(PostgresServer.PASSWORD), refused.err());
    }

    @Test
    void aFlowMayNotWriteADatabaseFileOutsideItsFolder() throws Exception {
        Path flow = dir.resolve("flows").resolve("escape.flow");
        Files.createDirectories(flow.getParent());
        Files.writeString(flow.resolveSibling("rows.csv"), "a\n1\n2\n");
        Path outside = dir.resolve("elsewhere").resolve("evil.db");
        Files.writeString(flow, """
                {"format": "tablewise.flow", "formatVersion": 1, "name": "Escape",
                 "nodes": [
                  {"id": "read", "type": "data.import.csv", "typeVersion": 1, "params": {"path": "rows.csv"}},
                  {"id": "write", "type": "data.export.database", "typeVersion": 1,
                   "params": {"connection": "jdbc:sqlite:%s", "table": "t"}}],
                 "edges": [{"from": {"node": "read", "port": "table"}, "to": {"node": "write", "port": "table"}}]}
                """.formatted(outside.toString().replace("\\", "\\\\")));
        Result r = run("run", flow.toString(), "--plain");
        assertTrue(r.code() != 0, r.out() + r.err());
        assertFalse(Files.exists(outside), "nothing written outside the flow's folder");
    }
}
