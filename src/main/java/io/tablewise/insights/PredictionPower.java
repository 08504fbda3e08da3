package io.tablewise.insights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.ml.Auc;
import io.tablewise.ml.ProblemType;
import io.tablewise.ml.Values;
import io.tablewise.node.CancelledException;

/**
 * How well each feature alone predicts the target. For every feature, a one-feature model is learned on 80% of
 * a stratified sample and scored on the other 20%: numbers (and dates) are cut into up to 20 quantile bins of
 * the training rows, other values are categories (the 50 most frequent, then "other"); missing values have a
 * bin of their own. The model predicts, per bin, the class shares (classification) or the mean (regression),
 * shrunk towards the overall value with the weight of 10 rows so tiny bins do not overfit.
 */
final class PredictionPower {
    private static final int BINS = 20;
    private static final int CATEGORIES = 50;
    private static final double SHRINK = 10;

    private PredictionPower() {
    }

    static List<FeaturePower> compute(Table table, String targetName, TargetSummary target, int[] train, int[] test,
                                      BooleanSupplier cancelled) {
        Column<?> targetColumn = table.column(targetName);
        boolean regression = target.problemType() == ProblemType.REGRESSION;
        List<String> classes = target.classes().stream().map(ValueCount::value).toList();
        int k = classes.size();
        double[] y = new double[table.rowCount()];
        for (int r = 0; r < y.length; r++) {
            y[r] = regression ? Values.number(targetColumn, r) : classes.indexOf(Values.label(targetColumn, r));
        }
        List<FeaturePower> out = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            if (c.name().equals(targetName)) {
                continue;
            }
            if (cancelled.getAsBoolean()) {
                throw new CancelledException();
            }
            int[] binOf = bins(c, train, table.rowCount());
            int binCount = Arrays.stream(binOf).max().orElse(0) + 1;
            double score = regression ? r2(binOf, binCount, y, train, test)
                    : gini(binOf, binCount, y, k, train, test, classes.size() == 2 ? 1 : -1);
            out.add(new FeaturePower(c.name(), Math.max(0, score), regression ? "r2" : "gini"));
        }
        out.sort(Comparator.comparingDouble(FeaturePower::score).reversed().thenComparing(FeaturePower::column));
        return out;
    }

    /** The bin of every row (only rows in the sample are meaningful); bin 0 holds missing values. */
    static int[] bins(Column<?> c, int[] train, int rows) {
        int[] bin = new int[rows];
        if (Values.orderable(c)) {
            double[] values = Arrays.stream(train).mapToDouble(r -> Values.number(c, r)).filter(v -> !Double.isNaN(v))
                    .sorted().toArray();
            double[] edges = edges(values);
            for (int r = 0; r < rows; r++) {
                double v = Values.number(c, r);
                bin[r] = Double.isNaN(v) ? 0 : 1 + upperBound(edges, v);
            }
            return bin;
        }
        Map<String, Integer> counts = new HashMap<>();
        for (int r : train) {
            String v = Values.label(c, r);
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        List<String> kept = counts.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue()).limit(CATEGORIES).map(Map.Entry::getKey).toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < kept.size(); i++) {
            index.put(kept.get(i), i + 2);
        }
        for (int r = 0; r < rows; r++) {
            String v = Values.label(c, r);
            bin[r] = v == null ? 0 : index.getOrDefault(v, 1);
        }
        return bin;
    }

    private static double[] edges(double[] sorted) {
        if (sorted.length == 0) {
            return new double[0];
        }
        double[] edges = new double[BINS - 1];
        int n = 0;
        for (int b = 1; b < BINS; b++) {
            double e = sorted[(int) ((long) b * (sorted.length - 1) / BINS)];
            if (n == 0 || e > edges[n - 1]) {
                edges[n++] = e;
            }
        }
        return Arrays.copyOf(edges, n);
    }

    /** Number of edges <= v. */
    private static int upperBound(double[] edges, double v) {
        int lo = 0;
        int hi = edges.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double gini(int[] binOf, int bins, double[] y, int k, int[] train, int[] test, int positive) {
        double[][] counts = new double[bins][k];
        double[] prior = new double[k];
        for (int r : train) {
            if (y[r] >= 0) {
                counts[binOf[r]][(int) y[r]]++;
                prior[(int) y[r]]++;
            }
        }
        double total = Arrays.stream(prior).sum();
        for (int c = 0; c < k; c++) {
            prior[c] /= total;
        }
        double[][] p = new double[bins][k];
        for (int b = 0; b < bins; b++) {
            double n = Arrays.stream(counts[b]).sum();
            for (int c = 0; c < k; c++) {
                p[b][c] = (counts[b][c] + SHRINK * prior[c]) / (n + SHRINK);
            }
        }
        int[] rows = Arrays.stream(test).filter(r -> y[r] >= 0).toArray();
        if (positive >= 0) {
            return 2 * Auc.of(rows, r -> p[binOf[r]][positive], r -> y[r] == positive) - 1;
        }
        double sum = 0;
        int used = 0;
        for (int c = 0; c < k; c++) {
            int cls = c;
            double auc = Auc.of(rows, r -> p[binOf[r]][cls], r -> y[r] == cls);
            if (!Double.isNaN(auc)) {
                sum += auc;
                used++;
            }
        }
        return used == 0 ? 0 : 2 * sum / used - 1;
    }

    private static double r2(int[] binOf, int bins, double[] y, int[] train, int[] test) {
        double[] sum = new double[bins];
        double[] n = new double[bins];
        double total = 0;
        double count = 0;
        for (int r : train) {
            if (!Double.isNaN(y[r])) {
                sum[binOf[r]] += y[r];
                n[binOf[r]]++;
                total += y[r];
                count++;
            }
        }
        double mean = total / count;
        double sse = 0;
        double sst = 0;
        for (int r : test) {
            if (Double.isNaN(y[r])) {
                continue;
            }
            int b = binOf[r];
            double prediction = (sum[b] + SHRINK * mean) / (n[b] + SHRINK);
            sse += (y[r] - prediction) * (y[r] - prediction);
            sst += (y[r] - mean) * (y[r] - mean);
        }
        return sst == 0 ? 0 : 1 - sse / sst;
    }
}
