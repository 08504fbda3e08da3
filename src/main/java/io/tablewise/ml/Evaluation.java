package io.tablewise.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's evaluation on held-out rows, as plain records the CLI writes as JSON and the studio draws.
 * Classification: confusion matrix at the chosen threshold, per-class precision/recall/F1/support, accuracy,
 * balanced accuracy, ROC curve and AUC (binary; one-vs-rest macro and support-weighted for multiclass),
 * precision-recall curve and average precision (scikit-learn's definition: the sum over thresholds of
 * (R_n − R_{n−1}) · P_n), log loss (probabilities clipped to [1e-15, 1 − 1e-15]), a 10-bin calibration curve, and
 * for binary problems the metrics at every threshold from 0 to 1 in steps of 0.01 with the chosen one.
 * Regression: RMSE, MAE, MAPE (over non-zero actuals), R² and predicted-vs-actual points.
 *
 * @param problemType the problem type
 * @param classes class labels (classification), the positive class last for binary problems
 * @param threshold the chosen threshold on P(positive) (binary), else NaN
 * @param metrics headline metrics by name
 * @param confusion the confusion matrix at the threshold (classification), else null
 * @param perClass per-class metrics (classification)
 * @param roc ROC curve points, x = false positive rate, y = true positive rate (binary)
 * @param pr precision-recall points, x = recall, y = precision (binary)
 * @param calibration calibration bins (binary)
 * @param thresholds metrics at each threshold (binary)
 * @param points predicted (x) against actual (y) for up to 2,000 rows (regression)
 */
