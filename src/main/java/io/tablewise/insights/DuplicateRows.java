package io.tablewise.insights;

import java.util.ArrayList;
import java.util.List;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrays;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.strings.DictionaryMap;

import io.tablewise.ml.Values;

/**
 * Exact duplicate rows: rows are grouped by a 64-bit hash of their values, and rows in a group are compared
 * value by value, so a hash collision never counts as a duplicate.
 */
final class DuplicateRows {
    /**
     * What was found.
     *
     * @param duplicates rows identical to an earlier row
     * @param groups the most duplicated rows, most copies first
     */
    record Result(long duplicates, List<RowSample> groups) {
    }

    private DuplicateRows() {
    }

    static Result find(Table table, int showGroups) {
        int rows = table.rowCount();
        List<Column<?>> columns = table.columns();
        long[] hashes = new long[rows];
        for (Column<?> c : columns) {
            mix(c, hashes);
        }
        // Sort a copy of the hashes (radix, linear time); only hashes seen twice need the rows behind them.
        long[] sortedHashes = hashes.clone();
        LongArrays.radixSort(sortedHashes);
        LongOpenHashSet repeated = new LongOpenHashSet();
        for (int i = 1; i < rows; i++) {
            if (sortedHashes[i] == sortedHashes[i - 1]) {
                repeated.add(sortedHashes[i]);
            }
        }
        Long2ObjectOpenHashMap<IntArrayList> candidates = new Long2ObjectOpenHashMap<>();
        for (int r = 0; r < rows; r++) {
            if (repeated.contains(hashes[r])) {
                candidates.computeIfAbsent(hashes[r], h -> new IntArrayList()).add(r);
            }
        }
        long duplicates = 0;
        List<long[]> groups = new ArrayList<>();
        for (IntArrayList group : candidates.values()) {
            duplicates += countExact(table, group.toIntArray(), 0, group.size(), groups);
        }
        groups.sort((a, b) -> a[1] != b[1] ? Long.compare(b[1], a[1]) : Long.compare(a[0], b[0]));
        List<RowSample> shown = new ArrayList<>();
        for (long[] g : groups.subList(0, Math.min(showGroups, groups.size()))) {
            shown.add(new RowSample(g[0], rowValues(table, (int) g[0]), g[1], g[1] + " identical rows"));
        }
        return new Result(duplicates, shown);
    }

    /** Within rows order[from..to) of equal hash: duplicates of an earlier equal row; records groups. */
    private static long countExact(Table table, int[] order, int from, int to, List<long[]> groups) {
        long duplicates = 0;
        boolean[] used = new boolean[to - from];
        for (int a = from; a < to; a++) {
            if (used[a - from]) {
                continue;
            }
            long copies = 1;
            for (int b = a + 1; b < to; b++) {
                if (!used[b - from] && sameRow(table, order[a], order[b])) {
                    used[b - from] = true;
                    copies++;
                }
            }
            if (copies > 1) {
                duplicates += copies - 1;
                groups.add(new long[] {order[a], copies});
            }
        }
        return duplicates;
    }

    /**
     * Mixes one column's raw values into the row hashes, one typed loop per column (no per-cell type checks, no
     * numbers formatted as text). Missing values hash alike in every type.
     */
    private static void mix(Column<?> c, long[] hashes) {
        int rows = hashes.length;
        if (c instanceof NumberColumn<?, ?> n) {
            for (int r = 0; r < rows; r++) {
                double v = n.getDouble(r);
                add(hashes, r, Double.isNaN(v) ? MISSING : Double.doubleToLongBits(v));
            }
        } else if (c instanceof DateColumn d) {
            for (int r = 0; r < rows; r++) {
                add(hashes, r, d.isMissing(r) ? MISSING : d.getIntInternal(r));
            }
        } else if (c instanceof DateTimeColumn dt) {
            for (int r = 0; r < rows; r++) {
                add(hashes, r, dt.isMissing(r) ? MISSING : dt.getLongInternal(r));
            }
        } else if (c instanceof BooleanColumn b) {
            for (int r = 0; r < rows; r++) {
                add(hashes, r, b.isMissing(r) ? MISSING : b.getByte(r));
            }
        } else if (c instanceof StringColumn s && DictionaryKeys.hasKeys(s)) {
            // Dictionary keys identify values within a column without touching the strings.
            DictionaryMap dictionary = s.getDictionary();
            for (int r = 0; r < rows; r++) {
                String v = s.get(r);
                add(hashes, r, v.isBlank() ? MISSING : dictionary.getKeyForIndex(r));
            }
        } else {
            for (int r = 0; r < rows; r++) {
                add(hashes, r, c.isMissing(r) ? MISSING : c.getString(r).hashCode());
            }
        }
    }

    private static final long MISSING = 0x9E3779B97F4A7C15L;

    private static void add(long[] hashes, int r, long value) {
        hashes[r] = (hashes[r] ^ (value * 0xC2B2AE3D27D4EB4FL)) * 0x100000001B3L + 0x632BE59BD9B4E019L;
    }

    private static boolean sameRow(Table table, int a, int b) {
        for (Column<?> c : table.columns()) {
            String x = Values.label(c, a);
            String y = Values.label(c, b);
            if (x == null ? y != null : !x.equals(y)) {
                return false;
            }
        }
        return true;
    }

    static List<String> rowValues(Table table, int row) {
        List<String> values = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            String v = Values.label(c, row);
            values.add(v == null ? "" : v);
        }
        return values;
    }
}
