package io.tablewise.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A pipeline condition over metrics: numbers, dotted names ({@code build.test.auc}, {@code champion.test.recall}),
 * {@code + - * /}, comparisons ({@code < <= > >= = == != <>}), {@code and}/{@code or}/{@code not} (or {@code && || !})
 * and parentheses. Dotted names are references to metrics, not columns. A name whose value is absent (the group has
 * no champion yet) makes every comparison it takes part in true, so the first run of a "better than the champion"
 * pipeline registers.
 */
public final class Condition {
    /** A name the condition cannot resolve. */
    public static final class UnknownName extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnknownName(String message) {
            super(message);
        }
    }

    /** A value that is absent (no champion yet): compared, it gives true. */
    static final Object ABSENT = new Object();

    private final String text;
    private final List<String> tokens;
    private int at;
    private Function<String, Object> names;
    private final Map<String, Object> seen = new LinkedHashMap<>();

    private Condition(String text) {
        this.text = text;
        this.tokens = tokens(text);
    }

    /**
     * Checks that a condition reads, without evaluating it.
     *
     * @throws IllegalArgumentException saying where it does not read
     */
    public static List<String> names(String text) {
        Condition c = new Condition(text);
        List<String> out = new ArrayList<>();
        c.names = n -> {
            out.add(n);
            return 1.0;
        };
        c.parse();
        return out;
    }

    /**
     * The outcome of a condition.
     *
     * @param value whether it holds
     * @param values each name it read and the value it saw (null: absent)
     */
    public record Outcome(boolean value, Map<String, Double> values) {
        /** The values in words, e.g. {@code build.test.auc = 0.8412, champion.test.auc = (no champion yet)}. */
        public String describe() {
            List<String> parts = new ArrayList<>();
            values.forEach((k, v) -> parts.add(k + " = " + (v == null ? "(no champion yet)"
                    : String.format(Locale.ROOT, "%.4f", v))));
            return String.join(", ", parts);
        }
    }

    /**
     * Evaluates a condition.
     *
     * @param resolve a name's value; null when it has none (throws {@link UnknownName} for a name that does not
     *     exist)
     * @param absentAllowed the names whose missing value is allowed (the champion's, before there is one)
     */
    public static Outcome evaluate(String text, Function<String, Double> resolve, java.util.function.Predicate<String>
            absentAllowed) {
        Condition c = new Condition(text);
        c.names = n -> {
            Double v = resolve.apply(n);
            if (v == null && absentAllowed.test(n)) {
                return ABSENT;
            }
            if (v == null) {
                throw new UnknownName("'" + n + "' has no value");
            }
            return v;
        };
        Object v = c.parse();
        if (!(v instanceof Boolean b)) {
            throw new IllegalArgumentException("'" + text + "' is a number, not a condition: compare it, e.g. "
                    + "build.test.auc >= 0.8");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        c.seen.forEach((k, x) -> values.put(k, x == ABSENT ? null : (Double) x));
        return new Outcome(b, values);
    }

    private Object parse() {
        at = 0;
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("the condition is empty: write one, e.g. build.test.auc >= 0.8");
        }
        Object v = or();
        if (at < tokens.size()) {
            throw error("did not expect '" + tokens.get(at) + "'");
        }
        return v;
    }

    private Object or() {
        Object v = and();
        while (accept("or") || accept("||")) {
            Object r = and();
            v = bool(v) | bool(r);
        }
        return v;
    }

    private Object and() {
        Object v = not();
        while (accept("and") || accept("&&")) {
            Object r = not();
            v = bool(v) & bool(r);
        }
        return v;
    }

    private Object not() {
        if (accept("not") || accept("!")) {
            return !bool(not());
        }
        return comparison();
    }

    private Object comparison() {
        Object a = sum();
        for (String op : List.of("<=", ">=", "<>", "!=", "==", "<", ">", "=")) {
            if (accept(op)) {
                Object b = sum();
                if (a == ABSENT || b == ABSENT) {
                    return true;
                }
                double x = number(a);
                double y = number(b);
                return switch (op) {
                    case "<=" -> x <= y;
                    case ">=" -> x >= y;
                    case "<" -> x < y;
                    case ">" -> x > y;
                    case "<>", "!=" -> x != y;
                    default -> x == y;
                };
            }
        }
        return a;
    }

    private Object sum() {
        Object v = product();
        while (true) {
            if (accept("+")) {
                v = arithmetic(v, product(), '+');
            } else if (accept("-")) {
                v = arithmetic(v, product(), '-');
            } else {
                return v;
            }
        }
    }

    private Object product() {
        Object v = unary();
        while (true) {
            if (accept("*")) {
                v = arithmetic(v, unary(), '*');
            } else if (accept("/")) {
                v = arithmetic(v, unary(), '/');
            } else {
                return v;
            }
        }
    }

    private Object unary() {
        if (accept("-")) {
            Object v = unary();
            return v == ABSENT ? ABSENT : -number(v);
        }
        return primary();
    }

    private Object primary() {
        if (at >= tokens.size()) {
            throw error("it ends too early");
        }
        String t = tokens.get(at++);
        if (t.equals("(")) {
            Object v = or();
            if (!accept(")")) {
                throw error("a ')' is missing");
            }
            return v;
        }
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(t.toLowerCase(Locale.ROOT));
        }
        if (Character.isDigit(t.charAt(0)) || t.charAt(0) == '.') {
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw error("'" + t + "' is not a number");
            }
        }
        if (Character.isLetter(t.charAt(0)) || t.charAt(0) == '_') {
            Object v = names.apply(t);
            seen.put(t, v);
            return v;
        }
        throw error("did not expect '" + t + "'");
    }

    private Object arithmetic(Object a, Object b, char op) {
        if (a == ABSENT || b == ABSENT) {
            return ABSENT;
        }
        double x = number(a);
        double y = number(b);
        return switch (op) {
            case '+' -> x + y;
            case '-' -> x - y;
            case '*' -> x * y;
            default -> x / y;
        };
    }

    private boolean bool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw error("'and', 'or' and 'not' join comparisons, e.g. build.test.auc >= 0.8 and build.test.recall >= 0.6");
    }

    private double number(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        throw error("a comparison needs numbers on both sides");
    }

    private boolean accept(String token) {
        if (at < tokens.size() && tokens.get(at).equalsIgnoreCase(token)) {
            at++;
            return true;
        }
        return false;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("the condition '" + text + "' does not read: " + what);
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i + 1;
                while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_'
                        || text.charAt(j) == '.')) {
                    j++;
                }
                out.add(text.substring(i, j));
                i = j;
            } else if (Character.isDigit(c) || c == '.') {
                int j = i + 1;
                while (j < text.length() && (Character.isDigit(text.charAt(j)) || text.charAt(j) == '.'
                        || text.charAt(j) == 'e' || text.charAt(j) == 'E')) {
                    boolean exponent = text.charAt(j) == 'e' || text.charAt(j) == 'E';
                    j++;
                    if (exponent && j < text.length() && (text.charAt(j) == '-' || text.charAt(j) == '+')) {
                        j++; // 1e-3
                    }
                }
                out.add(text.substring(i, j));
                i = j;
            } else {
                String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
                if (List.of("<=", ">=", "<>", "!=", "==", "&&", "||").contains(two)) {
                    out.add(two);
                    i += 2;
                } else if ("()<>=!+-*/".indexOf(c) >= 0) {
                    out.add(String.valueOf(c));
                    i++;
                } else {
                    throw new IllegalArgumentException("the condition '" + text + "' does not read: did not expect '"
                            + c + "'");
                }
            }
        }
        return out;
    }
}
