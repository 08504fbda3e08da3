package io.tablewise.ui.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.tablewise.flow.Flow;
import io.tablewise.flow.json.FlowFormatException;
import io.tablewise.flow.json.FlowReader;
import io.tablewise.flow.json.FlowWriter;
import io.tablewise.io.AtomicFiles;

/**
 * Autosave for crash recovery: while a flow has unsaved changes its current state is written every minute to
 * {@code ~/.tablewise/recovery/ID.flow} (with {@code ID.source} naming the file it belongs to). A clean save or
 * close removes it; whatever is left at the next start was lost in a crash and is offered back.
 */
public final class RecoveryStore {
    /** A flow found in the recovery folder. */
    public record Entry(Path recoveryFile, Path originalFile, FileTime savedAt) {
    }

    private final Path dir;
    private final String sessionId = UUID.randomUUID().toString();

    /** Recovery files under {@code home/recovery}. */
    public RecoveryStore(Path home) {
        this.dir = home.resolve("recovery");
    }

    /** Writes the current state of this window's flow. */
    public void save(Flow flow, Path originalFile) throws IOException {
        Files.createDirectories(dir);
        byte[] json = new FlowWriter().toJson(flow).getBytes(StandardCharsets.UTF_8);
        byte[] source = (originalFile == null ? "" : originalFile.toAbsolutePath().toString())
                .getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(dir.resolve(sessionId + ".source"), out -> out.write(source));
        AtomicFiles.write(dir.resolve(sessionId + ".flow"), out -> out.write(json));
    }

    /** Removes this window's recovery file (after a save, or a clean close). */
    public void clear() {
        delete(dir.resolve(sessionId + ".flow"));
    }

    /** Flows left behind by earlier sessions that did not close cleanly. */
    public List<Entry> leftovers() {
        List<Entry> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.flow")) {
            for (Path f : files) {
                if (f.getFileName().toString().startsWith(sessionId)) {
                    continue;
                }
                Path source = Path.of(f.toString().replaceFirst("\\.flow$", ".source"));
                String original = Files.isRegularFile(source) ? Files.readString(source).strip() : "";
                found.add(new Entry(f, original.isEmpty() ? null : Path.of(original), Files.getLastModifiedTime(f)));
            }
        } catch (IOException e) {
            return found;
        }
        found.sort((a, b) -> b.savedAt().compareTo(a.savedAt()));
        return found;
    }

    /** Reads a left-over flow. */
    public Optional<Flow> read(Entry entry) {
        try {
            return Optional.of(new FlowReader().read(entry.recoveryFile()));
        } catch (FlowFormatException e) {
            return Optional.empty();
        }
    }

    /** Forgets a left-over flow (restored or declined). */
    public void discard(Entry entry) {
        delete(entry.recoveryFile());
    }

    private static void delete(Path flowFile) {
        try {
            Files.deleteIfExists(flowFile);
            Files.deleteIfExists(Path.of(flowFile.toString().replaceFirst("\\.flow$", ".source")));
        } catch (IOException e) {
            // A recovery file that cannot be removed is offered again next time; nothing is lost.
            System.err.println("warning: could not remove " + flowFile + ": " + e.getMessage());
        }
    }
}
