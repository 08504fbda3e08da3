package io.tablewise.transform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What a transform learned from its training rows, as plain JSON-able data (numbers, texts, booleans, lists and
 * maps of them), immutable. It is saved with a model and replayed unchanged on new rows.
 *
 * @param values the learned values by name
 */
public record FittedState(Map<String, Object> values) {
    /** The state of a transform that learns nothing. */
    public static final FittedState NONE = new FittedState(Map.of());
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** Copies the map deeply into unmodifiable collections. */
    public FittedState {
        values = freezeMap(values);
    }

    /** A state of one entry per column (e.g. a mean per column). */
    public static FittedState perColumn(Map<String, ?> byColumn) {
        return new FittedState(Map.of("columns", byColumn));
    }

    /** The per-column entries of {@link #perColumn}. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> columns() {
        Object v = values.get("columns");
        return v == null ? Map.of() : (Map<String, Object>) v;
    }

    /** A number from the per-column map. */
    public double number(String column) {
        Object v = columns().get(column);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    /** The state as JSON text. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a fitted state holds plain data only", e);
        }
    }

    /** Reads a state written by {@link #toJson()}. */
    public static FittedState fromJson(String json) {
        try {
            return new FittedState(JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a fitted state: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, Object> freezeMap(Map<String, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, freeze(v)));
        return Collections.unmodifiableMap(out);
    }

    @SuppressWarnings("unchecked")
    private static Object freeze(Object v) {
        if (v instanceof Map<?, ?> m) {
            return freezeMap((Map<String, ?>) m);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(FittedState::freeze).toList();
        }
        if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return null;
        }
        if (v instanceof Float || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return v instanceof Integer || v instanceof Short || v instanceof Byte ? ((Number) v).longValue()
                    : ((Number) v).doubleValue();
        }
        return v;
    }
}
