package io.tablewise.insights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import it.unimi.dsi.fastutil.doubles.DoubleArrays;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.ml.Values;
import io.tablewise.node.CancelledException;

/**
 * Associations between columns on a row sample. Numeric pairs: Pearson and Spearman (ranks with ties
 * averaged), each over the rows where both values are present. Categorical pairs (at most 100 categories):
 * Cramér's V from the chi-squared statistic. Numeric-categorical pairs: the correlation ratio eta. Variance
 * inflation factors come from the inverse of the numeric columns' Pearson matrix. ID-like, free-text, empty
 * and date columns are left out: association with them means nothing.
 */
final class CorrelationAnalysis {
    private static final int MAX_CATEGORIES = 100;
    private static final int MAX_COLUMNS = 60;

    private CorrelationAnalysis() {
    }

    static Correlations compute(Table table, List<ColumnProfile> profiles, int[] rows, BooleanSupplier cancelled) {
        List<String> names = new ArrayList<>();
        List<double[]> numeric = new ArrayList<>();
        List<int[]> categorical = new ArrayList<>();
        for (ColumnProfile p : profiles) {
            if (names.size() >= MAX_COLUMNS) {
                break;
            }
            Column<?> c = table.column(p.name());
            boolean isNumber = c instanceof tech.tablesaw.api.NumberColumn;
            if (isNumber && (p.semanticType() == SemanticType.NUMERIC || p.semanticType() == SemanticType.BINARY)) {
                names.add(p.name());
                numeric.add(Arrays.stream(rows).mapToDouble(r -> Values.number(c, r)).toArray());
                categorical.add(null);
            } else if (!isNumber && (p.semanticType() == SemanticType.CATEGORICAL
                    || p.semanticType() == SemanticType.BINARY) && p.unique() <= MAX_CATEGORIES) {
                names.add(p.name());
                numeric.add(null);
                categorical.add(codes(c, rows));
            }
        }
        int m = names.size();
        double[][] pearson = nanMatrix(m);
        double[][] spearman = nanMatrix(m);
        double[][] association = nanMatrix(m);
        double[][] ranks = new double[m][];
        int[][] orders = new int[m][];
        for (int i = 0; i < m; i++) {
            if (numeric.get(i) != null) {
                orders[i] = order(numeric.get(i));
                ranks[i] = ranks(numeric.get(i), orders[i], null);
            }
        }
        for (int i = 0; i < m; i++) {
            if (cancelled.getAsBoolean()) {
                throw new CancelledException();
            }
            association[i][i] = 1;
            for (int j = i; j < m; j++) {
                double[] a = numeric.get(i);
                double[] b = numeric.get(j);
                if (a != null && b != null) {
                    double r = pearson(a, b);
                    double rho = hasMissing(a) || hasMissing(b)
                            ? pearson(ranks(a, orders[i], b), ranks(b, orders[j], a)) : pearson(ranks[i], ranks[j]);
                    set(pearson, i, j, r);
                    set(spearman, i, j, rho);
                    set(association, i, j, Math.abs(r));
                } else if (a == null && b == null) {
                    set(association, i, j, cramersV(categorical.get(i), categorical.get(j)));
                } else {
                    set(association, i, j, a != null ? eta(a, categorical.get(j)) : eta(b, categorical.get(i)));
                }
            }
        }
        return new Correlations(names, pearson, spearman, association, vif(pearson, numeric), rows.length);
    }

    private static void set(double[][] m, int i, int j, double v) {
        m[i][j] = v;
        m[j][i] = v;
    }

    private static double[][] nanMatrix(int m) {
        double[][] x = new double[m][m];
        for (double[] row : x) {
            Arrays.fill(row, Double.NaN);
        }
        return x;
    }

    private static int[] codes(Column<?> c, int[] rows) {
        Map<String, Integer> index = new HashMap<>();
        int[] codes = new int[rows.length];
        for (int k = 0; k < rows.length; k++) {
            String v = Values.label(c, rows[k]);
            codes[k] = v == null ? -1 : index.computeIfAbsent(v, x -> index.size());
        }
        return codes;
    }

