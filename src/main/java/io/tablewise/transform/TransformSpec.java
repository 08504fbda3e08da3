package io.tablewise.transform;

import java.util.List;

import io.tablewise.node.ParamSpec;

/**
 * A transform's description: node type id {@code transform.<group>.<name>} (stable forever once released), the
 * palette group, name, help and parameters. Column parameters name columns of the input port {@code table}.
 *
 * @param group the catalogue group id (e.g. {@code scale})
 * @param name the transform's id within the group (e.g. {@code standard})
 * @param title the name shown to analysts
 * @param help what it does, one or two sentences
 * @param params the parameters
 */
public record TransformSpec(String group, String name, String title, String help, List<ParamSpec> params) {
    /** Copies the list. */
    public TransformSpec {
        params = List.copyOf(params);
    }

    /** The node type id. */
    public String id() {
        return "transform." + group + "." + name;
    }

    /** The palette category of a group. */
    public String category() {
        return switch (group) {
            case "columns" -> "Columns";
            case "rows" -> "Rows";
            case "missing" -> "Missing values";
            case "outliers" -> "Outliers";
            case "encode" -> "Encode";
            case "scale" -> "Scale";
            case "text" -> "Text";
            case "datetime" -> "Date and time";
            case "formula" -> "Formula";
            case "window" -> "Window";
            case "combine" -> "Combine";
            case "balance" -> "Balance";
            case "split" -> "Split";
            default -> "Transform";
        };
    }
}
