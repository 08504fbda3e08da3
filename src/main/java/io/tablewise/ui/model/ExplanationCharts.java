package io.tablewise.ui.model;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import io.tablewise.explain.PartialDependence;
import io.tablewise.explain.ShapSummary;
import io.tablewise.ui.Messages;
import io.tablewise.ui.export.ChartBox;
import io.tablewise.ui.export.ChartStyle;

/** The model view's explanation charts: mean |SHAP| per column, the beeswarm, partial dependence with ICE lines. */
final class ExplanationCharts {
    /** Columns in the bar chart. */
    static final int BARS = 15;

    private ExplanationCharts() {
    }

    /** Mean absolute SHAP value per column, the largest first. */
    static ChartBox meanImpact(ShapSummary s) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        s.columns().stream().limit(BARS).forEach(c -> data.addValue(c.meanAbs(), "shap", c.column()));
        JFreeChart chart = ChartFactory.createBarChart(null, null, Messages.get("model.shap.meanAbs"),
                data, PlotOrientation.HORIZONTAL, false, true, false);
        CategoryPlot plot = chart.getCategoryPlot();
        ChartStyle.flat((BarRenderer) plot.getRenderer());
        ChartStyle.plain(plot);
        int n = Math.min(BARS, s.columns().size());
        return new ChartBox(Messages.get("model.shap.title"), chart, 420, Math.max(220, 24 * n + 70));
    }

    /**
     * Every plotted row as a dot at its SHAP value, one line per column (largest on top), coloured from blue (the
     * column's low values) to red (its high values); grey for a category or a missing value.
     */
    static ChartBox beeswarm(ShapSummary s) {
        List<ShapSummary.ColumnImpact> shown = s.columns().stream().filter(c -> c.shap().length > 0).toList();
        XYSeries points = new XYSeries("points", false, true);
        java.util.List<Paint> paints = new java.util.ArrayList<>();
        String[] names = new String[shown.size()];
        for (int k = 0; k < shown.size(); k++) {
            ShapSummary.ColumnImpact c = shown.get(k);
            int line = shown.size() - 1 - k; // the largest on top
            names[line] = c.column();
            double[] jitter = jitter(c.shap());
            for (int i = 0; i < c.shap().length; i++) {
                points.add(c.shap()[i], line + jitter[i]);
                paints.add(colour(c.position()[i]));
            }
        }
        XYSeriesCollection data = new XYSeriesCollection(points);
        JFreeChart chart = ChartFactory.createScatterPlot(null, Messages.get("model.shap.value", ModelView.unit(s)), null,
                data, PlotOrientation.VERTICAL, false, true, false);
        XYPlot plot = chart.getXYPlot();
        SymbolAxis axis = new SymbolAxis(null, names);
        axis.setGridBandsVisible(false);
        plot.setRangeAxis(axis);
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true) {
            @Override
            public Paint getItemPaint(int series, int item) {
                return paints.get(item);
            }
        };
        dots.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        plot.setRenderer(dots);
        ChartStyle.plain(plot);
        plot.setDomainZeroBaselineVisible(true);
        return new ChartBox(Messages.get("model.shap.beeswarm"), chart, 520,
                Math.max(260, 30 * shown.size() + 80));
    }

    /**
     * A dot's vertical offset within its line: dots with nearby values spread apart (a beeswarm's stacking, by the
     * rank of the value among its neighbours), within ±0.4 of the line.
     */
    private static double[] jitter(double[] shap) {
        int n = shap.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(shap[a], shap[b]));
        double lo = n == 0 ? 0 : shap[order[0]];
        double hi = n == 0 ? 0 : shap[order[n - 1]];
        double width = Math.max(1e-12, (hi - lo) / 60); // dots closer than this share a bin and stack
        double[] out = new double[n];
        int bin = Integer.MIN_VALUE;
        int inBin = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            int b = (int) Math.floor((shap[i] - lo) / width);
            inBin = b == bin ? inBin + 1 : 0;
            bin = b;
            int side = inBin % 2 == 0 ? 1 : -1;
            out[i] = Math.max(-0.4, Math.min(0.4, side * ((inBin + 1) / 2) * 0.04));
        }
        return out;
    }

    private static Color colour(double position) {
        if (Double.isNaN(position)) {
            return new Color(150, 150, 150, 160);
        }
        float t = (float) Math.max(0, Math.min(1, position));
        return new Color(Math.round(30 + t * (220 - 30)), Math.round(110 - t * 70), Math.round(230 - t * 180), 190);
    }

    /** The curves' unit in the studio's language ("probability of 'yes'", or the predicted value). */
    private static String unit(String engine) {
        if (engine.startsWith("probability of '") && engine.endsWith("'")) {
            return Messages.get("model.pdp.probability", engine.substring(16, engine.length() - 1));
        }
        return engine.equals("predicted value") ? Messages.get("model.pdp.value") : engine;
    }

    /** Partial dependence: the average answer over the grid, each kept row's ICE line faint behind it. */
    static ChartBox dependence(PartialDependence p) {
        String unit = unit(p.unit());
        if (!p.numeric()) {
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            for (int g = 0; g < p.grid().size(); g++) {
                data.addValue(p.average()[g], unit, p.grid().get(g));
            }
            JFreeChart chart = ChartFactory.createBarChart(null, p.column(), Messages.get("model.pdp.average", unit),
                    data, PlotOrientation.VERTICAL, false, true, false);
            CategoryPlot plot = chart.getCategoryPlot();
            ChartStyle.flat((BarRenderer) plot.getRenderer());
            ChartStyle.plain(plot);
            ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
            return new ChartBox(Messages.get("model.pdp.title", p.column()), chart, 380, 270);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries average = new XYSeries(Messages.get("model.pdp.average", unit), false);
        for (int g = 0; g < p.at().length; g++) {
            average.add(p.at()[g], p.average()[g]);
        }
        data.addSeries(average);
        for (int i = 0; i < p.lines().length; i++) {
            XYSeries line = new XYSeries("ice" + i, false);
            for (int g = 0; g < p.at().length; g++) {
                line.add(p.at()[g], p.lines()[i][g]);
            }
            data.addSeries(line);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(null, p.column(), unit, data, PlotOrientation.VERTICAL,
                false, true, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        lines.setSeriesPaint(0, ChartStyle.BLUE);
        lines.setSeriesStroke(0, new BasicStroke(3f));
        for (int i = 1; i < data.getSeriesCount(); i++) {
            lines.setSeriesPaint(i, new Color(140, 140, 140, 70));
            lines.setSeriesStroke(i, new BasicStroke(1f));
        }
        plot.setRenderer(lines);
        // the average drawn last, over the faint lines
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.REVERSE);
        ChartStyle.plain(plot);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        return new ChartBox(Messages.get("model.pdp.title", p.column()), chart, 380, 270);
    }
}
