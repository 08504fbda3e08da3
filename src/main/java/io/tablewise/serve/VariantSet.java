package io.tablewise.serve;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.tablewise.node.ColumnSchema;

/**
 * What the endpoint serves at one moment: the production variants, the shadow (or null) and the columns any of them
 * takes. Replaced whole by a change, so a request sees one consistent set from start to end.
 */
record VariantSet(List<Variant> variants, Variant shadow, Set<String> known, byte[] openApi) {
    VariantSet {
        variants = List.copyOf(variants);
        known = Set.copyOf(known);
    }

    static VariantSet of(List<Variant> variants, Variant shadow) {
        Set<String> known = new LinkedHashSet<>();
        for (Variant v : variants) {
            accepted(v, known);
        }
        if (shadow != null) {
            accepted(shadow, known);
        }
        return new VariantSet(variants, shadow, known, OpenApi.document(variants));
    }

    /** The inputs of a variant's model and the other columns of its training data (an id, the target). */
    private static void accepted(Variant v, Set<String> known) {
        v.model().model().inputs().stream().map(ColumnSchema::name).forEach(known::add);
        if (v.model().model().info().get("dataColumnNames") instanceof List<?> names) {
            names.forEach(n -> known.add(String.valueOf(n)));
        }
    }

    Variant find(String name) {
        for (Variant v : variants) {
            if (v.name().equals(name)) {
                return v;
            }
        }
        return null;
    }

    double totalWeight() {
        return variants.stream().mapToDouble(Variant::weight).sum();
    }
}
