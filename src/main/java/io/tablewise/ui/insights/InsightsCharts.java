package io.tablewise.ui.insights;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

import io.tablewise.insights.Correlations;
import io.tablewise.insights.FeaturePower;
import io.tablewise.insights.Histogram;
import io.tablewise.ui.Messages;
import io.tablewise.ui.export.ChartBox;
import io.tablewise.ui.export.ChartStyle;

/** The Insights view's charts, drawn from the report's records with JFreeChart. */
final class InsightsCharts {

    private InsightsCharts() {
    }

    /** A histogram: numeric bins on a number axis, categories and periods as labelled bars. */
    static ChartBox histogram(String title, Histogram h, double width, double height) {
        JFreeChart chart;
        if ("bins".equals(h.kind())) {
            XYIntervalSeries s = new XYIntervalSeries(Messages.get("insights.rows"));
            for (Histogram.Bar b : h.bars()) {
                s.add((b.lower() + b.upper()) / 2, b.lower(), b.upper(), b.count(), b.count(), b.count());
            }
            XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
            data.addSeries(s);
            chart = ChartFactory.createXYBarChart(null, h.rule(), false, Messages.get("insights.rows"), data,
                    PlotOrientation.VERTICAL, false, true, false);
            XYPlot plot = chart.getXYPlot();
            XYBarRenderer r = (XYBarRenderer) plot.getRenderer();
            r.setBarPainter(new StandardXYBarPainter());
            r.setShadowVisible(false);
            r.setSeriesPaint(0, ChartStyle.BLUE);
            r.setMargin(0.04);
            ChartStyle.plain(plot);
            plot.setDomainGridlinesVisible(false);
        } else {
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            h.bars().forEach(b -> data.addValue(b.count(), Messages.get("insights.rows"), b.label()));
            chart = bars(data, "periods".equals(h.kind()) ? PlotOrientation.VERTICAL : PlotOrientation.HORIZONTAL,
                    h.rule(), Messages.get("insights.rows"));
        }
        return new ChartBox(title, chart, width, height);
    }

    /** Prediction power of each feature, strongest first (at most 20). */
    static ChartBox predictionPower(List<FeaturePower> power) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String metric = power.isEmpty() ? "" : power.get(0).metric();
        power.stream().limit(20).forEach(p -> data.addValue(p.score(), metric, p.column()));
        JFreeChart chart = bars(data, PlotOrientation.HORIZONTAL, null,
                Messages.get("insights.power.axis", metric));
        return new ChartBox(Messages.get("insights.power"), chart, 460,
                Math.max(220, 22 * Math.min(20, power.size()) + 70));
    }

    /** Bars of a category dataset, without shadows or gradients. */
    static JFreeChart bars(DefaultCategoryDataset data, PlotOrientation orientation, String categoryAxis,
                           String valueAxis) {
        JFreeChart chart = ChartFactory.createBarChart(null, categoryAxis, valueAxis, data, orientation, false,
                true, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        ChartStyle.flat(r);
        r.setMaximumBarWidth(0.08);
        ChartStyle.plain(plot);
        return chart;
    }

    /**
     * The association heat map of {@code columns} (a subset of the report's, in order): one cell per pair, darker for
     * stronger association; the tooltip names the pair, the measure and its value.
     */
    static ChartBox heatmap(Correlations c, List<String> columns, Predicate<String> numeric) {
        int n = columns.size();
        double[][] xyz = new double[3][n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int k = i * n + j;
                xyz[0][k] = j;
                xyz[1][k] = n - 1 - i;
                xyz[2][k] = c.association()[c.indexOf(columns.get(i))][c.indexOf(columns.get(j))];
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(Messages.get("insights.association"), xyz);
        String[] names = columns.toArray(String[]::new);
        String[] reversed = new String[n];
        for (int i = 0; i < n; i++) {
            reversed[i] = names[n - 1 - i];
        }
        SymbolAxis x = new SymbolAxis(null, names);
        x.setVerticalTickLabels(true);
        x.setGridBandsVisible(false);
        SymbolAxis y = new SymbolAxis(null, reversed);
        y.setGridBandsVisible(false);
        XYBlockRenderer r = new XYBlockRenderer();
        LookupPaintScale scale = new LookupPaintScale(0, 1.0001, new Color(245, 245, 245));
        for (int step = 0; step <= 10; step++) {
            float t = step / 10f;
            scale.add(step / 10.0, new Color(mix(255, 9, t), mix(255, 105, t), mix(255, 218, t)));
        }
        r.setPaintScale(scale);
        r.setDefaultToolTipGenerator((dataset, series, item) -> {
            int i = item / n;
            int j = item % n;
            return tooltip(c, columns.get(i), columns.get(j), numeric);
        });
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        double side = Math.max(320, Math.min(640, 26.0 * n + 140));
        return new ChartBox(Messages.get("insights.correlations", c.sampleRows()), chart, side + 40, side);
    }

    /** "a × b: Cramér's V 0.410" — the measure named for the kind of pair; Pearson and Spearman for numbers. */
    static String tooltip(Correlations c, String a, String b, Predicate<String> numeric) {
        int i = c.indexOf(a);
        int j = c.indexOf(b);
        double assoc = c.association()[i][j];
        double pearson = c.pearson()[i][j];
        if (!Double.isNaN(pearson)) {
            return String.format(Locale.ROOT, "%s × %s: Pearson %.3f, Spearman %.3f", a, b, pearson,
                    c.spearman()[i][j]);
        }
        if (Double.isNaN(assoc)) {
            return a + " × " + b + ": –";
        }
        boolean na = numeric.test(a);
        boolean nb = numeric.test(b);
        String measure = na == nb ? "Cramér's V" : Messages.get("insights.eta");
        return String.format(Locale.ROOT, "%s × %s: %s %.3f", a, b, measure, assoc);
    }

    private static int mix(int from, int to, float t) {
        return Math.round(from + (to - from) * t);
    }
}
