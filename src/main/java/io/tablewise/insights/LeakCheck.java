package io.tablewise.insights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import tech.tablesaw.api.Table;

import io.tablewise.ml.ProblemType;
import io.tablewise.ml.RowSampler;
import io.tablewise.ml.Values;

/**
 * The insights report's target-leakage rule, for a model build: each input column's prediction power alone, measured
 * on the build's training rows only (a sample of them on big tables), and the same warnings the report gives. A
 * column that predicts the answer almost perfectly is usually recorded after the outcome (bank marketing's call
 * duration), and a model that leans on it is worthless in use however good its test score.
 */
public final class LeakCheck {
    /** Rows measured at most: the power of a single column settles long before. */
    private static final int MAX_ROWS = 50_000;

    private LeakCheck() {
    }

    /**
     * The leakage warnings for predicting {@code target} from {@code inputs} of {@code table}, measured on
     * {@code trainRows} (which must have a target value); empty when nothing looks leaked.
     */
    public static List<QualityWarning> check(Table table, String target, ProblemType type, List<String> inputs,
                                             int[] trainRows, long seed) {
        if (trainRows.length < 50 || inputs.isEmpty()) {
            return List.of();
        }
        List<String> keep = new ArrayList<>(inputs);
        keep.add(target);
        int[] rows = trainRows.length <= MAX_ROWS ? trainRows
                : Arrays.copyOf(RowSampler.split(trainRows, null, 1 - MAX_ROWS / (double) trainRows.length, seed)[0],
                        MAX_ROWS);
        Table part = table.selectColumns(keep.toArray(String[]::new)).rows(rows);
        ColumnProfile profile = ColumnProfiler.profile(part.column(target));
        TargetSummary summary = TargetAnalysis.summarize(part.column(target), profile, type);
        int[] all = new int[part.rowCount()];
        Arrays.setAll(all, i -> i);
        String[] labels = type == ProblemType.REGRESSION ? null : Values.labels(part.column(target));
        int[][] split = RowSampler.split(all, labels, 0.2, seed + 23);
        List<FeaturePower> power = PredictionPower.compute(part, target, summary, split[0], split[1], () -> false);
        List<QualityWarning> out = new ArrayList<>();
        WarningRules.leakageRules(power, out);
        return out;
    }
}
