package io.tablewise.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Capture files: one per hour, appended across flushes, whole lines only, read back as written. */
class CaptureWriterTest {
    @TempDir
    Path dir;

    private static CaptureRecord record(String id, String time) {
        return new CaptureRecord(id, 0, time, "A", "churn@champion", "churn:3", false, 1.5,
                Map.of("지역", "서울", "age", 37), "yes", Map.of("no", 0.25, "yes", 0.75));
    }

    @Test
    void appendsAcrossFlushesIntoOneFilePerHour() throws Exception {
        try (CaptureWriter w = new CaptureWriter(dir, "capture")) {
            w.add(record("r1", "2026-12-03T21:59:59Z"));
            w.flush();
            w.add(record("r2", "2026-12-03T21:00:00Z"));
            w.flush();
            w.add(record("r3", "2026-12-03T22:00:00Z"));
        }
        assertEquals(List.of("capture-20261203-21.jsonl", "capture-20261203-22.jsonl"),
                CaptureWriter.files(dir, "capture").stream().map(p -> p.getFileName().toString()).toList());
        CaptureReader.Contents c = CaptureReader.read(dir);
        assertEquals(List.of("r1", "r2", "r3"), c.records().stream().map(CaptureRecord::requestId).toList());
        assertEquals("서울", c.records().get(0).input().get("지역"));
        assertEquals(0.75, c.records().get(0).probabilities().get("yes"), 0);
        assertEquals(0, c.skippedLines());
    }

    @Test
    void aPartialLastLineIsCutBeforeTheNextAppendAndSkippedWhenRead() throws Exception {
        Path file = dir.resolve("capture-20261203-21.jsonl");
        try (CaptureWriter w = new CaptureWriter(dir, "capture")) {
            w.add(record("r1", "2026-12-03T21:10:00Z"));
        }
        Files.writeString(file, "{\"requestId\": \"half", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        assertEquals(1, CaptureReader.read(dir).skippedLines()); // a reader meets the torn line and says so
        try (CaptureWriter w = new CaptureWriter(dir, "capture")) {
            w.add(record("r2", "2026-12-03T21:20:00Z"));
        }
        CaptureReader.Contents c = CaptureReader.read(dir);
        assertEquals(List.of("r1", "r2"), c.records().stream().map(CaptureRecord::requestId).toList());
        assertEquals(0, c.skippedLines());
        assertTrue(Files.readString(file).endsWith("\n"));
    }
}
