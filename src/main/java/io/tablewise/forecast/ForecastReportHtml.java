package io.tablewise.forecast;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tech.tablesaw.api.Table;

import io.tablewise.io.AtomicFiles;
import io.tablewise.io.Html;
import io.tablewise.node.NodeException;

/**
 * The forecast's HTML page, one self-contained file: what was forecast and how well it backtested in words and in the
 * usual measures, the approaches compared, what was done to the data, a chart of history and forecast band for the
 * largest series, and every series' model and errors.
 */
public final class ForecastReportHtml {
    /** Series drawn, the largest by volume. */
    static final int CHARTS = 12;

    private static final String CSS = Html.REPORT_CSS + """
            .grid{display:flex;flex-wrap:wrap;gap:8px}.grid .card{width:520px}.lead{font-size:16px}
            """;

    private ForecastReportHtml() {
    }

    /** Writes the page of {@code r}, forecast from {@code history}, atomically. */
    public static void write(Forecaster.Result r, Table history, Path file) throws IOException {
        Forecaster.Options o = r.model().options();
        Map<List<String>, SeriesData> byKey = new HashMap<>();
        try {
            for (SeriesData s : Forecaster.prepare(history, o, r.model().frequency()).data) {
                byKey.put(s.key, s);
            }
        } catch (NodeException e) {
            throw new IOException("the report could not read the history again: " + e.getMessage(), e);
        }
        StringBuilder h = new StringBuilder(64 * 1024);
        String title = "Forecast of " + o.target();
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(Html.escape(title))
                .append("</title><meta name=\"generator\" content=\"Tablewise\"><style>").append(CSS)
                .append("</style></head><body><main><h1>").append(Html.escape(title)).append("</h1>");
        h.append("<p class=\"muted\">").append(r.series().size()).append(' ').append(r.frequency())
                .append(" series").append(", ").append(o.horizon())
                .append(" periods ahead").append(o.series().isEmpty() ? "" : ", one per " + Html.escape(String.join(
                        " × ", o.series()))).append(o.holidays().days().isEmpty() ? "" : "; holidays: "
                        + Html.escape(o.holidays().name())).append(o.covariates().isEmpty() ? "" : "; known ahead: "
                        + Html.escape(String.join(", ", o.covariates()))).append("</p>");
        double[] mean = r.meanMase();
        if (Double.isFinite(mean[0]) && mean[1] > 0) {
            h.append("<p class=\"lead card\">").append(Html.escape(inWords(mean[0], mean[1]))).append("</p>");
        }
        if (r.overall() != null) {
            BacktestMetrics m = r.overall();
            h.append("<h2>Backtest (the last ").append(o.horizon()).append(" periods, forecast without seeing them)"
                    + "</h2><table><tr><th class=\"text\">Measure</th><th>Value</th><th class=\"text\">Meaning</th></tr>");
            row(h, "MASE", m.mase(), "error relative to last season's values in the history (below 1: better)");
            row(h, "WAPE", m.wape(), "absolute error over total volume");
            row(h, "RMSE", m.rmse(), "root mean squared error, in the target's unit");
            row(h, "MAPE", m.mape(), "mean absolute percentage error over non-zero values");
            row(h, "wQL", m.wql(), "weighted quantile loss over the quantiles");
            row(h, "Coverage", m.coverage(), "share of values inside the outer quantiles' band");
            h.append("</table>");
        }
        if (!r.approaches().isEmpty()) {
            h.append("<h2>Approaches compared on the last window (mean MASE)</h2><table>");
            r.approaches().forEach((k, v) -> h.append("<tr><td class=\"text\">").append(Html.escape(k))
                    .append("</td><td>").append(fmt(v)).append("</td></tr>"));
            h.append("</table>");
        }
        if (!r.method().isEmpty()) {
            h.append("<h2>How it was done</h2><ul>");
            r.method().forEach(n -> h.append("<li>").append(Html.escape(n)).append("</li>"));
            h.append("</ul>");
        }
        if (!r.notes().isEmpty()) {
            h.append("<h2>What to check</h2><ul>");
            r.notes().stream().limit(50).forEach(n -> h.append("<li>").append(Html.escape(n)).append("</li>"));
            if (r.notes().size() > 50) {
                h.append("<li>… and ").append(r.notes().size() - 50).append(" more</li>");
            }
            h.append("</ul>");
        }
        // the largest series, drawn
        List<Forecaster.SeriesResult> largest = new ArrayList<>(r.series());
        Map<List<String>, Double> volume = new HashMap<>();
        for (Forecaster.SeriesResult s : largest) {
            SeriesData d = byKey.get(s.key());
            double v = 0;
            if (d != null) {
                for (double x : d.y) {
                    v += Math.abs(x);
                }
            }
            volume.put(s.key(), v);
        }
        largest.sort(Comparator.comparingDouble((Forecaster.SeriesResult s) -> volume.get(s.key())).reversed());
        h.append("<h2>History and forecast").append(largest.size() > CHARTS ? " of the " + CHARTS + " largest series"
                : "").append("</h2><div class=\"grid\">");
        Table f = r.forecast();
        String lo = Forecaster.quantileColumn(o.quantiles().stream().mapToDouble(Double::doubleValue).min()
                .orElse(0.5));
        String hi = Forecaster.quantileColumn(o.quantiles().stream().mapToDouble(Double::doubleValue).max()
                .orElse(0.5));
        Map<List<String>, Integer> firstRow = new HashMap<>();
        for (int i = 0; i < f.rowCount(); i++) {
            List<String> key = new ArrayList<>();
            for (String c : o.series()) {
                key.add(f.column(c).getString(i));
            }
            firstRow.putIfAbsent(key, i);
        }
        for (Forecaster.SeriesResult s : largest.subList(0, Math.min(CHARTS, largest.size()))) {
            SeriesData d = byKey.get(s.key());
            Integer at = firstRow.get(s.key());
            if (d == null || at == null) {
                continue;
            }
            double[] p50 = new double[o.horizon()];
            double[] low = new double[o.horizon()];
            double[] high = new double[o.horizon()];
            for (int k = 0; k < o.horizon(); k++) {
                p50[k] = f.doubleColumn("p50").get(at + k);
                low[k] = f.doubleColumn(lo).get(at + k);
                high[k] = f.doubleColumn(hi).get(at + k);
            }
            h.append("<div class=\"card\"><b>").append(Html.escape(s.key().isEmpty() ? o.target()
                    : String.join(" / ", s.key()))).append("</b> <span class=\"muted\">").append(Html.escape(
                    s.model())).append("</span>").append(svg(d.y, p50, low, high, r.model().frequency(), d.first))
                    .append("</div>");
        }
        h.append("</div><h2>Every series</h2><table><tr>");
        o.series().forEach(c -> h.append("<th class=\"text\">").append(Html.escape(c)).append("</th>"));
        h.append("<th class=\"text\">Model</th><th>Backtest MASE</th><th>Seasonal naive</th><th>WAPE</th>"
                + "<th>History</th></tr>");
        for (Forecaster.SeriesResult s : r.series()) {
            h.append("<tr>");
            s.key().forEach(k -> h.append("<td class=\"text\">").append(Html.escape(k)).append("</td>"));
            h.append("<td class=\"text\">").append(Html.escape(s.model())).append("</td><td>").append(fmt(s.mase()))
                    .append("</td><td>").append(fmt(s.naiveMase())).append("</td><td>").append(s.backtest() == null
                    ? "" : fmt(s.backtest().wape())).append("</td><td>").append(s.history()).append("</td></tr>");
        }
        h.append("</table><p class=\"muted\">Made by Tablewise. Quantiles come from the chosen model's own backtest "
                + "errors.</p></main></body></html>");
        byte[] bytes = h.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** "Backtest error 12% lower than last season's values" (the seasonal naive). */
    public static String inWords(double mase, double naive) {
        double change = 1 - mase / naive;
        return String.format(Locale.ROOT, "Backtest error %.0f%% %s than simply repeating last season's values "
                + "(MASE %.3f against %.3f).", 100 * Math.abs(change), change >= 0 ? "lower" : "higher", mase, naive);
    }

    private static void row(StringBuilder h, String name, double v, String meaning) {
        h.append("<tr><td class=\"text\">").append(name).append("</td><td>").append(fmt(v))
                .append("</td><td class=\"text muted\">").append(Html.escape(meaning)).append("</td></tr>");
    }

    /** A chart's value label: whole numbers with thousands separators, small ones with three digits. */
    private static String label(double v) {
        return Math.abs(v) >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v)
                : String.format(Locale.ROOT, "%.3g", v);
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "–";
    }

