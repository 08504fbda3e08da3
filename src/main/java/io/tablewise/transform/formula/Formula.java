package io.tablewise.transform.formula;

import java.time.LocalDate;
import java.util.List;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.node.ColumnKind;
import io.tablewise.node.TableSchema;

/**
 * A compiled formula of the Tablewise formula language: parsed by the project's own parser, type-checked
 * against the table's columns, evaluated over whole columns. The language can only compute values: it has no
 * way to call Java, read files, reach the network, or loop.
 */
public final class Formula {
    private final String text;
    private final Expr root;

    private Formula(String text, Expr root) {
        this.text = text;
        this.root = root;
    }

    /** Compiled formulas by text and input schema: a replayed chain compiles the same few again for every row. */
    private static final java.util.Map<java.util.List<Object>, Formula> COMPILED =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_COMPILED = 4096;

    /** Parses and type-checks {@code text} against {@code schema}. */
    public static Formula compile(String text, TableSchema schema) throws FormulaException {
        java.util.List<Object> key = java.util.List.of(text, schema);
        Formula known = COMPILED.get(key);
        if (known != null) {
            return known; // immutable: its tree holds types and column names, never data
        }
        Formula f = new Formula(text, Parser.parse(text, schema));
        if (COMPILED.size() >= MAX_COMPILED) {
            COMPILED.clear();
        }
        COMPILED.put(key, f);
        return f;
    }

    /** The formula text. */
    public String text() {
        return text;
    }

    /** The result's type. */
    public Type type() {
        return root.type;
    }

    /** The column kind of the result. */
    public ColumnKind kind() {
        return switch (root.type) {
            case NUMBER -> root.integral ? ColumnKind.INTEGER : ColumnKind.DECIMAL;
            case BOOLEAN -> ColumnKind.BOOLEAN;
            case DATE -> ColumnKind.DATE;
            case TEXT -> ColumnKind.TEXT;
            case NULL -> ColumnKind.DECIMAL;
        };
    }

    /** The result as a column named {@code name}. */
    public Column<?> evaluate(Table table, String name) {
        int n = table.rowCount();
        Vec v = root.eval(table, n);
        switch (kind()) {
            case INTEGER: {
                LongColumn c = LongColumn.create(name, n);
                for (int i = 0; i < n; i++) {
                    if (Double.isNaN(v.num[i])) {
                        c.setMissing(i);
                    } else {
                        c.set(i, (long) v.num[i]);
                    }
                }
                return c;
            }
            case BOOLEAN: {
                BooleanColumn c = BooleanColumn.create(name, n);
                for (int i = 0; i < n; i++) {
                    if (v.bool[i] == Vec.NA) {
                        c.setMissing(i);
                    } else {
                        c.set(i, v.bool[i] == 1);
                    }
                }
                return c;
            }
            case DATE: {
                DateColumn c = DateColumn.create(name);
                for (int i = 0; i < n; i++) {
                    if (v.date[i] == Vec.NO_DATE) {
                        c.appendMissing();
                    } else {
                        c.append(LocalDate.ofEpochDay(v.date[i]));
                    }
                }
                return c;
            }
            case TEXT:
                return StringColumn.create(name, v.text);
            default:
                return DoubleColumn.create(name, v.as(Type.NUMBER).num);
        }
    }

    /** For conditions: true for the rows where the formula is true (false and missing count as not true). */
    public boolean[] truth(Table table) {
        int n = table.rowCount();
        byte[] b = root.eval(table, n).as(Type.BOOLEAN).bool;
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = b[i] == 1;
        }
        return out;
    }

    /** One line of help per function, for the docs and the studio's formula editor. */
    public static List<String> functionHelp() {
        return Functions.help();
    }
}
