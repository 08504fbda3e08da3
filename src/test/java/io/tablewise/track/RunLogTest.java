package io.tablewise.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run log keeps the model and the leaderboard, and still reads records written before it did. */
class RunLogTest {
    @TempDir
    Path dir;

    @Test
    void recordsRoundTripAndOlderRecordsStillRead() throws Exception {
        RunLog log = new RunLog(dir);
        Map<String, Object> model = Map.of("algorithm", "random forest (XGBoost forest mode)",
                "settings", Map.of("algorithm", "forest", "trees", 100));
        RunRecord now = new RunRecord("20261130-120000-1", "2026-11-30T12:00:00", "f.flow", "model", "y", "binary",
                Map.of("rows", 10), Map.of("model.seed", "42"), Map.of("auc", 0.8), 1.5, List.of(), model,
                List.of(Map.of("rank", 1, "family", "forest")), null, null);
        log.append(List.of(now));
        // a line as Tablewise wrote it before the model and the leaderboard were kept
        Files.writeString(log.file(), "{\"runId\":\"20261101-090000-1\",\"time\":\"2026-11-01T09:00:00\","
                + "\"flow\":\"f.flow\",\"node\":\"model\",\"target\":\"y\",\"problemType\":\"binary\",\"data\":{},"
                + "\"parameters\":{},\"metrics\":{\"auc\":0.79},\"seconds\":2.0,\"artifacts\":[]}\n",
                java.nio.file.StandardOpenOption.APPEND);
        List<String> problems = new ArrayList<>();
        List<RunRecord> read = log.read(problems);
        assertEquals(List.of(), problems);
        assertEquals(2, read.size());
        assertEquals("forest", read.get(0).algorithm());
        assertEquals(1, read.get(0).leaderboard().size());
        assertEquals("random forest (XGBoost forest mode)", read.get(0).model().get("algorithm"));
        assertEquals("", read.get(1).algorithm());
        assertNull(read.get(1).leaderboard());
        // the algorithm() shortcut is not written as a field of its own
        String first = Files.readAllLines(log.file()).get(0);
        assertTrue(!new com.fasterxml.jackson.databind.ObjectMapper().readTree(first).has("algorithm"), first);
    }
}
