package io.tablewise.transform.formula;

import tech.tablesaw.api.Table;

/** A typed expression node; evaluation yields a whole column of values. */
abstract class Expr {
    final int position;
    final Type type;
    /** For numbers: true when every value is a whole number (so the result can be an integer column). */
    final boolean integral;

    Expr(int position, Type type, boolean integral) {
        this.position = position;
        this.type = type;
        this.integral = integral;
    }

    abstract Vec eval(Table table, int rows);

    /** A literal value repeated on every row. */
    static final class Literal extends Expr {
        private final Object value;

        Literal(int position, Type type, Object value) {
            super(position, type, type == Type.NUMBER && (double) value == Math.rint((double) value));
            this.value = value;
        }

        @Override
        Vec eval(Table table, int rows) {
            Vec v = Vec.nulls(type, rows);
            for (int i = 0; i < rows; i++) {
                switch (type) {
                    case NUMBER -> v.num[i] = (double) value;
                    case TEXT -> v.text[i] = (String) value;
                    case BOOLEAN -> v.bool[i] = (byte) ((boolean) value ? 1 : 0);
                    default -> {
                        // null: already all null
                    }
                }
            }
            return v;
        }
    }
}
