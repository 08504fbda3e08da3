package io.tablewise.data.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tablewise.node.NodeException;
import io.tablewise.node.ProgressMonitor;

class ConnectionsTest {
    @TempDir
    Path dir;

    @Test
    void theEnvironmentCompletesOrDefinesAConnectionAndWins() throws Exception {
        Map<String, String> env = Map.of("TABLEWISE_CONNECTION_SALES_DB_PASSWORD", "from-env",
                "TABLEWISE_CONNECTION_CI_URL", "jdbc:postgresql://ci/db", "TABLEWISE_CONNECTION_CI_USER", "runner");
        Connections store = new Connections(dir, env::get);
        store.save(new ConnectionSpec("sales-db", "jdbc:postgresql://db.example/sales", "analyst", "from-file"));
        ConnectionSpec sales = store.get("sales-db");
        assertEquals("from-env", sales.password());
        assertEquals("analyst", sales.user());
        ConnectionSpec ci = store.get("CI");
        assertEquals("jdbc:postgresql://ci/db", ci.url());
        assertEquals("runner", ci.user());
        assertFalse(sales.toString().contains("from-env"));
        IOException unknown = assertThrows(IOException.class, () -> store.get("nope"));
        assertTrue(unknown.getMessage().contains("TABLEWISE_CONNECTION_NOPE_URL"), unknown.getMessage());
        assertTrue(Files.readString(store.file()).contains("\"format\" : \"tablewise.connections\""));
        store.remove("sales-db");
        assertTrue(store.saved().isEmpty());
    }

    @Test
    void aFileUrlIsRelativeToTheFlowAndAPasswordInAUrlIsRefused() throws Exception {
        Connections store = new Connections(dir, k -> null);
        ConnectionSpec lite = store.resolve("jdbc:sqlite:data/shop.db", p -> dir.resolve("flows").resolve(p));
        assertEquals("jdbc:sqlite:" + dir.resolve("flows").resolve("data/shop.db"), lite.url());
        assertEquals("jdbc:sqlite::memory:", store.resolve("jdbc:sqlite::memory:", Path::of).url());
        IOException e = assertThrows(IOException.class, () -> store.save(new ConnectionSpec("x",
                "jdbc:mariadb://h/db?user=a&password=secret", null, null)));
        assertTrue(e.getMessage().contains("holds a password") && !e.getMessage().contains("secret"));
        assertEquals(Dialect.MYSQL, Dialect.of("jdbc:mariadb://h/db"));
        assertEquals("`a``b`.`t`", Dialect.MYSQL.quote("a`b.t"));
        assertEquals("\"sales\".\"주문\"", Dialect.POSTGRESQL.quote("sales.주문"));
    }

    @Test
    void aServerThatIsDownIsNamedWithoutAStackTrace() {
        ConnectionSpec down = new ConnectionSpec("warehouse", "jdbc:mariadb://127.0.0.1:1/shop?connectTimeout=2000",
                "analyst", "pw-123");
        NodeException e = assertThrows(NodeException.class, () -> DatabaseReader.read(down, "orders", null, Map.of(),
                0, ProgressMonitor.NONE));
        assertTrue(e.getMessage().startsWith("cannot connect to warehouse (jdbc:mariadb://127.0.0.1:1/shop"),
                e.getMessage());
        assertFalse(e.getMessage().contains("pw-123") || e.getMessage().contains("\tat "), e.getMessage());
    }
}
