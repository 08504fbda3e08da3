package io.tablewise;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import tech.tablesaw.api.Table;

import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.node.ProgressMonitor;

/** The real datasets in {@code ../shared/data}; tests that use them are skipped, saying so, when it is absent. */
public final class SharedData {
    /** The words every skip for want of the shared data contains ({@link SharedDataSkips} counts them). */
    static final String ABSENT = "is absent; clone the project beside ../shared";

    private SharedData() {
    }

    /** The path of a shared dataset, or a skipped test when it is absent. */
    public static Path file(String name) {
        Path file = Path.of("..", "shared", "data", name);
        assumeTrue(Files.isRegularFile(file), "SKIPPED: " + file.toAbsolutePath().normalize()
                + " " + ABSENT + " to run the tests on the real datasets");
        return file;
    }

    /** A shared dataset read by Tablewise's own reader. */
    public static Table table(String name) throws Exception {
        return new DelimitedReader().read(file(name), CsvOptions.defaults(), ProgressMonitor.NONE).table();
    }
}
