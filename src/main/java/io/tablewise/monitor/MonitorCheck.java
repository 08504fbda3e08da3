package io.tablewise.monitor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The checks of a batch against a baseline and its constraints: data quality (missing, extra and retyped columns,
 * completeness, unseen categories, values out of the training range), drift per column, and drift of the model's
 * predictions. Each finding says what happened in one sentence and what to do.
 */
public final class MonitorCheck {
    /** Share of values out of range or unseen above which a warning becomes a violation. */
    static final double VIOLATION_SHARE = 0.05;
    /** Share of values out of range below which nothing is said. */
    static final double NOTE_SHARE = 0.01;

    private MonitorCheck() {
    }

    /**
     * The report of {@code batch} (raw rows) whose predictions are {@code predictions} (one per row; null when it
     * could not be scored).
     */
    public static MonitorReport check(String name, Baseline baseline, Constraints constraints, Table batch,
                                      Column<?> predictions) {
        List<Finding> findings = new ArrayList<>();
        List<MonitorReport.ColumnDrift> drift = new ArrayList<>();
        if (batch.rowCount() == 0) {
            findings.add(new Finding(Finding.Kind.EMPTY_BATCH, "", Finding.Severity.VIOLATION,
                    name + " has no rows", "check the export that produced it", Double.NaN));
            return new MonitorReport(name, 0, findings, drift);
        }
        List<String> extra = new ArrayList<>(batch.columnNames());
        baseline.columns().forEach(b -> extra.remove(b.column()));
        // the columns are independent: checked on every core, their findings kept in the baseline's order
        List<ColumnResult> results = baseline.columns().parallelStream()
                .map(base -> checkColumn(base, constraints.column(base.column()), batch)).toList();
        for (ColumnResult c : results) {
            findings.addAll(c.findings());
            if (c.drift() != null) {
                drift.add(c.drift());
            }
        }
        if (!extra.isEmpty()) {
            findings.add(new Finding(Finding.Kind.EXTRA_COLUMN, String.join(", ", extra), Finding.Severity.INFO,
                    String.format(Locale.ROOT, "the batch has %d column%s the model does not read: %s", extra.size(),
                            extra.size() == 1 ? "" : "s", String.join(", ", extra.subList(0, Math.min(8,
                                    extra.size())))), "nothing to do unless one was meant to replace an input",
                    Double.NaN));
        }
        if (predictions != null && baseline.prediction() != null) {
            MonitorReport.ColumnDrift d = drift(baseline.prediction(), predictions);
            drift.add(new MonitorReport.ColumnDrift("prediction", d.drift(), d.before(), d.after(),
                    d.overlay()));
            if (d.drift().drifted() || d.drift().shifted()) {
                findings.add(driftFinding(Finding.Kind.PREDICTION_DRIFT, baseline.prediction(), d));
            }
        }
        findings.sort(Comparator.comparing((Finding f) -> f.severity()).reversed());
        return new MonitorReport(name, batch.rowCount(), findings, drift);
    }

    /** One column's findings and drift (null when it could not be compared). */
    private record ColumnResult(List<Finding> findings, MonitorReport.ColumnDrift drift) {
    }

    private static ColumnResult checkColumn(ColumnBaseline base, Constraints.Column rule, Table batch) {
        List<Finding> findings = new ArrayList<>();
        if (!batch.containsColumn(base.column())) {
            findings.add(new Finding(Finding.Kind.MISSING_COLUMN, base.column(), Finding.Severity.VIOLATION,
                    String.format(Locale.ROOT, "'%s' is missing from the batch", base.column()),
                    "the model reads it: check the export or the query that produced the batch", Double.NaN));
            return new ColumnResult(findings, null);
        }
        Column<?> c = batch.column(base.column());
        if (base.numeric() && !(c instanceof NumericColumn<?>)) {
            findings.add(new Finding(Finding.Kind.TYPE, base.column(), Finding.Severity.VIOLATION,
                    String.format(Locale.ROOT, "'%s' held numbers in training but holds text now (e.g. '%s')",
                            base.column(), firstValue(c)),
                    "fix the column's format (decimal separator, units, a text placeholder) at the source",
                    Double.NaN));
            return new ColumnResult(findings, null);
        }
        quality(base, rule, c, findings);
        MonitorReport.ColumnDrift d = drift(base, c);
        if (d.drift().drifted() || d.drift().shifted()) {
            findings.add(driftFinding(Finding.Kind.DRIFT, base, d));
        }
        return new ColumnResult(findings, d);
    }

    private static String firstValue(Column<?> c) {
        for (int i = 0; i < c.size(); i++) {
            if (!c.isMissing(i)) {
                return c.getString(i);
            }
        }
        return "";
    }

