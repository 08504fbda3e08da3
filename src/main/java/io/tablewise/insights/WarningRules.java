package io.tablewise.insights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.tablewise.insights.QualityWarning.Kind;
import io.tablewise.insights.QualityWarning.Severity;
import io.tablewise.ml.ProblemType;

/**
 * The rules that turn statistics into findings. Thresholds, each stated in the warning it raises: constant (one
 * value); near-constant (top value 95% or more); ID-like; high cardinality (categorical with more than 50
 * values and more than 5% distinct); missing (50%+ high, 20%+ medium, 5%+ low, fewer info); zero-inflated (0 in
 * half the rows or more: low, and then neither skewness nor outliers, whose fences collapse to 0); skewed
 * (|skewness| > 2); outliers (more than 5% outside Tukey's fences; never for two-valued columns; counts are advised
 * to be kept); duplicate rows (more than 1% medium, else low); class
 * imbalance (minority under 20% medium, under 5% high); target leakage (prediction power 0.9+ high; the
 * strongest feature at 0.6+ and 15% above the next medium); correlated features (association 0.9+); numbers
 * stored as text (90%+ of a text column's values are numbers); disguised missing values (texts like "unknown",
 * numeric sentinels such as 999 at the edge of the range); mixed types (10-90% numbers in a text column).
 * Severities follow one scale ({@link QualityWarning.Severity}): high, the data cannot be used as it is; medium, it
 * will hurt a model unless handled; low, worth knowing and handled by the defaults; info, no action needed.
 */
final class WarningRules {
    private static final Set<String> MISSING_WORDS = Set.of("unknown", "none", "n/a", "na", "n.a.", "null", "nil",
            "missing", "-", "--", "?", "undefined", "not available", "nan", "(blank)", "blank", "미상", "없음", "모름",
            "알수없음", "해당없음");
    private static final double[] SENTINELS = {-1, -9, -99, -999, -9999, 99, 999, 9999, 99999, 999999};

    private WarningRules() {
    }

    static List<QualityWarning> apply(DatasetSummary summary, List<ColumnProfile> columns, TargetSummary target,
                                      List<FeaturePower> power, Correlations correlations) {
        List<QualityWarning> out = new ArrayList<>();
        if (summary.rows() == 0) {
            out.add(w(Kind.EMPTY_TABLE, Severity.HIGH, List.of(), "The table has no rows.",
                    "Check the import: the file may be empty or the row limit or filter removed everything."));
        }
        for (ColumnProfile c : columns) {
            columnRules(c, target, out);
        }
        if (summary.duplicateRows() > 0) {
            out.add(w(Kind.DUPLICATE_ROWS, summary.duplicateShare() > 0.01 ? Severity.MEDIUM : Severity.LOW, List.of(),
                    String.format(Locale.ROOT, "%,d rows (%s) are exact copies of an earlier row.",
                            summary.duplicateRows(), pct(summary.duplicateShare())),
                    "Drop duplicates unless repeated rows are genuine events; copies inflate test scores."));
        }
        if (target != null) {
            targetRules(target, out);
            leakageRules(power, out);
        }
        if (correlations != null) {
            correlationRules(correlations, target, out);
        }
        out.sort(Comparator.comparing(QualityWarning::severity).thenComparing(QualityWarning::kind));
        return out;
    }

