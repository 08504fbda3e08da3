package io.tablewise.registry;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import io.tablewise.io.Folders;

/**
 * The content-addressed artifact folder: each model folder is copied to {@code ROOT/SHA256}, named by the hash of its
 * files (their relative paths and bytes, in path order), and never changed after. A copy is made under a temporary
 * name and renamed into place, so an interrupted registration leaves at most an unreferenced temporary folder, never
 * a half artifact; the same model registered twice is stored once.
 */
final class Artifacts {
    private static final String TEMP = ".incoming-";
    private final Path root;

    Artifacts(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** Copies a model folder in and returns its hash. */
    String store(Path modelDir) throws IOException {
        Files.createDirectories(root);
        Path temp = root.resolve(TEMP + UUID.randomUUID());
        try {
            Folders.copyTree(modelDir, temp);
            String hash = hash(temp);
            Path target = root.resolve(hash);
            if (Files.isDirectory(target)) {
                return hash; // stored before: content addressing makes it the same bytes
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            } catch (IOException e) {
                // Another process stored the same content at the same moment: Linux reports the rename onto its
                // folder as "Directory not empty", which Java raises as a plain FileSystemException, not always as
                // FileAlreadyExistsException or DirectoryNotEmptyException.
                if (!Files.isDirectory(target)) {
                    throw e;
                }
            }
            return hash;
        } finally {
            Folders.deleteTree(temp);
        }
    }

    /**
     * The artifact's folder, after checking that its content still has its hash.
     *
     * @throws IOException naming the artifact when it is missing or was changed
     */
    Path verified(String hash) throws IOException {
        Path dir = root.resolve(hash);
        if (!Files.isDirectory(dir)) {
            throw new IOException("its artifact " + dir + " is missing");
        }
        String actual = hash(dir);
        if (!actual.equals(hash)) {
            throw new IOException("its artifact " + dir + " was changed after it was registered (content hash "
                    + actual + ", registered " + hash + ")");
        }
        return dir;
    }

    /** SHA-256 over the folder's files: each relative path (with '/') and its bytes, in path order. */
    static String hash(Path dir) throws IOException {
        return io.tablewise.io.ContentHash.ofFolder(dir);
    }
}
