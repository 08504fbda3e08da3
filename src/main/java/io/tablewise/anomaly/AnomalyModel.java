package io.tablewise.anomaly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.io.JsonFiles;
import io.tablewise.node.NodeException;

/**
 * A fitted anomaly detector: each column's encoding as learned on the rows it was made from (the median that fills a
 * blank, the sorted values that say how far out a value lies, the categories' shares), the isolation forest, each
 * column's usual share of the isolations, and the score threshold of the expected share. New rows are scored with
 * all of it unchanged — nothing is learned from them — so a row scores the same today as it would have then.
 */
public final class AnomalyModel {
    /** The saved detector's file in its folder. */
    public static final String FILE = "anomaly-model.json";
    /** The folder format's version. */
    static final int FORMAT_VERSION = 1;
    /** Reference values kept per numeric column in a saved detector (its quantiles). */
    static final int REFERENCE = 2001;

    /**
     * One column as the detector reads it.
     *
     * @param column its name
     * @param kind number, boolean, date, datetime, instant or category
     * @param fill what a blank counts as (the median)
     * @param reference the sorted values it was made from (numbers), for how far out a value lies
     * @param shares each category's share of the rows (categories)
     */
    record Encoding(String column, String kind, double fill, double[] reference, Map<String, Double> shares) {
        static Encoding of(AnomalyDetector.Feature f) {
            Column<?> c = f.source();
            String kind = c instanceof NumericColumn<?> ? "number" : c instanceof BooleanColumn ? "boolean"
                    : c instanceof DateColumn ? "date" : c instanceof DateTimeColumn ? "datetime"
                    : c instanceof InstantColumn ? "instant" : "category";
            double[] sorted = f.sorted();
            return new Encoding(f.column(), kind, sorted == null ? 0 : sorted[sorted.length / 2], sorted,
                    f.shares());
        }

        /** This column of {@code t} encoded as the detector learned. */
        AnomalyDetector.Feature feature(Table t) throws NodeException {
            if (!t.containsColumn(column)) {
                throw new NodeException(null, "the detector was made with the column '" + column + "'; this table "
                        + "lacks it (its columns: " + String.join(", ", t.columnNames()) + ")");
            }
            Column<?> c = t.column(column);
            int n = t.rowCount();
            double[] values = new double[n];
            if (kind.equals("category")) {
                for (int i = 0; i < n; i++) {
                    values[i] = shares.getOrDefault(c.isMissing(i) ? "" : c.getString(i), 0.0);
                }
                return new AnomalyDetector.Feature(column, values, true, null, shares, c, values);
            }
            boolean fits = switch (kind) {
                case "number" -> c instanceof NumericColumn<?>;
                case "boolean" -> c instanceof BooleanColumn;
                case "date" -> c instanceof DateColumn;
                default -> c instanceof DateTimeColumn || c instanceof InstantColumn; // both read as the time of day
            };
            if (!fits) {
                throw new NodeException(null, "'" + column + "' holds " + c.type().name().toLowerCase(
                        java.util.Locale.ROOT) + " here; the detector was made with a " + kind + " column");
            }
            double[] raw = new double[n];
            for (int i = 0; i < n; i++) {
                raw[i] = c.isMissing(i) ? Double.NaN : AnomalyDetector.number(c, i);
                values[i] = Double.isNaN(raw[i]) ? fill : raw[i];
            }
            return new AnomalyDetector.Feature(column, values, false, reference, Map.of(), c, raw);
        }
    }

    private final List<Encoding> encodings;
    private final IsolationForest forest;
    private final double[] meanCredit;
    private final double threshold;
    private final double share;
    private final List<String> leftOut;
    private final AnomalyReport training;

    AnomalyModel(List<Encoding> encodings, IsolationForest forest, double[] meanCredit, double threshold, double share,
                 List<String> leftOut, AnomalyReport training) {
        this.encodings = List.copyOf(encodings);
        this.forest = forest;
        this.meanCredit = meanCredit.clone();
        this.threshold = threshold;
        this.share = share;
        this.leftOut = List.copyOf(leftOut);
        this.training = training;
    }

    /** The report on the rows the detector was made from (null for a loaded one). */
    public AnomalyReport trainingReport() {
        return training;
    }

    /** The columns scored. */
    public List<String> columns() {
        return encodings.stream().map(Encoding::column).toList();
    }

    /** The columns it reads and their kinds, for typing rows that arrive as text or JSON (the endpoint). */
    public List<io.tablewise.node.ColumnSchema> inputs() {
        return encodings.stream().map(e -> new io.tablewise.node.ColumnSchema(e.column(), switch (e.kind()) {
            case "number" -> io.tablewise.node.ColumnKind.DECIMAL;
            case "boolean" -> io.tablewise.node.ColumnKind.BOOLEAN;
            case "date" -> io.tablewise.node.ColumnKind.DATE;
            case "datetime", "instant" -> io.tablewise.node.ColumnKind.DATETIME;
            default -> io.tablewise.node.ColumnKind.TEXT;
        })).toList();
    }

