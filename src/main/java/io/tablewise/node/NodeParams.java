package io.tablewise.node;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tablewise.flow.ParamValues;

/**
 * A node's effective parameter values: flow-parameter references already substituted, defaults filled in, and
 * types already checked by the validator, so the typed getters do not need to handle bad values.
 */
public final class NodeParams {
    private final Map<String, Object> values;

    /** Wraps effective values (a copy is taken). */
    public NodeParams(Map<String, ?> values) {
        this.values = ParamValues.copyOf(values);
    }

    /** Effective values: the set ones over the descriptor's defaults. */
    public static NodeParams withDefaults(NodeDescriptor descriptor, Map<String, ?> set) {
        Map<String, Object> merged = new LinkedHashMap<>();
        for (ParamSpec spec : descriptor.params()) {
            if (spec.defaultValue() != null) {
                merged.put(spec.name(), spec.defaultValue());
            }
        }
        set.forEach((k, v) -> {
            if (v != null) {
                merged.put(k, v);
            }
        });
        return new NodeParams(merged);
    }

    /** All values, in order. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** True if the parameter has a value. */
    public boolean has(String name) {
        return values.get(name) != null;
    }

    /** The raw value, or {@code null}. */
    public Object get(String name) {
        return values.get(name);
    }

    /** A text value, or {@code fallback} when unset. */
    public String string(String name, String fallback) {
        Object v = values.get(name);
        return v == null ? fallback : v.toString();
    }

    /** A text value, or {@code null}. */
    public String string(String name) {
        return string(name, null);
    }

    /** A whole-number value. */
    public long integer(String name, long fallback) {
        Object v = values.get(name);
        return v instanceof Number n ? n.longValue() : fallback;
    }

    /** A number value. */
    public double decimal(String name, double fallback) {
        Object v = values.get(name);
        return v instanceof Number n ? n.doubleValue() : fallback;
    }

    /** A boolean value. */
    public boolean bool(String name, boolean fallback) {
        Object v = values.get(name);
        return v instanceof Boolean b ? b : fallback;
    }

    /** A list of texts (empty when unset). */
    public List<String> strings(String name) {
        Object v = values.get(name);
        if (v instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    /** A map from text to text (empty when unset). */
    public Map<String, String> stringMap(String name) {
        Object v = values.get(name);
        Map<String, String> out = new LinkedHashMap<>();
        if (v instanceof Map<?, ?> map) {
            map.forEach((k, val) -> out.put(String.valueOf(k), String.valueOf(val)));
        }
        return out;
    }
}
