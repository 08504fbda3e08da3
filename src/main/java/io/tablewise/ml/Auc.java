package io.tablewise.ml;

import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;

/**
 * Area under the ROC curve by the Mann-Whitney rank sum, with tied scores sharing their average rank (so a
 * constant score gives exactly 0.5).
 */
public final class Auc {
    private Auc() {
    }

    /** AUC of {@code score} for {@code positive} over {@code rows}; NaN when one of the two classes is absent. */
    public static double of(int[] rows, IntToDoubleFunction score, IntPredicate positive) {
        int n = rows.length;
        double[] s = new double[n];
        boolean[] pos = new boolean[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            s[i] = score.applyAsDouble(rows[i]);
            pos[i] = positive.test(rows[i]);
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(s[a], s[b]));
        double rankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j < n && s[order[j]] == s[order[i]]) {
                j++;
            }
            double averageRank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                if (pos[order[k]]) {
                    rankSum += averageRank;
                    positives++;
                }
            }
            i = j;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
