package io.tablewise.ui.model;

import java.util.List;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

import io.tablewise.ml.Evaluation;

/**
 * The model view's threshold slider for a binary model: the engine's evaluation holds the confusion counts and
 * metrics at every threshold from 0.00 to 1.00 on the test rows; this picks the row at the slider's position
 * (nothing is recomputed here), adds the expected cost when false positives and false negatives have a price, and
 * finds the threshold with the lowest cost.
 */
public final class ThresholdViewModel {
    private final List<Evaluation.ThresholdRow> rows;
    private final DoubleProperty threshold = new SimpleDoubleProperty();
    private final DoubleProperty costFalsePositive = new SimpleDoubleProperty(1);
    private final DoubleProperty costFalseNegative = new SimpleDoubleProperty(1);
    private final ObjectProperty<Evaluation.ThresholdRow> current = new SimpleObjectProperty<>();
    private final double modelThreshold;

    /** The slider for {@code evaluation} (binary), starting at the model's chosen threshold. */
    public ThresholdViewModel(Evaluation evaluation) {
        if (evaluation.thresholds().isEmpty()) {
            throw new IllegalArgumentException("threshold analysis needs a binary model's evaluation");
        }
        this.rows = evaluation.thresholds();
        this.modelThreshold = Double.isNaN(evaluation.threshold()) ? 0.5 : evaluation.threshold();
        threshold.addListener((obs, old, now) -> current.set(rowAt(now.doubleValue())));
        threshold.set(modelThreshold);
        current.set(rowAt(threshold.get()));
    }

    /** The threshold the model was built with. */
    public double modelThreshold() {
        return modelThreshold;
    }

    /** The threshold (P(positive) at or above it predicts positive). */
    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    /** The price of one false positive (e.g. a retention offer wasted on a customer who would have stayed). */
    public DoubleProperty costFalsePositiveProperty() {
        return costFalsePositive;
    }

    /** The price of one false negative (e.g. a customer lost without an offer). */
    public DoubleProperty costFalseNegativeProperty() {
        return costFalseNegative;
    }

    /** Confusion counts and metrics at the current threshold. */
    public ReadOnlyObjectProperty<Evaluation.ThresholdRow> currentProperty() {
        return current;
    }

    /** The total cost of the test rows' mistakes at a row of the grid. */
    public double cost(Evaluation.ThresholdRow row) {
        return row.fp() * costFalsePositive.get() + row.fn() * costFalseNegative.get();
    }

    /** The threshold of the grid with the lowest total cost (the lowest threshold of ties). */
    public double cheapestThreshold() {
        Evaluation.ThresholdRow best = rows.get(0);
        for (Evaluation.ThresholdRow r : rows) {
            if (cost(r) < cost(best) - 1e-9) {
                best = r;
            }
        }
        return best.threshold();
    }

    /** The grid row nearest to {@code t}. */
    Evaluation.ThresholdRow rowAt(double t) {
        Evaluation.ThresholdRow best = rows.get(0);
        for (Evaluation.ThresholdRow r : rows) {
            if (Math.abs(r.threshold() - t) < Math.abs(best.threshold() - t)) {
                best = r;
            }
        }
        return best;
    }
}
