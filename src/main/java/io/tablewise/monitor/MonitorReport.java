package io.tablewise.monitor;

import java.util.List;

/**
 * The checks of one batch against a model's baseline and constraints.
 *
 * @param batch the batch's name (the file)
 * @param rows its rows
 * @param findings everything found, most serious first
 * @param drift each column's drift statistics, in the baseline's order (the prediction last, as "prediction")
 */
public record MonitorReport(String batch, long rows, List<Finding> findings, List<ColumnDrift> drift) {
    /** Copies the lists. */
    public MonitorReport {
        findings = List.copyOf(findings);
        drift = List.copyOf(drift);
    }

    /**
     * A column's drift.
     *
     * @param column the column
     * @param drift the statistics
     * @param before the baseline's median (numbers) or most frequent value's share (categories)
     * @param after the batch's
     * @param overlay both distributions on the baseline's bins
     */
    public record ColumnDrift(String column, Drift drift, double before, double after, Overlay overlay) {
    }

    /** The same report with {@code f} added (most serious first). */
    public MonitorReport with(Finding f) {
        List<Finding> all = new java.util.ArrayList<>(findings);
        all.add(f);
        all.sort(java.util.Comparator.comparing(Finding::severity).reversed());
        return new MonitorReport(batch, rows, all, drift);
    }

    /** The number of violations (a non-zero count makes the command exit with 3). */
    public long violations() {
        return findings.stream().filter(f -> f.severity() == Finding.Severity.VIOLATION).count();
    }

    /** The columns flagged as drifted. */
    public List<String> drifted() {
        return findings.stream().filter(f -> f.kind() == Finding.Kind.DRIFT).map(Finding::column).toList();
    }
}
