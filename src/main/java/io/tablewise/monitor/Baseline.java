package io.tablewise.monitor;

import java.util.ArrayList;
import java.util.List;

import tech.tablesaw.api.Table;

/**
 * A model's baseline: its raw input columns on the training rows, as they entered the model, and its predictions on
 * them (the predicted class, or the predicted value).
 *
 * @param columns each input column's baseline
 * @param prediction the predictions' baseline (a category of classes, or numbers)
 * @param rows training rows measured
 */
public record Baseline(List<ColumnBaseline> columns, ColumnBaseline prediction, long rows) {
    /** The JSON format's name and version. */
    public static final String FORMAT = "tablewise.baseline";
    public static final int VERSION = 1;

    /** Copies the list. */
    public Baseline {
        columns = List.copyOf(columns);
    }

    /**
     * The baseline of {@code inputs} of {@code table} over {@code rows}, with the predictions of those rows
     * ({@code prediction}: one row per entry of {@code rows}).
     */
    public static Baseline of(Table table, List<String> inputs, int[] rows, tech.tablesaw.columns.Column<?> prediction) {
        List<ColumnBaseline> out = new ArrayList<>();
        for (String c : inputs) {
            if (table.containsColumn(c)) {
                out.add(ColumnBaseline.of(table.column(c), rows));
            }
        }
        int[] all = new int[prediction.size()];
        java.util.Arrays.setAll(all, i -> i);
        return new Baseline(out, ColumnBaseline.of(prediction, all), rows.length);
    }

    /** A column's baseline, or null. */
    public ColumnBaseline column(String name) {
        return columns.stream().filter(c -> c.column().equals(name)).findFirst().orElse(null);
    }
}
