package io.tablewise.transform.formula;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import tech.tablesaw.api.Table;

/**
 * The function library: a fixed table of pure functions, each with its argument types and result type. Nothing
 * else can be called: there is no way to reach Java classes, files, the network or the clock. A function gets
 * null for a missing argument and returns null unless it is one of the null-handling functions.
 */
final class Functions {
    private Functions() {
    }

    /** What a function accepts and returns. {@code args}: one type per argument, the last repeats if variadic. */
    record Signature(String name, List<Type> args, int min, boolean variadic, Type result, boolean integral,
                     boolean handlesNull, Function<Object[], Object> body, String help) {
    }

    private static final Map<String, Signature> ALL = new TreeMap<>();

    private static void add(String name, List<Type> args, int min, boolean variadic, Type result, boolean integral,
                            boolean handlesNull, Function<Object[], Object> body, String help) {
        ALL.put(name, new Signature(name, args, min, variadic, result, integral, handlesNull, body, help));
    }

    private static void math(String name, java.util.function.DoubleUnaryOperator f, boolean integral, String help) {
        add(name, List.of(Type.NUMBER), 1, false, Type.NUMBER, integral, false,
                a -> finite(f.applyAsDouble((double) a[0])), help);
    }

    private static Object finite(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }

    static {
        math("abs", Math::abs, false, "abs(x): absolute value");
        math("floor", Math::floor, true, "floor(x): largest whole number <= x");
        math("ceil", Math::ceil, true, "ceil(x): smallest whole number >= x");
        math("sqrt", x -> x < 0 ? Double.NaN : Math.sqrt(x), false, "sqrt(x): square root (null below 0)");
        math("ln", x -> x <= 0 ? Double.NaN : Math.log(x), false, "ln(x): natural logarithm (null at or below 0)");
        math("log10", x -> x <= 0 ? Double.NaN : Math.log10(x), false, "log10(x): base-10 logarithm");
        math("log1p", x -> x <= -1 ? Double.NaN : Math.log1p(x), false, "log1p(x): ln(1 + x)");
        math("exp", Math::exp, false, "exp(x): e to the power x");
        math("sign", Math::signum, true, "sign(x): -1, 0 or 1");
        add("round", List.of(Type.NUMBER, Type.NUMBER), 1, false, Type.NUMBER, false, false, a -> {
            double d = a.length > 1 ? (double) a[1] : 0;
            double x = (double) a[0];
            if (!Double.isFinite(x) || Double.isNaN(d)) {
                return Double.NaN;
            }
            // a double has at most 17 significant digits and 1074 binary places: more digits change nothing, and
            // a scale of millions would take minutes
            if (d > 400) {
                return x;
            }
            if (d < -400) {
                return 0.0;
            }
            return new java.math.BigDecimal(x).setScale((int) d, java.math.RoundingMode.HALF_UP).doubleValue();
        }, "round(x, digits): rounded half up (digits default 0)");
        add("pow", List.of(Type.NUMBER, Type.NUMBER), 2, false, Type.NUMBER, false, false,
                a -> finite(Math.pow((double) a[0], (double) a[1])), "pow(x, y): x to the power y");
        add("min", List.of(Type.NUMBER), 1, true, Type.NUMBER, false, false,
                a -> Arrays.stream(a).mapToDouble(x -> (double) x).min().orElse(Double.NaN), "min(a, b, …)");
        add("max", List.of(Type.NUMBER), 1, true, Type.NUMBER, false, false,
                a -> Arrays.stream(a).mapToDouble(x -> (double) x).max().orElse(Double.NaN), "max(a, b, …)");
        add("clip", List.of(Type.NUMBER, Type.NUMBER, Type.NUMBER), 3, false, Type.NUMBER, false, false,
                a -> Math.max((double) a[1], Math.min((double) a[2], (double) a[0])), "clip(x, low, high)");
        add("isnull", List.of(Type.NULL), 1, false, Type.BOOLEAN, false, true, a -> a[0] == null,
                "isnull(x): true when x is missing");
        add("length", List.of(Type.TEXT), 1, false, Type.NUMBER, true, false,
                a -> (double) ((String) a[0]).codePointCount(0, ((String) a[0]).length()),
                "length(s): number of characters");
        add("lower", List.of(Type.TEXT), 1, false, Type.TEXT, false, false,
                a -> ((String) a[0]).toLowerCase(Locale.ROOT), "lower(s)");
        add("upper", List.of(Type.TEXT), 1, false, Type.TEXT, false, false,
                a -> ((String) a[0]).toUpperCase(Locale.ROOT), "upper(s)");
        add("trim", List.of(Type.TEXT), 1, false, Type.TEXT, false, false, a -> ((String) a[0]).strip(),
                "trim(s): without surrounding spaces");
        add("left", List.of(Type.TEXT, Type.NUMBER), 2, false, Type.TEXT, false, false,
                a -> cut((String) a[0], 0, (int) (double) a[1]), "left(s, n): the first n characters");
        add("right", List.of(Type.TEXT, Type.NUMBER), 2, false, Type.TEXT, false, false, a -> {
            String s = (String) a[0];
            int n = s.codePointCount(0, s.length());
            return cut(s, Math.max(0, n - (int) (double) a[1]), n);
        }, "right(s, n): the last n characters");
        add("substr", List.of(Type.TEXT, Type.NUMBER, Type.NUMBER), 2, false, Type.TEXT, false, false, a -> {
            String s = (String) a[0];
            int start = Math.max(0, (int) (double) a[1] - 1);
            int n = s.codePointCount(0, s.length());
            return cut(s, start, a.length > 2 ? start + (int) (double) a[2] : n);
        }, "substr(s, start, length): characters from position start (1 = first)");
        add("contains", List.of(Type.TEXT, Type.TEXT), 2, false, Type.BOOLEAN, false, false,
                a -> ((String) a[0]).contains((String) a[1]), "contains(s, part)");
        add("startswith", List.of(Type.TEXT, Type.TEXT), 2, false, Type.BOOLEAN, false, false,
                a -> ((String) a[0]).startsWith((String) a[1]), "startswith(s, prefix)");
        add("endswith", List.of(Type.TEXT, Type.TEXT), 2, false, Type.BOOLEAN, false, false,
                a -> ((String) a[0]).endsWith((String) a[1]), "endswith(s, suffix)");
        add("replace", List.of(Type.TEXT, Type.TEXT, Type.TEXT), 3, false, Type.TEXT, false, false,
                a -> ((String) a[0]).replace((String) a[1], (String) a[2]), "replace(s, find, with): literal text");
        add("concat", List.of(Type.NULL), 1, true, Type.TEXT, false, true, a -> {
            StringBuilder sb = new StringBuilder();
            for (Object o : a) {
                sb.append(o == null ? "" : o);
            }
            return sb.toString();
        }, "concat(a, b, …): texts joined, missing parts skipped");
        add("text", List.of(Type.NULL), 1, false, Type.TEXT, false, false, a -> a[0],
                "text(x): x as text");
        add("number", List.of(Type.TEXT), 1, false, Type.NUMBER, false, false, a -> {
            try {
                return finite(Double.parseDouble(((String) a[0]).trim()));
            } catch (NumberFormatException e) {
                return null;
            }
        }, "number(s): the text as a number, null if it is not one");
        add("date", List.of(Type.NUMBER, Type.NUMBER, Type.NUMBER), 1, false, Type.DATE, false, false,
                Functions::date, "date(y, m, d) or date('2024-01-31'): a date, null if invalid");
        add("year", List.of(Type.DATE), 1, false, Type.NUMBER, true, false,
                a -> (double) ((LocalDate) a[0]).getYear(), "year(d)");
        add("month", List.of(Type.DATE), 1, false, Type.NUMBER, true, false,
                a -> (double) ((LocalDate) a[0]).getMonthValue(), "month(d)");
        add("day", List.of(Type.DATE), 1, false, Type.NUMBER, true, false,
                a -> (double) ((LocalDate) a[0]).getDayOfMonth(), "day(d)");
        add("weekday", List.of(Type.DATE), 1, false, Type.NUMBER, true, false,
                a -> (double) ((LocalDate) a[0]).getDayOfWeek().getValue(), "weekday(d): 1 = Monday … 7 = Sunday");
        add("add_days", List.of(Type.DATE, Type.NUMBER), 2, false, Type.DATE, false, false,
                a -> addDays((LocalDate) a[0], (double) a[1]), "add_days(d, n)");
    }

