package io.tablewise.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a flow may read and write. A flow file is shared like a document, so the paths in it are not trusted:
 * <ul>
 * <li><b>writes</b> go only inside the flow's folder, the run's output folder and folders the user allowed
 * ({@code --allow-write DIR}, a studio setting);</li>
 * <li><b>reads</b> come from those folders, folders allowed for reading ({@code --allow-read DIR}) and single
 * files the user chose on this machine (dropped on the canvas or picked in a file dialog; remembered in the
 * user's local settings, never in the flow);</li>
 * <li>the flow file, its backup, every file the flow reads and the run log are never written;</li>
 * <li>a symbolic link is followed before the check, so a link that leaves the allowed folders is refused.</li>
 * </ul>
 * The allowances are the user's own, given on this machine; nothing in a flow file can widen them.
 *
 * @param flowDir the flow file's folder (relative paths are resolved against it; outputs against {@code outputDir})
 * @param flowFile the flow file itself, or {@code null} for a flow that is not saved yet
 * @param outputDir the run's output folder
 * @param readDirs further folders the user allowed for reading
 * @param readFiles single files the user chose for reading
 * @param writeDirs further folders the user allowed for writing (readable too)
 */
public record PathPolicy(Path flowDir, Path flowFile, Path outputDir, List<Path> readDirs, List<Path> readFiles,
                         List<Path> writeDirs) {
    /** Extensions of files a system or a shell may run; no node writes them. */
    private static final Set<String> PROGRAM_EXTENSIONS = Set.of("sh", "bash", "zsh", "fish", "csh", "ksh",
            "command", "bat", "cmd", "ps1", "psm1", "vbs", "vbe", "js", "jse", "wsf", "wsh", "hta", "exe", "com",
            "scr", "msi", "msc", "lnk", "pif", "cpl", "dll", "so", "dylib", "jar", "class", "py", "pyw", "pl", "rb",
            "php", "desktop", "service", "plist", "app", "reg", "inf", "flow");

    /** Normalises every path to an absolute one and copies the lists. */
    public PathPolicy {
        flowDir = flowDir.toAbsolutePath().normalize();
        flowFile = flowFile == null ? null : flowFile.toAbsolutePath().normalize();
        outputDir = outputDir == null ? flowDir : outputDir.toAbsolutePath().normalize();
        readDirs = absolute(readDirs);
        readFiles = absolute(readFiles);
        writeDirs = absolute(writeDirs);
    }

    /** Reading and writing only inside a flow's folder. */
    public static PathPolicy within(Path flowDir) {
        return new PathPolicy(flowDir, null, flowDir, List.of(), List.of(), List.of());
    }

    /** Reading and writing inside a flow's folder and an output folder. */
    public static PathPolicy of(Path flowDir, Path flowFile, Path outputDir) {
        return new PathPolicy(flowDir, flowFile, outputDir, List.of(), List.of(), List.of());
    }

    /** The same policy with another output folder. */
    public PathPolicy withOutputDir(Path dir) {
        return new PathPolicy(flowDir, flowFile, dir, readDirs, readFiles, writeDirs);
    }

    /** The same policy with more allowances. */
    public PathPolicy allowing(List<Path> moreReadDirs, List<Path> moreReadFiles, List<Path> moreWriteDirs) {
        return new PathPolicy(flowDir, flowFile, outputDir, join(readDirs, moreReadDirs),
                join(readFiles, moreReadFiles), join(writeDirs, moreWriteDirs));
    }

    /** The run log, which no node may write. */
    public Path runLog() {
        return outputDir.resolve("runs").resolve("runs.jsonl");
    }

    /**
     * Resolves a path a node reads and checks it.
     *
     * @throws PathNotAllowedException naming the path and what to do
     */
    public Path read(String raw) {
        Path file = resolve(flowDir, raw, "read");
        Path real = realOf(file);
        if (isUnder(real, readRoots()) || readFiles.stream().map(PathPolicy::realOf).anyMatch(real::equals)) {
            return file;
        }
        throw new PathNotAllowedException("'" + raw + "' is outside the flow's folder (" + flowDir + ")"
                + (real.equals(file) ? "" : " through a link, to " + real)
                + "; a shared flow may only read its own folder. Move the file into the project folder, choose it "
                + "again on this machine, or allow its folder (--allow-read DIR)");
    }

    /**
     * Resolves a path a node writes and checks it: inside the allowed folders, and not the flow file, its backup,
     * a file the flow reads or the run log.
     *
     * @param protectedInputs files the flow reads (resolved), which it must not overwrite
     * @throws PathNotAllowedException naming the path and what to do
     */
    public Path write(String raw, Set<Path> protectedInputs) {
        Path file = resolve(outputDir, raw, "write");
        if (file.equals(outputDir) || file.equals(flowDir) || raw.isBlank()) {
            throw new PathNotAllowedException("'" + raw + "' names a folder, not a file; give a file name such as "
                    + "output/result.csv");
        }
        if (Files.isSymbolicLink(file)) {
            throw new PathNotAllowedException("'" + raw + "' is a symbolic link (to " + linkTarget(file)
                    + "); Tablewise does not write through links. Remove the link or choose another name");
        }
        checkName(raw, file);
        Path real = realOf(file);
        if (!isUnder(real, writeRoots())) {
            throw new PathNotAllowedException("'" + raw + "' is outside the folders this flow may write ("
                    + String.join(", ", writeRoots().stream().map(Path::toString).toList()) + ")"
                    + (real.equals(file) ? "" : "; it leads to " + real)
                    + ". Write inside the project folder, use --out DIR, or allow the folder (--allow-write DIR)");
        }
        if (flowFile != null && (same(real, flowFile) || same(real, flowFile.resolveSibling(flowFile.getFileName()
                + ".bak")))) {
            throw new PathNotAllowedException("'" + raw + "' is the flow file itself; choose another file name");
        }
        if (isUnder(real, List.of(realOf(runLog().getParent())))) {
            throw new PathNotAllowedException("'" + raw + "' is inside the run log folder ("
                    + runLog().getParent() + "), which Tablewise keeps; choose another folder");
        }
        for (Path input : protectedInputs) {
            if (same(real, input)) {
                throw new PathNotAllowedException("'" + raw + "' is a file this flow reads; writing it would "
                        + "destroy the input. Choose another file name");
            }
        }
        return file;
    }

    /**
     * Hidden files and folders (shell start-up files, {@code .git}, {@code .ssh}) and programs or scripts are never
     * written by a flow, even inside its folder: a project folder can be a home folder, and no node writes such
     * files.
     */
    private void checkName(String raw, Path file) {
        Path relative = file.startsWith(outputDir) ? outputDir.relativize(file) : file;
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                throw new PathNotAllowedException("'" + raw + "' is a hidden file or inside a hidden folder ('"
                        + part + "'); Tablewise does not write such files. Choose a visible name");
            }
        }
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot >= 0 && PROGRAM_EXTENSIONS.contains(name.substring(dot + 1))) {
            throw new PathNotAllowedException("'" + raw + "' would be a program or script (." + name.substring(dot + 1)
                    + "); Tablewise writes data, reports and models only. Choose a data file name such as "
                    + "output/result.csv");
        }
    }

    private List<Path> readRoots() {
        List<Path> roots = new ArrayList<>(writeRoots());
        roots.addAll(readDirs);
        return roots;
    }

    private List<Path> writeRoots() {
        Set<Path> roots = new LinkedHashSet<>();
        roots.add(flowDir);
        roots.add(outputDir);
        roots.addAll(writeDirs);
        return List.copyOf(roots);
    }

    private static Path resolve(Path base, String raw, String verb) {
        if (raw == null) {
            throw new PathNotAllowedException("no file is given to " + verb);
        }
        if (raw.matches("[A-Za-z][A-Za-z0-9+.-]+://.*")) { // hdfs://, s3a://, file:// (not a drive letter)
            throw new PathNotAllowedException("'" + printable(raw) + "' is a location on another store; the "
                    + "embedded engine " + verb + "s files on this machine only. Run the flow on Apache Spark "
                    + "(tablewise run FLOW --engine spark --conf tablewise.allow" + (verb.equals("read") ? "Read"
                    : "Write") + "=" + printable(raw.replaceFirst("^([^:]+://[^/]*/).*$", "$1")) + "), or copy "
                    + "the file into the project folder");
        }
        try {
            return base.resolve(raw).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new PathNotAllowedException("'" + printable(raw) + "' is not a valid path on this system ("
                    + e.getReason() + ")");
        }
    }

    /** The path with every link followed, for the parts that exist; missing trailing parts are kept as given. */
    static Path realOf(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path existing = abs;
        List<Path> missing = new ArrayList<>();
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            missing.add(0, existing.getFileName());
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        Path real;
        try {
            real = existing.toRealPath();
        } catch (IOException e) {
            // a dangling link: judge it by where it points
            real = linkTarget(existing);
        }
        for (Path part : missing) {
            real = real.resolve(part);
        }
        return real.normalize();
    }

    private static Path linkTarget(Path link) {
        try {
            Path target = Files.readSymbolicLink(link);
            return link.toAbsolutePath().getParent().resolve(target).normalize();
        } catch (IOException | UnsupportedOperationException e) {
            return link.toAbsolutePath().normalize();
        }
    }

    private static boolean isUnder(Path real, List<Path> roots) {
        for (Path root : roots) {
            if (real.startsWith(realOf(root))) {
                return true;
            }
        }
        return false;
    }

    private static boolean same(Path real, Path other) {
        return real.equals(realOf(other));
    }

    private static List<Path> absolute(List<Path> paths) {
        return paths == null ? List.of() : paths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    private static List<Path> join(List<Path> a, List<Path> b) {
        List<Path> out = new ArrayList<>(a);
        out.addAll(b == null ? List.of() : b);
        return out;
    }

    /** Control characters shown as escapes, so a hostile name cannot drive the terminal. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
