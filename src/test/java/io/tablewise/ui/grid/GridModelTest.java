package io.tablewise.ui.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class GridModelTest {
    private final Table table = Table.create("t",
            DoubleColumn.create("x", 3.0, Double.NaN, 1.0, 2.0, 10.0),
            StringColumn.create("s", "서울", "부산", "", "서울", "대구"));
    private final GridModel model = new GridModel(table);

    @Test
    void sortsNumbersBothWaysWithMissingValuesLast() {
        assertArrayEquals(new int[] {2, 3, 0, 4, 1}, model.sorted(null, 0, true, () -> false));
        assertArrayEquals(new int[] {4, 0, 3, 2, 1}, model.sorted(null, 0, false, () -> false));
        assertArrayEquals(new int[] {4, 1, 0, 3, 2}, model.sorted(null, 1, true, () -> false));
        assertNull(model.sorted(null, 0, true, () -> true));
    }

    @Test
    void filterKeepsRowsWhereSomeCellContainsEveryWordInTheViewOrder() {
        assertArrayEquals(new int[] {0, 3}, model.filtered(null, "서울", () -> false));
        assertArrayEquals(new int[] {3, 0}, model.filtered(new int[] {2, 3, 0, 4, 1}, "서울", () -> false));
        assertArrayEquals(new int[] {4}, model.filtered(null, "10 대구", () -> false));
        assertEquals(0, model.filtered(null, "nothing", () -> false).length);
    }

    @Test
    void histogramsAreEqualWidthBinsForNumbersAndTopValuesForText() {
        double[] bars = model.histogram(0);
        assertEquals(16, bars.length);
        // 1, 2, 3 fall in the first two bins of [1, 10] (width 0.5625): bin 0 holds 1, bin 1 holds 2, bin 3 holds 3
        assertEquals(1.0, bars[0]);
        assertEquals(1.0, bars[1]);
        assertEquals(1.0, bars[3]);
        assertEquals(1.0, bars[15]);
        assertEquals(4.0, java.util.Arrays.stream(bars).sum());
        assertArrayEquals(new double[] {1.0, 0.5, 0.5}, model.histogram(1));
        assertEquals("", model.cell(0, 1));
        assertEquals("decimal", model.typeName(0));
        assertEquals("text", model.typeName(1));
    }

    @Test
    void datesAreBinnedByDayNotCountedAsText() {
        Table dates = Table.create("d", tech.tablesaw.api.DateColumn.create("when",
                java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 1, 2),
                java.time.LocalDate.of(2026, 1, 17)));
        double[] bars = new GridModel(dates).histogram(0);
        assertEquals(16, bars.length);
        // 16 days over 16 bins: day 0 and day 1 fall in bins 0 and 1, day 16 in the last
        assertEquals(1.0, bars[0]);
        assertEquals(1.0, bars[1]);
        assertEquals(1.0, bars[15]);
        assertEquals("date", new GridModel(dates).typeName(0));
    }
}
