package io.tablewise.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tablewise.engine.ExecutionListener;
import io.tablewise.engine.ExternalEngine;
import io.tablewise.engine.FlowExecutor;
import io.tablewise.engine.PathPolicy;
import io.tablewise.engine.RunRequest;
import io.tablewise.engine.RunResult;
import io.tablewise.flow.Flow;
import io.tablewise.flow.json.FlowReader;

/**
 * The database nodes in a flow on Spark: a table and a query with a flow parameter read, rows filled on Spark and
 * written to another database — the same rows as the embedded engine reads and writes; more rows than the driver
 * takes are refused, naming the way round. (SQLite files: the nodes' own JDBC code, the same for every database,
 * runs on the driver; PostgreSQL itself is tested with the engine.)
 */
class DatabaseOnSparkTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        SparkEngine.session(Map.of("master", "local[2]", "conf.spark.sql.shuffle.partitions", "3"));
    }

    @AfterAll
    static void stop() {
        SparkSession.active().stop();
    }

    /** A shop database of 800 orders: Korean regions, blank amounts. */
    private static void shop(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders (id INTEGER, region TEXT, amount REAL, units INTEGER)");
            Random r = new Random(8);
            String[] regions = {"서울", "부산", "north", "south"};
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO orders VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < 800; i++) {
                    insert.setInt(1, i + 1);
                    insert.setString(2, regions[r.nextInt(regions.length)]);
                    if (r.nextInt(10) == 0) {
                        insert.setNull(3, java.sql.Types.REAL);
                    } else {
                        insert.setDouble(3, Math.round(r.nextGaussian() * 1000 + 5000) / 100.0);
                    }
                    insert.setInt(4, r.nextInt(9));
                    insert.executeUpdate();
                }
            }
        }
    }

    private static Flow flow(String table, String query, String out) throws Exception {
        return new FlowReader().read("""
                {"format": "tablewise.flow", "formatVersion": 1, "name": "shop", "parameters": {"region": "서울"},
                 "nodes": [
                  {"id": "read", "type": "data.import.database", "typeVersion": 1,
                   "params": {"connection": "jdbc:sqlite:shop.db", "table": "%s", "query": "%s"}},
                  {"id": "fill", "type": "transform.missing.impute", "typeVersion": 1,
                   "params": {"columns": ["amount"], "strategy": "median"}},
                  {"id": "load", "type": "data.export.database", "typeVersion": 1,
                   "params": {"connection": "jdbc:sqlite:%s", "table": "filled", "mode": "create"}},
                  {"id": "write", "type": "data.export.csv", "typeVersion": 1, "params": {"path": "filled.csv"}}],
                 "edges": [
                  {"from": {"node": "read", "port": "table"}, "to": {"node": "fill", "port": "table"}},
                  {"from": {"node": "fill", "port": "table"}, "to": {"node": "load", "port": "table"}},
                  {"from": {"node": "fill", "port": "table"}, "to": {"node": "write", "port": "table"}}]}
                """.formatted(table, query, out), "shop.flow");
    }

    private static List<String> rows(Path db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT * FROM filled")) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    line.append(r.getString(i)).append('|');
                }
                out.add(line.toString());
            }
        }
        return out;
    }

    private static void same(String name, String table, String query, int expectedRows) throws Exception {
        Path project = Files.createDirectories(dir.resolve(name));
        shop(project.resolve("shop.db"));
        Path spark = Files.createDirectories(project.resolve("spark"));
        Path embedded = Files.createDirectories(project.resolve("embedded"));
        ExternalEngine.Outcome o = new SparkEngine().run(new ExternalEngine.Request(flow(table, query, "spark/out.db"),
                project, project, Map.of(), Map.of(), PathPolicy.within(project)), line -> { });
        assertTrue(o.ok(), o.toString());
        assertTrue(o.nodes().get(0).note().contains("(on the driver)"), o.nodes().get(0).note());
        Files.move(project.resolve("filled.csv"), spark.resolve("filled.csv"));
        try (FlowExecutor executor = FlowExecutor.createDefault()) {
            RunResult r = executor.run(new RunRequest(flow(table, query, "embedded/out.db"), project, project,
                    Map.of(), java.util.Set.of()), ExecutionListener.NONE);
            assertEquals(RunResult.Status.OK, r.status(), () -> r.failures().toString());
        }
        List<String> csv = Files.readAllLines(project.resolve("filled.csv"));
        assertEquals(expectedRows + 1, csv.size(), name);
        assertEquals(csv, Files.readAllLines(spark.resolve("filled.csv")), name + ": the same CSV");
        assertEquals(rows(project.resolve("embedded/out.db")), rows(project.resolve("spark/out.db")),
                name + ": the same rows written to the database");
    }

    @Test
    void aDatabaseReadAndWrittenOnSparkHoldsTheEmbeddedEnginesRows() throws Exception {
        same("table", "orders", "", 800);
        int seoul;
        Path probe = dir.resolve("probe.db");
        shop(probe);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + probe); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM orders WHERE region = '서울'")) {
            r.next();
            seoul = r.getInt(1);
        }
        assertTrue(seoul > 100 && seoul < 300, "a fair share of the orders: " + seoul);
        same("query", "", "SELECT id, region, amount FROM orders WHERE region = :region ORDER BY id", seoul);
    }

    @Test
    void moreRowsThanTheDriverTakesAreRefusedNotCut() throws Exception {
        Path project = Files.createDirectories(dir.resolve("cap"));
        shop(project.resolve("shop.db"));
        ExternalEngine.Outcome o = new SparkEngine().run(new ExternalEngine.Request(flow("orders", "", "out.db"),
                project, project, Map.of(), Map.of("conf.tablewise.driverRows", "500"), PathPolicy.within(project)),
                line -> { });
        assertFalse(o.ok());
        assertTrue(o.failure().contains("node 'read'") && o.failure().contains("tablewise.driverRows=500")
                && o.failure().contains("set a Row limit"), o.failure());
        assertFalse(Files.exists(project.resolve("out.db")), "nothing written");
    }
}
