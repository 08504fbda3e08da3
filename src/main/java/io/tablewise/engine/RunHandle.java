package io.tablewise.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/** A run in progress: cancel it, or wait for its result. */
public final class RunHandle {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CompletableFuture<RunResult> result = new CompletableFuture<>();
    private volatile Runnable onCancel = () -> { };

    /** Asks the run to stop; running nodes see it within a second and the rest does not start. */
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            onCancel.run();
        }
    }

    /** True once {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Waits for the run to end. */
    public RunResult await() throws InterruptedException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the run coordinator failed: " + e.getCause(), e.getCause());
        }
    }

    /** The result as a future (completes when the run ends). */
    public CompletableFuture<RunResult> future() {
        return result;
    }

    void onCancel(Runnable action) {
        this.onCancel = action;
    }

    void complete(RunResult r) {
        result.complete(r);
    }

    void fail(Throwable t) {
        result.completeExceptionally(t);
    }
}
