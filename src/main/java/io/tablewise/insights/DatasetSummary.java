package io.tablewise.insights;

import java.util.Map;

/**
 * The table at a glance.
 *
 * @param name dataset name
 * @param rows rows
 * @param columns columns
 * @param missingCells missing cells over the whole table
 * @param missingShare missing cells over all cells
 * @param duplicateRows rows identical to an earlier row
 * @param duplicateShare duplicate rows over rows
 * @param memoryBytes estimated memory of the table
 * @param warningsBySeverity count of warnings by severity
 * @param semanticTypes count of columns by semantic type
 */
public record DatasetSummary(String name, long rows, int columns, long missingCells, double missingShare,
                             long duplicateRows, double duplicateShare, long memoryBytes,
                             Map<QualityWarning.Severity, Long> warningsBySeverity,
                             Map<SemanticType, Long> semanticTypes) {
    /** Copies the maps. */
    public DatasetSummary {
        // in the enums' order, not Map.copyOf's per-run order: the same data gives the same report, byte for byte
        warningsBySeverity = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(warningsBySeverity));
        semanticTypes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(semanticTypes));
    }
}
