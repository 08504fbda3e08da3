package io.tablewise.node;

/**
 * A {@link NodeException} that has to cross code which cannot throw checked exceptions (a per-value function
 * passed to a column loop). The executor reports it exactly like the checked form: its message, on the node and
 * parameter, with no trace.
 */
public final class NodeFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String param;

    /** A failure about one parameter (or {@code null}) with a message that says what to do. */
    public NodeFailure(String param, String message) {
        super(message);
        this.param = param;
    }

    /** The parameter concerned, or {@code null}. */
    public String param() {
        return param;
    }
}
