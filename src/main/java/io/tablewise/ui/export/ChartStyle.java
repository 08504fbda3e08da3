package io.tablewise.ui.export;

import java.awt.Color;

import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;

/** The one look of the studio's charts: white plots, light grey grid lines, flat bars, the same few colours. */
public final class ChartStyle {
    /** The main series. */
    public static final Color BLUE = new Color(9, 105, 218);
    /** Points of a scatter, see-through so that dense areas show. */
    public static final Color FAINT_BLUE = new Color(9, 105, 218, 110);
    /** Marks and the other side of a comparison. */
    public static final Color RED = new Color(207, 34, 46);
    /** Reference lines (chance, perfect). */
    public static final Color GREY = new Color(140, 140, 140);
    private static final Color GRID = new Color(220, 220, 220);

    private ChartStyle() {
    }

    /** White background, grey grid lines both ways. */
    public static void plain(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
    }

    /** White background, grey grid lines along the values. */
    public static void plain(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
    }

    /** Flat bars (no gradient, no shadow) in the main colour. */
    public static void flat(BarRenderer bars) {
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, BLUE);
    }
}
