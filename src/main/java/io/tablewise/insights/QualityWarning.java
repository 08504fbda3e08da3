package io.tablewise.insights;

import java.util.List;

/**
 * A data-quality finding: what, how serious, which columns, a one-sentence explanation and a suggestion.
 *
 * @param kind what kind of finding
 * @param severity how serious
 * @param columns the columns concerned (empty for table-wide findings)
 * @param explanation one sentence saying what was found, with numbers
 * @param suggestion one sentence saying what to do
 */
public record QualityWarning(Kind kind, Severity severity, List<String> columns, String explanation,
                             String suggestion) {
    /** Copies the list. */
    public QualityWarning {
        columns = List.copyOf(columns);
    }

    /** How serious a finding is. */
    /**
     * How much a finding matters, on one scale for every rule: HIGH, the data cannot be used as it is (a model
     * would be wrong or useless); MEDIUM, it will hurt a model unless handled; LOW, worth knowing, and Tablewise's
     * defaults handle it; INFO, no action needed.
     */
    public enum Severity { HIGH, MEDIUM, LOW, INFO }

    /** Kinds of findings. */
    public enum Kind {
        CONSTANT, NEAR_CONSTANT, ID_LIKE, HIGH_CARDINALITY, HEAVY_MISSING, SKEWED, MANY_OUTLIERS, DUPLICATE_ROWS,
        CLASS_IMBALANCE, ZERO_INFLATED, SOME_MISSING, TARGET_LEAKAGE, CORRELATED_FEATURES, NUMERIC_LOOKING_TEXT, DISGUISED_MISSING, MIXED_TYPES,
        EMPTY_TABLE, EMPTY_COLUMN, MISSING_TARGET, SINGLE_CLASS_TARGET, TOO_MANY_CLASSES
    }
}
