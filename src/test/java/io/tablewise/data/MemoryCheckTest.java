package io.tablewise.data;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tablewise.node.NodeException;

/** A whole file larger than the memory left is refused before reading, with what to do instead. */
class MemoryCheckTest {
    @TempDir
    Path dir;

    @Test
    void aFileLargerThanTheFreeMemoryIsRefusedWithTheWaysOut() throws Exception {
        Path file = dir.resolve("transactions.csv");
        Files.write(file, new byte[3 << 20]);
        NodeException e = assertThrows(NodeException.class, () -> MemoryCheck.fits(file, 5L << 20));
        assertEquals("path", e.param());
        assertTrue(e.getMessage().startsWith("transactions.csv is 3 MB; read whole it needs about 6 MB of memory and "
                + "Tablewise has 5 MB free") && e.getMessage().contains("--engine spark")
                && e.getMessage().contains("Row limit"), e.getMessage());
        assertDoesNotThrow(() -> MemoryCheck.fits(file, 7L << 20));
        assertDoesNotThrow(() -> MemoryCheck.fits(file, Runtime.getRuntime()), "the test JVM has room for 3 MB");
    }
}