    private static void columnRules(ColumnProfile c, TargetSummary target, List<QualityWarning> out) {
        List<String> col = List.of(c.name());
        boolean isTarget = target != null && target.column().equals(c.name());
        long present = c.count() - c.missing();
        if (c.semanticType() == SemanticType.EMPTY) {
            out.add(w(Kind.EMPTY_COLUMN, Severity.HIGH, col, "'" + c.name() + "' has no values at all.",
                    "Drop the column."));
            return;
        }
        if (c.missingShare() >= 0.05) {
            Severity s = c.missingShare() >= 0.5 ? Severity.HIGH : c.missingShare() >= 0.2 ? Severity.MEDIUM
                    : Severity.LOW;
            out.add(w(Kind.HEAVY_MISSING, s, col, String.format(Locale.ROOT, "'%s' is missing in %,d rows (%s).",
                    c.name(), c.missing(), pct(c.missingShare())), s == Severity.HIGH
                    ? "Consider dropping it, or add a 'was missing' indicator before imputing."
                    : "Impute it (median or most frequent) and consider a 'was missing' indicator."));
        } else if (c.missing() > 0) {
            out.add(w(Kind.SOME_MISSING, Severity.INFO, col, String.format(Locale.ROOT,
                    "'%s' is missing in %,d rows (%s).", c.name(), c.missing(), pct(c.missingShare())),
                    "Few enough to impute (median or most frequent); models built here handle them."));
        }
        if (isTarget) {
            return;
        }
        if (c.unique() == 1) {
            out.add(w(Kind.CONSTANT, Severity.HIGH, col, "'" + c.name() + "' has a single value ("
                    + shortened(c.topValues().get(0).value()) + ").", "Drop it: it cannot help any model."));
        } else if (c.topShare() >= 0.95) {
            out.add(w(Kind.NEAR_CONSTANT, Severity.MEDIUM, col, String.format(Locale.ROOT,
                    "'%s' is '%s' in %s of rows.", c.name(), shortened(c.topValues().get(0).value()),
                    pct(c.topShare())),
                    "It carries little information; drop it unless the rare values matter."));
        }
        if (c.semanticType() == SemanticType.ID_LIKE) {
            out.add(w(Kind.ID_LIKE, Severity.MEDIUM, col, String.format(Locale.ROOT,
                    "'%s' looks like an identifier: %,d distinct values in %,d rows.", c.name(), c.unique(), present),
                    "Exclude it from modelling; a model would memorise it."));
        }
        if (c.semanticType() == SemanticType.CATEGORICAL && c.unique() > 50 && c.unique() > 0.05 * present) {
            out.add(w(Kind.HIGH_CARDINALITY, Severity.LOW, col, String.format(Locale.ROOT,
                    "'%s' has %,d distinct values.", c.name(), c.unique()),
                    "Group rare values into 'other', or use frequency or target encoding instead of one-hot."));
        }
        if (c.numeric() != null && c.semanticType() == SemanticType.NUMERIC) {
            numericRules(c, col, present, out);
        }
        if (c.text() != null) {
            textRules(c, col, out);
        }
    }

    private static void numericRules(ColumnProfile c, List<String> col, long present, List<QualityWarning> out) {
        NumericStats s = c.numeric();
        if (present > 0 && s.zeros() >= 0.5 * present && s.max() > 0 && s.zeros() < present) {
            // a zero-inflated amount or count (capital gains, previous contacts): the quartiles are all 0, so
            // Tukey's fences call every non-zero value an outlier and the skewness says nothing useful
            out.add(w(Kind.ZERO_INFLATED, Severity.LOW, col, String.format(Locale.ROOT,
                    "'%s' is 0 in %s of rows and spread from %s to %s otherwise (zero-inflated).", c.name(),
                    pct(s.zeros() / (double) present), readable(s.nextAboveMin()), readable(s.max())),
                    "Keep the values: they are not outliers. For linear models add a 'is zero' indicator and use "
                    + "log1p of the amount; tree models need nothing."));
            return;
        }
        if (Math.abs(s.skewness()) > 2) {
            out.add(w(Kind.SKEWED, Severity.LOW, col, String.format(Locale.ROOT, "'%s' is strongly skewed "
                    + "(skewness %.1f).", c.name(), s.skewness()), s.min() >= 0
                    ? "A log1p transform makes it easier for linear models." : "Consider a Yeo-Johnson transform."));
        }
        if (s.outliers() > 0.05 * present) {
            boolean counts = s.min() >= 0 && io.tablewise.node.ColumnKind.INTEGER.id().equals(c.storageType());
            out.add(w(Kind.MANY_OUTLIERS, Severity.LOW, col, String.format(Locale.ROOT,
                    "'%s' has %,d values (%s) outside Tukey's fences [%s, %s].", c.name(), s.outliers(),
                    pct(s.outliers() / (double) present), readable(s.lowerFence()), readable(s.upperFence())),
                    counts ? "Counts this far out are usually real: keep them (log1p helps linear models); "
                            + "check only values that are impossible."
                            : "Check whether they are errors; a long tail of real values is better kept (log or "
                            + "robust scaling for linear models) than clipped."));
        }
        for (ValueCount v : c.topValues()) {
            double value = Double.parseDouble(v.value());
            boolean edge = value == s.max() || value == s.min();
            boolean sentinel = false;
            for (double x : SENTINELS) {
                sentinel |= x == value;
            }
            if (edge && sentinel && v.share() >= 0.005 && separated(c, value)) {
                out.add(w(Kind.DISGUISED_MISSING, Severity.MEDIUM, col, String.format(Locale.ROOT,
                        "'%s' holds %s in %,d rows (%s), far from its other values: a code for 'none' or 'unknown'?",
                        c.name(), v.value(), v.count(), pct(v.share())),
                        "Convert the sentinel to missing (and keep a 'was " + v.value() + "' indicator)."));
            }
        }
    }

