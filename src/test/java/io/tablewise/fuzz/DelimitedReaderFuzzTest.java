package io.tablewise.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.data.ImportException;
import io.tablewise.node.ProgressMonitor;

/** Any bytes given as delimited text are read as a table or refused with a message. */
public class DelimitedReaderFuzzTest {
    @FuzzTest(maxDuration = Fuzzing.SHORT)
    void anyBytesAreATableOrARefusal(byte[] data) {
        fuzzerTestOneInput(data);
    }

    /** The entry point for {@code -P fuzz}. */
    public static void fuzzerTestOneInput(byte[] data) {
        try {
            new DelimitedReader().read(data, "fuzz.csv", CsvOptions.defaults(), ProgressMonitor.NONE);
        } catch (ImportException e) {
            Fuzzing.expectMessage(e);
        }
    }
}