    private static String cut(String s, int fromCodePoint, int toCodePoint) {
        int n = s.codePointCount(0, s.length());
        int from = Math.max(0, Math.min(n, fromCodePoint));
        int to = Math.max(from, Math.min(n, toCodePoint));
        return s.substring(s.offsetByCodePoints(0, from), s.offsetByCodePoints(0, to));
    }

    private static LocalDate addDays(LocalDate d, double days) {
        // beyond ±1e9 days (2.7 million years) every date is out of range: missing, and no overflow on the cast
        return Double.isNaN(days) || Math.abs(days) > 1e9 ? null : d.plusDays((long) days);
    }

    private static Object date(Object[] a) {
        try {
            if (a.length == 1 && a[0] instanceof String s) {
                return LocalDate.parse(s.trim());
            }
            if (a.length == 3) {
                return LocalDate.of((int) (double) a[0], (int) (double) a[1], (int) (double) a[2]);
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    /** Every function's one-line help, sorted by name (for the docs and the studio's formula editor). */
    static List<String> help() {
        List<String> out = new ArrayList<>();
        ALL.values().forEach(s -> out.add(s.help()));
        out.add("if(condition, then, else)");
        out.add("coalesce(a, b, …): the first value that is not missing");
        out.add("ifnull(x, fallback)");
        out.add("days_between(start, end): end − start in days");
        return out;
    }

    static Expr daysBetween(int pos, Expr start, Expr end) {
        return new Expr(pos, Type.NUMBER, true) {
            @Override
            Vec eval(Table t, int n) {
                long[] a = start.eval(t, n).as(Type.DATE).date;
                long[] b = end.eval(t, n).as(Type.DATE).date;
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] == Vec.NO_DATE || b[i] == Vec.NO_DATE ? Double.NaN : b[i] - a[i];
                }
                return Vec.numbers(out);
            }
        };
    }

    /** Compiles a call, checking the name, the number and the types of the arguments. */
    static Expr call(int pos, String name, List<Expr> args) throws FormulaException {
        String key = name.toLowerCase(Locale.ROOT);
        switch (key) {
            case "if" -> {
                arity(pos, name, args, 3, 3);
                expect(args.get(0), Type.BOOLEAN, "if's condition");
                return choose(pos, args.get(0), args.get(1), args.get(2));
            }
            case "coalesce", "ifnull" -> {
                arity(pos, name, args, key.equals("ifnull") ? 2 : 1, key.equals("ifnull") ? 2 : 99);
                return coalesce(pos, args);
            }
            case "days_between" -> {
                arity(pos, name, args, 2, 2);
                expect(args.get(0), Type.DATE, "days_between's start");
                expect(args.get(1), Type.DATE, "days_between's end");
                return daysBetween(pos, args.get(0), args.get(1));
            }
            default -> {
                // the table below
            }
        }
        Signature s = ALL.get(key);
        if (s == null) {
            List<String> names = new ArrayList<>(ALL.keySet());
            names.addAll(List.of("if", "coalesce", "ifnull", "days_between"));
            throw new FormulaException("there is no function '" + name + "'"
                    + io.tablewise.node.Suggestions.didYouMean(key, names), pos);
        }
        arity(pos, name, args, s.min(), s.variadic() ? 99 : s.args().size());
        List<Type> types = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Type want = s.args().get(Math.min(i, s.args().size() - 1));
            if (key.equals("date") && args.size() == 1) {
                want = Type.TEXT;
            }
            if (want != Type.NULL) {
                expect(args.get(i), want, name + "'s argument " + (i + 1));
            }
            types.add(want == Type.NULL ? args.get(i).type : want);
        }
        return new RowCall(pos, s, args, types);
    }

