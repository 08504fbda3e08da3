package io.tablewise.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tablewise.flow.Flow;

/**
 * Applies run-time overrides to a flow's parameters and substitutes {@code ${name}} references in node
 * parameters. A text that is exactly one reference takes the parameter's value with its type (so
 * {@code "${rows}"} can feed a number); inside longer text the value is spliced in as text. {@code $${} writes a
 * literal {@code ${}.
 */
public final class ParameterResolver {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\$\\{|\\$\\{([A-Za-z_][A-Za-z0-9_.\\-]*)}");
    private static final Pattern WHOLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.\\-]*)}");

    /** A substitution result: the values and any references that named no parameter. */
    public record Substituted(Map<String, Object> values, List<String> unknownReferences) {
    }

    private ParameterResolver() {
    }

    /**
     * The flow's parameters with overrides applied. An override is converted to the type of the parameter's
     * default (whole number, number, true/false), else kept as text.
     */
    public static Map<String, Object> effectiveParameters(Flow flow, Map<String, String> overrides)
            throws InvalidParameterException {
        Map<String, Object> values = new LinkedHashMap<>(flow.parameters());
        for (Map.Entry<String, String> o : overrides.entrySet()) {
            if (!values.containsKey(o.getKey())) {
                throw new InvalidParameterException("the flow has no parameter '" + o.getKey() + "'"
                        + (values.isEmpty() ? " (it declares none)" : "; it declares: "
                        + String.join(", ", values.keySet())));
            }
            values.put(o.getKey(), convert(o.getKey(), o.getValue(), values.get(o.getKey())));
        }
        return values;
    }

    private static Object convert(String name, String text, Object current) throws InvalidParameterException {
        try {
            if (current instanceof Long) {
                return Long.parseLong(text.trim());
            }
            if (current instanceof Double) {
                return Double.parseDouble(text.trim());
            }
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("parameter '" + name + "' takes a number; got '" + text + "'");
        }
        if (current instanceof Boolean) {
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(text);
            }
            throw new InvalidParameterException("parameter '" + name + "' takes true or false; got '" + text + "'");
        }
        return text;
    }

    /** Substitutes references in every value of a node's parameters. */
    public static Substituted substitute(Map<String, Object> params, Map<String, Object> flowParameters) {
        List<String> unknown = new ArrayList<>();
        Map<String, Object> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, substituteValue(v, flowParameters, unknown)));
        return new Substituted(out, unknown);
    }

    private static Object substituteValue(Object value, Map<String, Object> flowParameters, List<String> unknown) {
        if (value instanceof String s) {
            return substituteText(s, flowParameters, unknown);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(substituteValue(v, flowParameters, unknown)));
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), substituteValue(v, flowParameters, unknown)));
            return copy;
        }
        return value;
    }

    private static Object substituteText(String text, Map<String, Object> flowParameters, List<String> unknown) {
        if (!text.contains("${")) {
            return text;
        }
        Matcher whole = WHOLE.matcher(text);
        if (whole.matches()) {
            String name = whole.group(1);
            if (flowParameters.containsKey(name)) {
                return flowParameters.get(name);
            }
            unknown.add(name);
            return text;
        }
        Matcher m = REFERENCE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) == null) {
                replacement = "${";
            } else if (flowParameters.containsKey(m.group(1))) {
                replacement = String.valueOf(flowParameters.get(m.group(1)));
            } else {
                unknown.add(m.group(1));
                replacement = m.group();
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
