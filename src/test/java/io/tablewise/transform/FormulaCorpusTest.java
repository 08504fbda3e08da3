package io.tablewise.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.node.TableSchema;
import io.tablewise.node.TablesawInit;
import io.tablewise.transform.formula.Formula;
import io.tablewise.transform.formula.FormulaException;

/**
 * The formula language against a corpus of expressions with hand-written expected values or errors (including
 * attempts to reach Java classes, files and the network, which must be refused as unknown functions or
 * characters): src/test/resources/formula/corpus.txt.
 */
class FormulaCorpusTest {
    record Case(int line, String formula, String expected) {
        @Override
        public String toString() {
            return line + ": " + formula;
        }
    }

    static Table table() {
        TablesawInit.ensure();
        IntColumn age = IntColumn.create("age", 4);
        age.set(0, 30);
        age.set(1, 45);
        age.setMissing(2);
        age.set(3, 22);
        DoubleColumn fee = DoubleColumn.create("fee", 10.5, 20, 7.25, Double.NaN);
        StringColumn name = StringColumn.create("name", "김민준", " Lee ", null, "park");
        DateColumn joined = DateColumn.create("joined", LocalDate.of(2024, 1, 15), LocalDate.of(2023, 12, 31), null,
                LocalDate.of(2024, 2, 29));
        BooleanColumn active = BooleanColumn.create("active", 4);
        active.set(0, true);
        active.set(1, false);
        active.set(2, true);
        active.setMissing(3);
        DoubleColumn monthly = DoubleColumn.create("monthly fee", 1, 2, 3, 4);
        return Table.create("t", age, fee, name, joined, active, monthly);
    }

    static Stream<Case> corpus() throws IOException {
        List<Case> out = new ArrayList<>();
        try (InputStream in = FormulaCorpusTest.class.getResourceAsStream("/formula/corpus.txt")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i];
                if (l.startsWith("#") || l.isBlank()) {
                    continue;
                }
                int at = l.indexOf("  =>  ");
                out.add(new Case(i + 1, l.substring(0, at), l.substring(at + 6)));
            }
        }
        return out.stream();
    }

    static String show(Column<?> c, int row) {
        if (c.isMissing(row)) {
            return "null";
        }
        if (c instanceof DoubleColumn d) {
            double v = Math.round(d.get(row) * 1e6) / 1e6;
            return v == Math.rint(v) ? Long.toString((long) v)
                    : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        }
        return c.getString(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void evaluatesOrFailsAsExpected(Case c) {
        Table t = table();
        try {
            Formula f = Formula.compile(c.formula(), TableSchema.of(t));
            if (c.expected().startsWith("ERROR")) {
                fail("expected an error for " + c.formula() + " but got " + f.kind());
            }
            Column<?> result = f.evaluate(t, "r");
            List<String> values = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                values.add(show(result, i));
            }
            assertEquals(c.expected(), String.join(" | ", values), c.formula());
        } catch (FormulaException e) {
            if (!c.expected().startsWith("ERROR")) {
                fail(c.formula() + " failed: " + e.describe());
            }
            String[] parts = c.expected().substring(6).split(": ", 2);
            assertEquals(Integer.parseInt(parts[0]), e.position(), c.formula() + " -> " + e.describe());
            assertTrue(e.getMessage().contains(parts[1]), c.formula() + " -> " + e.getMessage());
        }
    }

    @Test
    void theCorpusIsLargeEnough() throws IOException {
        assertTrue(corpus().count() >= 60);
    }
}
