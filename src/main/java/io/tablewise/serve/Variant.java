package io.tablewise.serve;

import java.nio.charset.StandardCharsets;

/**
 * A variant as it serves now: its name, share of traffic and model. Immutable: a change makes a new one.
 *
 * @param name the variant's name
 * @param weight its share of the traffic, relative to the others
 * @param model what it serves
 * @param nameHash the routing hash of its name
 */
record Variant(String name, double weight, ServedModel model, long nameHash) {
    Variant(String name, double weight, ServedModel model) {
        this(name, weight, model, Router.hash(name.getBytes(StandardCharsets.UTF_8), 0x5DEECE66DL));
    }

    Variant withWeight(double w) {
        return new Variant(name, w, model, nameHash);
    }

    Variant withModel(ServedModel m) {
        return new Variant(name, weight, m, nameHash);
    }
}
