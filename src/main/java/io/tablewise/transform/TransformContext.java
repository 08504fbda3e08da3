package io.tablewise.transform;

/** What a running transform can report: warnings and cancellation. */
public interface TransformContext {
    /** A context that ignores warnings and is never cancelled (tests, previews). */
    TransformContext NONE = new TransformContext() {
        @Override
        public void warn(String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** Records a warning shown on the node. */
    void warn(String message);

    /** Records what the transform did (shown in the node's log, not as a warning). */
    default void info(String message) {
    }

    /** True once the run is cancelled. */
    boolean isCancelled();
}
