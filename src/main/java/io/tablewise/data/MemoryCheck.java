package io.tablewise.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.tablewise.node.NodeException;

/**
 * Refuses, before minutes of reading, a whole text file that cannot fit in this machine's memory: the reader holds the
 * file's bytes while it builds the table, and a table takes about as many bytes as its CSV text (a number's eight
 * bytes against its digits, a repeated text stored once), so reading needs about twice the file's size. The message
 * says what to do instead.
 */
public final class MemoryCheck {
    private MemoryCheck() {
    }

    /** Throws when reading all of {@code file} needs more memory than {@code runtime} can still give. */
    public static void fits(Path file, Runtime runtime) throws NodeException {
        fits(file, runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory()));
    }

    /** Throws when reading all of {@code file} needs more than {@code free} bytes. */
    static void fits(Path file, long free) throws NodeException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return; // the reader says what is wrong with the file
        }
        long needed = 2 * size;
        if (needed > free) {
            throw new NodeException("path", String.format(Locale.ROOT, "%s is %s; read whole it needs about %s of "
                    + "memory and Tablewise has %s free: set a Row limit or a Random sample on the import, give "
                    + "Tablewise more memory (-Xmx), or run the flow on Apache Spark (tablewise run FLOW --engine "
                    + "spark)", file.getFileName(), size(size), size(needed), size(free)));
        }
    }

    private static String size(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%,d MB", bytes >> 20);
    }
}
