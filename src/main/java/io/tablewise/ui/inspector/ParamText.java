package io.tablewise.ui.inspector;

import java.util.Optional;
import java.util.regex.Pattern;

import io.tablewise.node.ParamSpec;
import io.tablewise.node.ParamType;

/**
 * Turns what the user typed into a parameter value and back. A number field also takes a flow-parameter
 * reference such as {@code ${seed}}, kept as text for the engine to resolve at run time.
 */
public final class ParamText {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_.\\-]*}");

    /** A parsed value, or why the text is not one. */
    public record Parsed(Object value, String problem) {
        /** True when the text gave a value (possibly {@code null}: use the default). */
        public boolean ok() {
            return problem == null;
        }
    }

    private ParamText() {
    }

    /** Parses {@code text} for {@code spec}; blank means "use the default". */
    public static Parsed parse(ParamSpec spec, String text) {
        String t = text == null ? "" : text.strip();
        if (spec.type() != ParamType.INTEGER && spec.type() != ParamType.DECIMAL) {
            return new Parsed(text == null || text.isEmpty() ? null : text, null);
        }
        if (t.isEmpty()) {
            return new Parsed(null, spec.required() ? "a value is required" : null);
        }
        if (REFERENCE.matcher(t).matches()) {
            return new Parsed(t, null);
        }
        Object value;
        try {
            value = spec.type() == ParamType.INTEGER ? (Object) Long.parseLong(t.replace("_", ""))
                    : (Object) Double.parseDouble(t.replace(',', '.'));
        } catch (NumberFormatException e) {
            return new Parsed(null, spec.type() == ParamType.INTEGER ? "expected a whole number" : "expected a number");
        }
        Optional<String> check = spec.check(value);
        return check.map(p -> new Parsed(null, p)).orElseGet(() -> new Parsed(value, null));
    }

    /** The text a field shows for a value ({@code null} shows as empty). */
    public static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue()) + ".0";
        }
        return String.valueOf(value);
    }

    /** The allowed range of a number parameter as a hint ("0 … 1"), or "". */
    public static String range(ParamSpec spec) {
        if (spec.min() == null && spec.max() == null) {
            return "";
        }
        return (spec.min() == null ? "" : trim(spec.min())) + " … " + (spec.max() == null ? "" : trim(spec.max()));
    }

    private static String trim(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
