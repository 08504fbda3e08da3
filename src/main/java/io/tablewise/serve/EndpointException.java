package io.tablewise.serve;

/** A configuration or a change the endpoint refuses, with a message that says what to fix. */
public final class EndpointException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public EndpointException(String message) {
        super(message);
    }

    /** Creates the exception with its cause. */
    public EndpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
