package io.tablewise.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

import io.tablewise.engine.PathPolicy;

/**
 * The {@code --allow-read} and {@code --allow-write} options: folders the user lets a flow use beyond its own
 * folder and the output folder. They live on the command line, never in the flow, so a shared flow cannot widen
 * what it may touch.
 */
final class PathAllowances {
    @Option(names = "--allow-read", paramLabel = "DIR",
            description = "Let the flow read files in this folder too (repeatable).")
    private List<Path> readDirs = new ArrayList<>();

    @Option(names = "--allow-write", paramLabel = "DIR",
            description = "Let the flow write files in this folder too (repeatable).")
    private List<Path> writeDirs = new ArrayList<>();

    /** The policy for a flow file run with an output folder. */
    PathPolicy policy(Path flowFile, Path outputDir) {
        return new PathPolicy(FlowFile.dirOf(flowFile), flowFile, outputDir, readDirs, List.of(), writeDirs);
    }
}
