package io.tablewise.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/** Axis ticks are written as people write numbers, also for a single point (the runs plot with one run). */
class ChartStyleTest {
    private static List<String> ticks(JFreeChart chart, ValueAxis axis, RectangleEdge edge) {
        BufferedImage image = new BufferedImage(560, 320, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = image.createGraphics();
        chart.draw(g, new java.awt.Rectangle(0, 0, 560, 320));
        java.awt.geom.Rectangle2D area = new java.awt.Rectangle(60, 20, 480, 260);
        List<?> all = axis.refreshTicks(g, new org.jfree.chart.axis.AxisState(), area, edge);
        List<String> out = all.stream().map(t -> ((NumberTick) t).getText())
                .filter(s -> s != null && !s.isEmpty()).toList(); // minor ticks have no label
        g.dispose();
        return out;
    }

    @Test
    void oneRunGivesReadableTicksAroundItsValue() {
        XYSeries one = new XYSeries("auc");
        one.add(60, 0.8224479);
        JFreeChart chart = ChartFactory.createXYLineChart(null, "trees", "AUC", new XYSeriesCollection(one));
        XYPlot plot = chart.getXYPlot();
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        ChartStyle.plain(plot);
        List<String> x = ticks(chart, plot.getDomainAxis(), RectangleEdge.BOTTOM);
        List<String> y = ticks(chart, plot.getRangeAxis(), RectangleEdge.LEFT);
        for (String t : concat(x, y)) {
            assertFalse(t.contains("E"), "no exponent: " + x + " " + y);
            assertTrue(t.replaceAll("[^0-9]", "").length() <= 6, "a few digits: " + t);
        }
        assertTrue(x.contains("60"), x.toString());
        assertTrue(plot.getRangeAxis().getRange().contains(0.8224479)
                && plot.getRangeAxis().getRange().getLength() > 0.01, plot.getRangeAxis().getRange().toString());
        assertEquals(y.size(), y.stream().distinct().count(), "no repeated tick labels: " + y);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
