package io.tablewise.ui.model;

import io.tablewise.model.TrainedModel;
import io.tablewise.ui.Messages;

/** The model view's summary line, in words (no JavaFX: the view shows it in a label). */
public final class ModelSummary {
    private ModelSummary() {
    }

    /** The model's summary line: its algorithm, target, problem, training and test rows, AutoML candidates. */
    public static String describe(TrainedModel model) {
        // a family this version does not name (a model from a newer one): the name the model gives itself
        String algorithm = Messages.getOr("model.algorithm." + model.settings().getOrDefault("algorithm", "xgboost"),
                String.valueOf(model.info().getOrDefault("algorithm", model.settings().get("algorithm"))));
        String type = Messages.get("model.problem." + model.problemType().name());
        Object candidates = model.info().get("candidates");
        return candidates == null
                ? Messages.get("model.summary", algorithm, model.target(), type, model.info().get("trainRows"),
                        model.info().get("testRows"))
                : Messages.get("model.summaryAuto", algorithm, model.target(), type, model.info().get("trainRows"),
                        model.info().get("testRows"), candidates);
    }
}
