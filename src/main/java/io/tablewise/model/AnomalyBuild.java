package io.tablewise.model;

import java.util.Map;

import tech.tablesaw.api.Table;

import io.tablewise.anomaly.AnomalyModel;

/**
 * An anomaly detector that the Build model node made (problem type {@code anomaly}): the detector, the rows it was
 * made from with their scores, flags and reasons, and the summary (with a column of known answers, how well the
 * scores rank them).
 *
 * @param detector the encodings, forest and threshold, which score later rows by the same yardstick
 * @param scored the training rows with anomaly_score, anomaly and anomaly_reason
 * @param summary as {@code summary.json} holds it
 */
public record AnomalyBuild(AnomalyModel detector, Table scored, Map<String, Object> summary) implements BuiltModel {
    /** Copies the summary. */
    public AnomalyBuild {
        summary = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(summary));
    }

    @Override
    public String kind() {
        return "an anomaly detector";
    }

    @Override
    public Map<String, Object> metrics() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("problemType", "anomaly");
        m.putAll(summary);
        return m;
    }

    @Override
    public Table table() {
        return scored;
    }
}
