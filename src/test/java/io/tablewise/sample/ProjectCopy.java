package io.tablewise.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies a sample project for a test to run in, without the results of earlier runs (output/, runs/). */
public final class ProjectCopy {
    private ProjectCopy() {
    }

    /** Copies the project folder {@code from} to {@code to}. */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                String relative = from.relativize(p).toString();
                if (relative.startsWith("output") || relative.startsWith("runs")) {
                    continue;
                }
                Path target = to.resolve(relative);
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
