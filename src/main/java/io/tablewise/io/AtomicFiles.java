package io.tablewise.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Writes files so that a crash or a full disk never leaves a half-written file behind: the content goes to a
 * temporary file in the same folder, is flushed to disk, and is then renamed over the target, and the folder is
 * flushed so the rename itself survives a power cut. The previous version, when asked for, is kept as
 * {@code NAME.bak}, made the same way (a copy to a temporary file, renamed), so the backup is never half a file.
 * <p>
 * Each temporary file is locked while it is written; a temporary file of Tablewise's own naming pattern that no
 * process holds is what a crash left behind, and the next save of the same file removes it.
 */
public final class AtomicFiles {
    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        /** Writes everything to {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private AtomicFiles() {
    }

    /** Writes {@code content} to {@code target} atomically, without a backup. */
    public static void write(Path target, Content content) throws IOException {
        write(target, content, false);
    }

    /**
     * Writes {@code content} to {@code target} atomically.
     *
     * @param keepBackup when the target exists, keep its previous content as {@code target + ".bak"}
     */
    public static void write(Path target, Content content, boolean keepBackup) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        removeStaleTemps(absolute);
        // Not Files.createTempFile: it makes owner-only files, and a saved flow or export must keep the usual
        // permissions (the user's umask, or those of the file it replaces).
        Path tmp = tempFor(absolute);
        try {
            // closed before the rename: Windows cannot rename an open file
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                requireValid(lock, tmp);
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            copyPermissions(absolute, tmp);
            if (keepBackup && Files.isRegularFile(absolute)) {
                backUp(absolute);
            }
            move(tmp, absolute);
            force(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Copies the current file to its backup through a temporary file, so the backup is whole or absent. */
    private static void backUp(Path absolute) throws IOException {
        Path backup = backupOf(absolute);
        Path tmp = tempFor(backup);
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock();
                 FileChannel source = FileChannel.open(absolute, StandardOpenOption.READ)) {
                requireValid(lock, tmp);
                long size = source.size();
                long done = 0;
                while (done < size) {
                    done += source.transferTo(done, size - done, channel);
                }
                channel.force(true);
            }
            copyPermissions(absolute, tmp);
            move(tmp, backup);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The lock marks the temporary file as in use, so a concurrent save does not take it for a crash leftover. */
    private static void requireValid(FileLock lock, Path tmp) throws IOException {
        if (!lock.isValid()) {
            throw new IOException("could not lock " + tmp);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path tempFor(Path absolute) {
        return absolute.resolveSibling("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
    }

    /**
     * Removes temporary files that earlier, crashed saves of {@code target} (or of its backup) left: only names of
     * Tablewise's own pattern, and only when no process holds their lock (a concurrent save keeps its own).
     */
    public static int removeStaleTemps(Path target) {
        Path absolute = target.toAbsolutePath();
        Pattern own = Pattern.compile("\\." + Pattern.quote(absolute.getFileName().toString()) + "(\\.bak)?\\."
                + UUID_PATTERN + "\\.tmp");
        int removed = 0;
        try (var siblings = Files.list(absolute.getParent())) {
            for (Path p : siblings.toList()) {
                if (own.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p)
                        && removeIfUnlocked(p)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            // untidy, not harmful: the save goes on
        }
        return removed;
    }

    private static boolean removeIfUnlocked(Path tmp) throws IOException {
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            return false; // this JVM is writing it
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
        return Files.deleteIfExists(tmp);
    }

    /**
     * Flushes a file or a folder to disk (a folder's entries, after renames). Where the system cannot flush a
     * folder (Windows) this does nothing: there a rename is already durable.
     */
    public static void force(Path path) {
        try (FileChannel channel = FileChannel.open(path, Files.isDirectory(path) ? StandardOpenOption.READ
                : StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported for folders on this system
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        if (Files.exists(from) && Files.getFileAttributeView(from, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        }
    }

    /** Where the backup of {@code target} is kept. */
    public static Path backupOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".bak");
    }
}
