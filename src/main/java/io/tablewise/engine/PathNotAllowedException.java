package io.tablewise.engine;

/**
 * A path in a flow that the {@link PathPolicy} refuses: outside the allowed folders, the flow file itself, an input
 * of the flow, or not a valid path. Unchecked because it is raised from {@code NodeContext.resolveInput} and
 * {@code resolveOutput}; the executor and the validator turn it into an error on the node and parameter.
 */
public final class PathNotAllowedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A refusal with a message that names the path and what to do. */
    public PathNotAllowedException(String message) {
        super(message);
    }
}
