package io.tablewise.registry;

import java.util.List;
import java.util.Map;

/**
 * One registered version of a model group, as the registry keeps it (the model folder itself lies in the artifact
 * folder, named by {@code artifact}).
 *
 * @param group the model group
 * @param version its number in the group, from 1
 * @param artifact the SHA-256 of the model folder's content
 * @param problemType binary, multiclass or regression
 * @param target the predicted column
 * @param metrics the test metrics by name (as in metrics.json)
 * @param inputs the input schema: each raw input column's name and kind
 * @param settings the algorithm and its settings
 * @param dataFingerprint the fingerprint of the data the model was built from
 * @param createdBy who registered it
 * @param createdAt when (UTC, ISO-8601)
 * @param description what the registering person wrote
 * @param tags free labels
 * @param status pending, approved or rejected
 * @param aliases the group's aliases that point at this version
 */
public record ModelVersion(String group, int version, String artifact, String problemType, String target,
                           Map<String, Double> metrics, List<Map<String, Object>> inputs,
                           Map<String, Object> settings, String dataFingerprint, String createdBy, String createdAt,
                           String description, List<String> tags, String status, List<String> aliases) {
    /** The statuses a version can have. */
    public static final List<String> STATUSES = List.of("pending", "approved", "rejected");

    /** The headline metric in words: AUC for two classes, balanced accuracy for more, R² for numbers. */
    public String headline() {
        for (String k : List.of("auc", "balanced_accuracy", "r2")) {
            Double m = metrics.get(k);
            if (m != null) {
                return String.format(java.util.Locale.ROOT, "%s %.4f", k, m);
            }
        }
        return "";
    }

    /** The version's reference, {@code GROUP:VERSION}. */
    public ModelRef ref() {
        return new ModelRef(group, version, null);
    }
}
