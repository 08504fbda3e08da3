package io.tablewise.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Rows of an imported table as a client would send them to the endpoint: numbers and booleans as JSON values. */
public final class JsonRows {
    private JsonRows() {
    }

    /** Row {@code r} of {@code t}, every column but {@code leaveOut} (the target), blanks as null. */
    public static Map<String, Object> row(Table t, int r, String leaveOut) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Column<?> c : t.columns()) {
            if (!c.name().equals(leaveOut)) {
                Object v = c.isMissing(r) ? null : c.get(r);
                row.put(c.name(), v == null || v instanceof Number || v instanceof Boolean ? v : v.toString());
            }
        }
        return row;
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive). */
    public static List<Map<String, Object>> of(Table t, int from, int to, String leaveOut) {
        List<Map<String, Object>> out = new ArrayList<>(to - from);
        for (int r = from; r < to; r++) {
            out.add(row(t, r, leaveOut));
        }
        return out;
    }
}
