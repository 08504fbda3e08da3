package io.tablewise.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** A part handed over in slices: every row once, in order; groups never cut; slices bounded. */
class PartSlicesTest {
    /** Rows (group, i): groups of 1 to 40,000 rows, sorted by group. */
    private static List<Row> part() {
        List<Row> rows = new ArrayList<>();
        java.util.Random rnd = new java.util.Random(7);
        int i = 0;
        for (int g = 0; g < 30; g++) {
            int size = 1 + rnd.nextInt(40_000);
            for (int k = 0; k < size; k++) {
                rows.add(RowFactory.create(g == 3 ? null : "g" + g, i++));
            }
        }
        return rows;
    }

    private static List<List<Row>> slices(List<Row> rows, int[] groups) {
        List<List<Row>> seen = new ArrayList<>();
        Iterator<Row> out = PartSlices.map(rows.iterator(), groups, slice -> {
            List<Row> s = new ArrayList<>();
            slice.forEachRemaining(s::add);
            seen.add(s);
            return s.iterator();
        });
        List<Row> all = new ArrayList<>();
        out.forEachRemaining(all::add);
        assertEquals(rows, all, "every row once, in order");
        return seen;
    }

    @Test
    void groupsAreNeverCutAndSlicesEndSoonAfterTheSize() {
        List<Row> rows = part();
        List<List<Row>> slices = slices(rows, new int[] {0});
        assertTrue(slices.size() > 3, "the part was sliced: " + slices.size());
        Set<Object> finished = new HashSet<>();
        for (List<Row> s : slices) {
            Object last = s.get(s.size() - 1).get(0);
            Set<Object> here = new HashSet<>();
            s.forEach(r -> here.add(r.get(0)));
            here.forEach(g -> assertTrue(finished.add(g == null ? "missing" : g), "group " + g + " cut in two"));
            // a slice grows past the size only to finish the group it is in
            long beforeLast = s.stream().filter(r -> !java.util.Objects.equals(r.get(0), last)).count();
            assertTrue(beforeLast < PartSlices.rows(), "slice kept growing after its size: " + s.size());
        }
    }

    @Test
    void withoutGroupsEverySliceHasTheSizeButTheLastAndNullMeansOneSlice() {
        List<Row> rows = part();
        List<List<Row>> slices = slices(rows, new int[0]);
        for (int i = 0; i < slices.size() - 1; i++) {
            assertEquals(PartSlices.rows(), slices.get(i).size());
        }
        assertEquals(rows.size(), slices.stream().mapToInt(List::size).sum());
        assertEquals(1, slices(rows, null).size());
        assertEquals(0, slices(List.of(), new int[0]).size(), "an empty part calls nothing");
    }
}
