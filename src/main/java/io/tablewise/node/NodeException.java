package io.tablewise.node;

/**
 * A node cannot do its work for a reason the user can fix (a missing file, a bad value, a column that
 * disappeared). The message is shown as is: it names what is wrong and what to do.
 */
public class NodeException extends Exception {
    private final String param;

    /** A failure not tied to one parameter. */
    public NodeException(String message) {
        this(null, message, null);
    }

    /** A failure about one parameter. */
    public NodeException(String param, String message) {
        this(param, message, null);
    }

    /** A failure with its cause kept for the log. */
    public NodeException(String param, String message, Throwable cause) {
        super(message, cause);
        this.param = param;
    }

    /** The parameter concerned, or {@code null}. */
    public String param() {
        return param;
    }
}
