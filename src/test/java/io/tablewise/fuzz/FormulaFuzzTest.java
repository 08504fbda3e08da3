package io.tablewise.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import io.tablewise.node.TableSchema;
import io.tablewise.transform.formula.Formula;
import io.tablewise.transform.formula.FormulaException;

/**
 * Any formula text is compiled and evaluated on a small table with numbers, text (Korean included), dates and blanks,
 * or refused with a {@link FormulaException} that has a message; evaluation itself never throws.
 */
public class FormulaFuzzTest {
    private static final Table TABLE = table();

    @FuzzTest(maxDuration = Fuzzing.SHORT)
    void anyFormulaEvaluatesOrIsRefused(FuzzedDataProvider data) {
        fuzzerTestOneInput(data);
    }

    /** The entry point for {@code -P fuzz}. */
    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        Formula f;
        try {
            f = Formula.compile(text, TableSchema.of(TABLE));
        } catch (FormulaException e) {
            Fuzzing.expectMessage(e);
            return;
        }
        f.evaluate(TABLE, "out");
    }

    private static Table table() {
        DoubleColumn x = DoubleColumn.create("x", 1.5, -2, 0, Double.NaN, 1e300);
        StringColumn s = StringColumn.create("s", "서울", "", "abc", "1e5", "=cmd");
        DateColumn d = DateColumn.create("d");
        d.append(java.time.LocalDate.of(2020, 1, 31));
        d.appendMissing();
        d.append(java.time.LocalDate.of(1, 1, 1));
        d.append(java.time.LocalDate.of(9999, 12, 31));
        d.append(java.time.LocalDate.of(2024, 2, 29));
        return Table.create("t", x, s, d);
    }
}
