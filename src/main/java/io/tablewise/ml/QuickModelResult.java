package io.tablewise.ml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quick model's outcome: its held-out metrics, confusion matrix (classification), column importances and
 * every preprocessing choice; or why it could not be built.
 *
 * @param algorithm the model, in words
 * @param problemType the problem type
 * @param trainRows rows trained on
 * @param testRows held-out rows scored
 * @param metrics held-out metrics by name (auc, accuracy, balanced_accuracy, f1_macro, log_loss; rmse, mae, r2)
 * @param headlineMetric the name of the metric to show first
 * @param confusion the confusion matrix (classification), else null
 * @param importances input columns by their share of the model's split gain, largest first
 * @param choices what was done with each input column
 * @param notes remarks: why no model was built, rows not scored
 * @param seconds time taken
 */
public record QuickModelResult(String algorithm, ProblemType problemType, long trainRows, long testRows,
                               Map<String, Double> metrics, String headlineMetric, ConfusionMatrix confusion,
                               List<Importance> importances, List<FeatureEncoder.Choice> choices, List<String> notes,
                               double seconds) {
    /** Copies the collections. */
    public QuickModelResult {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        importances = List.copyOf(importances);
        choices = List.copyOf(choices);
        notes = List.copyOf(notes);
    }

    /** True when a model was trained and scored. */
    public boolean built() {
        return !metrics.isEmpty();
    }

    /** The headline metric's value, or NaN. */
    public double headline() {
        return headlineMetric == null ? Double.NaN : metrics.getOrDefault(headlineMetric, Double.NaN);
    }

    /**
     * One input column's importance.
     *
     * @param column the input column
     * @param share its share of the total split gain, in [0, 1]
     */
    public record Importance(String column, double share) {
    }

    /** Collects the parts as the build goes. */
    static final class Builder {
        private final String algorithm;
        private final ProblemType type;
        private final long trainRows;
        private final long testRows;
        private final List<FeatureEncoder.Choice> choices;
        private final List<String> notes = new ArrayList<>();

        Builder(String algorithm, ProblemType type, long trainRows, long testRows,
                List<FeatureEncoder.Choice> choices) {
            this.algorithm = algorithm;
            this.type = type;
            this.trainRows = trainRows;
            this.testRows = testRows;
            this.choices = choices;
        }

        void note(String note) {
            notes.add(note);
        }

        QuickModelResult failed(String why, double seconds) {
            notes.add("no model was built: " + why);
            return new QuickModelResult(algorithm, type, trainRows, testRows, Map.of(), null, null, List.of(),
                    choices, notes, seconds);
        }

        QuickModelResult done(Map<String, Double> metrics, String headline, ConfusionMatrix confusion,
                              List<Importance> importances, double seconds) {
            return new QuickModelResult(algorithm, type, trainRows, testRows, metrics, headline, confusion,
                    importances, choices, notes, seconds);
        }
    }
}
