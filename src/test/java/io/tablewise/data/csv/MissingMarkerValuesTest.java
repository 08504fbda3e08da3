package io.tablewise.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

import io.tablewise.node.ProgressMonitor;

/**
 * The smallest int and the smallest long are the table library's marks for a missing value: in a file they are
 * values, and are kept as values (a wider column), never read as blanks — whatever else the column holds, and
 * whether they come first or after many rows (the fast path and the classifying path).
 */
class MissingMarkerValuesTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 3000})
    void theLibrarysMissingMarksInAFileStayValues(int rowsBefore) throws Exception {
        StringBuilder csv = new StringBuilder("i,l,mixed\n");
        for (int r = 0; r < rowsBefore; r++) {
            csv.append(r).append(',').append(r).append(',').append(r).append('\n');
        }
        csv.append("-2147483648,-9223372036854775808,-2147483648\n");
        csv.append("7,8,0.5\n");
        Table t = new DelimitedReader().read(csv.toString().getBytes(StandardCharsets.UTF_8), "m.csv",
                CsvOptions.defaults(), ProgressMonitor.NONE).table();
        int row = rowsBefore;
        for (String c : new String[] {"i", "l", "mixed"}) {
            assertFalse(t.column(c).isMissing(row), c + " is not blank");
        }
        assertEquals(-2147483648L, ((NumericColumn<?>) t.column("i")).getDouble(row), 0.0);
        assertEquals(-9223372036854775808.0, ((NumericColumn<?>) t.column("l")).getDouble(row), 0.0);
        assertEquals(-2147483648.0, ((NumericColumn<?>) t.column("mixed")).getDouble(row), 0.0);
        assertEquals(0, t.column("i").countMissing());
        assertEquals(0, t.column("l").countMissing());
    }
}
