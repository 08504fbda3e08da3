package io.tablewise.transform;

import java.util.List;
import java.util.Map;

import tech.tablesaw.api.Table;

import io.tablewise.node.ConfigureContext;
import io.tablewise.node.NodeContext;
import io.tablewise.node.NodeDescriptor;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeType;
import io.tablewise.node.PortSpec;
import io.tablewise.node.PortType;
import io.tablewise.node.TableSchema;

/**
 * A one-table transform as a node: input {@code table}, output {@code table}. Run on its own, a learning
 * transform fits on the rows it receives (the rows of a training split when it is placed after one); the
 * model-building node refits the chain upstream of it on training rows only.
 */
public final class TransformNode implements NodeType {
    private final Transform transform;
    private final NodeDescriptor descriptor;

    /** Wraps a transform. */
    public TransformNode(Transform transform) {
        this.transform = transform;
        TransformSpec s = transform.spec();
        this.descriptor = new NodeDescriptor(s.id(), 1, s.title(), s.category(), s.help(),
                List.of(PortSpec.of("table", PortType.TABLE, "The table to transform")),
                List.of(PortSpec.of("table", PortType.TABLE, "The transformed table")), s.params());
    }

    /** The wrapped transform. */
    public Transform transform() {
        return transform;
    }

    @Override
    public NodeDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Map<String, TableSchema> configure(ConfigureContext context) throws NodeException {
        TableSchema in = context.inputSchemas().get("table");
        if (in == null) {
            return Map.of();
        }
        TableSchema out = transform.outputSchema(in, context.params());
        // null: the output columns depend on the data (e.g. one-hot categories) and are known after a run
        return out == null ? Map.of() : Map.of("table", out);
    }

    @Override
    public Map<String, Object> execute(NodeContext context) throws NodeException {
        Table input = context.input("table", Table.class);
        transform.outputSchema(TableSchema.of(input), context.params());
        FittedState state = transform.fit(input, context.params());
        context.checkCancelled();
        Table out = transform.apply(input, context.params(), state, new TransformContext() {
            @Override
            public void warn(String message) {
                context.warn(message);
            }

            @Override
            public void info(String message) {
                context.info(message);
            }

            @Override
            public boolean isCancelled() {
                return context.isCancelled();
            }
        });
        if (transform.learns()) {
            String json = state.toJson();
            context.info("learned: " + (json.length() > 2000 ? json.substring(0, 2000) + " …" : json));
        }
        return Map.of("table", out);
    }
}
