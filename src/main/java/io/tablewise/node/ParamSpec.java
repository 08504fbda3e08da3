package io.tablewise.node;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tablewise.flow.ParamValues;

/**
 * A declared node parameter: name, type, default, bounds, allowed values and help. The studio's inspector, the
 * flow file's validation and the {@code tablewise nodes} listing all derive from it.
 *
 * @param name key in the flow file's {@code params}
 * @param label display name
 * @param type value type
 * @param defaultValue value used when the flow does not set one ({@code null}: no value)
 * @param min inclusive lower bound for numbers ({@code null}: none)
 * @param max inclusive upper bound for numbers ({@code null}: none)
 * @param allowedValues for CHOICE (and COLUMN_MAP values): the permitted values
 * @param required the node cannot run without a value
 * @param help one or two sentences for the inspector
 * @param columnsFrom for COLUMN, COLUMNS and COLUMN_MAP: the input port whose schema lists the columns
 * @param when the other parameter's values for which this one applies ({@code null}: always); a parameter that does
 *     not apply is hidden in the inspector and not checked, so one node can ask different things for different kinds
 *     of work
 */
public record ParamSpec(String name, String label, ParamType type, Object defaultValue, Double min, Double max,
                        List<String> allowedValues, boolean required, String help, String columnsFrom, When when) {
    /** Normalises the default and copies the list. */
    public ParamSpec {
        defaultValue = ParamValues.copyValue(defaultValue);
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
        help = help == null ? "" : help;
        label = label == null ? name : label;
    }

    /**
     * When a parameter applies: while {@code param} has one of {@code values}.
     *
     * @param param the deciding parameter (a CHOICE)
     * @param values its values for which the parameter applies
     */
    public record When(String param, List<String> values) {
        /** Copies the list. */
        public When {
            values = List.copyOf(values);
        }

        @Override
        public String toString() {
            return param + " is " + String.join(" or ", values);
        }
    }

    /** True when this parameter applies, given the node's effective values ({@code value} reads one by name). */
    public boolean applies(java.util.function.Function<String, Object> value) {
        return when == null || when.values().contains(String.valueOf(value.apply(when.param())));
    }

    /** The same parameter, applying only while {@code param} has one of {@code values}. */
    public ParamSpec onlyWhen(String param, String... values) {
        return new ParamSpec(name, label, type, defaultValue, min, max, allowedValues, required, help, columnsFrom,
                new When(param, List.of(values)));
    }

    /** Starts a builder. */
    public static Builder builder(String name, ParamType type) {
        return new Builder(name, type);
    }

    /**
     * Checks a value against the type, bounds and allowed values.
     *
     * @return a plain-language problem, or empty when the value is acceptable
     */
    public Optional<String> check(Object value) {
        if (value == null) {
            return required ? Optional.of("a value is required") : Optional.empty();
        }
        return switch (type) {
            case STRING, TEXT, FORMULA, INPUT_FILE, OUTPUT_FILE, COLUMN ->
                    value instanceof String ? Optional.empty() : expected("a text", value);
            case BOOLEAN -> value instanceof Boolean ? Optional.empty() : expected("true or false", value);
            case INTEGER -> value instanceof Long l ? checkBounds(l) : expected("a whole number", value);
            case DECIMAL -> value instanceof Number n ? checkBounds(n.doubleValue()) : expected("a number", value);
            case CHOICE -> value instanceof String s && allowedValues.contains(s) ? Optional.empty()
                    : Optional.of("'" + value + "' is not one of: " + String.join(", ", allowedValues));
            case COLUMNS, STRING_LIST -> checkStringList(value);
            case COLUMN_MAP -> checkColumnMap(value);
        };
    }

    private Optional<String> checkStringList(Object value) {
        if (value instanceof List<?> list && list.stream().allMatch(v -> v instanceof String)) {
            return Optional.empty();
        }
        return expected("a list of texts", value);
    }

    private Optional<String> checkColumnMap(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return expected("an object mapping column names to values", value);
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getValue() instanceof String s) || (!allowedValues.isEmpty() && !allowedValues.contains(s))) {
                return Optional.of("value for '" + e.getKey() + "' must be one of: "
                        + String.join(", ", allowedValues));
            }
        }
        return Optional.empty();
    }

    private Optional<String> checkBounds(double v) {
        if (min != null && v < min) {
            return Optional.of(format(v) + " is below the minimum " + format(min));
        }
        if (max != null && v > max) {
            return Optional.of(format(v) + " is above the maximum " + format(max));
        }
        return Optional.empty();
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static Optional<String> expected(String what, Object value) {
        String shown = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        return Optional.of("expected " + what + " but got " + shown);
    }

    /** True for parameter types whose values name columns of an input. */
    public boolean namesColumns() {
        return type == ParamType.COLUMN || type == ParamType.COLUMNS || type == ParamType.COLUMN_MAP;
    }

    /** Fluent construction of a {@link ParamSpec}. */
    public static final class Builder {
        private final String name;
        private final ParamType type;
        private String label;
        private Object defaultValue;
        private Double min;
        private Double max;
        private List<String> allowed = List.of();
        private boolean required;
        private String help = "";
        private String columnsFrom;

        private Builder(String name, ParamType type) {
            this.name = name;
            this.type = type;
        }

        /** Display name. */
        public Builder label(String value) {
            this.label = value;
            return this;
        }

        /** Default value. */
        public Builder defaultValue(Object value) {
            this.defaultValue = value;
            return this;
        }

        /** Inclusive bounds for numbers. */
        public Builder range(Double minimum, Double maximum) {
            this.min = minimum;
            this.max = maximum;
            return this;
        }

        /** Allowed values (CHOICE, COLUMN_MAP values). */
        public Builder allowed(String... values) {
            this.allowed = List.of(values);
            return this;
        }

        /** Allowed values (CHOICE, COLUMN_MAP values). */
        public Builder allowed(List<String> values) {
            this.allowed = List.copyOf(values);
            return this;
        }

        /** The node cannot run without a value. */
        public Builder required() {
            this.required = true;
            return this;
        }

        /** Help text. */
        public Builder help(String text) {
            this.help = text;
            return this;
        }

        /** The input port whose schema lists the columns this parameter names. */
        public Builder columnsFrom(String inputPort) {
            this.columnsFrom = inputPort;
            return this;
        }

        /** Builds the spec. */
        public ParamSpec build() {
            return new ParamSpec(name, label, type, defaultValue, min, max, allowed, required, help, columnsFrom,
                    null);
        }
    }
}
