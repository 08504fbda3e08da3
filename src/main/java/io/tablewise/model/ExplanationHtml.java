package io.tablewise.model;

import java.util.List;
import java.util.Locale;

import io.tablewise.explain.BiasMetrics;
import io.tablewise.explain.BiasReport;
import io.tablewise.explain.ModelExplanation;
import io.tablewise.explain.PartialDependence;
import io.tablewise.explain.ShapSummary;
import io.tablewise.io.Html;

/**
 * The explanation and bias sections of the HTML reports, as inline SVG: mean |SHAP| bars, the beeswarm, partial
 * dependence curves, and a bias report's metrics with intervals, definitions and per-group confusion counts.
 */
final class ExplanationHtml {
    private ExplanationHtml() {
    }

    /** The model report's "Why the model predicts what it does" section. */
    static void explanation(StringBuilder h, ModelExplanation e) {
        ShapSummary s = e.summary();
        h.append("<h2>Why the model predicts what it does</h2><p class=\"muted\">")
                .append(Html.escape(String.format(Locale.ROOT, "SHAP values of %,d test rows, in %s. %s", e.rows(),
                        s.unit(), s.method()))).append("</p><div class=\"row\"><div class=\"card\">");
        List<ShapSummary.ColumnImpact> top = s.columns().stream().limit(15).toList();
        double max = top.isEmpty() ? 0 : top.get(0).meanAbs();
        h.append("<b>Mean |SHAP value|</b><br><svg width=\"440\" height=\"").append(18 * top.size() + 8)
                .append("\">");
        int y = 4;
        for (ShapSummary.ColumnImpact c : top) {
            double w = max == 0 ? 0 : 220 * c.meanAbs() / max;
            h.append(String.format(Locale.ROOT, "<text x=\"156\" y=\"%d\" text-anchor=\"end\">%s</text>"
                    + "<rect x=\"160\" y=\"%d\" width=\"%.1f\" height=\"12\" fill=\"#2563eb\"/>"
                    + "<text x=\"%.1f\" y=\"%d\">%.3g</text>", y + 10, Html.escape(c.column()), y, w, 164 + w, y + 10,
                    c.meanAbs()));
            y += 18;
        }
        h.append("</svg></div><div class=\"card\">").append(beeswarm(s)).append("</div></div>");
        if (!e.dependence().isEmpty()) {
            h.append("<h2>Partial dependence</h2><p class=\"muted\">The model's average answer when one column is "
                    + "set to each value for sampled test rows, everything else as it was; faint lines are single "
                    + "rows (ICE).</p><div class=\"row\">");
            e.dependence().forEach(p -> h.append("<div class=\"card\">").append(dependence(p)).append("</div>"));
            h.append("</div>");
        }
    }

