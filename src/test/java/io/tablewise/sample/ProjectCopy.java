package io.tablewise.sample;

import java.io.IOException;
import java.nio.file.Path;

import io.tablewise.ui.project.SampleProjects;

/** Copies a sample project for a test to run in, without the results of earlier runs (output/, runs/). */
public final class ProjectCopy {
    private ProjectCopy() {
    }

    /** Copies the project folder {@code from} to {@code to}. */
    public static void copy(Path from, Path to) throws IOException {
        SampleProjects.copy(from, to);
    }
}
