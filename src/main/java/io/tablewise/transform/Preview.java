package io.tablewise.transform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.ml.RowSampler;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.TableSchema;

/**
 * Runs a transform on a preview sample (the first N or a seeded random N rows) and reports what changed: rows in
 * and out, columns added, removed and changed, and a few before/after values of each changed column. The studio
 * shows it while the analyst edits parameters.
 */
public final class Preview {
    private static final int SHOWN = 5;

    private Preview() {
    }

    /**
     * What changed in one column: up to five rows' values before and after (rows kept in place only).
     *
     * @param column the column
     * @param before values before (text; null for missing)
     * @param after values after
     */
    public record Change(String column, List<String> before, List<String> after) {
    }

    /**
     * The outcome of a preview.
     *
     * @param rowsIn rows of the sample
     * @param rowsOut rows after the transform
     * @param added new columns
     * @param removed columns gone
     * @param changed columns whose values or type changed
     * @param examples before/after values of changed and added columns
     * @param output the transformed sample
     * @param millis time taken
     */
    public record Result(int rowsIn, int rowsOut, List<String> added, List<String> removed, List<String> changed,
                         List<Change> examples, Table output, double millis) {
    }

    /** Previews {@code transform} on {@code rows} rows of {@code table}: the first ones, or a random sample. */
    public static Result run(Transform transform, NodeParams params, Table table, int rows, boolean random, long seed)
            throws NodeException {
        long start = System.nanoTime();
        Table sample = table.rowCount() <= rows ? table : random
                ? Columns.gather(table, RowSampler.uniform(table.rowCount(), rows, seed))
                : table.first(rows);
        transform.outputSchema(TableSchema.of(sample), params);
        Table out = transform.apply(sample, params, transform.fit(sample, params), TransformContext.NONE);
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<Change> examples = new ArrayList<>();
        boolean sameRows = out.rowCount() == sample.rowCount();
        for (Column<?> c : out.columns()) {
            if (!sample.columnNames().contains(c.name())) {
                added.add(c.name());
                examples.add(new Change(c.name(), List.of(), values(c)));
            } else if (!same(sample.column(c.name()), c, sameRows)) {
                changed.add(c.name());
                if (sameRows) {
                    examples.add(new Change(c.name(), values(sample.column(c.name())), values(c)));
                }
            }
        }
        List<String> removed = sample.columnNames().stream().filter(n -> !out.columnNames().contains(n)).toList();
        return new Result(sample.rowCount(), out.rowCount(), added, removed, changed, examples, out,
                (System.nanoTime() - start) / 1e6);
    }

    private static boolean same(Column<?> a, Column<?> b, boolean sameRows) {
        if (a == b) {
            return true;
        }
        if (!a.type().equals(b.type()) || !sameRows) {
            return !sameRows ? a.type().equals(b.type()) : false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!java.util.Objects.equals(Cells.text(a, i), Cells.text(b, i))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> values(Column<?> c) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(SHOWN, c.size()); i++) {
            out.add(Cells.text(c, i));
        }
        return out;
    }

    /** A compact description, e.g. for the node's log. */
    public static Map<String, Object> summary(Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rowsIn", r.rowsIn());
        m.put("rowsOut", r.rowsOut());
        m.put("added", r.added());
        m.put("removed", r.removed());
        m.put("changed", r.changed());
        return m;
    }
}
