package io.tablewise.node.registry;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tablewise.node.NodeType;

/** Node types by id. Immutable once built; the built-in registry is {@link #builtIn()}. */
public final class NodeRegistry {
    private final Map<String, NodeType> types;

    /** A registry of exactly these types (ids must be unique). */
    public NodeRegistry(List<NodeType> nodeTypes) {
        Map<String, NodeType> map = new LinkedHashMap<>();
        for (NodeType t : nodeTypes) {
            String id = t.descriptor().id();
            if (map.putIfAbsent(id, t) != null) {
                throw new IllegalArgumentException("node type id registered twice: " + id);
            }
        }
        this.types = Collections.unmodifiableMap(map);
    }

    /** The registry of every built-in node type. */
    public static NodeRegistry builtIn() {
        return Holder.BUILT_IN;
    }

    /** A registry with these extra types added (tests and plug-ins). */
    public NodeRegistry with(List<NodeType> extra) {
        List<NodeType> all = new java.util.ArrayList<>(types.values());
        all.addAll(extra);
        return new NodeRegistry(all);
    }

    /** The type with this id. */
    public Optional<NodeType> find(String id) {
        return Optional.ofNullable(types.get(id));
    }

    /** All types in registration order. */
    public Collection<NodeType> all() {
        return types.values();
    }

    private static final class Holder {
        static final NodeRegistry BUILT_IN = new NodeRegistry(BuiltInNodes.list());
    }
}
