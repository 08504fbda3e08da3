package io.tablewise.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tablewise.explain.BiasMetrics;
import io.tablewise.explain.BiasReport;
import io.tablewise.explain.ModelExplanation;
import io.tablewise.explain.PartialDependence;
import io.tablewise.explain.ShapSummary;

/**
 * A model's {@link ModelExplanation} as the manifest's plain JSON: numbers rounded to what a plot shows (six
 * significant digits), a missing number as null.
 */
final class ExplanationJson {
    private ExplanationJson() {
    }

    static Map<String, Object> write(ModelExplanation e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", e.rows());
        out.put("unit", e.summary().unit());
        out.put("space", e.summary().space().name());
        out.put("output", e.summary().output());
        out.put("method", e.summary().method());
        List<Map<String, Object>> columns = new ArrayList<>();
        for (ShapSummary.ColumnImpact c : e.summary().columns()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("column", c.column());
            m.put("meanAbs", round(c.meanAbs()));
            m.put("meanUp", round(c.meanUp()));
            m.put("meanDown", round(c.meanDown()));
            if (c.shap().length > 0) {
                m.put("shap", list(c.shap()));
                m.put("position", list(c.position()));
            }
            columns.add(m);
        }
        out.put("columns", columns);
        List<Map<String, Object>> curves = new ArrayList<>();
        for (PartialDependence p : e.dependence()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("column", p.column());
            m.put("numeric", p.numeric());
            m.put("unit", p.unit());
            m.put("grid", p.grid());
            m.put("average", list(p.average()));
            List<List<Double>> lines = new ArrayList<>();
            for (double[] line : p.lines()) {
                lines.add(list(line));
            }
            m.put("lines", lines);
            curves.add(m);
        }
        out.put("partialDependence", curves);
        out.put("columnGroups", e.columnGroups());
        List<Map<String, Object>> bias = new ArrayList<>();
        e.bias().forEach(r -> bias.add(writeBias(r)));
        out.put("bias", bias);
        return out;
    }

    /** A bias report: counts of each side and every metric as [value, low, high]. */
    static Map<String, Object> writeBias(BiasReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("facet", r.facet());
        m.put("target", r.target());
        m.put("positive", r.positive());
        m.put("rows", r.rows());
        List<Map<String, Object>> groups = new ArrayList<>();
        for (BiasReport.Group g : r.groups()) {
            Map<String, Object> gm = new LinkedHashMap<>();
            gm.put("name", g.name());
            gm.put("group", counts(g.group()));
            gm.put("rest", counts(g.rest()));
            Map<String, Object> values = new LinkedHashMap<>();
            for (BiasMetrics.Value v : g.values()) {
                // a value that is undefined (no positive prediction in a group) is null
                values.put(v.metric().name(), java.util.Arrays.asList(round(v.value()), round(v.low()),
                        round(v.high())));
            }
            gm.put("metrics", values);
            groups.add(gm);
        }
        m.put("groups", groups);
        return m;
    }

    private static List<Long> counts(BiasMetrics.Counts c) {
        return List.of(c.tp(), c.fp(), c.fn(), c.tn());
    }

    @SuppressWarnings("unchecked")
    static BiasReport readBias(Map<String, Object> m) {
        List<BiasReport.Group> groups = new ArrayList<>();
        for (Map<String, Object> g : (List<Map<String, Object>>) m.get("groups")) {
            Map<String, List<Object>> metrics = (Map<String, List<Object>>) g.get("metrics");
            List<BiasMetrics.Value> values = new ArrayList<>();
            for (BiasMetrics.Metric metric : BiasMetrics.Metric.values()) {
                List<Object> v = metrics.get(metric.name());
                values.add(new BiasMetrics.Value(metric, number(v.get(0)), number(v.get(1)), number(v.get(2))));
            }
            groups.add(new BiasReport.Group((String) g.get("name"), counts(g.get("group")), counts(g.get("rest")),
                    values));
        }
        return new BiasReport((String) m.get("facet"), (String) m.get("target"), (String) m.get("positive"),
                ((Number) m.get("rows")).longValue(), groups);
    }

    private static BiasMetrics.Counts counts(Object o) {
        List<?> c = (List<?>) o;
        return new BiasMetrics.Counts(((Number) c.get(0)).longValue(), ((Number) c.get(1)).longValue(),
                ((Number) c.get(2)).longValue(), ((Number) c.get(3)).longValue());
    }

    @SuppressWarnings("unchecked")
    static ModelExplanation read(Map<String, Object> in) {
        List<ShapSummary.ColumnImpact> columns = new ArrayList<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) in.get("columns")) {
            columns.add(new ShapSummary.ColumnImpact((String) c.get("column"), number(c.get("meanAbs")),
                    number(c.get("meanUp")), number(c.get("meanDown")), array(c.get("shap")),
                    array(c.get("position"))));
        }
        int rows = ((Number) in.get("rows")).intValue();
        ShapSummary summary = new ShapSummary((String) in.get("unit"), (String) in.get("method"), rows, columns,
                io.tablewise.explain.ShapValues.Space.valueOf((String) in.get("space")), (String) in.get("output"));
        List<PartialDependence> curves = new ArrayList<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) in.getOrDefault("partialDependence", List.of())) {
            List<String> grid = (List<String>) p.get("grid");
            boolean numeric = Boolean.TRUE.equals(p.get("numeric"));
            double[] at = new double[grid.size()];
            for (int i = 0; i < at.length; i++) {
                at[i] = numeric ? Double.parseDouble(grid.get(i)) : Double.NaN;
            }
            List<Object> lines = (List<Object>) p.get("lines");
            double[][] l = new double[lines.size()][];
            for (int i = 0; i < l.length; i++) {
                l[i] = array(lines.get(i));
            }
            curves.add(new PartialDependence((String) p.get("column"), numeric, grid, at, array(p.get("average")), l,
                    (String) p.get("unit")));
        }
        Map<String, String> groups = (Map<String, String>) in.getOrDefault("columnGroups", Map.of());
        List<BiasReport> bias = new ArrayList<>();
        for (Map<String, Object> b : (List<Map<String, Object>>) in.getOrDefault("bias", List.of())) {
            bias.add(readBias(b));
        }
        return new ModelExplanation(summary, curves, rows, groups, bias);
    }

    private static Double round(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return null;
        }
        return v == 0 ? 0.0 : new java.math.BigDecimal(v).round(new java.math.MathContext(6)).doubleValue();
    }

    private static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(round(v));
        }
        return out;
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : o instanceof String s ? Double.parseDouble(s) : Double.NaN;
    }

    private static double[] array(Object o) {
        if (o == null) {
            return new double[0];
        }
        List<?> list = (List<?>) o;
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(list.get(i));
        }
        return out;
    }
}
