package io.tablewise.data.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import io.tablewise.PostgresServer;
import io.tablewise.node.CancelledException;
import io.tablewise.node.NodeException;
import io.tablewise.node.ProgressMonitor;

/** Reading and writing real databases: a PostgreSQL server, SQLite and DuckDB files. */
class DatabaseTest {
    @TempDir
    Path dir;

    /** A table with every mapped type, NULLs and Korean text. */
    static Table sample() {
        IntColumn id = IntColumn.create("id", 1, 2, 3);
        DoubleColumn amount = DoubleColumn.create("amount", 12.5, Double.NaN, -0.25);
        StringColumn name = StringColumn.create("이름", "김민지", "O'Brien \"x\"", null);
        BooleanColumn active = BooleanColumn.create("active", new boolean[] {true, false, true});
        active.setMissing(2);
        DateColumn day = DateColumn.create("day", LocalDate.of(2026, 12, 4), null, LocalDate.of(1999, 1, 31));
        DateTimeColumn at = DateTimeColumn.create("at", LocalDateTime.of(2026, 12, 4, 9, 30, 15), null,
                LocalDateTime.of(2000, 2, 29, 23, 59, 59));
        InstantColumn seen = InstantColumn.create("seen", new Instant[] {Instant.parse("2026-12-04T00:00:00Z"),
            null, Instant.parse("1970-01-01T00:00:01Z")});
        return Table.create("sample", id, amount, name, active, day, at, seen);
    }

    private static ConnectionSpec postgres(String db) throws Exception {
        PostgresServer s = PostgresServer.shared();
        return new ConnectionSpec("pg", s.createDatabase(db), null, PostgresServer.PASSWORD);
    }

    @Test
    void aTableGoesToPostgresqlAndComesBackTheSame() throws Exception {
        ConnectionSpec pg = postgres("roundtrip");
        Table t = sample();
        assertEquals(3, DatabaseWriter.write(t, pg, "customers", DatabaseWriter.Mode.CREATE, ProgressMonitor.NONE));
        Table back = DatabaseReader.read(pg, "customers", null, Map.of(), 0, ProgressMonitor.NONE).table();
        assertSameValues(t, back);
        assertEquals("INSTANT", back.column("seen").type().name());
        // a query with a bound flow parameter: not pasted into the SQL, so a quote in it is just a value
        Table one = DatabaseReader.read(pg, null, "SELECT id, \"이름\" FROM customers WHERE \"이름\" = :who",
                Map.of("who", "O'Brien \"x\""), 0, ProgressMonitor.NONE).table();
        assertEquals(1, one.rowCount());
        assertEquals(2, one.intColumn("id").get(0));
        Table limited = DatabaseReader.read(pg, null, "SELECT * FROM customers WHERE id >= :min ORDER BY id",
                Map.of("min", "2"), 1, ProgressMonitor.NONE).table();
        assertEquals(1, limited.rowCount());
        assertEquals(2, limited.intColumn("id").get(0));
    }

