package io.tablewise.transform.formula;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.node.ColumnKind;

/** Reading table columns into vectors, and the formula type of a column kind. */
final class Values {
    private Values() {
    }

    static Type typeOf(ColumnKind kind) {
        return switch (kind) {
            case INTEGER, DECIMAL -> Type.NUMBER;
            case BOOLEAN -> Type.BOOLEAN;
            case DATE, DATETIME -> Type.DATE;
            case TEXT -> Type.TEXT;
        };
    }

    /** A column reference. */
    static final class ColumnRef extends Expr {
        private final String name;

        ColumnRef(int position, String name, ColumnKind kind) {
            super(position, typeOf(kind), kind == ColumnKind.INTEGER);
            this.name = name;
        }

        @Override
        Vec eval(Table table, int rows) {
            Column<?> c = table.column(name);
            Vec v = Vec.nulls(type, rows);
            for (int i = 0; i < rows; i++) {
                if (c.isMissing(i)) {
                    continue;
                }
                switch (type) {
                    case NUMBER -> v.num[i] = ((NumberColumn<?, ?>) c).getDouble(i);
                    case BOOLEAN -> v.bool[i] = (byte) (((BooleanColumn) c).get(i) ? 1 : 0);
                    case DATE -> v.date[i] = c instanceof DateColumn d ? d.get(i).toEpochDay()
                            : ((DateTimeColumn) c).get(i).toLocalDate().toEpochDay();
                    default -> {
                        String s = c.getString(i);
                        v.text[i] = s.isBlank() ? null : s;
                    }
                }
            }
            return v;
        }
    }
}
