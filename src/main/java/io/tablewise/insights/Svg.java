package io.tablewise.insights;

import java.util.List;
import java.util.Locale;

import io.tablewise.io.Html;

/** Small inline SVG charts for the HTML report: bar charts and a heatmap. No scripts, no network. */
final class Svg {
    private Svg() {
    }

    /** Vertical bars (histograms): {@code width} x {@code height} pixels, with a tooltip per bar. */
    static String columns(List<Histogram.Bar> bars, int width, int height) {
        if (bars.isEmpty()) {
            return "<p class=\"muted\">no values</p>";
        }
        long max = bars.stream().mapToLong(Histogram.Bar::count).max().orElse(1);
        double w = (double) width / bars.size();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"chart\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">", width,
                height + 14, width, height + 14));
        for (int i = 0; i < bars.size(); i++) {
            Histogram.Bar b = bars.get(i);
            double h = max == 0 ? 0 : (height - 2) * b.count() / (double) max;
            sb.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s: %,d</title></rect>",
                    i * w + 0.5, height - h, Math.max(1, w - 1), h, Html.escape(b.label()), b.count()));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>", height + 12,
                Html.escape(shorten(bars.get(0).label()))));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", width,
                height + 12, Html.escape(shorten(bars.get(bars.size() - 1).label()))));
        return sb.append("</svg>").toString();
    }

    /** Horizontal bars with labels and values (top values, classes, prediction power). */
    static String rows(List<String> labels, List<Double> values, String valueFormat, double max, int width) {
        int rowHeight = 18;
        int labelWidth = 150;
        int height = labels.size() * rowHeight;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"chart rows\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">", width,
                height, width, height));
        for (int i = 0; i < labels.size(); i++) {
            double v = values.get(i);
            double len = max <= 0 ? 0 : (width - labelWidth - 70) * Math.max(0, v) / max;
            int y = i * rowHeight;
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                    labelWidth - 6, y + 13, Html.escape(shorten(labels.get(i)))));
            sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>",
                    labelWidth, y + 3, len, rowHeight - 6));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>", labelWidth + len + 4, y + 13,
                    String.format(Locale.ROOT, valueFormat, v)));
        }
        return sb.append("</svg>").toString();
    }

    /** A square heatmap of values in [0, 1] (NaN cells blank), with a tooltip per cell. */
    static String heatmap(List<String> names, double[][] values, String measure) {
        int n = names.size();
        int cell = n > 30 ? 12 : 22;
        int label = 130;
        int size = label + n * cell;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"heatmap\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">", size, size,
                size, size));
        for (int i = 0; i < n; i++) {
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
                    label - 4, label + i * cell + cell * 0.7, Html.escape(shorten(names.get(i)))));
            sb.append(String.format(Locale.ROOT,
                    "<text transform=\"translate(%.1f,%d) rotate(-60)\">%s</text>", label + i * cell + cell * 0.6,
                    label - 4, Html.escape(shorten(names.get(i)))));
            for (int j = 0; j < n; j++) {
                double v = values[i][j];
                String fill = Double.isNaN(v) ? "#f3f4f6" : shade(Math.abs(v));
                sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
                        + "fill=\"%s\"><title>%s / %s: %s %s</title></rect>", label + j * cell, label + i * cell,
                        cell - 1, cell - 1, fill, Html.escape(names.get(i)), Html.escape(names.get(j)), measure,
                        Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v)));
            }
        }
        return sb.append("</svg>").toString();
    }

    private static String shade(double v) {
        int light = (int) Math.round(97 - 55 * Math.min(1, v));
        return "hsl(214, 70%, " + light + "%)";
    }

    private static String shorten(String s) {
        return s.length() > 22 ? s.substring(0, 21) + "…" : s;
    }
}
