package io.tablewise.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import tech.tablesaw.api.Table;

import io.tablewise.ml.LearnedModel;
import io.tablewise.ml.Evaluation;
import io.tablewise.ml.ProblemType;
import io.tablewise.ml.QuickModelResult;
import io.tablewise.transform.Columns;

/**
 * Permutation importance on the test rows: how much the headline metric drops when one input column's values are
 * shuffled among the rows (breaking its link to the target), averaged over three seeded shuffles, on at most
 * 4,000 test rows. The metric is
 * AUC for binary problems, balanced accuracy for multiclass and R² for regression; a drop near 0 means the model
 * does not rely on the column. Unlike split gain, it is measured on rows the model never saw.
 */
final class PermutationImportance {
    private static final int REPEATS = 3;
    /** Enough rows for a stable drop; more only cost time. */
    private static final int MAX_ROWS = 4_000;

    private PermutationImportance() {
    }

    static List<QuickModelResult.Importance> compute(LearnedModel model, Table test, String target, ProblemType type,
                                                     int[] rows, String objective, long seed) {
        if (rows.length < 2) {
            return List.of();
        }
        int[] sample = java.util.Arrays.stream(io.tablewise.ml.RowSampler.uniform(rows.length, MAX_ROWS, seed))
                .map(i -> rows[i]).toArray();
        Table scored = Columns.gather(test, sample);
        int[] all = new int[scored.rowCount()];
        java.util.Arrays.setAll(all, i -> i);
        double base = score(model, scored, target, type, all, objective);
        SplittableRandom random = new SplittableRandom(seed);
        List<QuickModelResult.Importance> out = new ArrayList<>();
        for (String column : model.encoder().inputColumns()) {
            double drop = 0;
            for (int k = 0; k < REPEATS; k++) {
                int[] perm = all.clone();
                for (int i = perm.length - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int tmp = perm[i];
                    perm[i] = perm[j];
                    perm[j] = tmp;
                }
                Table shuffled = Columns.withColumn(scored,
                        Columns.gather(scored.selectColumns(column), perm).column(0));
                drop += (base - score(model, shuffled, target, type, all, objective)) / REPEATS;
            }
            out.add(new QuickModelResult.Importance(column, drop));
        }
        out.sort(Comparator.comparingDouble(QuickModelResult.Importance::share).reversed()
                .thenComparing(QuickModelResult.Importance::column));
        return out;
    }

    private static double score(LearnedModel model, Table t, String target, ProblemType type, int[] rows,
                                String objective) {
        Evaluation e = ModelBuilder.evaluate(model, t, t.column(target), type, rows, objective);
        return switch (type) {
            case BINARY -> e.metrics().get("auc");
            case MULTICLASS -> e.metrics().get("balanced_accuracy");
            case REGRESSION -> e.metrics().get("r2");
        };
    }
}
