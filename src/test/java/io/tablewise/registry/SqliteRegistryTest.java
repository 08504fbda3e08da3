package io.tablewise.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The registry on its default store, one SQLite file, including what only a file on disk can go through. */
class SqliteRegistryTest extends RegistryContract {
    @Override
    Registry openFresh() throws Exception {
        return Registry.open(RegistryLocation.folder(dir.resolve("registry")));
    }

    @Test
    void aRegistryFromANewerTablewiseIsRefused() throws Exception {
        Path folder = dir.resolve("registry");
        openFresh().close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("registry.db"));
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE registry_schema SET version = 99");
        }
        RegistryException e = assertThrows(RegistryException.class, this::openFresh);
        assertTrue(e.isUsage());
        assertEquals("the registry " + folder.toAbsolutePath().normalize() + " was made by a newer Tablewise "
                + "(schema 99; this one knows up to " + RegistrySchema.CURRENT + "): update Tablewise to use it",
                e.getMessage());
    }

    @Test
    void aLockedDatabaseIsAClearFailureAndNothingIsWritten() throws Exception {
        openFresh().close();
        System.setProperty("tablewise.registry.busyMillis", "300");
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("registry/registry.db"));
             Statement s = other.createStatement(); Registry r = openFresh()) {
            other.setAutoCommit(false);
            // another program in the middle of a write: it holds the write lock
            s.execute("INSERT INTO registry_settings (name, value) VALUES ('other', 'program')");
            RegistryException e = assertThrows(RegistryException.class, () -> r.register(model1,
                    Registry.Registration.of("churn")));
            assertTrue(!e.isUsage());
            assertTrue(e.getMessage().contains("the database is locked by another program (waited 0.3 s)"),
                    e.getMessage());
            other.rollback();
        } finally {
            System.clearProperty("tablewise.registry.busyMillis");
        }
        try (Registry r = openFresh()) {
            assertEquals(List.of(), r.groups(), "nothing half-written");
            assertEquals(1, r.register(model1, Registry.Registration.of("churn")).version());
        }
    }

    /** The CLI in a process of its own, as a second user of the registry would run it. */
    private Process cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "io.tablewise.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("cli-" + System.nanoTime() + ".log").toFile()).start();
    }

    @Test
    void parallelProcessesRegisteringIntoOneGroupLoseNothing() throws Exception {
        Path registry = dir.resolve("registry");
        List<Process> writers = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            // eight processes at once, each registering one model folder
            writers.add(cli("registry", "register", model1.toString(), "--group", "churn", "--registry",
                    registry.toString(), "--description", "writer " + p));
        }
        for (int p = 0; p < 4; p++) {
            writers.add(cli("registry", "register", model2.toString(), "--group", "churn", "--registry",
                    registry.toString(), "--description", "second writer " + p));
        }
        for (Process w : writers) {
            assertTrue(w.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, w.exitValue(), () -> logs());
        }
        try (Registry r = openFresh()) {
            List<ModelVersion> all = r.versions("churn");
            assertEquals(IntStream.iterate(8, i -> i >= 1, i -> i - 1).boxed().toList(),
                    all.stream().map(ModelVersion::version).toList());
            for (ModelVersion v : all) {
                r.load(v.ref()); // every version whole, its artifact intact
            }
        }
    }

    @Test
    void aKilledRegistrationLeavesNoHalfVersion() throws Exception {
        Path registry = dir.resolve("registry");
        openFresh().close();
        // a shell loop of registrations, killed at once with SIGKILL part-way
        for (int round = 0; round < 3; round++) {
            Process p = cli("registry", "register", model1.toString(), "--group", "churn", "--registry",
                    registry.toString());
            Thread.sleep(400L + 350L * round);
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        try (Registry r = openFresh()) {
            List<ModelVersion> all = r.groups().isEmpty() ? List.of() : r.versions("churn");
            for (int i = 0; i < all.size(); i++) {
                assertEquals(all.size() - i, all.get(i).version());
                r.load(all.get(i).ref());
                assertEquals(List.of("pending"), r.history(all.get(i).ref()).stream().map(Approval::status).toList());
            }
            ModelVersion next = r.register(model2, Registry.Registration.of("churn"));
            assertEquals(all.size() + 1, next.version());
        }
    }

    private String logs() {
        StringBuilder b = new StringBuilder();
        for (File f : dir.toFile().listFiles((d, n) -> n.startsWith("cli-"))) {
            try {
                b.append(Files.readString(f.toPath()));
            } catch (java.io.IOException e) {
                b.append(e);
            }
        }
        return b.toString();
    }
}
