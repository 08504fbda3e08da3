package io.tablewise.explain;

import java.util.List;

/**
 * What a model keeps about how it decides, measured on its test rows when it was built: the SHAP summary and the
 * partial dependence of its top columns.
 *
 * @param summary mean absolute SHAP value per column and the beeswarm points
 * @param dependence partial dependence and ICE curves of the top columns
 * @param rows how many test rows were explained
 */
public record ModelExplanation(ShapSummary summary, List<PartialDependence> dependence, int rows) {
    /** Copies the list. */
    public ModelExplanation {
        dependence = List.copyOf(dependence);
    }
}
