package io.tablewise.track;

import java.util.List;
import java.util.Map;

/**
 * One model build.
 *
 * @param runId unique id: the start time and a counter, sortable
 * @param time when the build finished (ISO local date-time)
 * @param flow the flow file name
 * @param node the model-building node
 * @param target the predicted column
 * @param problemType binary, multiclass or regression
 * @param data data fingerprint, rows and columns
 * @param parameters the flow parameters ({@code flow.NAME}) and the parameters of the model node and every node
 *     upstream of it ({@code NODE.PARAM}), as text
 * @param metrics test metrics by lower-camel name
 * @param seconds time the build took
 * @param artifacts files written from the model (exported folders)
 * @param model the model built: {@code algorithm} (its family in words) and {@code settings} (the family's id and
 *     hyper-parameters); null in records written before Tablewise kept it
 * @param leaderboard the AutoML leaderboard, best first (empty for a quick build; null in older records)
 */
public record RunRecord(String runId, String time, String flow, String node, String target, String problemType,
                        Map<String, Object> data, Map<String, String> parameters, Map<String, Double> metrics,
                        double seconds, List<String> artifacts, Map<String, Object> model,
                        List<Map<String, Object>> leaderboard) {
    /** The model's algorithm family id (xgboost, forest, liblinear, ...), or "" when the record has none. */
    public String algorithm() {
        return model != null && model.get("settings") instanceof Map<?, ?> s && s.get("algorithm") != null
                ? String.valueOf(s.get("algorithm")) : "";
    }
}