    private static void quality(ColumnBaseline base, Constraints.Column rule, Column<?> c, List<Finding> findings) {
        long missing = c.countMissing();
        double completeness = 1 - missing / (double) c.size();
        if (rule != null && completeness < rule.minCompleteness()) {
            findings.add(new Finding(Finding.Kind.COMPLETENESS, base.column(), Finding.Severity.VIOLATION,
                    String.format(Locale.ROOT, "'%s' has a value in %.1f%% of rows, against %.1f%% in training (at "
                            + "least %.1f%% allowed)", base.column(), 100 * completeness, 100 * base.completeness(),
                            100 * rule.minCompleteness()),
                    "find where the values are lost (a join, an export, a renamed field) before trusting predictions",
                    completeness));
        }
        long values = c.size() - missing;
        if (values == 0 || rule == null) {
            return;
        }
        if (!base.numeric() && !rule.allowed().isEmpty()) {
            java.util.Set<String> allowed = new java.util.HashSet<>(rule.allowed());
            Map<String, Long> unseen = new LinkedHashMap<>();
            for (int i = 0; i < c.size(); i++) {
                if (!c.isMissing(i) && !allowed.contains(c.getString(i))) {
                    unseen.merge(c.getString(i), 1L, Long::sum);
                }
            }
            long count = unseen.values().stream().mapToLong(Long::longValue).sum();
            if (count > 0) {
                double share = count / (double) values;
                findings.add(new Finding(Finding.Kind.UNSEEN_CATEGORY, base.column(), share > VIOLATION_SHARE
                        ? Finding.Severity.VIOLATION : Finding.Severity.WARNING,
                        String.format(Locale.ROOT, "%.1f%% of '%s' values never appeared in training (%s)", 100 * share,
                                base.column(), String.join(", ", unseen.keySet().stream().limit(5).toList())),
                        "the model treats them like a rare value; if they are new for good, retrain on rows that "
                                + "have them", share));
            }
        }
        if (base.numeric() && !Double.isNaN(rule.min())) {
            NumericColumn<?> number = (NumericColumn<?>) c;
            long outside = 0;
            for (int i = 0; i < c.size(); i++) {
                if (!c.isMissing(i)) {
                    double v = number.getDouble(i);
                    outside += v < rule.min() || v > rule.max() ? 1 : 0;
                }
            }
            double share = outside / (double) values;
            if (share > NOTE_SHARE) {
                findings.add(new Finding(Finding.Kind.OUT_OF_RANGE, base.column(), share > VIOLATION_SHARE
                        ? Finding.Severity.VIOLATION : Finding.Severity.WARNING,
                        String.format(Locale.ROOT, "%.1f%% of '%s' values lie outside the training range %s … %s",
                                100 * share, base.column(), plain(rule.min()), plain(rule.max())),
                        "the model has seen no such values and treats them like the nearest ones; retrain on rows "
                                + "that cover them", share));
            }
        }
    }

    /** The drift of a batch column against its baseline. */
    static MonitorReport.ColumnDrift drift(ColumnBaseline base, Column<?> c) {
        if (base.numeric() && c instanceof NumericColumn<?> number) {
            double[] v = new double[c.size()];
            int n = 0;
            for (int i = 0; i < c.size(); i++) {
                if (!c.isMissing(i)) {
                    v[n++] = number.getDouble(i);
                }
            }
            double[] sorted = java.util.Arrays.copyOf(v, n);
            java.util.Arrays.sort(sorted);
            return new MonitorReport.ColumnDrift(base.column(), Drift.ofNumbers(base, sorted), base.median(),
                    Drift.quantile(sorted, 0.5), Overlay.ofNumbers(base, sorted));
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < c.size(); i++) {
            if (!c.isMissing(i)) {
                counts.merge(c.getString(i), 1L, Long::sum);
            }
        }
        long n = counts.values().stream().mapToLong(Long::longValue).sum();
        String top = base.categories().isEmpty() ? null : base.categories().keySet().iterator().next();
        double before = top == null ? Double.NaN : base.categories().get(top);
        double after = top == null || n == 0 ? Double.NaN : counts.getOrDefault(top, 0L) / (double) n;
        return new MonitorReport.ColumnDrift(base.column(), Drift.ofCategories(base, counts), before, after,
                Overlay.ofCategories(base, counts));
    }

    private static Finding driftFinding(Finding.Kind kind, ColumnBaseline base, MonitorReport.ColumnDrift d) {
        boolean prediction = kind == Finding.Kind.PREDICTION_DRIFT;
        String what = prediction ? "the model's predictions" : "'" + base.column() + "'";
        String change;
        if (base.numeric()) {
            change = String.format(Locale.ROOT, "%s moved from a median of %s to %s", what, plain(d.before()),
                    plain(d.after()));
        } else {
            String top = base.categories().keySet().iterator().next();
            change = String.format(Locale.ROOT, "%s changed: '%s' was %.1f%% of the values and is %.1f%% now", what,
                    top, 100 * d.before(), 100 * d.after());
        }
        String detail = String.format(Locale.ROOT, " (PSI %.2f, %s p %s)", d.drift().psi(), d.drift().test(),
                d.drift().pValue() < 1e-12 ? "< 1e-12" : String.format(Locale.ROOT, "%.2g", d.drift().pValue()));
        String advice = prediction ? "compare the inputs' drift above; if the outcomes have changed too, retrain "
                + "on recent rows" : "the data the model learned from has changed; retrain on recent rows, or check "
                + "the source if the change is an error";
        return new Finding(kind, prediction ? "prediction" : base.column(), d.drift().drifted()
                ? Finding.Severity.VIOLATION : Finding.Severity.WARNING, change + detail, advice, d.drift().psi());
    }

    private static String plain(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.4g", v);
    }
}
