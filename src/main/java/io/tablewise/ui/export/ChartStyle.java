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
        humanNumbers(plot);
    }

    /**
     * Ticks as people write numbers (0.82, 60, 1,250,000), never {@code 8.224479E-1}: JFreeChart's default tick
     * source switches to exponents on tiny ranges, and a single point (one run, one value) makes a range of 1e-8.
     * Such a range is widened to 10% of the value (or 1 around zero). Call again after the data change.
     */
    public static void humanNumbers(XYPlot plot) {
        if (plot.getDomainAxis() instanceof org.jfree.chart.axis.NumberAxis x
                && !(x instanceof org.jfree.chart.axis.SymbolAxis)) { // names at whole numbers: its own ticks
            human(x, bounds(plot, true));
        }
        if (plot.getRangeAxis() instanceof org.jfree.chart.axis.NumberAxis y
                && !(y instanceof org.jfree.chart.axis.SymbolAxis)) {
            human(y, bounds(plot, false));
        }
    }

    private static org.jfree.data.Range bounds(XYPlot plot, boolean domain) {
        org.jfree.data.Range all = null;
        for (int i = 0; i < plot.getDatasetCount(); i++) {
            org.jfree.data.xy.XYDataset d = plot.getDataset(i);
            if (d != null) {
                org.jfree.data.Range r = domain ? org.jfree.data.general.DatasetUtils.findDomainBounds(d)
                        : org.jfree.data.general.DatasetUtils.findRangeBounds(d);
                all = org.jfree.data.Range.combine(all, r);
            }
        }
        return all;
    }

    private static void human(org.jfree.chart.axis.NumberAxis axis, org.jfree.data.Range data) {
        axis.setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createStandardTickUnits());
        java.text.DecimalFormat plain = new java.text.DecimalFormat("#,##0.######",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        axis.setNumberFormatOverride(plain);
        if (data != null && data.getLength() <= 1e-9 * Math.max(1, Math.abs(data.getCentralValue()))) {
            double v = Math.abs(data.getCentralValue());
            axis.setAutoRangeMinimumSize(v == 0 ? 1 : 0.1 * v);
        }
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
