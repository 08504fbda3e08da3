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
 */
public record ParamField(ParamSpec spec, Object value, Object effective, String message, List<String> columns) {
    /** Copies the list. */
    public ParamField {
        columns = List.copyOf(columns);
        message = message == null ? "" : message;
    }
}