    private static String beeswarm(ShapSummary s) {
        List<ShapSummary.ColumnImpact> shown = s.columns().stream().filter(c -> c.shap().length > 0).toList();
        double lo = 0;
        double hi = 0;
        for (ShapSummary.ColumnImpact c : shown) {
            for (double v : c.shap()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double span = Math.max(1e-12, hi - lo);
        int height = 24 * shown.size() + 30;
        StringBuilder svg = new StringBuilder("<b>Each row's SHAP value (blue: low values, red: high)</b><br>"
                + "<svg width=\"520\" height=\"" + height + "\">");
        double zero = 150 + 350 * (0 - lo) / span;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" stroke=\"#9ca3af\"/>",
                zero, zero, height - 20));
        for (int k = 0; k < shown.size(); k++) {
            ShapSummary.ColumnImpact c = shown.get(k);
            int y = 14 + 24 * k;
            svg.append(String.format(Locale.ROOT, "<text x=\"144\" y=\"%d\" text-anchor=\"end\">%s</text>", y + 4,
                    Html.escape(c.column())));
            for (int i = 0; i < c.shap().length; i++) {
                double x = 150 + 350 * (c.shap()[i] - lo) / span;
                double jitter = ((i * 0.618034) % 1 - 0.5) * 14;
                double p = c.position()[i];
                String colour = Double.isNaN(p) ? "#9ca3af" : String.format(Locale.ROOT, "rgb(%d,%d,%d)",
                        Math.round(30 + p * 190), Math.round(110 - p * 70), Math.round(230 - p * 180));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2\" fill=\"%s\" "
                        + "fill-opacity=\"0.7\"/>", x, y + jitter, colour));
            }
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"150\" y=\"%d\">%.3g</text><text x=\"500\" y=\"%d\" "
                + "text-anchor=\"end\">%.3g</text>", height - 4, lo, height - 4, hi));
        return svg.append("</svg>").toString();
    }

    private static String dependence(PartialDependence p) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] line : p.lines()) {
            for (double v : line) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        for (double v : p.average()) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double span = Math.max(1e-12, hi - lo);
        double bottom = lo;
        int n = p.grid().size();
        StringBuilder svg = new StringBuilder("<b>" + Html.escape(p.column()) + "</b> <span class=\"muted\">"
                + Html.escape(p.unit()) + "</span><br><svg width=\"320\" height=\"200\">");
        java.util.function.IntFunction<Double> x = g -> 40 + 270.0 * (n == 1 ? 0.5 : g / (n - 1.0));
        java.util.function.DoubleFunction<Double> y = v -> 170 - 160 * (v - bottom) / span;
        if (p.numeric()) {
            for (double[] line : p.lines()) {
                svg.append("<polyline fill=\"none\" stroke=\"#9ca3af\" stroke-opacity=\"0.35\" points=\"");
                for (int g = 0; g < n; g++) {
                    svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.apply(g), y.apply(line[g])));
                }
                svg.append("\"/>");
            }
            svg.append("<polyline fill=\"none\" stroke=\"#2563eb\" stroke-width=\"2.5\" points=\"");
            for (int g = 0; g < n; g++) {
                svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.apply(g), y.apply(p.average()[g])));
            }
            svg.append("\"/>");
            svg.append(String.format(Locale.ROOT, "<text x=\"40\" y=\"190\">%s</text><text x=\"310\" y=\"190\" "
                    + "text-anchor=\"end\">%s</text>", Html.escape(p.grid().get(0)), Html.escape(p.grid().get(n - 1))));
        } else {
            double w = 260.0 / Math.max(1, n);
            for (int g = 0; g < n; g++) {
                double top = y.apply(p.average()[g]);
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                        + "fill=\"#2563eb\"/><text x=\"%.1f\" y=\"190\" text-anchor=\"middle\">%s</text>",
                        40 + g * w + 2, top, w - 4, 172 - top, 40 + g * w + w / 2, Html.escape(p.grid().get(g))));
            }
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"36\" y=\"14\" text-anchor=\"end\">%.3g</text><text x=\"36\" "
                + "y=\"172\" text-anchor=\"end\">%.3g</text>", hi, lo));
        return svg.append("</svg>").toString();
    }

    /** A bias report: the headline, then per group its counts and every metric with its interval and definition. */
    static void bias(StringBuilder h, BiasReport r) {
        h.append("<p>").append(Html.escape(r.headline())).append("</p>");
        for (BiasReport.Group g : r.groups()) {
            h.append("<h3>").append(Html.escape(r.facet() + " = " + g.name())).append(" against the rest</h3>")
                    .append("<div class=\"row\"><div class=\"card\"><table><tr><th class=\"text\"></th><th>true "
                            + "positive</th><th>false positive</th><th>false negative</th><th>true negative</th>"
                            + "</tr>");
            for (Object[] side : new Object[][] {{"group", g.group()}, {"rest", g.rest()}}) {
                BiasMetrics.Counts c = (BiasMetrics.Counts) side[1];
                h.append(String.format(Locale.ROOT, "<tr><td class=\"text\">%s</td><td>%,d</td><td>%,d</td>"
                        + "<td>%,d</td><td>%,d</td></tr>", side[0], c.tp(), c.fp(), c.fn(), c.tn()));
            }
            h.append("</table></div></div><div class=\"card\"><table><tr><th class=\"text\">metric</th><th>value</th>"
                    + "<th>95% interval</th><th class=\"text\">definition</th></tr>");
            for (BiasMetrics.Value v : g.values()) {
                h.append("<tr><td class=\"text\">").append(Html.escape(v.metric().name() + " · "
                        + v.metric().title())).append(v.metric().preTraining() ? " <span class=\"muted\">(data)"
                        + "</span>" : "").append("</td><td>").append(number(v.value())).append("</td><td>")
                        .append(Double.isNaN(v.low()) ? "–" : number(v.low()) + " … " + number(v.high()))
                        .append("</td><td class=\"text\">").append(Html.escape(v.metric().definition()))
                        .append("</td></tr>");
            }
            h.append("</table></div>");
        }
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "–" : Double.isInfinite(v) ? "∞" : String.format(Locale.ROOT, "%.3f", v);
    }
}
