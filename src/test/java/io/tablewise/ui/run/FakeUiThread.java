package io.tablewise.ui.run;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A stand-in for the JavaFX thread in view-model tests: one thread that owns the view models' state, so engine
 * callbacks are handed over exactly as in the studio, and the test reads state on that same thread.
 */
public final class FakeUiThread implements Executor, AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fake-ui");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void execute(Runnable command) {
        if (!thread.isShutdown()) { // like Platform.runLater after the window closed: dropped
            thread.execute(command);
        }
    }

    /** Runs {@code work} on the UI thread and returns its result. */
    public <T> T call(Callable<T> work) {
        try {
            return thread.submit(work).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code work} on the UI thread. */
    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Waits (up to {@code seconds}) until {@code condition}, checked on the UI thread, holds. */
    public void await(BooleanSupplier condition, double seconds, String what) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (!call(condition::getAsBoolean)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
