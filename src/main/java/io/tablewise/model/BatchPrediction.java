package io.tablewise.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import tech.tablesaw.api.Table;

import io.tablewise.data.CsvExportNode;
import io.tablewise.data.DataFiles;
import io.tablewise.node.CancelledException;
import io.tablewise.node.NodeException;
import io.tablewise.node.ProgressMonitor;

/**
 * Scores a data file into a new CSV file (the studio's batch prediction; the same steps as
 * {@code tablewise predict}): read with automatic detection, score, write atomically. Progress covers the three
 * steps; cancelling leaves no output file behind.
 */
public final class BatchPrediction {
    /**
     * What was done.
     *
     * @param rows rows scored
     * @param output the file written
     * @param seconds time taken
     */
    public record Summary(long rows, Path output, double seconds) {
    }

    private BatchPrediction() {
    }

    /** Scores {@code input} with {@code model} into {@code output}; {@code warn} receives what the user should know. */
    public static Summary run(TrainedModel model, Path input, Path output, ProgressMonitor monitor,
                              Consumer<String> warn) throws NodeException, IOException {
        long start = System.nanoTime();
        if (input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
            throw new NodeException("the output file must differ from the input file " + input);
        }
        Table raw = DataFiles.read(input, new ProgressMonitor() {
            private double shown;

            @Override
            public synchronized void progress(double fraction, String message) {
                // the reader reports from several threads; the bar only moves forward
                if (fraction > shown) {
                    shown = fraction;
                    monitor.progress(0.6 * fraction, "reading " + input.getFileName() + ": " + message);
                }
            }

            @Override
            public boolean isCancelled() {
                return monitor.isCancelled();
            }
        }).table();
        cancelled(monitor);
        monitor.progress(0.6, String.format(java.util.Locale.ROOT, "scoring %,d rows", raw.rowCount()));
        Table scored = Predictor.predict(model, raw, warn);
        cancelled(monitor);
        monitor.progress(0.85, "writing " + output.getFileName());
        CsvExportNode.writeCsv(scored, output);
        monitor.progress(1, "done");
        return new Summary(scored.rowCount(), output, (System.nanoTime() - start) / 1e9);
    }

    private static void cancelled(ProgressMonitor monitor) {
        if (monitor.isCancelled()) {
            throw new CancelledException();
        }
    }
}
