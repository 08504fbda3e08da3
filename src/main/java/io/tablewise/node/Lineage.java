package io.tablewise.node;

import java.util.List;

/**
 * How the data on an input port was made: the chain of single-input nodes upstream of it, nearest last, each
 * with its effective parameters and the data it received. A model-building node uses it to refit learned
 * transforms on its own training rows instead of on every row.
 *
 * @param steps the nodes from the farthest to the nearest
 */
public record Lineage(List<Step> steps) {
    /** No known steps. */
    public static final Lineage NONE = new Lineage(List.of());

    /** Copies the list. */
    public Lineage {
        steps = List.copyOf(steps);
    }

    /**
     * One node upstream.
     *
     * @param type the node type
     * @param params its effective parameters
     * @param input the data it received on its one input
     */
    public record Step(NodeType type, NodeParams params, Object input) {
    }
}
