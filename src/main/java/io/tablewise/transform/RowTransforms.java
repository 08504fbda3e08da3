package io.tablewise.transform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.BitmapBackedSelection;
import tech.tablesaw.selection.Selection;

import io.tablewise.ml.RowSampler;
import io.tablewise.ml.Values;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.TableSchema;

/** The rows group: drop duplicates, sort, sample, top-N and drop rows with missing values (filter: formulas). */
final class RowTransforms {
    private RowTransforms() {
    }

    static List<Transform> all() {
        return List.of(new Dedupe(), new Sort(), new Sample(), new TopN(), new DropMissing());
    }

    /** The rows whose flag is {@code !dropFlagged} (flags true = drop when {@code dropFlagged}). */
    static Table keep(Table t, boolean[] flags, boolean dropFlagged) {
        boolean any = false;
        for (boolean f : flags) {
            any |= f;
        }
        if (!any && dropFlagged) {
            return t;
        }
        Selection s = new BitmapBackedSelection();
        for (int i = 0; i < flags.length; i++) {
            if (flags[i] != dropFlagged) {
                s.add(i);
            }
        }
        return t.where(s);
    }

    /** Rows in the given order. */
    static Table rows(Table t, int[] rows) {
        return Columns.gather(t, rows);
    }

    /** A comparator of rows by one column: missing last, numbers by value, others by text. */
    static Comparator<Integer> byColumn(Column<?> c, boolean descending) {
        Comparator<Integer> present;
        if (c instanceof NumberColumn<?, ?> n) {
            present = Comparator.comparingDouble(n::getDouble);
        } else if (Values.orderable(c)) {
            present = Comparator.comparingDouble(r -> Values.number(c, r));
        } else {
            present = Comparator.comparing(r -> Values.label(c, r));
        }
        Comparator<Integer> ordered = descending ? present.reversed() : present;
        return (a, b) -> {
            boolean ma = MissingTransforms.isMissing(c, a);
            boolean mb = MissingTransforms.isMissing(c, b);
            if (ma || mb) {
                return ma == mb ? 0 : ma ? 1 : -1;
            }
            return ordered.compare(a, b);
        };
    }

    static final class Dedupe implements Transform {
        @Override
        public TransformSpec spec() {
            return new TransformSpec("rows", "drop-duplicates", "Drop duplicate rows", "Keeps the first of rows "
                    + "that are equal in all columns, or in the chosen key columns.", List.of(
                    Params.columns("columns", "Key columns", "Rows equal in these columns are duplicates (empty: "
                            + "all columns)."),
                    Params.choice("keep", "Keep", "Which copy to keep.", "first", "last")));
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            Columns.chosen(input, p, "columns", false);
            return input;
        }

