package io.tablewise.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Node outputs by fingerprint, least recently used evicted first. A fingerprint covers the node type and
 * version, its effective parameters, its inputs' fingerprints and the content of the data files it reads, so a
 * hit is always safe to reuse (node outputs are never mutated).
 */
public final class ResultCache {
    private final int capacity;
    private final LinkedHashMap<String, Map<String, Object>> entries;

    /** A cache holding at most {@code capacity} node results. */
    public ResultCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** Cached outputs for a fingerprint. */
    public synchronized Optional<Map<String, Object>> get(String fingerprint) {
        return Optional.ofNullable(entries.get(fingerprint));
    }

    /** Stores outputs. */
    public synchronized void put(String fingerprint, Map<String, Object> outputs) {
        entries.put(fingerprint, Map.copyOf(outputs));
        while (entries.size() > capacity) {
            String eldest = entries.keySet().iterator().next();
            entries.remove(eldest);
        }
    }

    /** Drops everything. */
    public synchronized void clear() {
        entries.clear();
    }

    /** Number of cached results. */
    public synchronized int size() {
        return entries.size();
    }
}
