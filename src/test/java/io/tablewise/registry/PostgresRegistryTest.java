package io.tablewise.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.tablewise.PostgresServer;

/**
 * The same registry contract on a real PostgreSQL server (started by the tests, see {@link PostgresServer}), plus
 * what only a server goes through: a wrong password, a new database that needs its shared artifact folder, and the
 * server going down mid-use.
 */
class PostgresRegistryTest extends RegistryContract {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private RegistryLocation fresh() throws Exception {
        PostgresServer server = PostgresServer.shared();
        String url = server.createDatabase("registry_" + ProcessHandle.current().pid() + "_"
                + DATABASES.incrementAndGet());
        return RegistryLocation.of(url, null).withPassword(PostgresServer.PASSWORD);
    }

    @Override
    Registry openFresh() throws Exception {
        return Registry.open(fresh(), dir.resolve("shared-artifacts"));
    }

    @Test
    void aNewDatabaseAsksForItsSharedArtifactFolderOnceAndAWrongPasswordIsSaid() throws Exception {
        RegistryLocation where = fresh();
        RegistryException first = assertThrows(RegistryException.class, () -> Registry.open(where));
        assertTrue(first.isUsage());
        assertTrue(first.getMessage().contains("give the shared folder for its model files once with --artifacts"),
                first.getMessage());
        try (Registry r = Registry.open(where, dir.resolve("team"))) {
            r.register(model1, Registry.Registration.of("churn"));
        }
        try (Registry r = Registry.open(where)) { // a colleague: the folder comes from the database
            assertEquals(dir.resolve("team").toAbsolutePath().normalize(), r.artifactRoot());
            assertEquals(1, r.version(ModelRef.parse("churn@latest")).version());
        }
        RegistryException wrong = assertThrows(RegistryException.class, () -> Registry.open(
                where.withPassword("not-it")));
        assertFalse(wrong.isUsage());
        assertTrue(wrong.getMessage().startsWith("cannot open the registry " + where.jdbcUrl()), wrong.getMessage());
        assertTrue(wrong.getMessage().contains("password authentication failed"), wrong.getMessage());
        assertFalse(wrong.getMessage().contains("not-it"), "a password is never printed");
        RegistryException inUrl = assertThrows(RegistryException.class, () -> RegistryLocation.of(where.jdbcUrl()
                + "&password=secret", null));
        assertTrue(inUrl.isUsage());
        assertFalse(inUrl.getMessage().contains("secret"));
    }

    @Test
    void theServerGoingDownMidUseIsAFailureAndNothingIsHalfWritten() throws Exception {
        RegistryLocation where = fresh();
        PostgresServer server = PostgresServer.shared();
        try (Registry r = Registry.open(where, dir.resolve("team"))) {
            r.register(model1, Registry.Registration.of("churn"));
            server.stop();
            try {
                RegistryException down = assertThrows(RegistryException.class, () -> r.register(model2,
                        Registry.Registration.of("churn")));
                assertFalse(down.isUsage());
                assertTrue(down.getMessage().startsWith("cannot register into churn in " + where.jdbcUrl()),
                        down.getMessage());
            } finally {
                server.restart();
            }
        }
        try (Registry r = Registry.open(where)) {
            assertEquals(List.of(1), r.versions("churn").stream().map(ModelVersion::version).toList());
            assertEquals(2, r.register(model2, Registry.Registration.of("churn")).version());
        }
    }
}
