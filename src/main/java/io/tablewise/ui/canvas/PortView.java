package io.tablewise.ui.canvas;

import javafx.scene.control.Tooltip;
import javafx.scene.shape.Circle;

import io.tablewise.flow.PortRef;
import io.tablewise.node.PortSpec;

/** An input or output port on a node card: a dot that edges start from and end at. */
final class PortView extends Circle {
    static final double RADIUS = 6;
    private final PortRef ref;
    private final PortSpec spec;
    private final boolean input;

    PortView(PortRef ref, PortSpec spec, boolean input) {
        super(RADIUS);
        this.ref = ref;
        this.spec = spec;
        this.input = input;
        getStyleClass().addAll("port", input ? "port-in" : "port-out");
        // Made on first hover: hundreds of ports on a large canvas would otherwise cost a Tooltip each up front.
        setOnMouseEntered(e -> {
            if (getProperties().get("tooltip") == null) {
                Tooltip tip = new Tooltip(spec.name() + " · " + spec.type().displayName()
                        + (spec.help() == null || spec.help().isBlank() ? "" : "\n" + spec.help()));
                getProperties().put("tooltip", tip);
                Tooltip.install(this, tip);
            }
        });
    }

    PortRef ref() {
        return ref;
    }

    PortSpec spec() {
        return spec;
    }

    boolean isInput() {
        return input;
    }

    /** Marks the port while a connection is dragged: it would accept (true), refuse (false), or neither (null). */
    void mark(Boolean accepts) {
        getStyleClass().removeAll("port-accepts", "port-refuses");
        if (accepts != null) {
            getStyleClass().add(accepts ? "port-accepts" : "port-refuses");
        }
    }
}
