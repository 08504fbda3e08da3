package io.tablewise.spark;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

import org.apache.spark.sql.Row;

/**
 * A part of a Spark table handed to Tablewise's code a slice at a time, so an executor holds one slice as a table
 * instead of its whole part (a part can hold tens of millions of rows after a shuffle by a few groups). A slice
 * ends only where the group changes — the part must be sorted by its groups — so a window transform or a model's
 * window steps still see each group whole; without groups (row transforms, scoring) a slice ends at the size.
 */
final class PartSlices {
    /**
     * Rows per slice, about: enough to make the per-slice overhead negligible, small enough to stay well in memory
     * (the system property {@code tablewise.sliceRows} changes it, for tests that want many slices of a small table).
     */
    static int rows() {
        return Integer.getInteger("tablewise.sliceRows", 65_536);
    }

    private PartSlices() {
    }

    /** Tablewise's work on one slice: its rows (each handed over once, then let go) to the rows out. */
    interface Work {
        Iterator<Row> apply(Iterator<Row> slice) throws Exception;
    }

    /**
     * The rows in, each slice through {@code work}, the rows out, lazily.
     *
     * @param rows a part's rows (sorted by the groups when there are any)
     * @param groups the positions of the group columns in a row; empty when any cut will do, null when the whole part
     *     is one group (never cut)
     * @param work one slice to its output rows
     */
    static Iterator<Row> map(Iterator<Row> rows, int[] groups, Work work) {
        return new Iterator<>() {
            private Row pending;
            private Iterator<Row> done = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!done.hasNext() && (pending != null || rows.hasNext())) {
                    try {
                        done = work.apply(draining(nextSlice()));
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) { // Spark's task failure keeps the message, which names what went wrong
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                }
                return done.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return done.next();
            }

            private java.util.ArrayDeque<Row> nextSlice() {
                java.util.ArrayDeque<Row> slice = new java.util.ArrayDeque<>();
                int size = rows();
                if (pending != null) {
                    slice.add(pending);
                    pending = null;
                }
                while (rows.hasNext()) {
                    Row r = rows.next();
                    if (groups != null && slice.size() >= size && (groups.length == 0
                            || !sameGroup(groups, slice.peekLast(), r))) {
                        pending = r;
                        break;
                    }
                    slice.add(r);
                }
                return slice;
            }
        };
    }

    /** The rows, each removed as it is handed over, so a slice's rows are let go as its table is built. */
    private static Iterator<Row> draining(java.util.ArrayDeque<Row> rows) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !rows.isEmpty();
            }

            @Override
            public Row next() {
                if (rows.isEmpty()) {
                    throw new NoSuchElementException();
                }
                return rows.poll();
            }
        };
    }

    /** Whether two rows are of one group: equal values in the group columns, blank text and NaN being missing. */
    static boolean sameGroup(int[] groups, Row a, Row b) {
        for (int g : groups) {
            if (!Objects.equals(missingAsNull(a.get(g)), missingAsNull(b.get(g)))) {
                return false;
            }
        }
        return true;
    }

    private static Object missingAsNull(Object v) {
        return v instanceof String s && s.isBlank() || v instanceof Double d && d.isNaN() ? null : v;
    }
}
