package io.tablewise.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs of the same flow at once, from separate processes, each append their records: none may be lost and no
 * two may share an id (the log was once rewritten without a lock, and ids were the second of the run).
 */
class RunLogParallelTest {
    static final int PROCESSES = 4;
    static final int RECORDS_EACH = 25;

    @TempDir
    Path dir;

    /** A writer process: appends records one at a time, as runs finish. */
    public static void main(String[] args) throws Exception {
        RunLog log = new RunLog(Path.of(args[0]));
        String stamp = "20261203-120000";
        for (int i = 0; i < RECORDS_EACH; i++) {
            log.append(List.of(new RunRecord(RunTracker.runId(stamp), stamp, "f.flow", "model", "y",
                    "binary", Map.of(), Map.of("writer", args[1]), Map.of(), 0.1, List.of(), Map.of(), List.of(),
                    null, null)));
        }
    }

    @Test
    void appendsFromParallelProcessesAreAllKeptWithUniqueIds() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (int p = 0; p < PROCESSES; p++) {
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    RunLogParallelTest.class.getName(), dir.toString(), "w" + p)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("w" + p + ".log").toFile()).start());
        }
        for (Process p : processes) {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "a writer finished");
            assertEquals(0, p.exitValue(), Files.readString(dir.resolve("w" + processes.indexOf(p) + ".log")));
        }
        List<String> problems = new ArrayList<>();
        List<RunRecord> records = new RunLog(dir).read(problems);
        assertTrue(problems.isEmpty(), problems.toString());
        assertEquals(PROCESSES * RECORDS_EACH, records.size(), "no record lost");
        Set<String> ids = new HashSet<>();
        records.forEach(r -> ids.add(r.runId()));
        assertEquals(records.size(), ids.size(), "every id unique");
        assertEquals(PROCESSES * RECORDS_EACH, Files.readAllLines(new RunLog(dir).file(), StandardCharsets.UTF_8)
                .size(), "one line per record" + File.separator);
    }

    @Test
    void aRecordCutByACrashIsSkippedAndDoesNotSwallowTheNext() throws Exception {
        RunLog log = new RunLog(dir);
        Files.createDirectories(log.file().getParent());
        Files.writeString(log.file(), "{\"runId\":\"cut");
        log.append(List.of(new RunRecord("r1", "t", "f.flow", "model", "y", "binary", Map.of(), Map.of(), Map.of(),
                0.1, List.of(), Map.of(), List.of(), null, null)));
        List<String> problems = new ArrayList<>();
        List<RunRecord> records = log.read(problems);
        assertEquals(1, records.size());
        assertEquals("r1", records.get(0).runId());
        assertEquals(1, problems.size(), "the cut line is reported");
    }
}
