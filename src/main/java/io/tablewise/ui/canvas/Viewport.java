package io.tablewise.ui.canvas;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/** Pan and zoom of the canvas: world coordinates (stored in the flow) to view coordinates and back. */
final class Viewport {
    static final double MIN_ZOOM = 0.2;
    /** "Fit to view" never zooms out further than this: below it card labels cannot be read. */
    static final double FIT_MIN_ZOOM = 0.6;
    static final double MAX_ZOOM = 2.5;
    final Translate translate = new Translate(40, 40);
    final Scale scale = new Scale(1, 1, 0, 0);
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);

    Viewport() {
        zoom.addListener((obs, old, now) -> {
            scale.setX(now.doubleValue());
            scale.setY(now.doubleValue());
        });
    }

    DoubleProperty zoomProperty() {
        return zoom;
    }

    double zoom() {
        return zoom.get();
    }

    Point2D toWorld(double viewX, double viewY) {
        return new Point2D((viewX - translate.getX()) / zoom(), (viewY - translate.getY()) / zoom());
    }

    void panBy(double dx, double dy) {
        translate.setX(translate.getX() + dx);
        translate.setY(translate.getY() + dy);
    }

    /** Zooms by {@code factor}, keeping the world point under (viewX, viewY) where it is. */
    void zoomAt(double factor, double viewX, double viewY) {
        double next = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom() * factor));
        double ratio = next / zoom();
        translate.setX(viewX - (viewX - translate.getX()) * ratio);
        translate.setY(viewY - (viewY - translate.getY()) * ratio);
        zoom.set(next);
    }

    /** Shows the world rectangle {@code content} centred in a view of the given size (at most 100%). */
    void fit(Bounds content, double viewWidth, double viewHeight) {
        double margin = 40;
        double z = Math.min((viewWidth - 2 * margin) / Math.max(1, content.getWidth()),
                (viewHeight - 2 * margin) / Math.max(1, content.getHeight()));
        boolean fits = z >= FIT_MIN_ZOOM;
        z = Math.max(FIT_MIN_ZOOM, Math.min(1.0, z));
        zoom.set(z);
        // a flow too big to show readably is shown from its top-left corner at the smallest readable zoom
        translate.setX(fits || content.getWidth() * z <= viewWidth - 2 * margin
                ? (viewWidth - content.getWidth() * z) / 2 - content.getMinX() * z : margin - content.getMinX() * z);
        translate.setY(fits || content.getHeight() * z <= viewHeight - 2 * margin
                ? (viewHeight - content.getHeight() * z) / 2 - content.getMinY() * z : margin - content.getMinY() * z);
    }
}
