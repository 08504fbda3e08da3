package io.tablewise.insights;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.tablewise.io.AtomicFiles;
import io.tablewise.io.Html;
import io.tablewise.ml.ConfusionMatrix;
import io.tablewise.ml.FeatureEncoder;
import io.tablewise.ml.QuickModelResult;

/**
 * The report as one self-contained HTML file: inline CSS and SVG charts, no scripts and no network, readable
 * on a laptop screen and printable (cards do not split across pages).
 */
public final class ReportHtml {
    private static final String CSS = """
            :root{--fg:#1f2937;--muted:#6b7280;--line:#e5e7eb;--accent:#2563eb;--bg:#f9fafb}
            *{box-sizing:border-box}body{font:14px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans KR","Noto Sans CJK KR",
            "Apple SD Gothic Neo",NanumGothic,
            "Malgun Gothic",sans-serif;color:var(--fg);background:var(--bg);margin:0}
            main{max-width:1180px;margin:0 auto;padding:24px}h1{font-size:24px;margin:0 0 4px}
            h2{font-size:18px;margin:32px 0 12px;border-bottom:2px solid var(--line);padding-bottom:4px}
            h3{font-size:15px;margin:0 0 6px}.muted{color:var(--muted)}
            .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px}
            .stat{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 12px}
            .stat b{display:block;font-size:20px}.stat span{color:var(--muted);font-size:12px}
            .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(360px,1fr));gap:12px}
            .card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px;break-inside:avoid}
            table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:3px 6px;
            border-bottom:1px solid var(--line);vertical-align:top}th{font-weight:600;color:var(--muted)}
            td.n{text-align:right;font-variant-numeric:tabular-nums}
            .sev{display:inline-block;border-radius:4px;padding:0 6px;font-size:11px;font-weight:700;color:#fff}
            .HIGH{background:#dc2626}.MEDIUM{background:#d97706}.LOW{background:#6b7280}.INFO{background:#9ca3af}
            .tag{display:inline-block;background:#eef2ff;color:#3730a3;border-radius:4px;padding:0 6px;font-size:12px}
            svg.chart rect{fill:var(--accent)}svg text{font-size:10px;fill:var(--muted)}
            .scroll{overflow-x:auto}.rowsample td{white-space:nowrap;font-size:12px}
            @media print{body{background:#fff}main{padding:0}.card,.stat{break-inside:avoid}h2{break-after:avoid}}
            """;

    private static final java.util.Map<String, String> METRIC_NAMES = java.util.Map.of("auc", "AUC",
            "accuracy", "accuracy", "balanced_accuracy", "balanced accuracy", "f1_macro", "F1 (macro)",
            "log_loss", "log loss", "rmse", "RMSE", "mae", "MAE", "r2", "R²");

    private ReportHtml() {
    }

    /** Writes the HTML file atomically. */
    public static void write(InsightsReport report, List<String> columnNames, Path file) throws IOException {
        byte[] bytes = render(report, columnNames).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** The HTML text. {@code columnNames} heads the sample-row tables. */
    public static String render(InsightsReport r, List<String> columnNames) {
        StringBuilder h = new StringBuilder(64 * 1024);
        String title = "Data insights: " + r.meta().dataset();
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.escape(title)).append("</title><style>").append(CSS)
                .append("</style></head><body><main>");
        h.append("<h1>").append(Html.escape(title)).append("</h1><p class=\"muted\">Made ")
                .append(Html.escape(r.meta().createdAt().replace('T', ' '))).append(" by Tablewise ")
                .append(Html.escape(r.meta().tablewiseVersion()))
                .append(r.meta().sampleRows() > 0 && r.meta().sampleRows() < r.summary().rows()
                        ? String.format(Locale.ROOT, ". Exact statistics use all %,d rows; prediction power, the "
                        + "quick model, correlations and anomalies use a sample of %,d rows (seed %d).",
                        r.summary().rows(),
                        r.meta().sampleRows(), r.meta().seed()) : ". All statistics use every row.")
                .append("</p>");
        summary(h, r);
        warnings(h, r);
        if (r.target() != null) {
            target(h, r.target());
        }
        if (!r.predictionPower().isEmpty()) {
            power(h, r.predictionPower());
        }
        if (r.quickModel() != null) {
            quickModel(h, r.quickModel());
        }
        columns(h, r);
        if (r.correlations() != null && r.correlations().columns().size() > 1) {
            correlations(h, r.correlations());
        }
        samples(h, "Most anomalous rows", "Scored by robust z-scores of numbers and the rarity of categories.",
                r.anomalies(), columnNames);
        samples(h, "Most duplicated rows", "Rows that occur more than once, with the number of copies.",
                r.duplicates(), columnNames);
        h.append("</main></body></html>\n");
        return h.toString();
    }

