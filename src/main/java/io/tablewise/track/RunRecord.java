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
 * @param flowDocument the flow file as it ran (its JSON document, parameters as saved; the overrides of the run are
 *     in {@code parameters}), from which the run can be rebuilt; null in records written before Tablewise kept it
 * @param conditions each pipeline condition of the run: the branch it took, the condition and the values it saw
 *     (by node id); null or empty when the flow has none
 */
public record RunRecord(String runId, String time, String flow, String node, String target, String problemType,
                        Map<String, Object> data, Map<String, String> parameters, Map<String, Double> metrics,
                        double seconds, List<String> artifacts, Map<String, Object> model,
                        List<Map<String, Object>> leaderboard, Map<String, Object> flowDocument,
                        Map<String, String> conditions) {
    /** The model's pinned settings as the model node's {@code settings} parameter takes them, or "" without any. */
    public String settingsText() {
        if (!(model != null && model.get("settings") instanceof Map<?, ?> s)) {
            return "";
        }
        String text = s.toString(); // {algorithm=xgboost, trees=100, ...}: the braces go
        return text.substring(1, text.length() - 1);
    }

    /** The model's algorithm family id (xgboost, forest, liblinear, ...), or "" when the record has none. */
    public String algorithm() {
        return model != null && model.get("settings") instanceof Map<?, ?> s && s.get("algorithm") != null
                ? String.valueOf(s.get("algorithm")) : "";
    }
}