    /**
     * True when the sentinel sits apart from the other values: a negative code below otherwise non-negative
     * values, or a large code at least twice the next largest value.
     */
    private static boolean separated(ColumnProfile c, double sentinel) {
        NumericStats s = c.numeric();
        if (sentinel < 0) {
            return s.min() == sentinel && s.nextAboveMin() >= 0 && s.nextAboveMin() != sentinel;
        }
        return s.max() == sentinel && s.nextBelowMax() != sentinel && s.nextBelowMax() * 2 <= sentinel;
    }

    private static void textRules(ColumnProfile c, List<String> col, List<QualityWarning> out) {
        double numeric = c.text().numericShare();
        if (numeric >= 0.9) {
            out.add(w(Kind.NUMERIC_LOOKING_TEXT, Severity.MEDIUM, col, String.format(Locale.ROOT,
                    "'%s' is text but %s of its values are numbers.", c.name(), pct(numeric)),
                    "Set its type to decimal in the import (the few other values become missing) if it is a number."));
        } else if (numeric >= 0.1) {
            out.add(w(Kind.MIXED_TYPES, Severity.LOW, col, String.format(Locale.ROOT,
                    "'%s' mixes numbers (%s) and words.", c.name(), pct(numeric)),
                    "Split or clean it so each column holds one kind of value."));
        }
        for (ValueCount v : c.topValues()) {
            if (MISSING_WORDS.contains(v.value().strip().toLowerCase(Locale.ROOT))) {
                out.add(w(Kind.DISGUISED_MISSING, Severity.MEDIUM, col, String.format(Locale.ROOT,
                        "'%s' has '%s' in %,d rows (%s), which likely means missing.", c.name(), v.value(), v.count(),
                        pct(v.share())), "Treat '" + v.value() + "' as missing (or as its own category on purpose)."));
            }
        }
    }