    private static void summary(StringBuilder h, InsightsReport r) {
        DatasetSummary s = r.summary();
        h.append("<h2>Summary</h2><div class=\"cards\">");
        stat(h, String.format(Locale.ROOT, "%,d", s.rows()), "rows");
        stat(h, String.format(Locale.ROOT, "%,d", s.columns()), "columns");
        stat(h, String.format(Locale.ROOT, "%,d", s.missingCells()), "missing cells ("
                + WarningRules.pct(s.missingShare()) + ")");
        stat(h, String.format(Locale.ROOT, "%,d", s.duplicateRows()), "duplicate rows ("
                + WarningRules.pct(s.duplicateShare()) + ")");
        stat(h, String.format(Locale.ROOT, "%.1f MB", s.memoryBytes() / 1e6), "memory (estimated)");
        for (QualityWarning.Severity sev : QualityWarning.Severity.values()) {
            stat(h, String.valueOf(s.warningsBySeverity().getOrDefault(sev, 0L)),
                    sev.name().toLowerCase(Locale.ROOT) + " warnings");
        }
        h.append("</div>");
    }

    private static void stat(StringBuilder h, String value, String label) {
        h.append("<div class=\"stat\"><b>").append(Html.escape(value)).append("</b><span>").append(Html.escape(label))
                .append("</span></div>");
    }

    private static void warnings(StringBuilder h, InsightsReport r) {
        h.append("<h2>Warnings</h2>");
        if (r.warnings().isEmpty()) {
            h.append("<p class=\"muted\">No data-quality problems found.</p>");
            return;
        }
        h.append("<div class=\"card\"><table><tr><th></th><th>Finding</th><th>Suggestion</th></tr>");
        for (QualityWarning w : r.warnings()) {
            h.append("<tr><td><span class=\"sev ").append(w.severity()).append("\">").append(w.severity())
                    .append("</span></td><td>").append(Html.escape(w.explanation())).append("</td><td>")
                    .append(Html.escape(w.suggestion())).append("</td></tr>");
        }
        h.append("</table></div>");
    }

    private static void target(StringBuilder h, TargetSummary t) {
        h.append("<h2>Target: ").append(Html.escape(t.column())).append(" <span class=\"tag\">")
                .append(t.problemType().name().toLowerCase(Locale.ROOT)).append("</span></h2><div class=\"card\">");
        if (t.classes().isEmpty()) {
            h.append(Svg.columns(t.histogram().bars(), 700, 140));
        } else {
            List<String> labels = t.classes().stream().map(ValueCount::value).limit(20).toList();
            List<Double> counts = t.classes().stream().map(v -> (double) v.count()).limit(20).toList();
            h.append(Svg.rows(labels, counts, "%,.0f", counts.get(0), 700));
            h.append("<table><tr><th>class</th><th>rows</th><th>share</th></tr>");
            for (ValueCount v : t.classes()) {
                h.append("<tr><td>").append(Html.escape(v.value())).append("</td><td class=\"n\">")
                        .append(String.format(Locale.ROOT, "%,d", v.count())).append("</td><td class=\"n\">")
                        .append(WarningRules.pct(v.share())).append("</td></tr>");
            }
            h.append("</table>");
        }
        h.append("<p class=\"muted\">").append(String.format(Locale.ROOT, "%,d rows have no target value.",
                t.missingTargets())).append("</p></div>");
    }

