package io.tablewise.model;

import java.util.Map;

import tech.tablesaw.api.Table;

import io.tablewise.node.NodeException;

/**
 * What the Build model node makes and a flow's model port carries: a classification or regression model, a forecast
 * model or an anomaly detector. Predict, Export and Condition take each kind; the nodes that only mean something for
 * a supervised model (bias, drift, the registry) say so by name when given another kind.
 */
public sealed interface BuiltModel permits TrainedModel, ForecastBuild, AnomalyBuild {
    /** What it is, in words for messages ("a forecast model"). */
    String kind();

    /** Its metrics, as its {@code metrics.json} (or {@code summary.json}) holds them; a Condition reads them. */
    Map<String, Object> metrics();

    /** The rows the studio shows for it (the forecast, the scored rows); null when there are none to show. */
    Table table();

    /**
     * The model of a port as a classification or regression model, or a message naming what {@code node} needs
     * when it is another kind.
     */
    static TrainedModel supervised(Object value, String node) throws NodeException {
        if (value instanceof TrainedModel m || value == null) {
            return (TrainedModel) value;
        }
        throw new NodeException("model", node + " needs a classification or regression model, and this is "
                + ((BuiltModel) value).kind() + "; connect a Build model node whose problem type is auto, binary, "
                + "multiclass or regression");
    }
}
