package io.tablewise.transform.formula;

import java.util.Arrays;

/**
 * A whole column of formula values: numbers (NaN is null), texts (null), booleans (0, 1, {@link #NA}) or dates
 * (epoch days, {@link #NO_DATE} is null). Formulas are evaluated column at a time, not row at a time.
 */
final class Vec {
    static final byte NA = 2;
    static final long NO_DATE = Long.MIN_VALUE;

    final Type type;
    final double[] num;
    final String[] text;
    final byte[] bool;
    final long[] date;

    private Vec(Type type, double[] num, String[] text, byte[] bool, long[] date) {
        this.type = type;
        this.num = num;
        this.text = text;
        this.bool = bool;
        this.date = date;
    }

    static Vec numbers(double[] v) {
        return new Vec(Type.NUMBER, v, null, null, null);
    }

    static Vec texts(String[] v) {
        return new Vec(Type.TEXT, null, v, null, null);
    }

    static Vec booleans(byte[] v) {
        return new Vec(Type.BOOLEAN, null, null, v, null);
    }

    static Vec dates(long[] v) {
        return new Vec(Type.DATE, null, null, null, v);
    }

    /** An all-null vector of a type. */
    static Vec nulls(Type type, int n) {
        return switch (type) {
            case NUMBER, NULL -> {
                double[] v = new double[n];
                Arrays.fill(v, Double.NaN);
                yield numbers(v);
            }
            case TEXT -> texts(new String[n]);
            case BOOLEAN -> {
                byte[] v = new byte[n];
                Arrays.fill(v, NA);
                yield booleans(v);
            }
            case DATE -> {
                long[] v = new long[n];
                Arrays.fill(v, NO_DATE);
                yield dates(v);
            }
        };
    }

    int size() {
        return switch (type) {
            case NUMBER, NULL -> num.length;
            case TEXT -> text.length;
            case BOOLEAN -> bool.length;
            case DATE -> date.length;
        };
    }

    boolean isNull(int i) {
        return switch (type) {
            case NUMBER, NULL -> Double.isNaN(num[i]);
            case TEXT -> text[i] == null;
            case BOOLEAN -> bool[i] == NA;
            case DATE -> date[i] == NO_DATE;
        };
    }

    /** Converts a null-typed vector (the literal null) to a typed all-null vector; others unchanged. */
    Vec as(Type wanted) {
        return type == Type.NULL && wanted != Type.NULL ? nulls(wanted, size()) : this;
    }

    /** A number as analysts write it: 30 not 30.0, 0.1 not 0.1000000000000000055. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    /** Row i as a text (for concatenation and text()): numbers without a trailing .0, dates ISO. */
    String textAt(int i) {
        if (isNull(i)) {
            return null;
        }
        return switch (type) {
            // an infinite number (1e400) has no text an analyst could use: missing, as for 1 / 0
            case NUMBER, NULL -> Double.isFinite(num[i]) ? number(num[i]) : null;
            case TEXT -> text[i];
            case BOOLEAN -> bool[i] == 1 ? "true" : "false";
            case DATE -> java.time.LocalDate.ofEpochDay(date[i]).toString();
        };
    }
}
