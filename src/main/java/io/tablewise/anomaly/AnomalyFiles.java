package io.tablewise.anomaly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * What a search for anomalies leaves in a folder, the same from {@code tablewise anomalies} and a flow's Export model
 * node: {@code anomalies.csv} (the rows with their score, flag and reason), {@code summary.json} and, when a detector
 * was made, {@code model/} that scores later rows the same way.
 */
public final class AnomalyFiles {
    private AnomalyFiles() {
    }

    /** Writes the files into {@code folder}; {@code detector} may be null (rows scored by a saved one, or in time). */
    public static void write(Table scored, Map<String, Object> summary, AnomalyModel detector, Path folder)
            throws IOException {
        Files.createDirectories(folder);
        io.tablewise.data.CsvExportNode.writeCsv(scored, folder.resolve("anomalies.csv"));
        io.tablewise.io.JsonFiles.write(summary, folder.resolve("summary.json"));
        if (detector != null) {
            detector.save(folder.resolve("model"));
        }
    }

    /**
     * The summary: rows, flagged, share asked for (null when scored by a saved detector), threshold, the columns
     * scored and left out; with a column of known answers ({@code label}, its anomaly value {@code positive}, empty:
     * its rarest value) how well the scores rank them ({@code label.rocAuc}, {@code label.precision},
     * {@code label.recall}) and the share found of each of its values ({@code foundByLabelValue}).
     */
    public static Map<String, Object> summary(Table table, AnomalyReport r, Double share, String label,
                                              String positive) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("rows", table.rowCount());
        summary.put("flagged", r.flaggedCount());
        summary.put("share", share);
        summary.put("threshold", r.threshold());
        summary.put("columns", r.columns());
        summary.put("leftOut", r.leftOut());
        if (label != null && !label.isBlank() && table.containsColumn(label)) {
            String pos = positive == null || positive.isBlank() ? AnomalyNode.rarestValue(table, label) : positive;
            double[] m = r.against(table.column(label), pos);
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("column", label);
            l.put("positive", pos);
            l.put("rocAuc", m[0]);
            l.put("precision", m[1]);
            l.put("recall", m[2]);
            summary.put("label", l);
            Map<String, Double> byKind = recallByValue(table.column(label), r.flagged());
            if (byKind.size() > 1) {
                summary.put("foundByLabelValue", byKind);
            }
        }
        return summary;
    }

    /** The share flagged of each value of the label but its most common one (the ordinary rows). */
    static Map<String, Double> recallByValue(Column<?> label, boolean[] flagged) {
        Map<String, int[]> counts = new java.util.TreeMap<>();
        for (int i = 0; i < label.size(); i++) {
            if (!label.isMissing(i)) {
                int[] c = counts.computeIfAbsent(label.getString(i), k -> new int[2]);
                c[0]++;
                c[1] += flagged[i] ? 1 : 0;
            }
        }
        String common = counts.entrySet().stream().max(java.util.Comparator.comparingInt(e -> e.getValue()[0]))
                .map(Map.Entry::getKey).orElse(null);
        Map<String, Double> out = new LinkedHashMap<>();
        counts.forEach((k, c) -> {
            if (!k.equals(common)) {
                out.put(k, c[1] / (double) c[0]);
            }
        });
        return out;
    }
}