    private static void arity(int pos, String name, List<Expr> args, int min, int max) throws FormulaException {
        if (args.size() < min || args.size() > max) {
            String want = min == max ? String.valueOf(min) : max >= 99 ? "at least " + min : min + " to " + max;
            throw new FormulaException(name + "() takes " + want + " argument" + (max == 1 ? "" : "s") + ", not "
                    + args.size(), pos);
        }
    }

    static void expect(Expr e, Type t, String what) throws FormulaException {
        if (e.type != t && e.type != Type.NULL) {
            throw new FormulaException(what + " must be " + t.word() + ", not " + e.type.word(), e.position);
        }
    }

    private static Type common(int pos, List<Expr> options) throws FormulaException {
        Type t = Type.NULL;
        for (Expr e : options) {
            if (e.type != Type.NULL) {
                if (t != Type.NULL && t != e.type) {
                    throw new FormulaException("the choices mix " + t.word() + " and " + e.type.word(), e.position);
                }
                t = e.type;
            }
        }
        return t;
    }

    static Expr choose(int pos, Expr cond, Expr then, Expr otherwise) throws FormulaException {
        Type t = common(pos, List.of(then, otherwise));
        return new Expr(pos, t, then.integral && otherwise.integral) {
            @Override
            Vec eval(Table table, int n) {
                byte[] c = cond.eval(table, n).as(Type.BOOLEAN).bool;
                Vec a = then.eval(table, n).as(t);
                Vec b = otherwise.eval(table, n).as(t);
                Vec out = Vec.nulls(t, n);
                for (int i = 0; i < n; i++) {
                    copy(c[i] == 1 ? a : b, out, i);
                }
                return out;
            }
        };
    }

