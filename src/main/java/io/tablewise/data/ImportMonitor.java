package io.tablewise.data;

/** Progress and cancellation for an import, so readers do not depend on the engine. */
public interface ImportMonitor {
    /** A monitor that ignores progress and never cancels. */
    ImportMonitor NONE = new ImportMonitor() {
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

    /** True once the user cancelled: readers then throw {@link io.tablewise.node.CancelledException}. */
    boolean isCancelled();
}
