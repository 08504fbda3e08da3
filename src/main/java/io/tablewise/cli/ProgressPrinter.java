package io.tablewise.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.tablewise.engine.ExecutionListener;
import io.tablewise.engine.NodeResult;
import io.tablewise.engine.NodeState;

/**
 * Shows a run's progress on stderr: on a terminal, one redrawn line with a bar for the running node; otherwise
 * (a pipe, a log, CI) plain lines as nodes start and finish, with no control characters.
 */
final class ProgressPrinter implements ExecutionListener {
    private static final int BAR = 24;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int PLAIN_EVERY_SECONDS = 5;

    private final PrintWriter err;
    private final boolean terminal;
    private final Map<String, Double> progress = new ConcurrentHashMap<>();
    private long lastDraw;
    private int lastWidth;

    ProgressPrinter(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void nodeStateChanged(String nodeId, NodeState state, NodeResult result) {
        if (state == NodeState.QUEUED) {
            return;
        }
        if (state == NodeState.RUNNING) {
            progress.put(nodeId, 0.0);
            if (!terminal) {
                err.println(nodeId + ": running");
                err.flush();
            } else {
                draw(nodeId, 0, "starting");
            }
            return;
        }
        progress.remove(nodeId);
        clearLine();
        String how = result != null && result.fromCache() ? " (cached)" : "";
        String time = result == null ? "" : String.format(Locale.ROOT, " in %.2f s", result.seconds());
        err.println(nodeId + ": " + state.label() + how + (state == NodeState.DONE ? time : ""));
        if (result != null && result.error() != null) {
            err.println("  " + result.error());
        }
        err.flush();
    }

    @Override
    public synchronized void nodeProgress(String nodeId, double fraction, String message) {
        progress.put(nodeId, fraction);
        if (terminal && System.nanoTime() - lastDraw > REDRAW_NANOS) {
            draw(nodeId, fraction, message);
        }
    }

    /**
     * Progress of one long step outside a flow (a build): redrawn on a terminal; otherwise a plain line with the
     * elapsed seconds at most every {@value #PLAIN_EVERY_SECONDS} s. Notices always get a line of their own.
     */
    io.tablewise.node.ProgressMonitor monitor(String label) {
        long start = System.nanoTime();
        return new io.tablewise.node.ProgressMonitor() {
            private long lastLine = start;

            @Override
            public void progress(double fraction, String message) {
                synchronized (ProgressPrinter.this) {
                    long now = System.nanoTime();
                    if (terminal && now - lastDraw > REDRAW_NANOS) {
                        draw(label, fraction, message);
                    } else if (!terminal && now - lastLine > PLAIN_EVERY_SECONDS * 1_000_000_000L) {
                        line(message);
                    }
                }
            }

            @Override
            public void notice(double fraction, String message) {
                synchronized (ProgressPrinter.this) {
                    clearLine();
                    line(message);
                }
            }

            private void line(String message) {
                lastLine = System.nanoTime();
                err.printf(Locale.ROOT, "%s [%5.1f s]: %s%n", label, (lastLine - start) / 1e9, message);
                err.flush();
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }

    /** Clears a redrawn line before other output. */
    synchronized void done() {
        clearLine();
    }

    private void draw(String nodeId, double fraction, String message) {
        int filled = (int) Math.round(fraction * BAR);
        String line = String.format(Locale.ROOT, "[%s%s] %3d%% %s: %s", "#".repeat(filled), ".".repeat(BAR - filled),
                Math.round(fraction * 100), nodeId, message == null ? "" : message);
        clearLine();
        err.print(line);
        err.flush();
        lastWidth = line.length();
        lastDraw = System.nanoTime();
    }

    private void clearLine() {
        if (terminal && lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            lastWidth = 0;
        }
    }
}