    /**
     * History (its last periods) and the forecast with its band, as an inline SVG: the value range on the left, the
     * first shown and the last forecast period below, a dashed line where the forecast starts.
     */
    private static String svg(double[] y, double[] p50, double[] low, double[] high, Frequency f,
                              java.time.LocalDate first) {
        int shown = Math.min(y.length, Math.max(3 * p50.length, 60));
        double[] past = java.util.Arrays.copyOfRange(y, y.length - shown, y.length);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] a : new double[][] {past, low, high, p50}) {
            for (double v : a) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (max <= min) {
            max = min + 1;
        }
        int w = 500;
        int hgt = 180;
        int left = 52; // room for the value labels
        int bottom = 16; // and for the dates
        int total = shown + p50.length;
        double lo = min;
        double span = max - min;
        java.util.function.IntFunction<String> x = i -> String.format(Locale.ROOT, "%.1f", left + (w - left - 4) * i
                / (double) (total - 1));
        java.util.function.DoubleFunction<String> yy = v -> String.format(Locale.ROOT, "%.1f", hgt - bottom - 4
                - (hgt - bottom - 10) * (v - lo) / span);
        StringBuilder s = new StringBuilder("<svg viewBox=\"0 0 ").append(w).append(' ').append(hgt)
                .append("\" width=\"").append(w).append("\" height=\"").append(hgt).append("\" role=\"img\">");
        java.time.LocalDate shownFrom = f.plus(first, y.length - shown);
        java.time.LocalDate lastAhead = f.plus(first, y.length - 1 + p50.length);
        s.append("<g font-size=\"10\" fill=\"#6b7280\">")
                .append("<text x=\"").append(left - 4).append("\" y=\"").append(yy.apply(max)).append("\" dy=\"4\" "
                        + "text-anchor=\"end\">").append(Html.escape(label(max))).append("</text>")
                .append("<text x=\"").append(left - 4).append("\" y=\"").append(yy.apply(min)).append("\" "
                        + "text-anchor=\"end\">").append(Html.escape(label(min))).append("</text>")
                .append("<text x=\"").append(left).append("\" y=\"").append(hgt - 3).append("\">")
                .append(shownFrom).append("</text>")
                .append("<text x=\"").append(w - 4).append("\" y=\"").append(hgt - 3).append("\" text-anchor=\"end\">")
                .append(lastAhead).append("</text></g>");
        s.append("<line x1=\"").append(x.apply(shown - 1)).append("\" x2=\"").append(x.apply(shown - 1))
                .append("\" y1=\"4\" y2=\"").append(hgt - bottom).append("\" stroke=\"#d1d5db\" "
                        + "stroke-dasharray=\"3 3\"/>");
        s.append("<polygon fill=\"#bfdbfe\" points=\"");
        for (int k = 0; k < high.length; k++) {
            s.append(x.apply(shown + k)).append(',').append(yy.apply(high[k])).append(' ');
        }
        for (int k = low.length - 1; k >= 0; k--) {
            s.append(x.apply(shown + k)).append(',').append(yy.apply(low[k])).append(' ');
        }
        s.append("\"/><polyline fill=\"none\" stroke=\"#374151\" stroke-width=\"1.2\" points=\"");
        for (int i = 0; i < shown; i++) {
            s.append(x.apply(i)).append(',').append(yy.apply(past[i])).append(' ');
        }
        s.append("\"/><polyline fill=\"none\" stroke=\"#1d4ed8\" stroke-width=\"1.8\" points=\"");
        s.append(x.apply(shown - 1)).append(',').append(yy.apply(past[shown - 1])).append(' ');
        for (int k = 0; k < p50.length; k++) {
            s.append(x.apply(shown + k)).append(',').append(yy.apply(p50[k])).append(' ');
        }
        return s.append("\"/></svg>").toString();
    }
}
