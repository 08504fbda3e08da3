package io.tablewise.ui.model;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import io.tablewise.ml.Evaluation;
import io.tablewise.ml.QuickModelResult;
import io.tablewise.ui.Messages;
import io.tablewise.ui.export.ChartBox;
import io.tablewise.ui.export.ChartStyle;

/** The model view's charts, drawn from the engine's evaluation records with JFreeChart. */
final class ModelCharts {

    private ModelCharts() {
    }

    /** Column impact: each input's share, the strongest first (at most 15). */
    static ChartBox impact(List<QuickModelResult.Importance> importances, String title) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        importances.stream().limit(15).forEach(i -> data.addValue(i.share(), title, i.column()));
        JFreeChart chart = ChartFactory.createBarChart(null, null, title, data, PlotOrientation.HORIZONTAL,
                false, true, false);
        CategoryPlot plot = chart.getCategoryPlot();
        ChartStyle.flat((BarRenderer) plot.getRenderer());
        ChartStyle.plain(plot);
        return new ChartBox(title, chart, 420, Math.max(200, 24 * Math.min(15, importances.size()) + 60));
    }

    /** Precision against recall, with the operating point. */
    static ChartBox precisionRecall(Evaluation e) {
        XYSeries curve = new XYSeries(Messages.get("model.pr", String.format(Locale.ROOT, "%.3f",
                e.metrics().getOrDefault("average_precision", Double.NaN))), false);
        e.pr().forEach(p -> curve.add(p.x(), p.y()));
        XYSeriesCollection data = new XYSeriesCollection(curve);
        JFreeChart chart = ChartFactory.createXYLineChart(null, Messages.get("metric.recall"),
                Messages.get("metric.precision"), data, PlotOrientation.VERTICAL, true, true, false);
        lines(chart.getXYPlot(), ChartStyle.BLUE);
        return new ChartBox(Messages.get("model.title.pr"), chart, 420, 300);
    }

    /** Calibration: the observed share of positives against the mean predicted probability, per bin. */
    static ChartBox calibration(Evaluation e) {
        XYSeries bins = new XYSeries(Messages.get("model.calibration"), false);
        e.calibration().forEach(b -> bins.add(b.meanPredicted(), b.fractionPositive()));
        XYSeries ideal = new XYSeries(Messages.get("model.perfect"));
        ideal.add(0, 0);
        ideal.add(1, 1);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(bins);
        data.addSeries(ideal);
        JFreeChart chart = ChartFactory.createXYLineChart(null, Messages.get("model.meanPredicted"),
                Messages.get("model.observed"), data, PlotOrientation.VERTICAL, true, true, false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, ChartStyle.BLUE);
        r.setSeriesShapesVisible(1, false);
        r.setSeriesPaint(1, ChartStyle.GREY);
        chart.getXYPlot().setRenderer(r);
        style(chart);
        return new ChartBox(Messages.get("model.title.calibration"), chart, 420, 300);
    }

    /** Predicted against actual values (regression), with the diagonal of perfect predictions. */
    static ChartBox predictedVsActual(Evaluation e) {
        XYSeries points = new XYSeries(Messages.get("model.rows"), false);
        e.points().forEach(p -> points.add(p.x(), p.y()));
        double lo = e.points().stream().mapToDouble(p -> Math.min(p.x(), p.y())).min().orElse(0);
        double hi = e.points().stream().mapToDouble(p -> Math.max(p.x(), p.y())).max().orElse(1);
        XYSeries diagonal = new XYSeries(Messages.get("model.perfect"));
        diagonal.add(lo, lo);
        diagonal.add(hi, hi);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(points);
        data.addSeries(diagonal);
        JFreeChart chart = ChartFactory.createScatterPlot(null, Messages.get("model.predicted"),
                Messages.get("model.actual"), data, PlotOrientation.VERTICAL, true, true, false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setSeriesLinesVisible(0, false);
        r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-2, -2, 4, 4));
        r.setSeriesPaint(0, ChartStyle.FAINT_BLUE);
        r.setSeriesShapesVisible(1, false);
        r.setSeriesPaint(1, ChartStyle.RED);
        chart.getXYPlot().setRenderer(r);
        style(chart);
        return new ChartBox(Messages.get("model.title.predictedVsActual"), chart, 420, 320);
    }

    /** Residuals (actual − predicted) against the prediction (regression). */
    static ChartBox residuals(Evaluation e) {
        XYSeries points = new XYSeries(Messages.get("model.rows"), false);
        e.points().forEach(p -> points.add(p.x(), p.y() - p.x()));
        JFreeChart chart = ChartFactory.createScatterPlot(null, Messages.get("model.predicted"),
                Messages.get("model.residual"), new XYSeriesCollection(points), PlotOrientation.VERTICAL,
                false, true, false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-2, -2, 4, 4));
        r.setSeriesPaint(0, ChartStyle.FAINT_BLUE);
        chart.getXYPlot().setRenderer(r);
        chart.getXYPlot().addRangeMarker(new org.jfree.chart.plot.ValueMarker(0, ChartStyle.RED, new BasicStroke(1.2f)));
        style(chart);
        return new ChartBox(Messages.get("model.title.residuals"), chart, 420, 320);
    }

    static void lines(XYPlot plot, Color color) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, color);
        plot.setRenderer(r);
        ChartStyle.plain(plot);
    }

    private static void style(JFreeChart chart) {
        ChartStyle.plain(chart.getXYPlot());
    }
}
