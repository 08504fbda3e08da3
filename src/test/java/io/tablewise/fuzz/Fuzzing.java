package io.tablewise.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the fuzz targets share. In {@code mvn verify} each target replays its committed inputs and then fuzzes for
 * {@link #SHORT}; {@code mvn -P fuzz verify} runs each through Jazzer's command line for longer (see the README).
 * Every input that made a target fail is kept under {@code src/test/resources/io/tablewise/fuzz/} and replayed by
 * every build from then on.
 */
final class Fuzzing {
    /** How long each target fuzzes in an ordinary build. */
    static final String SHORT = "10s";
    private static Path dir;

    private Fuzzing() {
    }

    /** Fails when a refusal has no message a user could act on. */
    static void expectMessage(Exception e) {
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            throw new AssertionError("a refusal without a message", e);
        }
    }

    /** The input written to a file of the given name in a folder of this JVM's own. */
    static synchronized Path file(String name, byte[] data) {
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("tablewise-fuzz");
                dir.toFile().deleteOnExit();
            }
            Path f = dir.resolve(name);
            Files.write(f, data);
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