    private static Expr coalesce(int pos, List<Expr> args) throws FormulaException {
        Type t = common(pos, args);
        return new Expr(pos, t, args.stream().allMatch(a -> a.integral || a.type == Type.NULL)) {
            @Override
            Vec eval(Table table, int n) {
                Vec out = Vec.nulls(t, n);
                for (Expr e : args) {
                    Vec v = e.eval(table, n).as(t);
                    for (int i = 0; i < n; i++) {
                        if (out.isNull(i) && !v.isNull(i)) {
                            copy(v, out, i);
                        }
                    }
                }
                return out;
            }
        };
    }

    /** Copies row i; a source that holds no values of the target's kind (a bare null) leaves it missing. */
    static void copy(Vec from, Vec to, int i) {
        switch (to.type) {
            case NUMBER, NULL -> {
                if (from.num != null) {
                    to.num[i] = from.num[i];
                }
            }
            case TEXT -> {
                if (from.text != null) {
                    to.text[i] = from.text[i];
                }
            }
            case BOOLEAN -> {
                if (from.bool != null) {
                    to.bool[i] = from.bool[i];
                }
            }
            case DATE -> {
                if (from.date != null) {
                    to.date[i] = from.date[i];
                }
            }
        }
    }

    /** A table function applied row by row to its evaluated argument columns. */
    private static final class RowCall extends Expr {
        private final Signature signature;
        private final List<Expr> args;
        private final List<Type> types;

        RowCall(int pos, Signature s, List<Expr> args, List<Type> types) {
            super(pos, s.result(), s.integral());
            this.signature = s;
            this.args = args;
            this.types = types;
        }

        @Override
        Vec eval(Table table, int n) {
            Vec[] in = new Vec[args.size()];
            for (int k = 0; k < in.length; k++) {
                in[k] = args.get(k).eval(table, n).as(types.get(k) == Type.NULL ? Type.NUMBER : types.get(k));
            }
            Vec out = Vec.nulls(type, n);
            Object[] values = new Object[in.length];
            rows:
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < in.length; k++) {
                    values[k] = box(in[k], i, signature.name().equals("text") || signature.name().equals("concat"));
                    if (values[k] == null && !signature.handlesNull()) {
                        continue rows;
                    }
                }
                Object r;
                try {
                    r = signature.body().apply(values.clone());
                } catch (ArithmeticException | java.time.DateTimeException e) {
                    r = null; // a value out of range (a date beyond year 999,999,999): missing, as for 1 / 0
                }
                if (r != null) {
                    switch (type) {
                        case NUMBER -> out.num[i] = (double) r;
                        case TEXT -> out.text[i] = (String) r;
                        case BOOLEAN -> out.bool[i] = (byte) ((boolean) r ? 1 : 0);
                        case DATE -> out.date[i] = ((LocalDate) r).toEpochDay();
                        default -> {
                            // null result type: nothing to store
                        }
                    }
                }
            }
            return out;
        }

        private static Object box(Vec v, int i, boolean asText) {
            if (v.isNull(i)) {
                return null;
            }
            if (asText) {
                return v.textAt(i);
            }
            return switch (v.type) {
                case NUMBER, NULL -> v.num[i];
                case TEXT -> v.text[i];
                case BOOLEAN -> v.bool[i] == 1;
                case DATE -> LocalDate.ofEpochDay(v.date[i]);
            };
        }
    }
}
