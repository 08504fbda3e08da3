package io.tablewise.node;

/** Thrown from {@link NodeContext#checkCancelled()} when the user cancelled the run. */
public class CancelledException extends RuntimeException {
    /** Creates the exception. */
    public CancelledException() {
        super("cancelled", null, false, false);
    }
}
