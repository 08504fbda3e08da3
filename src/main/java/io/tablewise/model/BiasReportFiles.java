package io.tablewise.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tablewise.explain.BiasMetrics;
import io.tablewise.explain.BiasReport;
import io.tablewise.io.AtomicFiles;
import io.tablewise.io.Html;

/** A bias report as a self-contained HTML page and a JSON file (format {@code tablewise.bias}), written atomically. */
public final class BiasReportFiles {
    static final String FORMAT = "tablewise.bias";

    private BiasReportFiles() {
    }

    /** The JSON: the report's counts and metrics, the headline, and each metric's definition. */
    public static void writeJson(BiasReport r, Path file) throws IOException {
        OwnedFiles.checkReplaceableJson(file, FORMAT);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", FORMAT);
        out.put("formatVersion", 1);
        out.put("headline", r.headline());
        out.putAll(ExplanationJson.writeBias(r));
        out.put("summary", r.metrics());
        List<Map<String, Object>> definitions = new ArrayList<>();
        for (BiasMetrics.Metric m : BiasMetrics.Metric.values()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("metric", m.name());
            d.put("name", m.title());
            d.put("stage", m.preTraining() ? "pre-training" : "post-training");
            d.put("definition", m.definition());
            definitions.add(d);
        }
        out.put("definitions", definitions);
        io.tablewise.io.JsonFiles.write(out, file);
    }

    /** The HTML page. */
    public static void writeHtml(BiasReport r, String dataset, Path file) throws IOException {
        OwnedFiles.checkReplaceableReport(file);
        StringBuilder h = new StringBuilder(16 * 1024);
        String title = "Bias: " + r.facet() + " and " + r.target();
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(Html.escape(title))
                .append("</title>").append(OwnedFiles.GENERATOR).append("<style>").append(ModelReportHtml.CSS)
                .append("</style></head><body><main><h1>").append(Html.escape(title)).append("</h1><p class=\"muted\">")
                .append(Html.escape(String.format(java.util.Locale.ROOT, "%s · %,d labelled rows · favourable "
                        + "outcome '%s' · each group against every other row, 95%% intervals from %,d bootstrap "
                        + "resamples", dataset, r.rows(), r.positive(), BiasMetrics.RESAMPLES)))
                .append("</p>");
        ExplanationHtml.bias(h, r);
        h.append("</main></body></html>\n");
        byte[] bytes = h.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, o -> o.write(bytes));
    }
}
