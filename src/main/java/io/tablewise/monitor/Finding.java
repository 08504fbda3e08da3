package io.tablewise.monitor;

/**
 * One thing the checks found.
 *
 * @param kind what was checked
 * @param column the column (or "prediction")
 * @param severity how serious: a violation makes {@code tablewise monitor} exit with 3
 * @param explanation what happened, in one sentence
 * @param advice what to do
 * @param score the number behind it (PSI, a share of rows), NaN when none
 */
public record Finding(Kind kind, String column, Severity severity, String explanation, String advice,
                      double score) {
    /** What was checked. */
    public enum Kind { MISSING_COLUMN, EXTRA_COLUMN, TYPE, COMPLETENESS, UNSEEN_CATEGORY, OUT_OF_RANGE, DRIFT,
        PREDICTION_DRIFT, EMPTY_BATCH, MODEL_QUALITY, ATTRIBUTION_DRIFT }

    /** How serious. */
    public enum Severity { INFO, WARNING, VIOLATION }
}