    private static void targetRules(TargetSummary t, List<QualityWarning> out) {
        List<String> col = List.of(t.column());
        if (t.missingTargets() > 0) {
            out.add(w(Kind.MISSING_TARGET, Severity.MEDIUM, col, String.format(Locale.ROOT,
                    "The target '%s' is missing in %,d rows.", t.column(), t.missingTargets()),
                    "Those rows cannot be used for training; drop them or fill the target."));
        }
        if (t.problemType() == ProblemType.REGRESSION) {
            return;
        }
        if (t.classes().size() < 2) {
            out.add(w(Kind.SINGLE_CLASS_TARGET, Severity.HIGH, col, "The target '" + t.column() + "' has "
                    + (t.classes().isEmpty() ? "no values." : "a single class (" + t.classes().get(0).value() + ")."),
                    "A model needs at least two classes: check the target column and any filters."));
            return;
        }
        if (t.classes().size() > TargetAnalysis.MAX_ANALYSED_CLASSES) {
            out.add(w(Kind.TOO_MANY_CLASSES, Severity.HIGH, col, String.format(Locale.ROOT,
                    "The target '%s' has %,d distinct values: too many classes to learn (prediction power is left "
                            + "out).", t.column(), t.classes().size()),
                    "If it is a number, set the problem type to regression; if it is an identifier, pick another "
                            + "target."));
            return;
        }
        ValueCount minority = t.classes().get(t.classes().size() - 1);
        double ratio = t.classes().get(0).count() / (double) minority.count();
        boolean binary = t.classes().size() == 2;
        if (binary ? minority.share() < 0.2 : ratio >= 10) {
            Severity s = minority.share() < 0.05 ? Severity.HIGH : Severity.MEDIUM;
            out.add(w(Kind.CLASS_IMBALANCE, s, col, String.format(Locale.ROOT,
                    "The target is imbalanced: '%s' is only %s of rows (%,d).", minority.value(), pct(minority.share()),
                    minority.count()), "Judge models by AUC or balanced accuracy, not accuracy; consider "
                    + "class weights or resampling the training rows."));
        }
    }

    static void leakageRules(List<FeaturePower> power, List<QualityWarning> out) {
        for (int i = 0; i < power.size(); i++) {
            FeaturePower p = power.get(i);
            double next = i + 1 < power.size() ? power.get(i + 1).score() : 0;
            if (p.score() >= 0.9) {
                out.add(w(Kind.TARGET_LEAKAGE, Severity.HIGH, List.of(p.column()), String.format(Locale.ROOT,
                        "'%s' alone predicts the target almost perfectly (power %.2f).", p.column(), p.score()),
                        "Check that it is known before the outcome; if not, exclude it: it leaks the answer."));
            } else if (i == 0 && p.score() >= 0.6 && p.score() >= 1.15 * next) {
                out.add(w(Kind.TARGET_LEAKAGE, Severity.MEDIUM, List.of(p.column()), String.format(Locale.ROOT,
                        "'%s' alone predicts the target much better than any other column (power %.2f vs %.2f): "
                                + "a likely leak if it is recorded after the outcome.", p.column(), p.score(), next),
                        "Check that it is known at prediction time; if it is recorded after the outcome, exclude it."));
            }
        }
    }

    private static void correlationRules(Correlations c, TargetSummary target, List<QualityWarning> out) {
        int m = c.columns().size();
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                double a = c.association()[i][j];
                String x = c.columns().get(i);
                String y = c.columns().get(j);
                boolean involvesTarget = target != null && (x.equals(target.column()) || y.equals(target.column()));
                if (!Double.isNaN(a) && a >= 0.9 && !involvesTarget) {
                    out.add(w(Kind.CORRELATED_FEATURES, Severity.MEDIUM, List.of(x, y), String.format(Locale.ROOT,
                            "'%s' and '%s' are strongly associated (%.2f).", x, y, a),
                            "Keep one of them for linear models; together they make coefficients unstable."));
                }
            }
        }
    }

    private static QualityWarning w(Kind kind, Severity severity, List<String> columns, String explanation,
                                    String suggestion) {
        return new QualityWarning(kind, severity, columns, explanation, suggestion);
    }

    /** A number to six significant digits without float noise (-6.7, not -6.700000000000001). */
    static String readable(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    static String pct(double share) {
        return share > 0 && share < 0.001 ? "<0.1%" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** A value as a warning quotes it: at most 80 characters, so a 50 MB cell does not become a 50 MB message. */
    static String shortened(String value) {
        return value == null || value.length() <= 80 ? value : value.substring(0, 77) + "…";
    }
}
