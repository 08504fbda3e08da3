package io.tablewise.ui.inspector;

import java.util.List;

import io.tablewise.node.ParamSpec;

/**
 * One parameter as the inspector shows it.
 *
 * @param spec the declared parameter
 * @param value the value stored in the flow ({@code null}: the default applies)
 * @param effective the value that applies (stored or default)
 * @param message what is wrong with it ("" when nothing)
 * @param columns for column parameters: the columns of the input it names, in order (empty when unknown)
 * @param suggestions values to choose from for a text parameter that names something on this computer (a registered
 *     model, a saved connection, a database's table); empty when there is nothing to offer
 */
public record ParamField(ParamSpec spec, Object value, Object effective, String message, List<String> columns,
                         List<String> suggestions) {
    /** Copies the lists. */
    public ParamField {
        columns = List.copyOf(columns);
        suggestions = List.copyOf(suggestions);
        message = message == null ? "" : message;
    }

    /** A field without suggestions. */
    public ParamField(ParamSpec spec, Object value, Object effective, String message, List<String> columns) {
        this(spec, value, effective, message, columns, List.of());
    }
}
