package io.tablewise.flow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One node placed in a flow: which node type it is, at which type version it was saved, its label, parameter
 * values and canvas position. Parameters not present take the node type's defaults.
 *
 * @param id unique id within the flow, stable across edits (edges refer to it)
 * @param type the node type id, e.g. {@code data.import.csv}
 * @param typeVersion the node type version the parameters were written for
 * @param label the name shown on the canvas
 * @param params parameter values by name (see {@link ParamValues} for the allowed value types)
 * @param ui canvas position
 */
public record NodeInstance(String id, String type, int typeVersion, String label, Map<String, Object> params,
                           UiPosition ui) {
    /** Creates a node instance with a defensive copy of its parameters. */
    public NodeInstance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        label = label == null ? id : label;
        params = ParamValues.copyOf(params);
        ui = ui == null ? UiPosition.ORIGIN : ui;
    }

    /** Returns a copy with one parameter set ({@code null} removes it, so the default applies). */
    public NodeInstance withParam(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(params);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return new NodeInstance(id, type, typeVersion, label, copy, ui);
    }

    /** Returns a copy with another label. */
    public NodeInstance withLabel(String newLabel) {
        return new NodeInstance(id, type, typeVersion, newLabel, params, ui);
    }

    /** Returns a copy at another canvas position. */
    public NodeInstance withUi(UiPosition position) {
        return new NodeInstance(id, type, typeVersion, label, params, position);
    }
}
