package io.tablewise.ui.theme;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;

/**
 * Icons drawn from the SVG sources in {@code assets/icons} (one 24×24 path each), so they stay sharp at any
 * scaling and take their colour from CSS.
 */
public final class Icons {
    private static final Pattern PATH_DATA = Pattern.compile("\\sd=\"([^\"]+)\"");
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Icons() {
    }

    /** The icon of a palette category ("Missing values" uses {@code missing-values.svg}). */
    public static Node category(String category, double size) {
        return icon(io.tablewise.ui.NodeTexts.categorySlug(category), size);
    }

    /** The named icon at {@code size} pixels; the "unknown" icon when there is no such file. */
    public static Node icon(String name, double size) {
        SVGPath path = new SVGPath();
        path.setContent(pathData(name));
        path.setFillRule(FillRule.EVEN_ODD);
        path.getStyleClass().add("icon");
        // Scale a fixed 24×24 box around the path (scaling is about the centre); the outer group then lays out
        // at the scaled size.
        Group inner = new Group(new Rectangle(24, 24, Color.TRANSPARENT), path);
        inner.setScaleX(size / 24.0);
        inner.setScaleY(size / 24.0);
        return new Group(inner);
    }

    /** The application icon rendered at {@code size} pixels (window and task bar). */
    public static Image appImage(int size, Color background, Color foreground) {
        SVGPath path = new SVGPath();
        path.setContent(pathData("tablewise"));
        path.setFillRule(FillRule.EVEN_ODD);
        path.setFill(foreground);
        Rectangle back = new Rectangle(-2, -2, 28, 28);
        back.setArcWidth(10);
        back.setArcHeight(10);
        back.setFill(background);
        Group g = new Group(back, path);
        g.setScaleX(size / 28.0);
        g.setScaleY(size / 28.0);
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        WritableImage image = new WritableImage(size, size);
        return new Group(g).snapshot(params, image);
    }

    private static String pathData(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            String svg = read("/assets/icons/" + n + ".svg");
            if (svg == null) {
                svg = read("/assets/icons/unknown.svg");
            }
            Matcher m = svg == null ? null : PATH_DATA.matcher(svg);
            return m != null && m.find() ? m.group(1) : "M4 4h16v16H4z";
        });
    }

    private static String read(String resource) {
        try (InputStream in = Icons.class.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
