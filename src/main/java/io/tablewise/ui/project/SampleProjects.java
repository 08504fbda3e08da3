package io.tablewise.ui.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Opening a sample opens the analyst's own copy of it: samples ship inside the installation, often read-only, and
 * a flow writes its outputs and run records beside itself. The copy is made once; later openings find it again
 * with the analyst's changes.
 */
public final class SampleProjects {
    private SampleProjects() {
    }

    /**
     * The working copy of the sample flow {@code sampleFlow} under {@code root} (copied there first if needed).
     *
     * @return the flow file of the copy
     */
    public static Path workingCopy(Path sampleFlow, Path root) throws IOException {
        Path project = sampleFlow.toAbsolutePath().getParent();
        Path target = root.resolve(project.getFileName());
        Path flow = target.resolve(sampleFlow.getFileName());
        if (!Files.exists(flow)) {
            copy(project, target);
        }
        return flow;
    }

    /** Copies the project folder {@code from} to {@code to}, without the results of earlier runs (output/, runs/). */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path relative = from.relativize(p);
                if (relative.startsWith("output") || relative.startsWith("runs")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!Files.exists(target)) {
                    Files.copy(p, target);
                }
            }
        }
    }
}
