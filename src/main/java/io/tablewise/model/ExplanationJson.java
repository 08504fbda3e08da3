package io.tablewise.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        return out;
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
        ShapSummary summary = new ShapSummary((String) in.get("unit"), (String) in.get("method"), rows, columns);
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
        return new ModelExplanation(summary, curves, rows, groups);
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
        return o == null ? Double.NaN : ((Number) o).doubleValue();
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
