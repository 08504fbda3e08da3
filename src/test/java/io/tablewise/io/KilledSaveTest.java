package io.tablewise.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during saves of a large file: after every kill the file and its backup are each one whole version (never
 * cut), and the next save removes the temporary files the killed process left.
 */
class KilledSaveTest {
    static final int SIZE = 8_000_000;

    @TempDir
    Path dir;

    /** A saver process: writes versions 1, 2, 3, ... of the file, each SIZE bytes of its digit, with a backup. */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        for (int v = Integer.parseInt(args[1]); ; v++) {
            byte[] content = new byte[SIZE];
            java.util.Arrays.fill(content, (byte) ('0' + v % 10));
            AtomicFiles.write(file, out -> out.write(content), true);
        }
    }

    @Test
    void killedSavesLeaveWholeFilesAndTheirLeftoversAreRemoved() throws Exception {
        Path file = dir.resolve("big.flow");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Random random = new Random(17);
        for (int round = 0; round < 8; round++) {
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    KilledSaveTest.class.getName(), file.toString(), String.valueOf(round))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Thread.sleep(700 + random.nextInt(900));
            p.destroyForcibly(); // SIGKILL on Linux and macOS, TerminateProcess on Windows
            assertTrue(p.waitFor(20, TimeUnit.SECONDS));
            for (Path f : List.of(file, AtomicFiles.backupOf(file))) {
                if (Files.exists(f)) {
                    byte[] bytes = Files.readAllBytes(f);
                    assertEquals(SIZE, bytes.length, f + " is whole after kill " + round);
                    assertTrue(allSame(bytes), f + " is one version after kill " + round);
                }
            }
        }
        assertTrue(Files.exists(file), "the saver got at least one version written");
        AtomicFiles.write(file, out -> out.write("final".getBytes(StandardCharsets.UTF_8)), true);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("big.flow", "big.flow.bak"), files.map(f -> f.getFileName().toString()).sorted()
                    .toList(), "no temporary file is left after the next save");
        }
    }

    private static boolean allSame(byte[] bytes) {
        for (byte b : bytes) {
            if (b != bytes[0]) {
                return false;
            }
        }
        return true;
    }
}
