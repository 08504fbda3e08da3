package io.tablewise.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saves that a crash cannot half-do: the file and its backup are whole or untouched, and crash leftovers go. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFailedWriteLeavesTheFileItsBackupAndNoTemporaryFile() throws Exception {
        Path file = dir.resolve("p.flow");
        AtomicFiles.write(file, out -> out.write("one".getBytes(StandardCharsets.UTF_8)), true);
        AtomicFiles.write(file, out -> out.write("two".getBytes(StandardCharsets.UTF_8)), true);
        assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write("thr".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }, true));
        assertEquals("two", Files.readString(file));
        assertEquals("one", Files.readString(AtomicFiles.backupOf(file)));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "only the file and its backup");
        }
    }

    @Test
    void theBackupIsMadeByRenameSoItIsNeverHalfACopy() throws Exception {
        Path file = dir.resolve("big.flow");
        byte[] big = new byte[3_000_000];
        java.util.Arrays.fill(big, (byte) 'x');
        AtomicFiles.write(file, out -> out.write(big), true);
        AtomicFiles.write(file, out -> out.write("small".getBytes(StandardCharsets.UTF_8)), true);
        assertArrayEquals(big, Files.readAllBytes(AtomicFiles.backupOf(file)));
        assertEquals("small", Files.readString(file));
    }

    @Test
    void temporaryFilesLeftByACrashAreRemovedAtTheNextSaveButNotOthers() throws Exception {
        Path file = dir.resolve("p.flow");
        Path leftover = dir.resolve(".p.flow." + UUID.randomUUID() + ".tmp");
        Path leftoverBackup = dir.resolve(".p.flow.bak." + UUID.randomUUID() + ".tmp");
        Path someoneElses = dir.resolve(".p.flow.notes.tmp");
        Path otherFlow = dir.resolve(".q.flow." + UUID.randomUUID() + ".tmp");
        for (Path p : new Path[] {leftover, leftoverBackup, someoneElses, otherFlow}) {
            Files.writeString(p, "partial");
        }
        AtomicFiles.write(file, out -> out.write("x".getBytes(StandardCharsets.UTF_8)), true);
        assertFalse(Files.exists(leftover));
        assertFalse(Files.exists(leftoverBackup));
        assertTrue(Files.exists(someoneElses), "not Tablewise's naming pattern");
        assertTrue(Files.exists(otherFlow), "another file's temporary file is not this save's business");
    }

    @Test
    void aTemporaryFileStillLockedByAWriterIsKept() throws Exception {
        Path file = dir.resolve("p.flow");
        Path live = dir.resolve(".p.flow." + UUID.randomUUID() + ".tmp");
        try (FileChannel ch = FileChannel.open(live, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             FileLock lock = ch.lock()) {
            assertTrue(lock.isValid());
            AtomicFiles.write(file, out -> out.write("x".getBytes(StandardCharsets.UTF_8)), true);
            assertTrue(Files.exists(live), "a save in progress keeps its temporary file");
        }
    }
}
