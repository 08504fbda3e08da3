package io.tablewise.flow.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tablewise.flow.Flow;

/** What the writer saves, the reader opens: both apply the same limits, and the writer checks before writing. */
class FlowLimitsTest {
    @TempDir
    Path dir;

    @Test
    void aFlowWithATextLongerThanTheLimitIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path file = dir.resolve("f.flow");
        Flow small = new Flow("f", "", Map.of("note", "short"), List.of(), List.of());
        new FlowWriter().save(small, file);
        String before = Files.readString(file);
        Flow huge = new Flow("f", "", Map.of("note", "x".repeat(FlowFormat.MAX_STRING_CHARS + 1)), List.of(),
                List.of());
        IOException e = assertThrows(IOException.class, () -> new FlowWriter().save(huge, file));
        assertTrue(e.getMessage().contains("could not be opened again"), e.getMessage());
        assertEquals(before, Files.readString(file), "the saved flow is untouched");
    }

    @Test
    void aTextJustBelowTheLimitSavesAndOpensAgain() throws Exception {
        Path file = dir.resolve("f.flow");
        String big = "가".repeat(20_000_001);
        new FlowWriter().save(new Flow("f", "", Map.of("note", big), List.of(), List.of()), file);
        assertEquals(big, new FlowReader().read(file).parameters().get("note"));
    }
}
