package io.tablewise.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;


/**
 * Baselines, constraints and reports as JSON: versioned ({@code format}, {@code formatVersion}), numbers as they are,
 * a missing number as null; a file from a newer Tablewise is refused with a message that says so.
 */
public final class MonitorJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MonitorJson() {
    }

    /** A baseline as plain maps (also kept in a model's manifest). */
    public static Map<String, Object> write(Baseline b) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", Baseline.FORMAT);
        out.put("formatVersion", Baseline.VERSION);
        out.put("rows", b.rows());
        List<Map<String, Object>> columns = new ArrayList<>();
        b.columns().forEach(c -> columns.add(column(c)));
        out.put("columns", columns);
        out.put("prediction", b.prediction() == null ? null : column(b.prediction()));
        return out;
    }

    private static Map<String, Object> column(ColumnBaseline c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("column", c.column());
        m.put("type", c.numeric() ? "number" : "category");
        m.put("rows", c.rows());
        m.put("missing", c.missing());
        m.put("distinct", c.distinct());
        if (c.numeric()) {
            m.put("quantiles", list(c.quantiles()));
            m.put("binEdges", list(c.edges()));
            m.put("binShares", list(c.shares()));
        } else {
            m.put("categories", c.categories());
            m.put("otherShare", c.otherShare());
        }
        return m;
    }

    private static List<Double> list(double[] v) {
        List<Double> out = new ArrayList<>();
        for (double d : v) {
            out.add(Double.isFinite(d) ? d : null);
        }
        return out;
    }

    /**
     * The baseline of {@link #write}.
     *
     * @throws IllegalArgumentException naming what is wrong (a newer format, a damaged field)
     */
    @SuppressWarnings("unchecked")
    public static Baseline readBaseline(Map<String, Object> m) {
        check(m, Baseline.FORMAT, Baseline.VERSION, "baseline");
        try {
            List<ColumnBaseline> columns = new ArrayList<>();
            for (Map<String, Object> c : (List<Map<String, Object>>) m.get("columns")) {
                columns.add(readColumn(c));
            }
            Object p = m.get("prediction");
            return new Baseline(columns, p == null ? null : readColumn((Map<String, Object>) p),
                    ((Number) m.get("rows")).longValue());
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("the baseline is damaged: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static ColumnBaseline readColumn(Map<String, Object> c) {
        boolean numeric = "number".equals(c.get("type"));
        Map<String, Double> categories = new LinkedHashMap<>();
        if (!numeric) {
            ((Map<String, Object>) c.get("categories")).forEach((k, v) -> categories.put(k, ((Number) v).doubleValue()));
        }
        return new ColumnBaseline((String) c.get("column"), numeric, ((Number) c.get("rows")).longValue(),
                ((Number) c.get("missing")).longValue(), ((Number) c.get("distinct")).longValue(),
                numbers(c.get("quantiles")), numbers(c.get("binEdges")), numbers(c.get("binShares")), categories,
                numeric ? 0 : ((Number) c.get("otherShare")).doubleValue());
    }

    private static double[] numbers(Object o) {
        if (o == null) {
            return new double[0];
        }
        return ((List<?>) o).stream().mapToDouble(v -> v == null ? Double.NaN : ((Number) v).doubleValue()).toArray();
    }

    private static void check(Map<String, Object> m, String format, int version, String what) {
        if (!format.equals(m.get("format"))) {
            throw new IllegalArgumentException("it is not a Tablewise " + what + " (format '" + m.get("format") + "')");
        }
        if (!(m.get("formatVersion") instanceof Number n) || n.intValue() > version) {
            throw new IllegalArgumentException("it is a " + what + " of format version " + m.get("formatVersion")
                    + ", written by a newer Tablewise; this one reads version " + version + " (update Tablewise)");
        }
    }

    /** Writes constraints, documented field by field, atomically. */
    public static void writeConstraints(Constraints c, Path file) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", Constraints.FORMAT);
        out.put("formatVersion", Constraints.VERSION);
        out.put("about", "Suggested from the training rows; edit and pass with --constraints. Per column: type "
                + "(number or category), minCompleteness (the least share of rows with a value), allowed (the "
                + "categories seen in training; empty: any value), min and max (the training range of numbers; null: "
                + "no range).");
        List<Map<String, Object>> columns = new ArrayList<>();
        for (Constraints.Column col : c.columns()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("column", col.column());
            m.put("type", col.type());
            m.put("minCompleteness", col.minCompleteness());
            m.put("allowed", col.allowed());
            m.put("min", Double.isNaN(col.min()) ? null : col.min());
            m.put("max", Double.isNaN(col.max()) ? null : col.max());
            columns.add(m);
        }
        out.put("columns", columns);
        io.tablewise.io.JsonFiles.write(out, file);
    }

    /**
     * Reads constraints.
     *
     * @throws IOException naming the file and what is wrong with it
     */
    @SuppressWarnings("unchecked")
    public static Constraints readConstraints(Path file) throws IOException {
        Map<String, Object> m = readMap(file);
        try {
            check(m, Constraints.FORMAT, Constraints.VERSION, "constraints file");
            List<Constraints.Column> columns = new ArrayList<>();
            for (Map<String, Object> c : (List<Map<String, Object>>) m.get("columns")) {
                columns.add(new Constraints.Column((String) c.get("column"), (String) c.get("type"),
                        ((Number) c.get("minCompleteness")).doubleValue(), (List<String>) c.getOrDefault("allowed",
                        List.of()), c.get("min") == null ? Double.NaN : ((Number) c.get("min")).doubleValue(),
                        c.get("max") == null ? Double.NaN : ((Number) c.get("max")).doubleValue()));
            }
            return new Constraints(columns);
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new IOException(file + ": " + e.getMessage());
        }
    }

    /** Reads a baseline file. */
    public static Baseline readBaseline(Path file) throws IOException {
        try {
            return readBaseline(readMap(file));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage());
        }
    }

    /** Writes a baseline file atomically. */
    public static void writeBaseline(Baseline b, Path file) throws IOException {
        io.tablewise.io.JsonFiles.write(write(b), file);
    }

    static Map<String, Object> readMap(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " does not exist");
        }
        try {
            Map<String, Object> m = JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() { });
            if (m == null) {
                throw new IOException(file + " is empty");
            }
            return m;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** A report as JSON: every finding and every column's drift statistics. */
    public static void writeReport(MonitorReport r, Path file) throws IOException {
        writeReports(List.of(r), file);
    }

    /**
     * Reports of several batches as JSON: one batch's report as it is; several as {@code batches} in order with a
     * {@code timeline} of each column's PSI per batch.
     */
    public static void writeReports(List<MonitorReport> reports, Path file) throws IOException {
        if (reports.size() == 1) {
            io.tablewise.io.JsonFiles.write(report(reports.get(0)), file);
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", "tablewise.monitor");
        out.put("formatVersion", 1);
        out.put("violations", reports.stream().mapToLong(MonitorReport::violations).sum());
        List<Map<String, Object>> batches = new ArrayList<>();
        reports.forEach(r -> batches.add(report(r)));
        out.put("batches", batches);
        out.put("timeline", timeline(reports));
        io.tablewise.io.JsonFiles.write(out, file);
    }

    /** Each column's PSI per batch, in the batches' order (null where a batch lacks the column). */
    public static Map<String, List<Double>> timeline(List<MonitorReport> reports) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (int b = 0; b < reports.size(); b++) {
            for (MonitorReport.ColumnDrift d : reports.get(b).drift()) {
                List<Double> psi = out.computeIfAbsent(d.column(), k -> new ArrayList<>());
                while (psi.size() < b) {
                    psi.add(null);
                }
                psi.add(d.drift().psi());
            }
        }
        out.values().forEach(psi -> {
            while (psi.size() < reports.size()) {
                psi.add(null);
            }
        });
        return out;
    }

    private static Map<String, Object> report(MonitorReport r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", "tablewise.monitor");
        out.put("formatVersion", 1);
        out.put("batch", r.batch());
        out.put("rows", r.rows());
        out.put("violations", r.violations());
        out.put("drifted", r.drifted());
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : r.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", f.kind().name().toLowerCase(java.util.Locale.ROOT));
            m.put("column", f.column());
            m.put("severity", f.severity().name().toLowerCase(java.util.Locale.ROOT));
            m.put("explanation", f.explanation());
            m.put("advice", f.advice());
            m.put("score", f.score());
            findings.add(m);
        }
        out.put("findings", findings);
        List<Map<String, Object>> drift = new ArrayList<>();
        for (MonitorReport.ColumnDrift d : r.drift()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("column", d.column());
            m.put("psi", d.drift().psi());
            m.put("test", d.drift().test());
            m.put("statistic", d.drift().statistic());
            m.put("pValue", d.drift().pValue());
            m.put("drifted", d.drift().drifted());
            m.put("before", d.before());
            m.put("after", d.after());
            m.put("bins", d.overlay().bins());
            m.put("baselineShares", list(d.overlay().baseline()));
            m.put("batchShares", list(d.overlay().batch()));
            drift.add(m);
        }
        out.put("drift", drift);
        out.put("thresholds", Map.of("driftPsi", Drift.DRIFT_PSI, "warningPsi", Drift.WARNING_PSI, "alpha",
                Drift.ALPHA));
        return out;
    }
}