public record Evaluation(ProblemType problemType, List<String> classes, double threshold, Map<String, Double> metrics,
                         ConfusionMatrix confusion, List<ClassMetrics> perClass, List<Point> roc, List<Point> pr,
                         List<CalibrationBin> calibration, List<ThresholdRow> thresholds, List<Point> points) {
    private static final double EPS = 1e-15;

    /** Copies the collections. */
    public Evaluation {
        classes = List.copyOf(classes);
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        perClass = List.copyOf(perClass);
        roc = List.copyOf(roc);
        pr = List.copyOf(pr);
        calibration = List.copyOf(calibration);
        thresholds = List.copyOf(thresholds);
        points = List.copyOf(points);
    }

    /** A point of a curve; {@code threshold} is the score cut that produced it (NaN when not applicable). */
    public record Point(double x, double y, double threshold) {
    }

    /** Precision, recall, F1 and support of one class. */
    public record ClassMetrics(String label, double precision, double recall, double f1, long support) {
    }

    /** One calibration bin: mean predicted probability against the observed share of positives. */
    public record CalibrationBin(double meanPredicted, double fractionPositive, long count) {
    }

    /** The confusion counts and metrics when P(positive) >= threshold predicts positive. */
    public record ThresholdRow(double threshold, long tp, long fp, long tn, long fn, double precision, double recall,
                               double f1, double accuracy, double balancedAccuracy) {
    }

    /**
     * Evaluates a binary classifier.
     *
     * @param classes the two classes, positive last
     * @param positive per row, true when the actual class is the positive one
     * @param score per row, the predicted probability of the positive class
     * @param objective the metric to maximise when choosing the threshold (f1, accuracy or balanced_accuracy;
     *     others choose by F1)
     */
    public static Evaluation binary(List<String> classes, boolean[] positive, double[] score, String objective) {
        return binary(classes, positive, score, objective, Double.NaN);
    }

    /**
     * Evaluates a binary classifier at a threshold chosen elsewhere (on validation rows, say); NaN chooses it
     * here as {@link #binary(List, boolean[], double[], String)} does.
     */
    public static Evaluation binary(List<String> classes, boolean[] positive, double[] score, String objective,
                                    double threshold) {
        List<ThresholdRow> rows = new ArrayList<>();
        for (int k = 0; k <= 100; k++) {
            rows.add(at(k / 100.0, positive, score));
        }
        ThresholdRow best = Double.isNaN(threshold) ? bestRow(rows, objective) : at(threshold, positive, score);
        List<Point> roc = roc(positive, score);
        List<Point> pr = new ArrayList<>();
        double ap = precisionRecall(positive, score, pr);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("auc", trapezoid(roc));
        m.put("average_precision", ap);
        m.put("accuracy", best.accuracy());
        m.put("balanced_accuracy", best.balancedAccuracy());
        m.put("f1", best.f1());
        m.put("precision", best.precision());
        m.put("recall", best.recall());
        double logLoss = 0;
        for (int i = 0; i < score.length; i++) {
            double p = Math.min(1 - EPS, Math.max(EPS, positive[i] ? score[i] : 1 - score[i]));
            logLoss -= Math.log(p) / score.length;
        }
        m.put("log_loss", logLoss);
        ConfusionMatrix confusion = new ConfusionMatrix(classes, new long[][] {{best.tn(), best.fp()},
            {best.fn(), best.tp()}});
        long negatives = best.tn() + best.fp();
        long positives = best.tp() + best.fn();
        double negPrecision = best.tn() + best.fn() == 0 ? 0 : best.tn() / (double) (best.tn() + best.fn());
        double negRecall = negatives == 0 ? 0 : best.tn() / (double) negatives;
        List<ClassMetrics> perClass = List.of(
                new ClassMetrics(classes.get(0), negPrecision, negRecall, f1(negPrecision, negRecall), negatives),
                new ClassMetrics(classes.get(1), best.precision(), best.recall(), best.f1(), positives));
        return new Evaluation(ProblemType.BINARY, classes, best.threshold(), m, confusion, perClass, thin(roc),
                thin(pr), calibration(positive, score), rows, List.of());
    }

    /** Evaluates a multiclass classifier from per-row class probabilities (prediction: the most probable). */
    public static Evaluation multiclass(List<String> classes, int[] actual, double[][] probabilities) {
        int k = classes.size();
        long[][] counts = new long[k][k];
        double logLoss = 0;
        for (int i = 0; i < actual.length; i++) {
            int predicted = 0;
            for (int c = 1; c < k; c++) {
                predicted = probabilities[i][c] > probabilities[i][predicted] ? c : predicted;
            }
            counts[actual[i]][predicted]++;
            logLoss -= Math.log(Math.min(1 - EPS, Math.max(EPS, probabilities[i][actual[i]]))) / actual.length;
        }
        ConfusionMatrix confusion = new ConfusionMatrix(classes, counts);
        List<ClassMetrics> perClass = new ArrayList<>();
        double macroF1 = 0;
        double recallSum = 0;
        int present = 0;
        double aucMacro = 0;
        double aucWeighted = 0;
        int aucClasses = 0;
        long correct = 0;
        int[] rows = new int[actual.length];
        Arrays.setAll(rows, i -> i);
        for (int c = 0; c < k; c++) {
            correct += counts[c][c];
            long support = confusion.actual(c);
            long predicted = confusion.predicted(c);
            double precision = predicted == 0 ? 0 : counts[c][c] / (double) predicted;
            double recall = support == 0 ? 0 : counts[c][c] / (double) support;
            perClass.add(new ClassMetrics(classes.get(c), precision, recall, f1(precision, recall), support));
            macroF1 += f1(precision, recall) / k;
            if (support > 0) {
                recallSum += recall;
                present++;
            }
            int cls = c;
            double auc = Auc.of(rows, i -> probabilities[i][cls], i -> actual[i] == cls);
            if (!Double.isNaN(auc)) {
                aucMacro += auc;
                aucWeighted += auc * support;
                aucClasses++;
            }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("auc", aucClasses == 0 ? Double.NaN : aucMacro / aucClasses);
        m.put("auc_weighted", actual.length == 0 ? Double.NaN : aucWeighted / actual.length);
        m.put("accuracy", actual.length == 0 ? Double.NaN : correct / (double) actual.length);
        m.put("balanced_accuracy", present == 0 ? Double.NaN : recallSum / present);
        m.put("f1", macroF1);
        m.put("log_loss", logLoss);
        return new Evaluation(ProblemType.MULTICLASS, classes, Double.NaN, m, confusion, perClass, List.of(),
                List.of(), List.of(), List.of(), List.of());
    }

    /** Evaluates a regression model. */
    public static Evaluation regression(double[] actual, double[] predicted) {
        Map<String, Double> m = new LinkedHashMap<>(Metrics.regression(actual, predicted));
        double ape = 0;
        int nonZero = 0;
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] != 0) {
                ape += Math.abs((actual[i] - predicted[i]) / actual[i]);
                nonZero++;
            }
        }
        m.put("mape", nonZero == 0 ? Double.NaN : ape / nonZero);
        List<Point> points = new ArrayList<>();
        int step = Math.max(1, actual.length / 2000);
        for (int i = 0; i < actual.length; i += step) {
            points.add(new Point(predicted[i], actual[i], Double.NaN));
        }
        return new Evaluation(ProblemType.REGRESSION, List.of(), Double.NaN, m, null, List.of(), List.of(), List.of(),
                List.of(), List.of(), points);
    }

    /** The confusion counts and metrics at a threshold. */
    public static ThresholdRow at(double threshold, boolean[] positive, double[] score) {
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (int i = 0; i < score.length; i++) {
            boolean predicted = score[i] >= threshold;
            if (predicted) {
                if (positive[i]) {
                    tp++;
                } else {
                    fp++;
                }
            } else if (positive[i]) {
                fn++;
            } else {
                tn++;
            }
        }
        double precision = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        double recall = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        double specificity = tn + fp == 0 ? 0 : tn / (double) (tn + fp);
        long n = tp + fp + tn + fn;
        return new ThresholdRow(threshold, tp, fp, tn, fn, precision, recall, f1(precision, recall),
                n == 0 ? Double.NaN : (tp + tn) / (double) n, (recall + specificity) / 2);
    }

    /** The row of the grid that maximises the objective (F1 for threshold-free objectives), first of ties. */
    static ThresholdRow bestRow(List<ThresholdRow> rows, String objective) {
        String by = List.of("accuracy", "balanced_accuracy").contains(objective) ? objective : "f1";
        ThresholdRow best = rows.get(50);
        for (ThresholdRow r : rows) {
            // 0 and 1 call every row one class: no threshold a model can keep (a saved model's must lie between)
            if (r.threshold() > 0 && r.threshold() < 1 && value(r, by) > value(best, by) + 1e-12) {
                best = r;
            }
        }
        return best;
    }

    /** The threshold that maximises the objective over 0.01–0.99 on these rows. */
    public static double chooseThreshold(boolean[] positive, double[] score, String objective) {
        List<ThresholdRow> rows = new ArrayList<>();
        for (int k = 0; k <= 100; k++) {
            rows.add(at(k / 100.0, positive, score));
        }
        return bestRow(rows, objective).threshold();
    }

    private static double value(ThresholdRow r, String metric) {
        return switch (metric) {
            case "accuracy" -> r.accuracy();
            case "balanced_accuracy" -> r.balancedAccuracy();
            default -> r.f1();
        };
    }

    static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /** Rows by descending score. */
    private static Integer[] byScore(double[] score) {
        Integer[] order = new Integer[score.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
        return order;
    }

    /** ROC points from (0, 0), one per distinct score, descending. */
    static List<Point> roc(boolean[] positive, double[] score) {
        long p = 0;
        for (boolean b : positive) {
            p += b ? 1 : 0;
        }
        long n = positive.length - p;
        List<Point> out = new ArrayList<>();
        out.add(new Point(0, 0, Double.POSITIVE_INFINITY));
        Integer[] order = byScore(score);
        long tp = 0;
        long fp = 0;
        for (int k = 0; k < order.length; k++) {
            if (positive[order[k]]) {
                tp++;
            } else {
                fp++;
            }
            if (k == order.length - 1 || score[order[k + 1]] != score[order[k]]) {
                out.add(new Point(n == 0 ? 0 : fp / (double) n, p == 0 ? 0 : tp / (double) p, score[order[k]]));
            }
        }
        return out;
    }

    /** At most 500 points of a curve for drawing (the metrics use every point); the ends are kept. */
    static List<Point> thin(List<Point> curve) {
        int max = 500;
        if (curve.size() <= max) {
            return curve;
        }
        List<Point> out = new ArrayList<>(max + 1);
        double step = (curve.size() - 1) / (double) (max - 1);
        for (int k = 0; k < max; k++) {
            out.add(curve.get((int) Math.round(k * step)));
        }
        return out;
    }

    static double trapezoid(List<Point> curve) {
        double area = 0;
        for (int i = 1; i < curve.size(); i++) {
            area += (curve.get(i).x() - curve.get(i - 1).x()) * (curve.get(i).y() + curve.get(i - 1).y()) / 2;
        }
        return area;
    }

    /** Fills the precision-recall points and returns the average precision. */
    static double precisionRecall(boolean[] positive, double[] score, List<Point> out) {
        long p = 0;
        for (boolean b : positive) {
            p += b ? 1 : 0;
        }
        if (p == 0) {
            return Double.NaN;
        }
        Integer[] order = byScore(score);
        long tp = 0;
        long fp = 0;
        double lastRecall = 0;
        double ap = 0;
        for (int k = 0; k < order.length; k++) {
            if (positive[order[k]]) {
                tp++;
            } else {
                fp++;
            }
            if (k == order.length - 1 || score[order[k + 1]] != score[order[k]]) {
                double recall = tp / (double) p;
                double precision = tp / (double) (tp + fp);
                ap += (recall - lastRecall) * precision;
                lastRecall = recall;
                out.add(new Point(recall, precision, score[order[k]]));
            }
        }
        return ap;
    }

    /**
     * Ten equal-width bins of predicted probability, as scikit-learn's {@code calibration_curve} makes them: the
     * edges are k · (1 + 1e-8) / 10, so a probability exactly on an edge (0.3, say) counts in the lower bin. Empty
     * bins are left out.
     */
    static List<CalibrationBin> calibration(boolean[] positive, double[] score) {
        double[] sum = new double[10];
        long[] hits = new long[10];
        long[] count = new long[10];
        double step = (1 + 1e-8) / 10;
        for (int i = 0; i < score.length; i++) {
            int b = 0;
            while (b < 9 && score[i] > (b + 1) * step) {
                b++;
            }
            sum[b] += score[i];
            hits[b] += positive[i] ? 1 : 0;
            count[b]++;
        }
        List<CalibrationBin> out = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            if (count[b] > 0) {
                out.add(new CalibrationBin(sum[b] / count[b], hits[b] / (double) count[b], count[b]));
            }
        }
        return out;
    }
}
