package io.tablewise.insights;

import java.util.List;

import io.tablewise.ml.QuickModelResult;

/**
 * The data-insights report of one table: plain records the CLI writes as JSON and HTML and the studio renders.
 *
 * @param meta when and how it was made
 * @param summary the table at a glance
 * @param columns one profile per column, in table order
 * @param warnings findings, most serious first
 * @param target the target section, or null when no target was given
 * @param predictionPower features by prediction power, strongest first (empty without a target)
 * @param quickModel a fast default model's held-out results, or null without a usable target
 * @param correlations associations between columns
 * @param duplicates the most duplicated rows
 * @param anomalies the most anomalous rows
 */
public record InsightsReport(Meta meta, DatasetSummary summary, List<ColumnProfile> columns,
                             List<QualityWarning> warnings, TargetSummary target, List<FeaturePower> predictionPower,
                             QuickModelResult quickModel, Correlations correlations, List<RowSample> duplicates,
                             List<RowSample> anomalies) {
    /** Copies the lists. */
    public InsightsReport {
        columns = List.copyOf(columns);
        warnings = List.copyOf(warnings);
        predictionPower = List.copyOf(predictionPower);
        duplicates = List.copyOf(duplicates);
        anomalies = List.copyOf(anomalies);
    }

    /**
     * How the report was made.
     *
     * @param dataset dataset name
     * @param createdAt ISO date-time
     * @param tablewiseVersion version of Tablewise
     * @param sampleRows rows used for the sampled parts (prediction power, correlations, anomalies)
     * @param seed seed of the samples
     * @param seconds time taken
     */
    public record Meta(String dataset, String createdAt, String tablewiseVersion, long sampleRows, long seed,
                       double seconds) {
    }

    /** The profile of a column by name. */
    public ColumnProfile column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column " + name));
    }

    /** Warnings of one kind. */
    public List<QualityWarning> warnings(QualityWarning.Kind kind) {
        return warnings.stream().filter(w -> w.kind() == kind).toList();
    }
}
