package io.tablewise.transform.formula;

import tech.tablesaw.api.Table;

/**
 * Arithmetic, comparison and logic over whole columns. Null in, null out; comparisons with null are null; and/or
 * use three-valued logic (false and null is false, true or null is true), as in SQL.
 */
final class Operators {
    private Operators() {
    }

    static Expr negate(int pos, Expr a) throws FormulaException {
        if (a.type != Type.NUMBER && a.type != Type.NULL) {
            throw new FormulaException("'-' needs a number, not " + a.type.word(), pos);
        }
        return new Expr(pos, Type.NUMBER, a.integral) {
            @Override
            Vec eval(Table t, int n) {
                Vec v = a.eval(t, n).as(Type.NUMBER);
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = -v.num[i];
                }
                return Vec.numbers(out);
            }
        };
    }

    static Expr not(int pos, Expr a) throws FormulaException {
        if (a.type != Type.BOOLEAN && a.type != Type.NULL) {
            throw new FormulaException("'not' needs true/false, not " + a.type.word(), pos);
        }
        return new Expr(pos, Type.BOOLEAN, false) {
            @Override
            Vec eval(Table t, int n) {
                Vec v = a.eval(t, n).as(Type.BOOLEAN);
                byte[] out = new byte[n];
                for (int i = 0; i < n; i++) {
                    // 'not null' has no values to negate: missing
                    out[i] = v.bool == null || v.bool[i] == Vec.NA ? Vec.NA : (byte) (1 - v.bool[i]);
                }
                return Vec.booleans(out);
            }
        };
    }

    static Expr arithmetic(int pos, String op, Expr a, Expr b) throws FormulaException {
        if (op.equals("+") && (a.type == Type.TEXT || b.type == Type.TEXT) || op.equals("&")) {
            return concat(pos, a, b);
        }
        if (a.type == Type.DATE && (op.equals("+") || op.equals("-")) && isNumber(b)) {
            return dateShift(pos, a, b, op.equals("-"));
        }
        if (a.type == Type.DATE && b.type == Type.DATE && op.equals("-")) {
            return Functions.daysBetween(pos, b, a);
        }
        if (!isNumber(a) || !isNumber(b)) {
            Expr bad = !isNumber(a) ? a : b;
            throw new FormulaException("'" + op + "' needs numbers, but this is " + bad.type.word(), bad.position);
        }
        boolean integral = a.integral && b.integral && (op.equals("+") || op.equals("-") || op.equals("*")
                || op.equals("%"));
        return new Expr(pos, Type.NUMBER, integral) {
            @Override
            Vec eval(Table t, int n) {
                double[] x = a.eval(t, n).as(Type.NUMBER).num;
                double[] y = b.eval(t, n).as(Type.NUMBER).num;
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    double r = switch (op) {
                        case "+" -> x[i] + y[i];
                        case "-" -> x[i] - y[i];
                        case "*" -> x[i] * y[i];
                        case "/" -> y[i] == 0 ? Double.NaN : x[i] / y[i];
                        case "%" -> y[i] == 0 ? Double.NaN : x[i] % y[i];
                        default -> Math.pow(x[i], y[i]);
                    };
                    out[i] = Double.isInfinite(r) ? Double.NaN : r;
                }
                return Vec.numbers(out);
            }
        };
    }

    private static boolean isNumber(Expr e) {
        return e.type == Type.NUMBER || e.type == Type.NULL;
    }

    private static Expr concat(int pos, Expr a, Expr b) {
        return new Expr(pos, Type.TEXT, false) {
            @Override
            Vec eval(Table t, int n) {
                Vec x = a.eval(t, n);
                Vec y = b.eval(t, n);
                String[] out = new String[n];
                for (int i = 0; i < n; i++) {
                    String l = x.textAt(i);
                    String r = y.textAt(i);
                    out[i] = l == null || r == null ? null : l + r;
                }
                return Vec.texts(out);
            }
        };
    }

    private static final double MIN_EPOCH_DAY = java.time.LocalDate.MIN.toEpochDay();
    private static final double MAX_EPOCH_DAY = java.time.LocalDate.MAX.toEpochDay();

    private static Expr dateShift(int pos, Expr date, Expr days, boolean minus) {
        return new Expr(pos, Type.DATE, false) {
            @Override
            Vec eval(Table t, int n) {
                long[] d = date.eval(t, n).date;
                double[] k = days.eval(t, n).as(Type.NUMBER).num;
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    double shifted = d[i] == Vec.NO_DATE || Double.isNaN(k[i]) ? Double.NaN
                            : d[i] + (minus ? -k[i] : k[i]);
                    // a date beyond the calendar's range (year ±999,999,999) is missing, like 1 / 0
                    out[i] = Double.isNaN(shifted) || shifted < MIN_EPOCH_DAY || shifted > MAX_EPOCH_DAY
                            ? Vec.NO_DATE : d[i] + (long) (minus ? -k[i] : k[i]);
                }
                return Vec.dates(out);
            }
        };
    }

    static Expr compare(int pos, String op, Expr a, Expr b) throws FormulaException {
        Type common = a.type == Type.NULL ? b.type : a.type;
        if (a.type != b.type && a.type != Type.NULL && b.type != Type.NULL) {
            throw new FormulaException("cannot compare " + a.type.word() + " with " + b.type.word()
                    + " (convert one with number(), text() or date())", pos);
        }
        boolean equality = op.equals("=") || op.equals("==") || op.equals("!=") || op.equals("<>");
        if (common == Type.BOOLEAN && !equality) {
            throw new FormulaException("true/false values can only be compared with = or !=", pos);
        }
        // not called 'type': inside the anonymous Expr that name is the result type field
        Type operand = common == Type.NULL ? Type.NUMBER : common;
        return new Expr(pos, Type.BOOLEAN, false) {
            @Override
            Vec eval(Table t, int n) {
                Vec x = a.eval(t, n).as(operand);
                Vec y = b.eval(t, n).as(operand);
                byte[] out = new byte[n];
                for (int i = 0; i < n; i++) {
                    if (x.isNull(i) || y.isNull(i)) {
                        out[i] = Vec.NA;
                        continue;
                    }
                    int c = switch (operand) {
                        case NUMBER -> Double.compare(x.num[i], y.num[i]);
                        case TEXT -> x.text[i].compareTo(y.text[i]);
                        case BOOLEAN -> Byte.compare(x.bool[i], y.bool[i]);
                        default -> Long.compare(x.date[i], y.date[i]);
                    };
                    boolean r = switch (op) {
                        case "<" -> c < 0;
                        case "<=" -> c <= 0;
                        case ">" -> c > 0;
                        case ">=" -> c >= 0;
                        case "!=", "<>" -> c != 0;
                        default -> c == 0;
                    };
                    out[i] = (byte) (r ? 1 : 0);
                }
                return Vec.booleans(out);
            }
        };
    }

    static Expr logic(int pos, boolean and, Expr a, Expr b) throws FormulaException {
        for (Expr e : new Expr[] {a, b}) {
            if (e.type != Type.BOOLEAN && e.type != Type.NULL) {
                throw new FormulaException("'" + (and ? "and" : "or") + "' needs true/false, but this is "
                        + e.type.word(), e.position);
            }
        }
        return new Expr(pos, Type.BOOLEAN, false) {
            @Override
            Vec eval(Table t, int n) {
                byte[] x = a.eval(t, n).as(Type.BOOLEAN).bool;
                byte[] y = b.eval(t, n).as(Type.BOOLEAN).bool;
                byte[] out = new byte[n];
                for (int i = 0; i < n; i++) {
                    if (and) {
                        out[i] = x[i] == 0 || y[i] == 0 ? 0 : x[i] == Vec.NA || y[i] == Vec.NA ? Vec.NA : 1;
                    } else {
                        out[i] = x[i] == 1 || y[i] == 1 ? 1 : x[i] == Vec.NA || y[i] == Vec.NA ? Vec.NA : (byte) 0;
                    }
                }
                return Vec.booleans(out);
            }
        };
    }
}
