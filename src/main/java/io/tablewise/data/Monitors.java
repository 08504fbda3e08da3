package io.tablewise.data;

import io.tablewise.node.NodeContext;

/** Adapts a node's context to the readers' {@link ImportMonitor}. */
final class Monitors {
    private Monitors() {
    }

    static ImportMonitor of(NodeContext context) {
        return new ImportMonitor() {
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