        @Override
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context)
                throws NodeException {
            List<Column<?>> cols = Columns.namedOrAll(input, Columns.chosen(TableSchema.of(input), p, "columns",
                    false));
            boolean last = p.string("keep", "first").equals("last");
            int n = input.rowCount();
            boolean[] drop = new boolean[n];
            Set<List<String>> seen = new HashSet<>();
            for (int k = 0; k < n; k++) {
                int i = last ? n - 1 - k : k;
                drop[i] = !seen.add(Columns.rowKey(cols, i));
            }
            Table out = keep(input, drop, true);
            if (out.rowCount() < n) {
                context.warn(String.format(Locale.ROOT, "%,d duplicate rows removed", n - out.rowCount()));
            }
            return out;
        }
    }

    static final class Sort implements Transform {
        @Override
        public TransformSpec spec() {
            return new TransformSpec("rows", "sort", "Sort rows", "Sorts rows by one or more columns (the first "
                    + "decides, the next break ties); missing values go last; the sort is stable.", List.of(
                    Params.requiredColumns("columns", "Sort by", "The columns to sort by, most important first."),
                    Params.bool("descending", "Descending", false, "Largest first.")));
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            if (Columns.chosen(input, p, "columns", false).isEmpty()) {
                throw new NodeException("columns", "choose a column to sort by");
            }
            return input;
        }

        @Override
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context)
                throws NodeException {
            Comparator<Integer> order = null;
            for (String n : Columns.chosen(TableSchema.of(input), p, "columns", false)) {
                Comparator<Integer> next = byColumn(input.column(n), p.bool("descending", false));
                order = order == null ? next : order.thenComparing(next);
            }
            Integer[] rows = new Integer[input.rowCount()];
            Arrays.setAll(rows, i -> i);
            Arrays.sort(rows, order);
            return rows(input, Arrays.stream(rows).mapToInt(Integer::intValue).toArray());
        }
    }

    static final class Sample implements Transform {
        @Override
        public TransformSpec spec() {
            return new TransformSpec("rows", "sample", "Sample rows", "Keeps a seeded random sample of rows: a "
                    + "count or a fraction, optionally stratified so each class of a column keeps its share.",
                    List.of(Params.choice("mode", "Size by", "count: a number of rows; fraction: a share of rows.",
                                    "fraction", "count"),
                            Params.decimal("fraction", "Fraction", 0.1, 0.0, 1.0, "The share of rows to keep."),
                            Params.integer("count", "Rows", 1000, 0.0, null, "The number of rows to keep."),
                            Params.optionalColumn("stratifyBy", "Stratify by", "Keep each value's share of this "
                                    + "column (optional)."),
                            Params.integer("seed", "Seed", 42, null, null, "Seed of the sample.")));
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            if (!p.string("stratifyBy", "").isEmpty()) {
                Columns.require(input, p.string("stratifyBy", ""), "stratifyBy");
            }
            return input;
        }

        @Override
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context)
                throws NodeException {
            int n = input.rowCount();
            int size = p.string("mode", "fraction").equals("count") ? (int) Math.min(n, p.integer("count", 1000))
                    : (int) Math.round(n * p.decimal("fraction", 0.1));
            long seed = p.integer("seed", 42);
            String by = p.string("stratifyBy", "");
            int[] rows = by.isEmpty() ? RowSampler.uniform(n, size, seed)
                    : RowSampler.stratified(labelsWithMissing(input.column(by)), size, seed);
            Arrays.sort(rows);
            return rows(input, rows);
        }

        private static String[] labelsWithMissing(Column<?> c) {
            String[] labels = Values.labels(c);
            for (int i = 0; i < labels.length; i++) {
                labels[i] = labels[i] == null ? "\u0000missing" : labels[i];
            }
            return labels;
        }
    }

    static final class TopN implements Transform {
        @Override
        public TransformSpec spec() {
            return new TransformSpec("rows", "top-n", "Top N rows", "Keeps the N rows with the largest (or "
                    + "smallest) values of a column, optionally per group.", List.of(
                    Params.column("column", "By column", "The column that ranks rows."),
                    Params.integer("n", "N", 10, 1.0, null, "How many rows to keep (per group)."),
                    Params.bool("smallest", "Smallest", false, "Keep the smallest values instead."),
                    Params.columns("groupBy", "Per group of", "Keep N rows per distinct value of these columns "
                            + "(empty: overall).")));
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            Columns.require(input, p.string("column", ""), "column");
            Columns.chosen(input, p, "groupBy", false);
            return input;
        }

        @Override
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context)
                throws NodeException {
            Column<?> c = input.column(p.string("column", ""));
            List<String> groups = Columns.chosen(TableSchema.of(input), p, "groupBy", false);
            Integer[] rows = new Integer[input.rowCount()];
            Arrays.setAll(rows, i -> i);
            Arrays.sort(rows, byColumn(c, !p.bool("smallest", false)));
            long n = p.integer("n", 10);
            Map<List<String>, Integer> taken = new HashMap<>();
            List<Integer> kept = new ArrayList<>();
            List<Column<?>> groupColumns = groups.stream().<Column<?>>map(input::column).toList();
            for (int r : rows) {
                int k = taken.merge(Columns.rowKey(groupColumns, r), 1, Integer::sum);
                if (k <= n) {
                    kept.add(r);
                }
            }
            return rows(input, kept.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    static final class DropMissing implements Transform {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("rows", "drop-missing", "Drop rows with missing values", "Removes rows that "
                    + "have a missing value in any (or all) of the chosen columns.", List.of(
                    Params.columns("columns", "Columns", "The columns to check (empty: every column)."),
                    Params.choice("when", "Drop when", "any: one missing value is enough; all: every chosen "
                            + "column is missing.", "any", "all")));
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            Columns.chosen(input, p, "columns", false);
            return input;
        }

        @Override
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context)
                throws NodeException {
            List<Column<?>> cols = Columns.namedOrAll(input, Columns.chosen(TableSchema.of(input), p, "columns",
                    false));
            boolean all = p.string("when", "any").equals("all");
            boolean[] drop = new boolean[input.rowCount()];
            for (int i = 0; i < drop.length; i++) {
                int missing = 0;
                for (Column<?> c : cols) {
                    missing += MissingTransforms.isMissing(c, i) ? 1 : 0;
                }
                drop[i] = cols.isEmpty() ? false : all ? missing == cols.size() : missing > 0;
            }
            Table out = keep(input, drop, true);
            if (out.rowCount() < input.rowCount()) {
                context.warn(String.format(Locale.ROOT, "%,d rows with missing values removed",
                        input.rowCount() - out.rowCount()));
            }
            return out;
        }
    }
}
