package io.tablewise.ml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Headline metrics on held-out rows. Classification: accuracy, balanced accuracy (mean recall over classes),
 * macro F1, log loss (probabilities clipped to [1e-15, 1 - 1e-15]) and AUC (binary: of the positive class;
 * multiclass: the mean of one-vs-rest AUCs). Regression: RMSE, MAE and R² (against the mean of the held-out
 * targets).
 */
public final class Metrics {
    private static final double EPS = 1e-15;

    private Metrics() {
    }

    /**
     * Classification metrics.
     *
     * @param classes class labels
     * @param actual actual class index per row
     * @param probabilities per row, the probability of each class
     * @param positive the positive class index for binary AUC (ignored for multiclass)
     * @return metrics by name, and the confusion matrix of the most probable class
     */
    public static Classification classification(List<String> classes, int[] actual, double[][] probabilities,
                                                int positive) {
        int k = classes.size();
        long[][] counts = new long[k][k];
        double logLoss = 0;
        for (int i = 0; i < actual.length; i++) {
            counts[actual[i]][argMax(probabilities[i])]++;
            double p = Math.min(1 - EPS, Math.max(EPS, probabilities[i][actual[i]]));
            logLoss -= Math.log(p);
        }
        ConfusionMatrix matrix = new ConfusionMatrix(classes, counts);
        long correct = 0;
        double recallSum = 0;
        double f1Sum = 0;
        int present = 0;
        for (int c = 0; c < k; c++) {
            correct += counts[c][c];
            long support = matrix.actual(c);
            long predicted = matrix.predicted(c);
            double recall = support == 0 ? 0 : counts[c][c] / (double) support;
            double precision = predicted == 0 ? 0 : counts[c][c] / (double) predicted;
            if (support > 0) {
                recallSum += recall;
                present++;
            }
            f1Sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        int n = actual.length;
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        double auc;
        if (k == 2) {
            auc = Auc.of(rows, i -> probabilities[i][positive], i -> actual[i] == positive);
        } else {
            double sum = 0;
            int used = 0;
            for (int c = 0; c < k; c++) {
                int cls = c;
                double a = Auc.of(rows, i -> probabilities[i][cls], i -> actual[i] == cls);
                if (!Double.isNaN(a)) {
                    sum += a;
                    used++;
                }
            }
            auc = used == 0 ? Double.NaN : sum / used;
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("auc", auc);
        m.put("accuracy", n == 0 ? Double.NaN : correct / (double) n);
        m.put("balanced_accuracy", present == 0 ? Double.NaN : recallSum / present);
        m.put("f1_macro", k == 0 ? Double.NaN : f1Sum / k);
        m.put("log_loss", n == 0 ? Double.NaN : logLoss / n);
        return new Classification(m, matrix);
    }

    /** Regression metrics by name: rmse, mae, r2. */
    public static Map<String, Double> regression(double[] actual, double[] predicted) {
        int n = actual.length;
        double mean = 0;
        for (double v : actual) {
            mean += v / n;
        }
        double sse = 0;
        double sae = 0;
        double sst = 0;
        for (int i = 0; i < n; i++) {
            double e = actual[i] - predicted[i];
            sse += e * e;
            sae += Math.abs(e);
            sst += (actual[i] - mean) * (actual[i] - mean);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("rmse", n == 0 ? Double.NaN : Math.sqrt(sse / n));
        m.put("mae", n == 0 ? Double.NaN : sae / n);
        m.put("r2", sst == 0 ? Double.NaN : 1 - sse / sst);
        return m;
    }

    private static int argMax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Classification results.
     *
     * @param values metrics by name
     * @param confusion the confusion matrix of the most probable class
     */
    public record Classification(Map<String, Double> values, ConfusionMatrix confusion) {
        /** Copies the map, keeping its order. */
        public Classification {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }
}
