package io.tablewise.ui.grid;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

import it.unimi.dsi.fastutil.ints.IntArrays;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A read-only view of a table for the data grid: the order of rows after the view's sort and filter (which never
 * change the flow), cell text, and a tiny histogram per column for the header. Plain Java, so it is tested
 * without a window; the expensive parts (sort, filter) take a cancellation check and run off the JavaFX thread.
 */
public final class GridModel {
    private static final int HISTOGRAM_SAMPLE = 20_000;
    private static final int NUMERIC_BINS = 16;
    private static final int TOP_VALUES = 8;

    private final Table table;

    /** A view of {@code table}. */
    public GridModel(Table table) {
        this.table = table;
    }

    /** The table. */
    public Table table() {
        return table;
    }

    /** The text of a cell ("" when missing). */
    public String cell(int column, int row) {
        Column<?> c = table.column(column);
        return c.isMissing(row) ? "" : c.getString(row);
    }

    /** True when the cell has no value. */
    public boolean isMissing(int column, int row) {
        return table.column(column).isMissing(row);
    }

    /** A short name of a column's type: integer, decimal, text, date… */
    public String typeName(int column) {
        ColumnType t = table.column(column).type();
        String name = t.name().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "integer", "long", "short" -> "integer";
            case "double", "float" -> "decimal";
            case "string", "text" -> "text";
            case "local_date" -> "date";
            case "local_date_time" -> "datetime";
            case "local_time" -> "time";
            default -> name;
        };
    }

    /** True for numeric columns (right-aligned in the grid). */
    public boolean isNumeric(int column) {
        return table.column(column) instanceof NumericColumn<?>;
    }

    /**
     * Row order sorted by a column (missing values last in either direction), stable, or {@code null} when
     * cancelled.
     */
    public int[] sorted(int[] rows, int column, boolean ascending, BooleanSupplier cancelled) {
        int[] order = rows == null ? identity(table.rowCount()) : rows.clone();
        Column<?> c = table.column(column);
        it.unimi.dsi.fastutil.ints.IntComparator cmp;
        if (c instanceof NumericColumn<?> n) {
            double[] values = new double[table.rowCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = n.isMissing(i) ? Double.NaN : n.getDouble(i);
            }
            cmp = (a, b) -> compareMissingLast(values[a], values[b], ascending);
        } else {
            String[] values = new String[table.rowCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = c.isMissing(i) ? null : c.getString(i);
            }
            cmp = (a, b) -> {
                if (values[a] == null || values[b] == null) {
                    return values[a] == null ? (values[b] == null ? 0 : 1) : -1;
                }
                int r = values[a].compareTo(values[b]);
                return ascending ? r : -r;
            };
        }
        if (cancelled.getAsBoolean()) {
            return null;
        }
        IntArrays.mergeSort(order, cmp);
        return cancelled.getAsBoolean() ? null : order;
    }

    private static int compareMissingLast(double a, double b, boolean ascending) {
        boolean ma = Double.isNaN(a);
        boolean mb = Double.isNaN(b);
        if (ma || mb) {
            return ma == mb ? 0 : ma ? 1 : -1;
        }
        int r = Double.compare(a, b);
        return ascending ? r : -r;
    }

    /**
     * The rows (in {@code order}, all rows when null) where some cell contains every word of {@code query},
     * ignoring case; {@code null} when cancelled.
     */
    public int[] filtered(int[] order, String query, BooleanSupplier cancelled) {
        String[] words = query.strip().toLowerCase(Locale.ROOT).split("\\s+");
        int n = table.rowCount();
        int[] out = new int[n];
        int count = 0;
        int columns = table.columnCount();
        for (int i = 0; i < n; i++) {
            if ((i & 4095) == 0 && cancelled.getAsBoolean()) {
                return null;
            }
            int row = order == null ? i : order[i];
            boolean all = true;
            for (String w : words) {
                boolean found = false;
                for (int c = 0; c < columns && !found; c++) {
                    found = cell(c, row).toLowerCase(Locale.ROOT).contains(w);
                }
                if (!found) {
                    all = false;
                    break;
                }
            }
            if (all) {
                out[count++] = row;
            }
        }
        return Arrays.copyOf(out, count);
    }

    /**
     * Bar heights in [0, 1] for the column header: equal-width bins for numbers, the most frequent values (then
     * "other") for the rest; computed on an evenly spaced sample of at most 20,000 rows.
     */
    public double[] histogram(int column) {
        Column<?> c = table.column(column);
        int n = table.rowCount();
        if (n == 0) {
            return new double[0];
        }
        int step = Math.max(1, n / HISTOGRAM_SAMPLE);
        double[] counts;
        java.util.function.IntToDoubleFunction value = numericValue(c);
        if (value != null) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i += step) {
                if (!c.isMissing(i)) {
                    min = Math.min(min, value.applyAsDouble(i));
                    max = Math.max(max, value.applyAsDouble(i));
                }
            }
            if (min > max) {
                return new double[0];
            }
            counts = new double[min == max ? 1 : NUMERIC_BINS];
            for (int i = 0; i < n; i += step) {
                if (!c.isMissing(i)) {
                    int bin = min == max ? 0 : (int) ((value.applyAsDouble(i) - min) / (max - min) * counts.length);
                    counts[Math.min(counts.length - 1, bin)]++;
                }
            }
        } else {
            Map<String, Integer> freq = new HashMap<>();
            for (int i = 0; i < n; i += step) {
                if (!c.isMissing(i)) {
                    freq.merge(c.getString(i), 1, Integer::sum);
                }
            }
            List<Integer> top = freq.values().stream().sorted((a, b) -> b - a).toList();
            int shown = Math.min(TOP_VALUES, top.size());
            counts = new double[shown + (top.size() > shown ? 1 : 0)];
            for (int i = 0; i < shown; i++) {
                counts[i] = top.get(i);
            }
            if (top.size() > shown) {
                counts[shown] = top.subList(shown, top.size()).stream().mapToInt(Integer::intValue).sum();
            }
        }
        double peak = Arrays.stream(counts).max().orElse(1);
        for (int i = 0; i < counts.length; i++) {
            counts[i] = peak == 0 ? 0 : counts[i] / peak;
        }
        return counts;
    }

    /** Numbers, dates and date-times have an order and a distance: they get bins. */
    private static java.util.function.IntToDoubleFunction numericValue(Column<?> c) {
        if (c instanceof NumericColumn<?> num) {
            return num::getDouble;
        }
        if (c instanceof tech.tablesaw.api.DateColumn d) {
            return i -> d.get(i).toEpochDay();
        }
        if (c instanceof tech.tablesaw.api.DateTimeColumn d) {
            return i -> d.get(i).toEpochSecond(java.time.ZoneOffset.UTC);
        }
        return null;
    }

    static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }
}