    private static void power(StringBuilder h, List<FeaturePower> power) {
        h.append("<h2>Prediction power per column</h2><div class=\"card\"><p class=\"muted\">How well each column "
                + "alone predicts the target on held-out rows (").append(power.get(0).metric().equals("r2")
                ? "R²" : "2·AUC − 1").append("; 0 = no signal, 1 = decides it alone).</p>");
        List<FeaturePower> top = power.stream().limit(30).toList();
        h.append(Svg.rows(top.stream().map(FeaturePower::column).toList(),
                top.stream().map(FeaturePower::score).toList(), "%.3f", 1.0, 700));
        h.append("</div>");
    }

    private static void quickModel(StringBuilder h, QuickModelResult q) {
        h.append("<h2>Quick model</h2><div class=\"card\"><p class=\"muted\">A first read of how predictable the "
                + "target is: ").append(Html.escape(q.algorithm())).append(String.format(Locale.ROOT,
                ", trained on %,d rows of the sample and scored on the other %,d (a stratified 80/20 split).",
                q.trainRows(), q.testRows())).append("</p>");
        for (String note : q.notes()) {
            h.append("<p>").append(Html.escape(note)).append("</p>");
        }
        if (q.built()) {
            h.append("<div class=\"cards\">");
            q.metrics().forEach((name, value) -> stat(h, num(value), METRIC_NAMES.getOrDefault(name, name)));
            h.append("</div>");
            if (q.confusion() != null) {
                confusion(h, q.confusion());
            }
            List<QuickModelResult.Importance> top = q.importances().stream().limit(15).toList();
            if (!top.isEmpty()) {
                h.append("<h3 style=\"margin-top:12px\">Most important columns</h3><p class=\"muted\">Share of "
                        + "the model's total split gain.</p>");
                h.append(Svg.rows(top.stream().map(QuickModelResult.Importance::column).toList(),
                        top.stream().map(QuickModelResult.Importance::share).toList(), "%.3f",
                        top.get(0).share(), 700));
            }
        }
        if (!q.choices().isEmpty()) {
            h.append("<details><summary>Preprocessing (fitted on the training rows only)</summary><table>");
            for (FeatureEncoder.Choice c : q.choices()) {
                h.append("<tr><td>").append(Html.escape(c.column())).append("</td><td>")
                        .append(Html.escape(c.action())).append("</td></tr>");
            }
            h.append("</table></details>");
        }
        h.append("</div>");
    }

    private static void confusion(StringBuilder h, ConfusionMatrix m) {
        h.append("<h3 style=\"margin-top:12px\">Confusion matrix</h3><p class=\"muted\">Rows: actual class; "
                + "columns: predicted class (the most probable); each cell with its share of the actual class."
                + "</p><div class=\"scroll\"><table style=\"width:auto;min-width:50%\">"
                + "<tr><th>actual \\ predicted</th>");
        m.classes().forEach(c -> h.append("<th>").append(Html.escape(c)).append("</th>"));
        h.append("</tr>");
        for (int a = 0; a < m.classes().size(); a++) {
            h.append("<tr><th>").append(Html.escape(m.classes().get(a))).append("</th>");
            long support = m.actual(a);
            for (int p = 0; p < m.classes().size(); p++) {
                long n = m.count(a, p);
                h.append(a == p ? "<td class=\"n\" style=\"font-weight:700\">" : "<td class=\"n\">")
                        .append(String.format(Locale.ROOT, "%,d", n)).append(" <span class=\"muted\">(")
                        .append(WarningRules.pct(support == 0 ? 0 : n / (double) support)).append(")</span></td>");
            }
            h.append("</tr>");
        }
        h.append("</table></div>");
    }

