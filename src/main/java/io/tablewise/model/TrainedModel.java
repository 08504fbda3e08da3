package io.tablewise.model;

import java.util.List;
import java.util.Map;

import io.tablewise.ml.LearnedModel;
import io.tablewise.ml.Evaluation;
import io.tablewise.ml.ProblemType;
import io.tablewise.ml.QuickModelResult;
import io.tablewise.node.ColumnSchema;
import io.tablewise.transform.TransformChain;

/**
 * A trained model with everything needed to replay it on raw data and to explain it.
 *
 * @param chain the upstream transforms fitted on the training rows, replayed on raw data before the model (empty
 *     when the model reads its input as it is)
 * @param model the fitted encoding and trees
 * @param target the predicted column
 * @param problemType the problem type
 * @param inputs the raw input columns and their types at training time
 * @param threshold the chosen threshold on P(positive class) for binary problems, else NaN
 * @param objective the optimised metric
 * @param settings the model's hyper-parameters
 * @param evaluation the evaluation on the held-out test rows
 * @param importances input columns by their share of split gain
 * @param permutation input columns by the drop of the headline metric when they are shuffled in the test rows
 * @param info provenance: rows, data fingerprint, versions, time
 * @param explanation SHAP summary and partial dependence on the test rows; null for models saved before they were
 *     kept
 * @param baseline the training rows' baseline the drift monitor compares new data with; null for models saved
 *     before it was kept
 */
public record TrainedModel(TransformChain.Fitted chain, LearnedModel model, String target, ProblemType problemType,
                           List<ColumnSchema> inputs, double threshold, String objective,
                           Map<String, Object> settings, Evaluation evaluation,
                           List<QuickModelResult.Importance> importances,
                           List<QuickModelResult.Importance> permutation, Map<String, Object> info,
                           io.tablewise.explain.ModelExplanation explanation,
                           io.tablewise.monitor.Baseline baseline) implements BuiltModel {
    /** Copies the collections. */
    public TrainedModel {
        inputs = List.copyOf(inputs);
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        importances = List.copyOf(importances);
        permutation = List.copyOf(permutation);
        info = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(info));
    }

    @Override
    public String kind() {
        return "a " + problemType.name().toLowerCase(java.util.Locale.ROOT) + " model";
    }

    @Override
    public Map<String, Object> metrics() {
        return ModelJson.metrics(this);
    }

    @Override
    public tech.tablesaw.api.Table table() {
        return null; // the model view shows it
    }

    /** The same model with other provenance ({@code info}): a bias report, a monitor's findings, Spark's figures. */
    public TrainedModel withInfo(Map<String, Object> info) {
        return new TrainedModel(chain, model, target, problemType, inputs, threshold, objective, settings, evaluation,
                importances, permutation, info, explanation, baseline);
    }

    /** The classes (classification): most frequent first; for binary problems the second is the positive one. */
    public List<String> classes() {
        return model.classes();
    }

    /** The positive class of a binary problem, else null. */
    public String positiveClass() {
        return problemType == ProblemType.BINARY ? model.classes().get(1) : null;
    }
}
