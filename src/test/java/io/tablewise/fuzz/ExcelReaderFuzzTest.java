package io.tablewise.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.tablewise.data.DataFiles;
import io.tablewise.node.NodeException;
import io.tablewise.node.ProgressMonitor;

/** Any bytes given as an Excel workbook are read as a table or refused with a message. */
public class ExcelReaderFuzzTest {
    @FuzzTest(maxDuration = Fuzzing.SHORT)
    void anyBytesAreATableOrARefusal(byte[] data) {
        fuzzerTestOneInput(data);
    }

    /** The entry point for {@code -P fuzz}. */
    public static void fuzzerTestOneInput(byte[] data) {
        try {
            DataFiles.read(Fuzzing.file("fuzz.xlsx", data), ProgressMonitor.NONE);
        } catch (NodeException e) {
            Fuzzing.expectMessage(e);
        }
    }
}
