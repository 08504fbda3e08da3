package io.tablewise.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.tablewise.data.DataFiles;
import io.tablewise.node.NodeException;
import io.tablewise.node.ProgressMonitor;

/** Any bytes given as JSON Lines are read as a table or refused with a message. */
public class JsonLinesReaderFuzzTest {
    @FuzzTest(maxDuration = Fuzzing.SHORT)
    void anyBytesAreATableOrARefusal(byte[] data) {
        fuzzerTestOneInput(data);
    }

    /** The entry point for {@code -P fuzz}. */
    public static void fuzzerTestOneInput(byte[] data) {
        try {
            DataFiles.read(Fuzzing.file("fuzz.jsonl", data), ProgressMonitor.NONE);
        } catch (NodeException e) {
            Fuzzing.expectMessage(e);
        }
    }
}
