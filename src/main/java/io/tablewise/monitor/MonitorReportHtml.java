package io.tablewise.monitor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tablewise.io.AtomicFiles;
import io.tablewise.io.Html;

/**
 * The monitor's HTML page: for several batches a heat map of each column's drift (PSI) per batch, then each batch's
 * findings with what to do, and its columns' statistics.
 */
public final class MonitorReportHtml {
    private static final String CSS = Html.REPORT_CSS + """
            .violation{color:#b91c1c;font-weight:bold}.warning{color:#b45309;font-weight:bold}.info{color:#6b7280}
            .heat td{min-width:54px;text-align:center}
            """;

    private MonitorReportHtml() {
    }

    /** Writes the page of {@code reports} (in batch order) atomically. */
    public static void write(List<MonitorReport> reports, String model, Path file) throws IOException {
        StringBuilder h = new StringBuilder(32 * 1024);
        long violations = reports.stream().mapToLong(MonitorReport::violations).sum();
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Monitor: ")
                .append(Html.escape(model)).append("</title><meta name=\"generator\" content=\"Tablewise\"><style>")
                .append(CSS).append("</style></head><body><main><h1>Monitor: ").append(Html.escape(model))
                .append("</h1><p class=\"muted\">").append(String.format(Locale.ROOT, "%d batch%s, %d violation%s. "
                        + "Drift is flagged when the population stability index reaches %.1f and the test's p-value is "
                        + "under %s (a warning from PSI %.1f).", reports.size(), reports.size() == 1 ? "" : "es",
                        violations, violations == 1 ? "" : "s", Drift.DRIFT_PSI, Drift.ALPHA, Drift.WARNING_PSI))
                .append("</p>");
        if (reports.size() > 1) {
            h.append("<h2>Drift over the batches (PSI)</h2><div class=\"card\"><table class=\"heat\"><tr>"
                    + "<th class=\"text\">column</th>");
            reports.forEach(r -> h.append("<th>").append(Html.escape(r.batch())).append("</th>"));
            h.append("</tr>");
            for (Map.Entry<String, List<Double>> e : MonitorJson.timeline(reports).entrySet()) {
                h.append("<tr><td class=\"text\">").append(Html.escape(e.getKey())).append("</td>");
                for (Double psi : e.getValue()) {
                    h.append(psi == null ? "<td>–</td>" : String.format(Locale.ROOT,
                            "<td style=\"background:%s\">%.2f</td>", heat(psi), psi));
                }
                h.append("</tr>");
            }
            h.append("</table></div>");
        }
        for (MonitorReport r : reports) {
            h.append("<h2>").append(Html.escape(r.batch())).append(String.format(Locale.ROOT,
                    " <span class=\"muted\">%,d rows · %d violations</span></h2>", r.rows(), r.violations()));
            if (r.findings().isEmpty()) {
                h.append("<p>Nothing found: the batch looks like the training rows.</p>");
            }
            for (Finding f : r.findings()) {
                String severity = f.severity().name().toLowerCase(Locale.ROOT);
                h.append("<div class=\"card\"><span class=\"").append(severity).append("\">").append(severity)
                        .append("</span> ").append(Html.escape(f.explanation())).append("<br><span class=\"muted\">→ ")
                        .append(Html.escape(f.advice())).append("</span></div>");
            }
            h.append("<div class=\"card\"><table><tr><th class=\"text\">column</th><th>PSI</th><th class=\"text\">"
                    + "test</th><th>statistic</th><th>p-value</th><th>before</th><th>after</th></tr>");
            for (MonitorReport.ColumnDrift d : r.drift()) {
                h.append(String.format(Locale.ROOT, "<tr><td class=\"text\">%s</td><td>%.3f</td><td class=\"text\">"
                        + "%s</td><td>%.3g</td><td>%.2g</td><td>%.4g</td><td>%.4g</td></tr>", Html.escape(d.column()),
                        d.drift().psi(), d.drift().test(), d.drift().statistic(), d.drift().pValue(), d.before(),
                        d.after()));
            }
            h.append("</table><p class=\"muted\">before and after: the median of a number column, or the share of "
                    + "its most frequent value in training.</p></div>");
        }
        h.append("</main></body></html>\n");
        byte[] bytes = h.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, o -> o.write(bytes));
    }

    /** White for no drift, amber for a warning, red for drift. */
    private static String heat(double psi) {
        double t = Math.min(1, psi / (2 * Drift.DRIFT_PSI));
        int g = (int) Math.round(255 - t * 170);
        int b = (int) Math.round(255 - t * 200);
        return String.format(Locale.ROOT, "rgb(255,%d,%d)", g, b);
    }
}
