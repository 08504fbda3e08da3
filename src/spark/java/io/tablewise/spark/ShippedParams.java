package io.tablewise.spark;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tablewise.node.NodeDescriptor;
import io.tablewise.node.NodeParams;

/** A node's parameters shipped to the executors as JSON text (plain data, so any executor can read them back). */
final class ShippedParams {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ShippedParams() {
    }

    /** The parameters as JSON text. */
    static String of(NodeParams p) {
        try {
            return JSON.writeValueAsString(p.asMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("parameters are plain data", e);
        }
    }

    /** The parameters back, with the node's defaults. */
    static NodeParams read(String json, NodeDescriptor descriptor) throws JsonProcessingException {
        return NodeParams.withDefaults(descriptor, JSON.readValue(json, new TypeReference<Map<String, Object>>() { }));
    }
}
