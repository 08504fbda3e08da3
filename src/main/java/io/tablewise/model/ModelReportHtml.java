package io.tablewise.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tablewise.io.AtomicFiles;
import io.tablewise.io.Html;
import io.tablewise.ml.ConfusionMatrix;
import io.tablewise.ml.Evaluation;
import io.tablewise.ml.ProblemType;
import io.tablewise.ml.QuickModelResult;

/**
 * A build's report as one self-contained HTML page: headline test metrics, confusion matrix with row shares,
 * ROC and precision-recall curves (binary) or predicted against actual (regression) as inline SVG, and column
 * importance. No scripts, no network; prints well.
 */
public final class ModelReportHtml {
    static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans KR","Noto Sans CJK KR","Apple SD Gothic Neo",NanumGothic,
            "Malgun Gothic",sans-serif;
            color:#1f2937;background:#f9fafb;margin:0}main{max-width:1100px;margin:0 auto;padding:24px}
            h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 10px;border-bottom:2px solid #e5e7eb}
            .muted{color:#6b7280}.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px}
            .stat{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:10px 12px}
            .stat b{display:block;font-size:20px}.stat span{color:#6b7280;font-size:12px}
            .card{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:12px;break-inside:avoid}
            .row{display:flex;gap:12px;flex-wrap:wrap}table{border-collapse:collapse}
            td,th{padding:3px 8px;border-bottom:1px solid #e5e7eb;text-align:right}th{color:#6b7280}
            td.text,th.text{text-align:left}
            svg text{font-size:10px;fill:#6b7280}@media print{body{background:#fff}}
            """;

    private ModelReportHtml() {
    }

    /** Writes the page atomically; an existing file that Tablewise did not write is refused, not replaced. */
    public static void write(TrainedModel m, String dataset, Path file) throws IOException {
        OwnedFiles.checkReplaceableReport(file);
        byte[] bytes = render(m, dataset).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** The HTML text. */
    public static String render(TrainedModel m, String dataset) {
        Evaluation e = m.evaluation();
        StringBuilder h = new StringBuilder(32 * 1024);
        String title = "Model: " + m.target() + " (" + m.problemType().name().toLowerCase(Locale.ROOT) + ")";
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(Html.escape(title))
                .append("</title>").append(OwnedFiles.GENERATOR).append("<style>").append(CSS)
                .append("</style></head><body><main><h1>")
                .append(Html.escape(title))
                .append("</h1><p class=\"muted\">").append(Html.escape(dataset)).append(" · ")
                .append(Html.escape(String.valueOf(m.info().get("algorithm")))).append(String.format(Locale.ROOT,
                        " · trained on %,d rows, tested once on %,d held-out rows", count(m, "trainRows"),
                        count(m, "testRows")));
        if (!Double.isNaN(m.threshold())) {
            h.append(String.format(Locale.ROOT, " · threshold %.2f on P(%s)", m.threshold(),
                    Html.escape(m.positiveClass())));
        }
        h.append(" · Tablewise ").append(Html.escape(ModelFiles.version())).append("</p>");
        if (m.info().get("warnings") instanceof List<?> cautions && !cautions.isEmpty()) {
            h.append("<div class=\"card warning\"><h2>Before you trust this model</h2><ul>");
            cautions.forEach(c -> h.append("<li>").append(Html.escape(String.valueOf(c))).append("</li>"));
            h.append("</ul></div>");
        }
        h.append("<h2>Test metrics</h2>")
                .append("<div class=\"cards\">");
        for (Map.Entry<String, Double> x : e.metrics().entrySet()) {
            h.append("<div class=\"stat\"><b>").append(Double.isNaN(x.getValue()) ? "–"
                    : String.format(Locale.ROOT, "%.4f", x.getValue())).append("</b><span>")
                    .append(Html.escape(x.getKey().replace('_', ' '))).append("</span></div>");
        }
        h.append("</div>");
        if (e.confusion() != null) {
            confusion(h, e.confusion());
        }
        if (m.problemType() == ProblemType.BINARY) {
            Evaluation.ThresholdRow at = e.thresholds().stream()
                    .filter(r -> Math.abs(r.threshold() - m.threshold()) < 1e-9).findFirst().orElse(null);
            String roc = curve(e.roc(), "false positive rate", "true positive rate",
                    String.format(Locale.ROOT, "ROC (AUC %.3f)", e.metrics().get("auc")), true);
            String pr = curve(e.pr(), "recall", "precision", String.format(Locale.ROOT,
                    "Precision-recall (AP %.3f)", e.metrics().get("average_precision")), false);
            if (at != null) {
                double fpr = at.fp() + at.tn() == 0 ? 0 : at.fp() / (double) (at.fp() + at.tn());
                String label = String.format(Locale.ROOT, "threshold %.2f", m.threshold());
                roc = marker(roc, fpr, at.recall(), label);
                pr = marker(pr, at.recall(), at.precision(), label);
            }
            List<Evaluation.Point> calibration = e.calibration().stream()
                    .map(c -> new Evaluation.Point(c.meanPredicted(), c.fractionPositive(), Double.NaN)).toList();
            h.append("<h2>Curves</h2><p class=\"muted\">The dot marks the model's operating point at its "
                    + "threshold.</p><div class=\"row\"><div class=\"card\">").append(roc)
                    .append("</div><div class=\"card\">").append(pr).append("</div><div class=\"card\">")
                    .append(curve(calibration, "mean predicted probability", "observed share of " + m.positiveClass(),
                            "Calibration (10 bins)", true)).append("</div></div>");
        }
        if (m.problemType() == ProblemType.REGRESSION && !e.points().isEmpty()) {
            h.append("<h2>Predicted against actual</h2><div class=\"card\">").append(scatter(e.points()))
                    .append("</div>");
        }
        importances(h, "Column importance", m.model().importanceMeaning(), m.importances());
        String metric = switch (m.problemType()) {
            case BINARY -> "AUC";
            case MULTICLASS -> "balanced accuracy";
            case REGRESSION -> "R²";
        };
        importances(h, "Permutation importance", "Drop in test " + metric + " when the column is shuffled among the "
                + "held-out rows (mean of three shuffles); near 0: the model does not rely on it.",
                m.permutation().stream().filter(i -> i.share() > 0).toList());
        if (m.explanation() != null) {
            ExplanationHtml.explanation(h, m.explanation());
            if (!m.explanation().bias().isEmpty()) {
                h.append("<h2>Bias on the test rows</h2><p class=\"muted\">For each column that could be sensitive, "
                        + "the group with the lowest disparate impact (its positive prediction rate over the rest's; "
                        + "the four-fifths rule asks for at least 0.8). <code>tablewise bias</code> gives every metric."
                        + "</p><div class=\"card\"><table><tr><th class=\"text\">column</th><th class=\"text\">"
                        + "group</th><th>disparate impact</th><th>95% interval</th><th>recall difference</th></tr>");
                for (io.tablewise.explain.BiasReport r : m.explanation().bias()) {
                    io.tablewise.explain.BiasReport.Group w = r.worst();
                    if (w == null) {
                        continue;
                    }
                    io.tablewise.explain.BiasMetrics.Value di = w.value(io.tablewise.explain.BiasMetrics.Metric.DI);
                    h.append("<tr><td class=\"text\">").append(Html.escape(r.facet())).append("</td><td class=\"text\">")
                            .append(Html.escape(w.name())).append(String.format(Locale.ROOT, "</td><td>%.3f</td><td>"
                            + "%.3f … %.3f</td><td>%.3f</td></tr>", di.value(), di.low(), di.high(),
                            w.value(io.tablewise.explain.BiasMetrics.Metric.RD).value()));
                }
                h.append("</table></div>");
            }
        }
        leaderboard(h, m);
        h.append("</main></body></html>\n");
        return h.toString();
    }

    private static void confusion(StringBuilder h, ConfusionMatrix c) {
        h.append("<h2>Confusion matrix</h2><div class=\"card\"><table><tr><th>actual \\ predicted</th>");
        c.classes().forEach(x -> h.append("<th>").append(Html.escape(x)).append("</th>"));
        h.append("</tr>");
        for (int a = 0; a < c.classes().size(); a++) {
            h.append("<tr><th>").append(Html.escape(c.classes().get(a))).append("</th>");
            for (int p = 0; p < c.classes().size(); p++) {
                long n = c.count(a, p);
                double share = c.actual(a) == 0 ? 0 : n / (double) c.actual(a);
                h.append("<td style=\"background:rgba(37,99,235,").append(String.format(Locale.ROOT, "%.2f",
                        0.08 + 0.6 * share)).append(")\">").append(String.format(Locale.ROOT, "%,d (%.1f%%)", n,
                        100 * share)).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table></div>");
    }

    private static String curve(List<Evaluation.Point> points, String xLabel, String yLabel, String title,
                                boolean diagonal) {
        int w = 420;
        int hgt = 320;
        int left = 48;
        int bottom = 36;
        double pw = w - left - 12.0;
        double ph = hgt - bottom - 24.0;
        StringBuilder s = new StringBuilder("<svg width=\"" + w + "\" height=\"" + hgt + "\" role=\"img\">");
        s.append("<text x=\"").append(left).append("\" y=\"14\" style=\"font-size:13px;fill:#1f2937\">")
                .append(Html.escape(title)).append("</text>");
        s.append("<rect x=\"").append(left).append("\" y=\"20\" width=\"").append((int) pw).append("\" height=\"")
                .append((int) ph).append("\" fill=\"none\" stroke=\"#e5e7eb\"/>");
        if (diagonal) {
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"20\" "
                    + "stroke=\"#d1d5db\" stroke-dasharray=\"4\"/>", left, 20 + ph, left + pw));
        }
        StringBuilder path = new StringBuilder();
        int step = Math.max(1, points.size() / 400);
        for (int i = 0; i < points.size(); i += step) {
            Evaluation.Point p = points.get(i);
            path.append(path.length() == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f",
                    left + p.x() * pw, 20 + (1 - p.y()) * ph));
        }
        s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#2563eb\" stroke-width=\"2\"/>");
        for (int k = 0; k <= 4; k++) {
            double v = k / 4.0;
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.2f</text>",
                    left + v * pw, hgt - bottom + 14, v));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.2f</text>",
                    left - 4, 24 + (1 - v) * ph, v));
        }
        s.append("<text x=\"").append(left + (int) (pw / 2)).append("\" y=\"").append(hgt - 4)
                .append("\" text-anchor=\"middle\">").append(Html.escape(xLabel)).append("</text>");
        s.append("<text transform=\"translate(12,").append(20 + (int) (ph / 2)).append(") rotate(-90)\" "
                + "text-anchor=\"middle\">").append(Html.escape(yLabel)).append("</text></svg>");
        return s.toString();
    }

    /** A dot and a label at (x, y) in a {@link #curve} chart's coordinates. */
    private static String marker(String svg, double x, double y, String label) {
        double cx = 48 + x * 360;
        double cy = 20 + (1 - y) * 260;
        // near the right edge the label goes to the left of the dot so it is not cut off
        boolean right = x < 0.7;
        String dot = String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"#dc2626\"/>"
                + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" style=\"fill:#dc2626\">%s</text>", cx, cy,
                right ? cx + 8 : cx - 8, cy - 8, right ? "start" : "end", Html.escape(label));
        return svg.substring(0, svg.length() - "</svg>".length()) + dot + "</svg>";
    }

    private static String scatter(List<Evaluation.Point> points) {
        double lo = points.stream().mapToDouble(p -> Math.min(p.x(), p.y())).min().orElse(0);
        double hi = points.stream().mapToDouble(p -> Math.max(p.x(), p.y())).max().orElse(1);
        double range = hi == lo ? 1 : hi - lo;
        List<Evaluation.Point> scaled = points.stream()
                .map(p -> new Evaluation.Point((p.x() - lo) / range, (p.y() - lo) / range, Double.NaN)).toList();
        StringBuilder s = new StringBuilder(curve(List.of(), "predicted", "actual",
                String.format(Locale.ROOT, "Predicted vs actual (range %.3g to %.3g)", lo, hi), true));
        s.setLength(s.length() - "</svg>".length());
        for (Evaluation.Point p : scaled) {
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2\" fill=\"#2563eb\" "
                    + "fill-opacity=\"0.4\"/>", 48 + p.x() * 360, 20 + (1 - p.y()) * 264));
        }
        return s.append("</svg>").toString();
    }

    private static void importances(StringBuilder h, String title, String note,
                                    List<QuickModelResult.Importance> importances) {
        if (importances.isEmpty()) {
            return;
        }
        h.append("<h2>").append(Html.escape(title)).append("</h2><div class=\"card\"><p class=\"muted\">")
                .append(Html.escape(note))
                .append("</p><svg width=\"700\" height=\"").append(18 * Math.min(20, importances.size()) + 8)
                .append("\">");
        double max = importances.get(0).share();
        int y = 4;
        for (QuickModelResult.Importance i : importances.stream().limit(20).toList()) {
            double w = max == 0 ? 0 : 440 * i.share() / max;
            h.append(String.format(Locale.ROOT, "<text x=\"196\" y=\"%d\" text-anchor=\"end\">%s</text>"
                    + "<rect x=\"200\" y=\"%d\" width=\"%.1f\" height=\"12\" fill=\"#2563eb\"/>"
                    + "<text x=\"%.1f\" y=\"%d\">%.3f</text>", y + 10, Html.escape(i.column()), y, w, 204 + w, y + 10,
                    i.share()));
            y += 18;
        }
        h.append("</svg></div>");
    }

    /** The auto search's candidates, best first, as the manifest keeps them; nothing for a quick build. */
    private static void leaderboard(StringBuilder h, TrainedModel m) {
        if (!(m.info().get("leaderboard") instanceof List<?> board) || board.isEmpty()) {
            return;
        }
        String key = AutoMl.scoreKey(m.objective());
        h.append("<h2>AutoML leaderboard</h2><div class=\"card\"><p class=\"muted\">").append(board.size())
                .append(" candidates, best first, scored on the training rows only (the test rows were never seen);"
                        + " the first was refit on every training row and tested once.</p><table><tr><th>#</th>"
                        + "<th class=\"text\">algorithm</th><th class=\"text\">settings</th><th>validation ")
                .append(Html.escape(m.objective().replace('_', ' '))).append(" ± sd</th><th class=\"text\">"
                        + "validated by</th><th>rows used</th><th>fit s</th><th>predict s</th></tr>");
        for (Object o : board) {
            Map<?, ?> r = (Map<?, ?>) o;
            String settings = r.get("settings") instanceof Map<?, ?> map ? map.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", "))
                    : "";
            h.append("<tr><td>").append(r.get("rank")).append("</td><td class=\"text\">")
                    .append(Html.escape(String.valueOf(r.get("algorithm")))).append("</td><td class=\"text\">")
                    .append(Html.escape(settings)).append("</td><td>").append(number(r.get(key), "%.4f"))
                    .append(r.get("spread") == null ? "" : " ± " + number(r.get("spread"), "%.4f"))
                    .append("</td><td class=\"text\">").append(Html.escape(String.valueOf(r.get("validatedBy"))))
                    .append("</td><td>").append(number(r.get("trainedShare") instanceof Number n
                            ? 100 * n.doubleValue() : null, "%.0f%%")).append("</td><td>")
                    .append(number(r.get("fitSeconds"), "%.2f")).append("</td><td>")
                    .append(number(r.get("predictSeconds"), "%.2f")).append("</td></tr>");
        }
        h.append("</table></div>");
    }

    private static String number(Object value, String format) {
        return value instanceof Number n ? String.format(Locale.ROOT, format, n.doubleValue()) : "–";
    }

    private static long count(TrainedModel m, String key) {
        return m.info().get(key) instanceof Number n ? n.longValue() : 0;
    }

}
