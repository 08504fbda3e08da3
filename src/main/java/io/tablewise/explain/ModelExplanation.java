package io.tablewise.explain;

import java.util.List;

/**
 * What a model keeps about how it decides, measured on its test rows when it was built: the SHAP summary and the
 * partial dependence of its top columns.
 *
 * @param summary mean absolute SHAP value per column and the beeswarm points
 * @param dependence partial dependence and ICE curves of the top columns
 * @param rows how many test rows were explained
 * @param columnGroups for each column the model reads that transforms derived, the input column (or columns, joined
 *     by " + ") it came from: what explanations are reported by
 * @param bias bias reports of the plausible sensitive columns on the test rows (two classes; empty otherwise)
 */
public record ModelExplanation(ShapSummary summary, List<PartialDependence> dependence, int rows,
                               java.util.Map<String, String> columnGroups, List<BiasReport> bias) {
    /** Copies the collections. */
    public ModelExplanation {
        dependence = List.copyOf(dependence);
        bias = List.copyOf(bias);
        columnGroups = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columnGroups));
    }

    /** The same with the bias reports given. */
    public ModelExplanation withBias(List<BiasReport> reports) {
        return new ModelExplanation(summary, dependence, rows, columnGroups, reports);
    }
}
