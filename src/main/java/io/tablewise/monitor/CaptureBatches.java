package io.tablewise.monitor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.capture.CaptureReader;
import io.tablewise.capture.CaptureRecord;
import io.tablewise.capture.CaptureWriter;

/**
 * The scoring endpoint's captured requests as the monitor's batches: one batch per hourly capture file, the rows as
 * the callers sent them (shadow copies left out; optionally one variant's rows only). A column whose values are all
 * numbers is a number column, any other a text column (the Predictor reads it as the model's type).
 */
public final class CaptureBatches {
    private CaptureBatches() {
    }

    /**
     * A batch.
     *
     * @param name the capture file's name (its hour)
     * @param rows the rows
     * @param skipped lines that could not be read (a torn last line of a file being written)
     * @param keys each row's request id and position ({@code requestId#row}), what feedback names
     */
    public record Batch(String name, Table rows, int skipped, List<String> keys) {
        /** Copies the list. */
        public Batch {
            keys = List.copyOf(keys);
        }

        /** The rows with their keys in a column {@code name} (to join outcomes to). */
        public Table withKeys(String name) {
            Table copy = rows.copy();
            copy.addColumns(StringColumn.create(name, keys));
            return copy;
        }
    }

    /** The key column's name in {@link Batch#withKeys} and {@link #feedback}. */
    public static final String KEY = "request";

    /**
     * The outcomes callers sent to {@code /feedback}, as a labels table: {@link #KEY} ({@code requestId#row}) and
     * {@code outcome}; empty when there is no feedback.
     */
    public static Table feedback(Path folder) throws IOException {
        StringColumn key = StringColumn.create(KEY);
        StringColumn outcome = StringColumn.create("outcome");
        for (io.tablewise.capture.FeedbackRecord f : CaptureReader.read(folder).feedback()) {
            key.append(f.requestId() + "#" + f.row());
            outcome.append(f.actual());
        }
        return Table.create("feedback", key, outcome);
    }

    /**
     * The batches of a capture folder, in time order.
     *
     * @param variant only this variant's rows, or null for every variant
     * @throws IOException naming the folder when it does not exist or has no capture file
     */
    public static List<Batch> read(Path folder, String variant) throws IOException {
        if (!java.nio.file.Files.isDirectory(folder)) {
            throw new IOException("the capture folder " + folder + " does not exist");
        }
        List<Path> files = CaptureWriter.files(folder, "capture");
        if (files.isEmpty()) {
            throw new IOException(folder + " holds no capture files (capture-YYYYMMDD-HH.jsonl); is capture on in "
                    + "the endpoint's configuration?");
        }
        List<Batch> out = new ArrayList<>();
        for (Path f : files) {
            List<CaptureRecord> records = new ArrayList<>();
            int[] skipped = {0};
            for (CaptureRecord r : CaptureReader.readFile(f, skipped)) {
                if (!r.shadow() && (variant == null || variant.equals(r.variant()))) {
                    records.add(r);
                }
            }
            String name = f.getFileName().toString().replace(".jsonl", "");
            out.add(new Batch(name, table(name, records), skipped[0], records.stream()
                    .map(r -> r.requestId() + "#" + r.row()).toList()));
        }
        return out;
    }

    /** The records' inputs as a table: numbers where every value is a number, text otherwise. */
    static Table table(String name, List<CaptureRecord> records) {
        Set<String> names = new LinkedHashSet<>();
        records.forEach(r -> names.addAll(r.input().keySet()));
        List<Column<?>> columns = new ArrayList<>();
        for (String column : names) {
            boolean numbers = records.stream().map(r -> r.input().get(column))
                    .allMatch(v -> v == null || v instanceof Number);
            if (numbers) {
                DoubleColumn c = DoubleColumn.create(column);
                records.forEach(r -> {
                    Object v = r.input().get(column);
                    if (v == null) {
                        c.appendMissing();
                    } else {
                        c.append(((Number) v).doubleValue());
                    }
                });
                columns.add(c);
            } else {
                StringColumn c = StringColumn.create(column);
                records.forEach(r -> {
                    Object v = r.input().get(column);
                    if (v == null) {
                        c.appendMissing();
                    } else {
                        c.append(String.valueOf(v));
                    }
                });
                columns.add(c);
            }
        }
        return Table.create(name, columns);
    }
}
