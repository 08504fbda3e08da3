package io.tablewise.track;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.tablewise.engine.ExecutionListener;
import io.tablewise.engine.FlowExecutor;
import io.tablewise.engine.InvalidParameterException;
import io.tablewise.engine.RunHandle;
import io.tablewise.engine.RunRequest;
import io.tablewise.engine.RunResult;
import io.tablewise.flow.Flow;

/**
 * Replays a flow once per combination of a sweep and records every model built as a run (what
 * {@code tablewise run --sweep} does, for the studio's sweep dialog). Nodes a combination does not change are
 * served from the executor's cache.
 */
public final class SweepRunner {
    /** Hears how the sweep goes. */
    public interface Listener {
        /** Combination {@code index} (0-based) of {@code total} starts. */
        void combinationStarted(int index, int total, Map<String, String> values);

        /** The whole sweep's progress in [0, 1]. */
        void progress(double fraction, String message);
    }

    /**
     * How it went.
     *
     * @param records the runs recorded, in order
     * @param failedCombinations combinations whose run failed or was invalid, with the reason
     * @param cancelled true when stopped before the end
     */
    public record Outcome(List<RunRecord> records, Map<Map<String, String>, String> failedCombinations,
                          boolean cancelled) {
    }

    private SweepRunner() {
    }

    /** Runs {@code flow} (saved as {@code flowFile}) once per combination and appends the runs to its log. */
    public static Outcome run(FlowExecutor executor, Flow flow, Path flowFile, List<Map<String, String>> grid,
                              Listener listener, BooleanSupplier cancelled) throws IOException {
        Path folder = flowFile.toAbsolutePath().getParent();
        return run(executor, flow, flowFile, io.tablewise.engine.PathPolicy.of(folder, flowFile, folder), grid,
                listener, cancelled);
    }

    /** The same, reading and writing where {@code paths} allows (the studio passes the user's allowances). */
    public static Outcome run(FlowExecutor executor, Flow flow, Path flowFile, io.tablewise.engine.PathPolicy paths,
                              List<Map<String, String>> grid, Listener listener, BooleanSupplier cancelled)
            throws IOException {
        Path dir = flowFile.toAbsolutePath().getParent();
        List<RunRecord> records = new ArrayList<>();
        Map<Map<String, String>, String> failed = new LinkedHashMap<>();
        for (int i = 0; i < grid.size(); i++) {
            if (cancelled.getAsBoolean()) {
                return new Outcome(records, failed, true);
            }
            Map<String, String> values = grid.get(i);
            listener.combinationStarted(i, grid.size(), values);
            int index = i;
            RunHandle handle;
            try {
                handle = executor.start(new RunRequest(flow, dir, dir, values, java.util.Set.of(), paths),
                        new ExecutionListener() {
                            @Override
                            public void nodeProgress(String nodeId, double fraction, String message) {
                                listener.progress((index + Math.min(1, fraction) * 0.99) / grid.size(),
                                        nodeId + ": " + message);
                            }
                        });
            } catch (InvalidParameterException e) {
                failed.put(values, e.getMessage());
                continue;
            }
            RunResult result;
            try {
                result = await(handle, cancelled);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handle.cancel();
                return new Outcome(records, failed, true);
            } catch (java.util.concurrent.ExecutionException e) {
                failed.put(values, String.valueOf(e.getCause()));
                continue;
            }
            if (result.status() == RunResult.Status.CANCELLED) {
                return new Outcome(records, failed, true);
            }
            if (result.status() != RunResult.Status.OK) {
                failed.put(values, result.problems());
            }
            Map<String, Object> effective = new LinkedHashMap<>(flow.parameters());
            effective.putAll(values);
            records.addAll(RunTracker.record(dir, flow, flowFile, effective, result));
            listener.progress((i + 1.0) / grid.size(), "");
        }
        return new Outcome(records, failed, false);
    }

    /** The run's result, cancelling it as soon as {@code cancelled} says so (it then ends as cancelled). */
    static RunResult await(RunHandle handle, BooleanSupplier cancelled) throws InterruptedException,
            java.util.concurrent.ExecutionException {
        while (true) {
            try {
                return handle.future().get(200, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                if (cancelled.getAsBoolean()) {
                    handle.cancel();
                }
            }
        }
    }
}