    /** The share of the training rows flagged. */
    public double share() {
        return share;
    }

    /** The lowest score flagged. */
    public double threshold() {
        return threshold;
    }

    /** Scores new rows: a row is flagged when it scores at least the training threshold. */
    public AnomalyReport score(Table t) throws NodeException {
        List<AnomalyDetector.Feature> features = new ArrayList<>();
        for (Encoding e : encodings) {
            features.add(e.feature(t));
        }
        int n = t.rowCount();
        double[] scores = new double[n];
        boolean[] flagged = new boolean[n];
        String[] reasons = new String[n];
        double[] row = new double[features.size()];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < row.length; j++) {
                row[j] = features.get(j).values()[i];
            }
            double[] credit = new double[row.length];
            scores[i] = forest.score(row, credit);
            flagged[i] = scores[i] >= threshold;
            reasons[i] = flagged[i] ? AnomalyDetector.reason(features, i, credit, meanCredit) : "";
        }
        return new AnomalyReport(scores, flagged, reasons, threshold, columns(), leftOut);
    }

    /** Writes {@code dir/anomaly-model.json} atomically. */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("formatVersion", FORMAT_VERSION);
        m.put("kind", "anomaly");
        m.put("share", share);
        m.put("threshold", threshold);
        m.put("leftOut", leftOut);
        List<Map<String, Object>> cols = new ArrayList<>();
        for (int j = 0; j < encodings.size(); j++) {
            Encoding e = encodings.get(j);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("column", e.column());
            c.put("kind", e.kind());
            c.put("fill", e.fill());
            c.put("meanCredit", meanCredit[j]);
            if (e.reference() != null) {
                c.put("reference", thin(e.reference()));
            }
            if (!e.shares().isEmpty()) {
                c.put("shares", new java.util.TreeMap<>(e.shares()));
            }
            cols.add(c);
        }
        m.put("columns", cols);
        m.put("forest", forest.toJson());
        JsonFiles.write(m, dir.resolve(FILE));
    }

    /** Reads a saved detector; a clear message when the folder holds none. */
    public static AnomalyModel load(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(dir + " holds no anomaly detector (no " + FILE + "; 'tablewise anomalies DATA --out "
                    + "DIR' writes one into DIR/model)");
        }
        JsonNode m = new ObjectMapper().readTree(file.toFile());
        int version = m.path("formatVersion").asInt(-1);
        if (version < 1 || version > FORMAT_VERSION || !"anomaly".equals(m.path("kind").asText())) {
            throw new IOException(file + " is not an anomaly detector this Tablewise reads (format version "
                    + version + ")");
        }
        try {
            List<Encoding> encodings = new ArrayList<>();
            JsonNode cols = m.path("columns");
            double[] credit = new double[cols.size()];
            for (int j = 0; j < cols.size(); j++) {
                JsonNode c = cols.get(j);
                double[] reference = null;
                if (c.has("reference")) {
                    reference = new double[c.get("reference").size()];
                    for (int k = 0; k < reference.length; k++) {
                        reference[k] = c.get("reference").get(k).asDouble();
                    }
                }
                Map<String, Double> shares = new HashMap<>();
                c.path("shares").fields().forEachRemaining(e -> shares.put(e.getKey(), e.getValue().asDouble()));
                encodings.add(new Encoding(c.path("column").asText(), c.path("kind").asText(), c.path("fill")
                        .asDouble(), reference, shares));
                credit[j] = c.path("meanCredit").asDouble();
            }
            List<String> leftOut = new ArrayList<>();
            m.path("leftOut").forEach(x -> leftOut.add(x.asText()));
            return new AnomalyModel(encodings, IsolationForest.fromJson(m.path("forest")), credit,
                    m.path("threshold").asDouble(), m.path("share").asDouble(), leftOut, null);
        } catch (RuntimeException e) {
            throw new IOException(file + " is damaged: " + e.getMessage(), e);
        }
    }

    /** At most {@link #REFERENCE} evenly spaced quantiles of sorted values. */
    private static double[] thin(double[] sorted) {
        if (sorted.length <= REFERENCE) {
            return sorted;
        }
        double[] out = new double[REFERENCE];
        for (int i = 0; i < REFERENCE; i++) {
            out[i] = sorted[(int) Math.round(i * (sorted.length - 1) / (double) (REFERENCE - 1))];
        }
        return out;
    }
}
