package io.tablewise.flow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep, order-preserving, unmodifiable copies of parameter values. A value is one of: {@code null},
 * {@link String}, {@link Boolean}, {@link Long}, {@link Double}, a {@link List} of values or a {@link Map} from
 * string to values. Integral numbers are normalised to {@code Long} and other numbers to {@code Double} so equal
 * values compare equal however they were built.
 */
public final class ParamValues {
    private ParamValues() {
    }

    /** Returns an unmodifiable, insertion-ordered deep copy of {@code values}. */
    public static Map<String, Object> copyOf(Map<String, ?> values) {
        if (values == null || values.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, copyValue(v)));
        return Collections.unmodifiableMap(copy);
    }

    /** Returns a normalised, unmodifiable deep copy of one value. */
    public static Object copyValue(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(copyValue(v)));
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), copyValue(v)));
            return Collections.unmodifiableMap(copy);
        }
        throw new IllegalArgumentException("unsupported parameter value type: " + value.getClass().getName());
    }
}
