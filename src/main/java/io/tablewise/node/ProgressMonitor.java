package io.tablewise.node;

/** Progress and cancellation for long work (imports, profiling), without depending on the engine. */
public interface ProgressMonitor {
    /** A monitor that ignores progress and never cancels. */
    ProgressMonitor NONE = new ProgressMonitor() {
        @Override
        public void progress(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** Progress in [0, 1]. */
    void progress(double fraction, String message);

    /** True once the user cancelled: the work then throws {@link CancelledException}. */
    boolean isCancelled();

    /**
     * Something the user should read before the work goes on (e.g. that it will take longer than asked): shown as a
     * line of its own where progress is only a redrawn bar. By default it is shown as progress.
     */
    default void notice(double fraction, String message) {
        progress(fraction, message);
    }

    /** A node's context as a monitor: progress and cancellation go through the context. */
    static ProgressMonitor of(NodeContext context) {
        return new ProgressMonitor() {
            @Override
            public void progress(double fraction, String message) {
                context.progress(fraction, message);
            }

            @Override
            public boolean isCancelled() {
                return context.isCancelled();
            }
        };
    }
}
