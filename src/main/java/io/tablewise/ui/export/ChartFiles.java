package io.tablewise.ui.export;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

import io.tablewise.io.AtomicFiles;

/** A chart drawn to an image or to SVG text and written to a file atomically; needs no window. */
public final class ChartFiles {
    private ChartFiles() {
    }

    /** The chart drawn at {@code width} × {@code height} pixels, times {@code scale} for sharp copies. */
    public static BufferedImage image(JFreeChart chart, int width, int height, double scale) {
        return chart.createBufferedImage((int) Math.round(width * scale), (int) Math.round(height * scale), width,
                height, null);
    }

    /** The chart as a standalone SVG document. */
    public static String svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle(0, 0, width, height));
        return g.getSVGDocument();
    }

    /** Writes the chart as PNG (drawn at twice the size, for print and high-density screens). */
    public static void writePng(JFreeChart chart, int width, int height, Path file) throws IOException {
        BufferedImage image = image(chart, width, height, 2);
        AtomicFiles.write(file, out -> ImageIO.write(image, "png", out));
    }

    /** Writes the chart as SVG. */
    public static void writeSvg(JFreeChart chart, int width, int height, Path file) throws IOException {
        byte[] bytes = svg(chart, width, height).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }
}
