package io.tablewise.abtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.tablewise.io.AtomicFiles;
import io.tablewise.io.Html;

/** Writes an A/B report as JSON and as a self-contained HTML page (no scripts, no network). */
public final class AbReportFiles {
    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans KR","Noto Sans CJK KR","Apple SD Gothic Neo",NanumGothic,
            "Malgun Gothic",sans-serif;color:#1f2937;background:#f9fafb;margin:0}
            main{max-width:1100px;margin:0 auto;padding:24px}h1{font-size:24px;margin:0 0 4px}
            h2{font-size:18px;margin:28px 0 10px;border-bottom:2px solid #e5e7eb}.muted{color:#6b7280}
            table{border-collapse:collapse;background:#fff}td,th{padding:4px 10px;border-bottom:1px solid #e5e7eb;
            text-align:right}th{color:#6b7280}td.text,th.text{text-align:left}
            .finding{background:#fff;border:1px solid #e5e7eb;border-left:4px solid #9ca3af;border-radius:6px;
            padding:8px 12px;margin:8px 0}.finding.yes{border-left-color:#16a34a}.finding.no{border-left-color:#dc2626}
            @media print{body{background:#fff}}
            """;

    private AbReportFiles() {
    }

    /** Writes the JSON (atomically). */
    public static void writeJson(AbReport r, Path file) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        byte[] bytes = json.writeValueAsBytes(r);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** Writes the HTML page (atomically). */
    public static void writeHtml(AbReport r, String title, Path file) throws IOException {
        byte[] bytes = html(r, title).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** The HTML page. */
    public static String html(AbReport r, String title) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(Html.escape(title))
                .append("</title><meta name=\"generator\" content=\"Tablewise\"><style>").append(CSS)
                .append("</style></head><body><main><h1>").append(Html.escape(title)).append("</h1>");
        h.append(String.format(Locale.ROOT, "<p class=\"muted\">%,d captured rows, %,d with a known outcome; %s model",
                r.captured(), r.labelled(), r.kind()));
        if (r.positiveClass() != null) {
            h.append(", positive class '").append(Html.escape(r.positiveClass())).append('\'');
        }
        h.append(". Intervals are 95%.</p>");
        h.append("<h2>Findings</h2>");
        if (r.comparisons().isEmpty()) {
            h.append("<p class=\"muted\">No comparison yet.</p>");
        }
        for (AbReport.Comparison c : r.comparisons()) {
            String cls = !c.significant() ? "" : ((c.difference() > 0) == c.higherIsBetter() ? " yes" : " no");
            h.append("<div class=\"finding").append(cls).append("\">").append(Html.escape(c.sentence()))
                    .append("</div>");
        }
        for (String n : r.notes()) {
            h.append("<p class=\"muted\">").append(Html.escape(n)).append("</p>");
        }
        h.append("<h2>Variants</h2><table><tr><th class=\"text\">variant</th><th class=\"text\">versions</th>"
                + "<th>requests</th><th>rows</th><th>share</th><th>p50 ms</th><th>p95 ms</th><th>outcomes</th>"
                + "<th class=\"text\">metrics (95% interval)</th></tr>");
        for (AbReport.VariantResult v : r.variants()) {
            h.append("<tr><td class=\"text\">").append(Html.escape(v.name()))
                    .append(v.shadow() && !v.name().equalsIgnoreCase("shadow") ? " (shadow)" : "")
                    .append("</td><td class=\"text\">").append(Html.escape(String.join(", ", v.versions())))
                    .append(String.format(Locale.ROOT, "</td><td>%,d</td><td>%,d</td><td>%s</td><td>%.2f</td>"
                            + "<td>%.2f</td><td>%,d</td><td class=\"text\">", v.requests(), v.rows(),
                            Double.isNaN(v.share()) ? "shadow" : String.format(Locale.ROOT, "%.1f%%", 100 * v.share()),
                            v.latencyP50(), v.latencyP95(), v.labelled()));
            for (AbReport.Estimate e : v.metrics()) {
                h.append(Html.escape(metric(e))).append("<br>");
            }
            h.append("</td></tr>");
        }
        h.append("</table><h2>How it is measured</h2><p class=\"muted\">AUC and RMSE intervals, and those of their "
                + "differences, come from a percentile bootstrap (1,000 resamples of each variant's labelled rows); "
                + "rates have Wilson intervals, and differences of rates a two-proportion z-test. The control is the "
                + "variant with the most traffic; a comparison needs at least " + AbAnalysis.MIN_LABELLED
                + " rows with an outcome on each side.</p></main></body></html>\n");
        return h.toString();
    }

    /** One metric in words, e.g. {@code auc 0.812 (0.795 to 0.829)}. */
    public static String metric(AbReport.Estimate e) {
        boolean rate = e.metric().toLowerCase(Locale.ROOT).contains("rate") || e.metric().equals("accuracy");
        return rate ? String.format(Locale.ROOT, "%s %.1f%% (%.1f to %.1f)", e.metric(), 100 * e.value(),
                100 * e.low(), 100 * e.high())
                : String.format(Locale.ROOT, "%s %.3f (%.3f to %.3f)", e.metric(), e.value(), e.low(), e.high());
    }
}
