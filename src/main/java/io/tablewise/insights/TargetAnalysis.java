package io.tablewise.insights;

import java.util.List;

import tech.tablesaw.columns.Column;

import io.tablewise.ml.ProblemType;
import io.tablewise.ml.Values;
import io.tablewise.node.ColumnKind;

/**
 * The target section. The problem type is the one asked for, else inferred: text and boolean targets, and
 * integer targets with at most 20 distinct values, are classification (binary with two classes); other numbers
 * are regression.
 */
final class TargetAnalysis {
    static final int MAX_CLASSES = 20;
    /** More classes than this and per-class analyses (prediction power) are left out with a warning. */
    static final int MAX_ANALYSED_CLASSES = 100;

    private TargetAnalysis() {
    }

    static ProblemType infer(ColumnProfile profile, ProblemType asked) {
        if (asked != null) {
            return asked;
        }
        ColumnKind kind = ColumnKind.fromId(profile.storageType()).orElse(ColumnKind.TEXT);
        boolean classes = !kind.isNumeric() || (kind == ColumnKind.INTEGER && profile.unique() <= MAX_CLASSES);
        if (!classes) {
            return ProblemType.REGRESSION;
        }
        return profile.unique() <= 2 ? ProblemType.BINARY : ProblemType.MULTICLASS;
    }

    static TargetSummary summarize(Column<?> target, ColumnProfile profile, ProblemType type) {
        if (type == ProblemType.REGRESSION) {
            return new TargetSummary(profile.name(), type, List.of(), profile.histogram(), profile.missing(), null);
        }
        List<ValueCount> classes = ClassCounts.all(target);
        String positive = classes.size() == 2 ? classes.get(1).value() : null;
        List<Histogram.Bar> bars = classes.stream()
                .map(c -> new Histogram.Bar(c.value(), Double.NaN, Double.NaN, c.count())).toList();
        return new TargetSummary(profile.name(), type, classes, new Histogram("categories", "every class", bars),
                profile.missing(), positive);
    }

    /** Every class with its count, most frequent first. */
    static final class ClassCounts {
        private ClassCounts() {
        }

        static List<ValueCount> all(Column<?> target) {
            java.util.Map<String, long[]> counts = new java.util.HashMap<>();
            long n = 0;
            for (int r = 0; r < target.size(); r++) {
                String v = Values.label(target, r);
                if (v != null) {
                    counts.computeIfAbsent(v, k -> new long[1])[0]++;
                    n++;
                }
            }
            long total = n;
            return counts.entrySet().stream()
                    .sorted((a, b) -> a.getValue()[0] != b.getValue()[0]
                            ? Long.compare(b.getValue()[0], a.getValue()[0]) : a.getKey().compareTo(b.getKey()))
                    .map(e -> new ValueCount(e.getKey(), e.getValue()[0], e.getValue()[0] / (double) total))
                    .toList();
        }
    }
}