    private static void columns(StringBuilder h, InsightsReport r) {
        h.append("<h2>Columns</h2><div class=\"grid\">");
        for (ColumnProfile c : r.columns()) {
            h.append("<div class=\"card\"><h3>").append(Html.escape(c.name())).append(" <span class=\"tag\">")
                    .append(c.semanticType().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .append("</span> <span class=\"muted\">").append(c.storageType()).append("</span></h3>");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"missing", String.format(Locale.ROOT, "%,d (%s)", c.missing(),
                    WarningRules.pct(c.missingShare()))});
            rows.add(new String[] {"distinct", String.format(Locale.ROOT, "%,d", c.unique())});
            if (c.min() != null) {
                rows.add(new String[] {"min / max", c.min() + " / " + c.max()});
            }
            NumericStats s = c.numeric();
            if (s != null) {
                rows.add(new String[] {"mean / std", num(s.mean()) + " / " + num(s.std())});
                rows.add(new String[] {"quartiles", num(s.q1()) + " / " + num(s.median()) + " / " + num(s.q3())});
                rows.add(new String[] {"skew / kurtosis", num(s.skewness()) + " / " + num(s.kurtosis())});
                rows.add(new String[] {"zeros / negatives / outliers", String.format(Locale.ROOT, "%,d / %,d / %,d",
                        s.zeros(), s.negatives(), s.outliers())});
            }
            if (c.text() != null) {
                rows.add(new String[] {"length", String.format(Locale.ROOT, "%d to %d, mean %.1f",
                        c.text().minLength(), c.text().maxLength(), c.text().meanLength())});
                rows.add(new String[] {"patterns", String.join(", ", c.text().patterns().stream()
                        .map(p -> p.value() + " (" + WarningRules.pct(p.share()) + ")").toList())});
            }
            h.append("<table>");
            for (String[] row : rows) {
                h.append("<tr><th>").append(Html.escape(row[0])).append("</th><td>").append(Html.escape(row[1]))
                        .append("</td></tr>");
            }
            h.append("</table>").append(Svg.columns(c.histogram().bars(), 330, 80)).append("<p class=\"muted\">")
                    .append(Html.escape(c.histogram().rule())).append("</p>");
            if (!c.topValues().isEmpty() && c.semanticType() != SemanticType.NUMERIC) {
                h.append("<p>Top: ").append(Html.escape(String.join(", ", c.topValues().stream().limit(5)
                        .map(v -> v.value() + " (" + WarningRules.pct(v.share()) + ")").toList()))).append("</p>");
            }
            h.append("</div>");
        }
        h.append("</div>");
    }

    private static void correlations(StringBuilder h, Correlations c) {
        h.append("<h2>Correlations</h2><div class=\"card scroll\"><p class=\"muted\">Association in [0, 1]: "
                + "|Pearson| between numbers, Cramér's V between categories, the correlation ratio between a number "
                + "and a category").append(String.format(Locale.ROOT, "; %,d rows.", c.sampleRows())).append("</p>")
                .append(Svg.heatmap(c.columns(), c.association(), "association"));
        h.append("<table><tr><th>column</th><th>variance inflation factor</th></tr>");
        for (int i = 0; i < c.columns().size(); i++) {
            if (!Double.isNaN(c.vif()[i])) {
                h.append("<tr><td>").append(Html.escape(c.columns().get(i))).append("</td><td class=\"n\">")
                        .append(Double.isInfinite(c.vif()[i]) ? "∞ (exactly collinear)" : num(c.vif()[i]))
                        .append("</td></tr>");
            }
        }
        h.append("</table></div>");
    }

    private static void samples(StringBuilder h, String title, String note, List<RowSample> rows,
                                List<String> columnNames) {
        if (rows.isEmpty()) {
            return;
        }
        h.append("<h2>").append(Html.escape(title)).append("</h2><div class=\"card scroll\"><p class=\"muted\">")
                .append(Html.escape(note)).append("</p><table class=\"rowsample\"><tr><th>row</th><th>why</th>");
        columnNames.forEach(n -> h.append("<th>").append(Html.escape(n)).append("</th>"));
        h.append("</tr>");
        for (RowSample s : rows) {
            h.append("<tr><td class=\"n\">").append(s.row() + 1).append("</td><td>").append(Html.escape(s.reason()))
                    .append("</td>");
            s.values().forEach(v -> h.append("<td>").append(Html.escape(v)).append("</td>"));
            h.append("</tr>");
        }
        h.append("</table></div>");
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double a = Math.abs(v);
        return a != 0 && (a >= 1e6 || a < 1e-3) ? String.format(Locale.ROOT, "%.4g", v)
                : String.format(Locale.ROOT, "%,.4f", v).replaceAll("\\.?0+$", "");
    }
}