    @Test
    void postgresqlRefusesAQueryThatWritesAndTheTableStays() throws Exception {
        ConnectionSpec pg = postgres("readonly");
        DatabaseWriter.write(sample(), pg, "t", DatabaseWriter.Mode.CREATE, ProgressMonitor.NONE);
        NodeException e = assertThrows(NodeException.class, () -> DatabaseReader.read(pg, null,
                "WITH gone AS (DELETE FROM t RETURNING *) SELECT * FROM gone", Map.of(), 0, ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("tried to change the database"), e.getMessage());
        NodeException create = assertThrows(NodeException.class, () -> DatabaseReader.read(pg, null,
                "SELECT 1; CREATE TABLE evil(x int)", Map.of(), 0, ProgressMonitor.NONE));
        assertFalse(create.getMessage().contains(PostgresServer.PASSWORD), create.getMessage());
        assertEquals(3, DatabaseReader.read(pg, "t", null, Map.of(), 0, ProgressMonitor.NONE).table().rowCount());
        try (Connection c = PostgresServer.shared().connect("readonly"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'evil'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "no table was created");
        }
    }

    @Test
    void aWrongPasswordIsSaidWithoutThePassword() throws Exception {
        ConnectionSpec pg = postgres("password");
        ConnectionSpec wrong = new ConnectionSpec("team-db", pg.url(), null, "not-the-secret-42");
        NodeException e = assertThrows(NodeException.class, () -> DatabaseReader.read(wrong, null, "SELECT 1",
                Map.of(), 0, ProgressMonitor.NONE));
        assertTrue(e.getMessage().startsWith("cannot connect to team-db"), e.getMessage());
        assertTrue(e.getMessage().contains("password authentication failed"), e.getMessage());
        assertFalse(e.getMessage().contains("not-the-secret-42"), e.getMessage());
        assertFalse(wrong.toString().contains("not-the-secret-42"));
    }

    @Test
    void aMillionRowsStreamInAndACancelStopsTheQueryOnTheServer() throws Exception {
        ConnectionSpec pg = postgres("big");
        try (Connection c = PostgresServer.shared().connect("big"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE big AS SELECT g AS id, g * 0.5 AS half, 'row ' || g AS label, "
                    + "CASE WHEN g % 10 = 0 THEN NULL ELSE g % 7 END AS mod7 FROM generate_series(1, 1000000) g");
        }
        List<Double> progress = new java.util.ArrayList<>();
        Table big = DatabaseReader.read(pg, "big", null, Map.of(), 0, new ProgressMonitor() {
            @Override
            public void progress(double fraction, String message) {
                progress.add(fraction);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        }).table();
        assertEquals(1_000_000, big.rowCount());
        assertEquals(250_000.25, big.doubleColumn("half").mean(), 1e-6);
        assertEquals(100_000, big.column("mod7").countMissing());
        assertEquals("row 1000000", big.stringColumn("label").get(999_999));
        assertTrue(progress.size() > 100 && progress.get(progress.size() - 1) > 0.99, progress.toString());

        AtomicBoolean cancel = new AtomicBoolean();
        Thread canceller = new Thread(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            cancel.set(true);
        });
        canceller.start();
        long start = System.nanoTime();
        assertThrows(CancelledException.class, () -> DatabaseReader.read(pg, null, "SELECT pg_sleep(60)", Map.of(),
                0, monitor(cancel)));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 5, "cancelled after " + seconds + " s");
        try (Connection c = PostgresServer.shared().connect("big"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(60)%' "
                     + "AND state = 'active' AND pid <> pg_backend_pid()")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "the server stopped the query");
        }
    }

    @Test
    void aConnectionLostMidReadIsSaid() throws Exception {
        ConnectionSpec pg = postgres("lost");
        AtomicBoolean killed = new AtomicBoolean();
        NodeException e = assertThrows(NodeException.class, () -> DatabaseReader.read(pg, null,
                "SELECT g FROM generate_series(1, 5000000) g", Map.of(), 0, new ProgressMonitor() {
                    @Override
                    public void progress(double fraction, String message) {
                        if (killed.compareAndSet(false, true)) { // the first rows are in: the server drops us
                            try (Connection c = PostgresServer.shared().connect("postgres");
                                 Statement s = c.createStatement()) {
                                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                                        + "application_name = 'Tablewise' AND datname = 'lost'");
                            } catch (Exception x) {
                                throw new IllegalStateException(x);
                            }
                        }
                    }

                    @Override
                    public boolean isCancelled() {
                        return false;
                    }
                }));
        assertTrue(killed.get());
        assertTrue(e.getMessage().contains("was lost while reading the query")
                || e.getMessage().startsWith("cannot read the query from pg"), e.getMessage());
    }

    @Test
    void replacingKeepsTheOldTableUntilTheNewOneIsCompleteAndAppendMatchesColumns() throws Exception {
        Path db = dir.resolve("shop.db");
        ConnectionSpec lite = new ConnectionSpec("shop", "jdbc:sqlite:" + db, null, null);
        DatabaseWriter.write(sample(), lite, "orders", DatabaseWriter.Mode.CREATE, ProgressMonitor.NONE);
        NodeException exists = assertThrows(NodeException.class, () -> DatabaseWriter.write(sample(), lite, "orders",
                DatabaseWriter.Mode.CREATE, ProgressMonitor.NONE));
        assertTrue(exists.getMessage().contains("already exists"), exists.getMessage());

        // 5,000 rows cancelled after the first batch: the old three rows stay, no staging table is left
        IntColumn ids = IntColumn.create("id");
        for (int i = 0; i < 5000; i++) {
            ids.append(i);
        }
        Table many = Table.create("many", ids);
        AtomicBoolean cancel = new AtomicBoolean();
        assertThrows(CancelledException.class, () -> DatabaseWriter.write(many, lite, "orders",
                DatabaseWriter.Mode.REPLACE, new ProgressMonitor() {
                    @Override
                    public void progress(double fraction, String message) {
                        cancel.set(true);
                    }

                    @Override
                    public boolean isCancelled() {
                        return cancel.get();
                    }
                }));
        Table still = DatabaseReader.read(lite, "orders", null, Map.of(), 0, ProgressMonitor.NONE).table();
        assertEquals(3, still.rowCount());
        try (Connection c = DriverManager.getConnection(lite.url()); ResultSet rs = c.getMetaData().getTables(null,
                null, "orders__tablewise_new", null)) {
            assertFalse(rs.next(), "no staging table left");
        }
        assertEquals(5000, DatabaseWriter.write(many, lite, "orders", DatabaseWriter.Mode.REPLACE,
                ProgressMonitor.NONE));
        assertEquals(List.of("id"), DatabaseReader.read(lite, "orders", null, Map.of(), 0, ProgressMonitor.NONE)
                .table().columnNames());
        DatabaseWriter.write(many.first(10), lite, "orders", DatabaseWriter.Mode.APPEND, ProgressMonitor.NONE);
        assertEquals(5010, DatabaseReader.read(lite, "orders", null, Map.of(), 0, ProgressMonitor.NONE).table()
                .rowCount());
    }

    @Test
    void sqliteReadsRefuseWritingAttachingAndExtensions() throws Exception {
        Path db = dir.resolve("이번달.db");
        ConnectionSpec lite = new ConnectionSpec("local", "jdbc:sqlite:" + db, null, null);
        DatabaseWriter.write(sample(), lite, "t", DatabaseWriter.Mode.CREATE, ProgressMonitor.NONE);
        Table back = DatabaseReader.read(lite, "t", null, Map.of(), 0, ProgressMonitor.NONE).table();
        assertSameValues(sample(), back); // SQLite keeps dates as text: read back as dates
        assertEquals("LOCAL_DATE", back.column("day").type().name());
        assertEquals("INSTANT", back.column("seen").type().name());
        assertEquals("김민지", back.stringColumn("이름").get(0));
        assertTrue(back.column("amount").isMissing(1));
        NodeException write = assertThrows(NodeException.class, () -> DatabaseReader.read(lite, null,
                "DELETE FROM t RETURNING *", Map.of(), 0, ProgressMonitor.NONE));
        assertTrue(write.getMessage().contains("tried to change the database"), write.getMessage());
        NodeException attach = assertThrows(NodeException.class, () -> DatabaseReader.read(lite, null,
                "SELECT * FROM pragma_database_list WHERE 0 = (SELECT count(*) FROM (ATTACH '" + dir.resolve("x.db")
                        + "' AS x))", Map.of(), 0, ProgressMonitor.NONE));
        assertTrue(attach.getMessage().startsWith("cannot read the query from"), attach.getMessage());
        NodeException extension = assertThrows(NodeException.class, () -> DatabaseReader.read(lite, null,
                "SELECT load_extension('/tmp/nothing')", Map.of(), 0, ProgressMonitor.NONE));
        assertTrue(extension.getMessage().contains("not authorized"), extension.getMessage());
        assertEquals(3, DatabaseReader.read(lite, "t", null, Map.of(), 0, ProgressMonitor.NONE).table().rowCount());
        NodeException missing = assertThrows(NodeException.class, () -> DatabaseReader.read(lite, "gone", null,
                Map.of(), 0, ProgressMonitor.NONE));
        assertTrue(missing.getMessage().contains("table gone") && missing.getMessage().contains("no such table"),
                missing.getMessage());
    }

    @Test
    void duckdbReadsWithExternalAccessOff() throws Exception {
        Path db = dir.resolve("lake.duckdb");
        ConnectionSpec duck = new ConnectionSpec("lake", "jdbc:duckdb:" + db, null, null);
        Table t = sample();
        DatabaseWriter.write(t, duck, "sales", DatabaseWriter.Mode.CREATE, ProgressMonitor.NONE);
        assertSameValues(t, DatabaseReader.read(duck, "sales", null, Map.of(), 0, ProgressMonitor.NONE).table());
        java.nio.file.Files.writeString(dir.resolve("secret.csv"), "a\n1\n");
        NodeException outside = assertThrows(NodeException.class, () -> DatabaseReader.read(duck, null,
                "SELECT * FROM read_csv_auto('" + dir.resolve("secret.csv") + "')", Map.of(), 0,
                ProgressMonitor.NONE));
        assertTrue(outside.getMessage().contains("disabled"), outside.getMessage());
        NodeException write = assertThrows(NodeException.class, () -> DatabaseReader.read(duck, null,
                "SELECT 1; CREATE TABLE x AS SELECT 1", Map.of(), 0, ProgressMonitor.NONE));
        assertTrue(write.getMessage().contains("read-only") || write.getMessage().contains("tried to change"),
                write.getMessage());
    }

    @Test
    void aSampleIsSeededUniformAndKeepsTheRowsOrder() {
        IntColumn id = IntColumn.create("id");
        for (int i = 0; i < 1000; i++) {
            id.append(i);
        }
        Table t = Table.create("t", id);
        Table a = DatabaseNodes.ImportNode.sample(t, 100, 42);
        Table b = DatabaseNodes.ImportNode.sample(t, 100, 42);
        assertEquals(100, a.rowCount());
        assertEquals(a.intColumn("id").asList(), b.intColumn("id").asList(), "the same seed, the same rows");
        List<Integer> ids = a.intColumn("id").asList();
        assertEquals(ids.stream().sorted().toList(), ids, "in the order read");
        assertEquals(100, ids.stream().distinct().count());
        // spread over the table, not its first rows: about a tenth in each tenth
        for (int d = 0; d < 10; d++) {
            int lo = 100 * d;
            long inDecile = ids.stream().filter(v -> v >= lo && v < lo + 100).count();
            assertTrue(inDecile >= 2 && inDecile <= 22, "decile " + d + ": " + inDecile);
        }
        assertTrue(DatabaseNodes.ImportNode.sample(t, 0, 1) == t && DatabaseNodes.ImportNode.sample(t, 5000, 1) == t);
    }

    @Test
    void aUrlWithAPasswordIsRefused() {
        NodeException e = assertThrows(NodeException.class, () -> DatabaseReader.read(new ConnectionSpec("x",
                "jdbc:postgresql://h/db?user=a&password=hunter2", null, null), "t", null, Map.of(), 0,
                ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("holds a password") && !e.getMessage().contains("hunter2"),
                e.getMessage());
    }

    static ProgressMonitor monitor(AtomicBoolean cancel) {
        return new ProgressMonitor() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return cancel.get();
            }
        };
    }

    static void assertSameValues(Table expected, Table actual) {
        assertEquals(expected.columnNames(), actual.columnNames());
        assertEquals(expected.rowCount(), actual.rowCount());
        for (int c = 0; c < expected.columnCount(); c++) {
            for (int r = 0; r < expected.rowCount(); r++) {
                String what = expected.column(c).name() + " row " + r;
                assertEquals(expected.column(c).isMissing(r), actual.column(c).isMissing(r), what);
                if (!expected.column(c).isMissing(r)) {
                    assertEquals(expected.column(c).getString(r), actual.column(c).getString(r), what);
                }
            }
        }
    }
}