    private static boolean hasMissing(double[] a) {
        for (double v : a) {
            if (Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    /** Pearson correlation over rows where both are present; NaN if either is constant there. */
    static double pearson(double[] a, double[] b) {
        double sa = 0;
        double sb = 0;
        long n = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
                sa += a[i];
                sb += b[i];
                n++;
            }
        }
        if (n < 3) {
            return Double.NaN;
        }
        double ma = sa / n;
        double mb = sb / n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
                double da = a[i] - ma;
                double db = b[i] - mb;
                sab += da * db;
                saa += da * da;
                sbb += db * db;
            }
        }
        return saa == 0 || sbb == 0 ? Double.NaN : Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
    }

    /** Ranks (1-based, ties averaged) of the present values; NaN stays NaN. */
    static double[] ranks(double[] values) {
        return ranks(values, order(values), null);
    }

    /** The positions of the present values, sorted by value (a radix sort: no boxing, linear time). */
    private static int[] order(double[] values) {
        int present = 0;
        for (double v : values) {
            present += Double.isNaN(v) ? 0 : 1;
        }
        int[] positions = new int[present];
        double[] compact = new double[present];
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                positions[k] = i;
                compact[k++] = values[i];
            }
        }
        int[] perm = new int[present];
        Arrays.setAll(perm, i -> i);
        DoubleArrays.radixSortIndirect(perm, compact, false);
        int[] sorted = new int[present];
        for (int i = 0; i < present; i++) {
            sorted[i] = positions[perm[i]];
        }
        return sorted;
    }

    /**
     * Ranks (1-based, ties averaged) of {@code values} walking their sorted {@code order}; when {@code other} is
     * given, only over the positions where it is present too (Spearman on pairwise-complete rows).
     */
    private static double[] ranks(double[] values, int[] order, double[] other) {
        int[] used = order;
        if (other != null) {
            used = Arrays.stream(order).filter(i -> !Double.isNaN(other[i])).toArray();
        }
        double[] ranks = new double[values.length];
        Arrays.fill(ranks, Double.NaN);
        int present = used.length;
        int i = 0;
        while (i < present) {
            int j = i;
            while (j < present && values[used[j]] == values[used[i]]) {
                j++;
            }
            double rank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                ranks[used[k]] = rank;
            }
            i = j;
        }
        return ranks;
    }

    /** Cramér's V over rows where both are present. */
    static double cramersV(int[] a, int[] b) {
        int ra = Arrays.stream(a).max().orElse(-1) + 1;
        int rb = Arrays.stream(b).max().orElse(-1) + 1;
        if (ra < 2 || rb < 2) {
            return Double.NaN;
        }
        double[][] table = new double[ra][rb];
        double[] rowSum = new double[ra];
        double[] colSum = new double[rb];
        double n = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] >= 0 && b[i] >= 0) {
                table[a[i]][b[i]]++;
                rowSum[a[i]]++;
                colSum[b[i]]++;
                n++;
            }
        }
        double chi2 = 0;
        int rowsUsed = 0;
        int colsUsed = 0;
        for (double r : rowSum) {
            rowsUsed += r > 0 ? 1 : 0;
        }
        for (double c : colSum) {
            colsUsed += c > 0 ? 1 : 0;
        }
        for (int i = 0; i < ra; i++) {
            for (int j = 0; j < rb; j++) {
                double expected = rowSum[i] * colSum[j] / n;
                if (expected > 0) {
                    double d = table[i][j] - expected;
                    chi2 += d * d / expected;
                }
            }
        }
        int k = Math.min(rowsUsed, colsUsed) - 1;
        return k <= 0 || n == 0 ? Double.NaN : Math.sqrt(chi2 / (n * k));
    }

    /** Correlation ratio: sqrt(between-group sum of squares / total sum of squares). */
    static double eta(double[] values, int[] groups) {
        int g = Arrays.stream(groups).max().orElse(-1) + 1;
        double[] sum = new double[Math.max(g, 1)];
        double[] count = new double[Math.max(g, 1)];
        double total = 0;
        double n = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i]) && groups[i] >= 0) {
                sum[groups[i]] += values[i];
                count[groups[i]]++;
                total += values[i];
                n++;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        double mean = total / n;
        double between = 0;
        for (int k = 0; k < g; k++) {
            if (count[k] > 0) {
                double d = sum[k] / count[k] - mean;
                between += count[k] * d * d;
            }
        }
        double ss = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i]) && groups[i] >= 0) {
                ss += (values[i] - mean) * (values[i] - mean);
            }
        }
        return ss == 0 ? Double.NaN : Math.sqrt(between / ss);
    }

    /** VIF of each numeric column: the diagonal of the inverse of the numeric Pearson matrix. */
    private static double[] vif(double[][] pearson, List<double[]> numeric) {
        int m = pearson.length;
        double[] vif = new double[m];
        Arrays.fill(vif, Double.NaN);
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            if (numeric.get(i) != null && !Double.isNaN(pearson[i][i])) {
                idx.add(i);
            }
        }
        int k = idx.size();
        if (k < 2) {
            return vif;
        }
        double[][] r = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double v = pearson[idx.get(a)][idx.get(b)];
                r[a][b] = Double.isNaN(v) ? 0 : v;
            }
        }
        double[][] inv = Matrices.inverse(r);
        for (int a = 0; a < k; a++) {
            vif[idx.get(a)] = inv == null ? Double.POSITIVE_INFINITY : Math.max(1, inv[a][a]);
        }
        return vif;
    }
}
