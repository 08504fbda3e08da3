package io.tablewise.fuzz;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.tablewise.flow.json.FlowFormatException;
import io.tablewise.flow.json.FlowReader;
import io.tablewise.flow.json.FlowWriter;

/**
 * Any text given as a flow file is read or refused with a {@link FlowFormatException}; nothing else escapes. What
 * is read is written back and read again to the same flow (the writer and the reader agree).
 */
public class FlowReaderFuzzTest {
    @FuzzTest(maxDuration = Fuzzing.SHORT)
    void anyTextIsReadOrRefusedWithAMessage(byte[] data) {
        fuzzerTestOneInput(data);
    }

    /** The entry point for {@code -P fuzz} (Jazzer's command line). */
    public static void fuzzerTestOneInput(byte[] data) {
        io.tablewise.flow.Flow flow;
        try {
            flow = new FlowReader().read(new String(data, StandardCharsets.UTF_8), "fuzz.flow");
        } catch (FlowFormatException e) {
            Fuzzing.expectMessage(e);
            return;
        }
        String json = new FlowWriter().toJson(flow);
        try {
            if (!new FlowReader().read(json, "again.flow").equals(flow)) {
                throw new AssertionError("a flow read back from its own JSON differs:\n" + json);
            }
        } catch (FlowFormatException e) {
            throw new AssertionError("a flow that was read cannot be read again after writing: " + e.getMessage());
        }
    }
}
