package io.tablewise.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.transform.Columns;
import io.tablewise.transform.TransformChain;
import io.tablewise.transform.TransformContext;

/**
 * Which input column each column a model reads came from, through the model's fitted transforms: measured by
 * changing one input column at a time in sample rows (its values moved by one row, then all blank) and seeing which
 * of the transformed columns change. One-hot indicators, bins, date parts and formulas are then reported under the
 * column the analyst knows; a column derived from several becomes their group ("price + area").
 */
final class ColumnLineage {
    private ColumnLineage() {
    }

    /**
     * For each of {@code modelColumns}, the name it is reported by: its input column, or its input columns joined by
     * " + "; empty when the transforms change the number of rows (then each column is reported as it is).
     */
    static Map<String, String> measure(TransformChain.Fitted chain, Table rawSample, List<String> inputs,
                                       List<String> modelColumns) {
        Map<String, String> out = new LinkedHashMap<>();
        if (chain.steps().isEmpty() || rawSample.rowCount() < 2) {
            return out;
        }
        Table base;
        try {
            base = chain.apply(rawSample, TransformContext.NONE);
        } catch (io.tablewise.node.NodeException | RuntimeException e) {
            return out;
        }
        if (base.rowCount() != rawSample.rowCount()) {
            return out;
        }
        Map<String, Set<String>> sources = new LinkedHashMap<>();
        modelColumns.forEach(c -> sources.put(c, new LinkedHashSet<>()));
        for (String input : inputs) {
            if (!rawSample.containsColumn(input)) {
                continue;
            }
            for (Table changed : List.of(shifted(rawSample, input), blank(rawSample, input))) {
                Table after;
                try {
                    after = chain.apply(changed, TransformContext.NONE);
                } catch (io.tablewise.node.NodeException | RuntimeException e) {
                    continue; // a transform that refuses blanks: the other change still tells
                }
                if (after.rowCount() != base.rowCount()) {
                    continue;
                }
                for (String c : modelColumns) {
                    if (base.containsColumn(c) && after.containsColumn(c) && differ(base.column(c), after.column(c))) {
                        sources.get(c).add(input);
                    }
                }
            }
        }
        sources.forEach((c, from) -> {
            if (!from.isEmpty() && !(from.size() == 1 && from.contains(c))) {
                out.put(c, String.join(" + ", from));
            }
        });
        return out;
    }

    private static boolean differ(Column<?> a, Column<?> b) {
        for (int i = 0; i < a.size(); i++) {
            if (a.isMissing(i) != b.isMissing(i) || !a.isMissing(i) && !a.getString(i).equals(b.getString(i))) {
                return true;
            }
        }
        return false;
    }

    /** The rows with {@code column}'s values moved down by one row (the last to the top). */
    private static Table shifted(Table t, String column) {
        int n = t.rowCount();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (i + n - 1) % n;
        }
        Column<?> moved = Columns.gather(t.selectColumns(column), order).column(0);
        return replaced(t, column, moved);
    }

    /** The rows with {@code column} blank everywhere. */
    private static Table blank(Table t, String column) {
        Column<?> empty = t.column(column).emptyCopy();
        for (int i = 0; i < t.rowCount(); i++) {
            empty.appendMissing();
        }
        return replaced(t, column, empty);
    }

    private static Table replaced(Table t, String column, Column<?> c) {
        List<Column<?>> columns = new ArrayList<>(t.columns());
        columns.set(t.columnIndex(column), c);
        return Columns.table(t.name(), columns);
    }
}
