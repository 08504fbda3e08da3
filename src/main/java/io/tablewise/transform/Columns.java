package io.tablewise.transform;

import java.util.ArrayList;
import java.util.List;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.node.ColumnKind;
import io.tablewise.node.ColumnSchema;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.TableSchema;

/** Helpers the transforms share: column checks with clear messages, and building the output table. */
public final class Columns {
    private Columns() {
    }

    /** The columns named by a COLUMNS parameter; all numeric columns when the list is empty and {@code numeric}. */
    public static List<String> chosen(TableSchema schema, NodeParams p, String param, boolean numericWhenEmpty)
            throws NodeException {
        List<String> names = p.strings(param);
        if (names.isEmpty() && numericWhenEmpty) {
            return schema.columns().stream().filter(c -> c.kind().isNumeric()).map(ColumnSchema::name).toList();
        }
        for (String n : names) {
            if (!schema.has(n)) {
                throw new NodeException(param, "there is no column '" + n + "'"
                        + io.tablewise.node.Suggestions.didYouMeanOrColumns(n, schema.names()));
            }
        }
        return names;
    }

    /** Fails naming the parameter unless every column is numeric. */
    public static void requireNumeric(TableSchema schema, List<String> names, String param, String why)
            throws NodeException {
        for (String n : names) {
            ColumnKind k = schema.column(n).orElseThrow().kind();
            if (!k.isNumeric()) {
                throw new NodeException(param, "'" + n + "' holds " + k.id() + " values; " + why
                        + " needs numbers (change its type first)");
            }
        }
    }

    /** Fails naming the parameter unless the column exists. */
    public static ColumnSchema require(TableSchema schema, String name, String param) throws NodeException {
        if (name == null || name.isBlank()) {
            throw new NodeException(param, "choose a column");
        }
        return schema.column(name).orElseThrow(() -> new NodeException(param, "there is no column '" + name + "'"
                + io.tablewise.node.Suggestions.didYouMeanOrColumns(name, schema.names())));
    }

    /** True for a text or true/false column (whose values count the same in every engine). */
    public static boolean textLike(TableSchema schema, String name) {
        return schema.column(name).map(c -> c.kind() == ColumnKind.TEXT || c.kind() == ColumnKind.BOOLEAN)
                .orElse(false);
    }

    /** The values of a numeric column as doubles, NaN for missing. */
    public static double[] numbers(Table t, String name) {
        Column<?> c = t.column(name);
        double[] out = new double[c.size()];
        NumberColumn<?, ?> n = (NumberColumn<?, ?>) c;
        for (int i = 0; i < out.length; i++) {
            out[i] = n.isMissing(i) ? Double.NaN : n.getDouble(i);
        }
        return out;
    }

    /** A decimal column from values (NaN is missing). */
    public static DoubleColumn decimal(String name, double[] values) {
        return DoubleColumn.create(name, values);
    }

    /** A new table with {@code replacement} in place of the input's column of the same name, or appended. */
    public static Table withColumn(Table input, Column<?> replacement) {
        return withColumns(input, List.of(replacement));
    }

    /** A new table with each replacement in place of the same-named column, new names appended in order. */
    public static Table withColumns(Table input, List<? extends Column<?>> replacements) {
        List<Column<?>> out = new ArrayList<>(input.columns());
        for (Column<?> r : replacements) {
            int at = indexOf(input, r.name());
            if (at >= 0) {
                out.set(at, r);
            } else {
                out.add(r);
            }
        }
        return Columns.table(input.name(), out);
    }

    /** The input schema with the named columns now of {@code kind}. */
    public static TableSchema retyped(TableSchema input, List<String> names, ColumnKind kind) {
        return withSchemaColumns(input, names.stream().map(n -> new ColumnSchema(n, kind)).toList());
    }

    /** A schema with each column replaced or appended. */
    public static TableSchema withSchemaColumns(TableSchema input, List<ColumnSchema> replacements) {
        List<ColumnSchema> out = new ArrayList<>(input.columns());
        for (ColumnSchema r : replacements) {
            int at = input.names().indexOf(r.name());
            if (at >= 0) {
                out.set(at, r);
            } else {
                out.add(r);
            }
        }
        return new TableSchema(out);
    }

    private static int indexOf(Table t, String name) {
        List<String> names = t.columnNames();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The rows at {@code rows}, in that order and with repeats (Tablesaw's {@code Table.rows} sorts and
     * de-duplicates, which would undo a sort or an oversample).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Table gather(Table t, int[] rows) {
        List<Column<?>> out = new ArrayList<>(t.columnCount());
        for (Column<?> c : t.columns()) {
            Column copy = c.emptyCopy();
            for (int r : rows) {
                copy.append(c, r);
            }
            out.add(copy);
        }
        return Columns.table(t.name(), out);
    }

    /** The named columns, or every column when none are named. */
    public static List<Column<?>> namedOrAll(Table t, List<String> names) {
        return names.isEmpty() ? t.columns() : names.stream().<Column<?>>map(t::column).toList();
    }

    /** A row's values in the given columns as texts (null for missing): the key for grouping and matching. */
    public static List<String> rowKey(List<Column<?>> columns, int row) {
        List<String> key = new ArrayList<>(columns.size());
        for (Column<?> c : columns) {
            key.add(Cells.text(c, row));
        }
        return key;
    }

    /** Free names for new columns, in order: each wanted name, suffixed when it is taken (see {@link #freeName}). */
    public static List<String> freeNames(List<String> taken, List<String> wanted) {
        List<String> all = new ArrayList<>(taken);
        List<String> out = new ArrayList<>();
        for (String w : wanted) {
            String name = freeName(all, w);
            all.add(name);
            out.add(name);
        }
        return out;
    }

    /** A name not yet in the schema: {@code base}, else {@code base_2}, {@code base_3}… */
    public static String freeName(java.util.Collection<String> taken, String base) {
        if (!taken.contains(base)) {
            return base;
        }
        int i = 2;
        while (taken.contains(base + "_" + i)) {
            i++;
        }
        return base + "_" + i;
    }

    /**
     * A table of these columns, checked the way Tablesaw checks them (names unique ignoring case, one row count)
     * but in one pass: Tablesaw's own check lists every name again for each column added, which made a replayed
     * transform chain spend most of a one-row prediction there.
     *
     * @throws IllegalArgumentException for a repeated name or columns of different lengths, as Tablesaw does
     */
    public static Table table(String name, List<? extends Column<?>> columns) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        int rows = columns.isEmpty() ? 0 : columns.get(0).size();
        for (Column<?> c : columns) {
            if (!seen.add(c.name().toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("Cannot add column with duplicate name " + c.name() + " to table "
                        + name);
            }
            if (c.size() != rows) {
                throw new IllegalArgumentException("Column " + c.name() + " has size " + c.size() + ", but the "
                        + "table's other columns have " + rows);
            }
        }
        Table t = Table.create(name);
        for (Column<?> c : columns) {
            t.internalAddWithoutValidation(c);
        }
        return t;
    }
}
