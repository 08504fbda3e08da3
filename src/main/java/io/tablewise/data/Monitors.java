package io.tablewise.data;

import io.tablewise.node.ProgressMonitor;
import io.tablewise.node.NodeContext;

/** Adapts a node's context to the readers' {@link ProgressMonitor}. */
final class Monitors {
    private Monitors() {
    }

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
