package io.tablewise.track;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.tablewise.engine.ExecutionListener;
import io.tablewise.engine.FlowExecutor;
import io.tablewise.engine.InvalidParameterException;
import io.tablewise.engine.PathPolicy;
import io.tablewise.engine.RunRequest;
import io.tablewise.engine.RunResult;
import io.tablewise.flow.Flow;
import io.tablewise.flow.NodeInstance;
import io.tablewise.flow.json.FlowFormatException;
import io.tablewise.flow.json.FlowReader;
import io.tablewise.model.ModelFiles;
import io.tablewise.model.ModelJson;
import io.tablewise.model.TrainedModel;

/**
 * Rebuilds the model of a recorded run: the flow as it ran (kept in the record), with the run's flow parameters, is
 * run up to the model node with the node's settings pinned to the ones the run chose (no search), so the rows, split,
 * seed and settings are the run's and the model predicts as the recorded one did. What differs from the record (the
 * data since changed, a metric) is said, never hidden.
 */
public final class RunRebuild {
    /** The largest difference between a recorded and a rebuilt metric that still counts as the same. */
    static final double SAME = 1e-9;

    /**
     * A rebuild's outcome.
     *
     * @param model the rebuilt model
     * @param folder where its model folder was written
     * @param differences what differs from the record, in words; empty when the rebuilt model is the recorded one
     */
    public record Outcome(TrainedModel model, Path folder, List<String> differences) {
    }

    private RunRebuild() {
    }

    /** Whether the record keeps what a rebuild needs (records from before Tablewise kept the flow do not). */
    public static boolean possible(RunRecord record) {
        return record.flowDocument() != null && !record.settingsText().isEmpty();
    }

    /**
     * Rebuilds the record's model and writes its model folder to {@code folder}.
     *
     * @param flowFile the flow file the run belongs to: relative data paths are read beside it
     * @param paths where the run may read (the studio passes the user's allowances)
     * @throws IllegalArgumentException when the record cannot be rebuilt, saying why
     * @throws IllegalStateException when the run fails, with the node's error
     */
    public static Outcome rebuild(FlowExecutor executor, RunRecord record, Path flowFile, PathPolicy paths,
                                  Path folder, ExecutionListener listener, BooleanSupplier cancelled)
            throws IOException {
        if (!possible(record)) {
            throw new IllegalArgumentException("run " + record.runId() + " was recorded before Tablewise kept the "
                    + "flow and settings with each run, so it cannot be rebuilt exactly; run the flow again to record "
                    + "a run that can");
        }
        Flow flow;
        try {
            flow = new FlowReader().read(new ObjectMapper().writeValueAsString(record.flowDocument()),
                    flowFile.getFileName() + " as run " + record.runId() + " ran");
        } catch (FlowFormatException e) {
            throw new IllegalArgumentException("the flow kept with run " + record.runId() + " cannot be read: "
                    + e.getMessage(), e);
        }
        NodeInstance node = flow.node(record.node()).orElseThrow(() -> new IllegalArgumentException(
                "the flow kept with run " + record.runId() + " has no node '" + record.node() + "'"));
        flow = flow.withReplacedNode(node.withParam("settings", record.settingsText()));
        Map<String, String> overrides = new LinkedHashMap<>();
        record.parameters().forEach((k, v) -> {
            if (k.startsWith("flow.")) {
                overrides.put(k.substring("flow.".length()), v);
            }
        });
        Path dir = flowFile.toAbsolutePath().getParent();
        RunResult result;
        try {
            result = SweepRunner.await(executor.start(new RunRequest(flow, dir, dir, overrides,
                    Set.of(record.node()), paths), listener), cancelled);
        } catch (InvalidParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the rebuild was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(String.valueOf(e.getCause()), e);
        }
        if (result.status() == RunResult.Status.CANCELLED) {
            throw new IllegalStateException("the rebuild was cancelled");
        }
        if (result.status() != RunResult.Status.OK) {
            throw new IllegalStateException(result.problems());
        }
        TrainedModel model = result.output(record.node(), "model", TrainedModel.class);
        ModelFiles.save(model, folder);
        return new Outcome(model, folder, differences(record, model));
    }

    /** What differs between the record and the rebuilt model: the data and each metric. */
    static List<String> differences(RunRecord record, TrainedModel model) {
        List<String> out = new ArrayList<>();
        Object was = record.data() == null ? null : record.data().get("fingerprint");
        Object now = model.info().get("dataFingerprint");
        if (was != null && !was.equals(now)) {
            out.add("the data changed since the run (fingerprint " + was + ", now " + now + ")");
        }
        Map<String, Double> rebuilt = new LinkedHashMap<>();
        model.evaluation().metrics().forEach((k, v) -> rebuilt.put(ModelJson.camel(k), v));
        record.metrics().forEach((k, v) -> {
            Double r = rebuilt.get(k);
            if (v != null && r != null && !(Math.abs(v - r) <= SAME)) {
                out.add(String.format(Locale.ROOT, "test %s %.6f, recorded %.6f", k, r, v));
            }
        });
        return out;
    }
}
