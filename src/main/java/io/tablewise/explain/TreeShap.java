package io.tablewise.explain;

import java.util.ArrayList;
import java.util.List;

import io.tablewise.ml.DecisionTrees;

/**
 * Exact SHAP values of tree models by path-dependent TreeSHAP (Lundberg et al. 2018): the same definition as
 * XGBoost's {@code pred_contribs}, where a feature outside the coalition follows both branches weighted by the training
 * cover. Values are in the trees' output space (margins for boosted trees, probabilities or values for a decision
 * tree) and per feature; they add up to the row's output minus {@link #expected()}.
 *
 * <p>For a leaf whose path tests {@code d} distinct features, the leaf's part in feature {@code i}'s value depends on
 * the row only through which of those features the row satisfies (a mask of {@code d} bits). Trees small enough have
 * that part tabled for every mask once (Yang's Fast TreeSHAP v2), so a row costs one mask and {@code d} look-ups per
 * leaf instead of the {@code d²} path arithmetic; larger trees use the original recursion.
 */
public final class TreeShap {
    /** Table entries kept for one tree; a tree above it is explained by the recursion. */
    private static final int TREE_TABLE_LIMIT = 1 << 18;
    /** Table entries kept for the whole model (doubles: 64 MB). */
    private static final long MODEL_TABLE_LIMIT = 1L << 23;

    private final DecisionTrees model;
    private final int features;
    private final double[] expected;
    private final List<Tabled> tabled = new ArrayList<>();
    private final List<DecisionTrees.Tree> recursive = new ArrayList<>();
    private final int maxDepth;

    /** Prepares the explanation of {@code model}, whose rows have {@code features} features. */
    public TreeShap(DecisionTrees model, int features) {
        this.model = model;
        this.features = features;
        this.expected = model.base().clone();
        long budget = MODEL_TABLE_LIMIT;
        for (DecisionTrees.Tree t : model.trees()) {
            double[][] mean = meanValues(t);
            add(expected, t, mean[0]);
            Tabled table = budget > 0 ? Tabled.of(t) : null;
            if (table != null) {
                budget -= table.entries;
                tabled.add(table);
            } else {
                recursive.add(t);
            }
        }
        maxDepth = model.maxDepth();
    }

    /** The expected output over the training rows (the cover-weighted mean of the leaves), per output. */
    public double[] expected() {
        return expected.clone();
    }

    /**
     * The SHAP values of one row: {@code phi[output][feature]}, added to {@code phi}. The row's output is
     * {@link #expected()} plus the sum over features.
     */
    public void explain(double[] x, double[][] phi) {
        for (Tabled t : tabled) {
            t.explain(model, x, phi);
        }
        if (!recursive.isEmpty()) {
            Recursion r = new Recursion(maxDepth);
            for (DecisionTrees.Tree t : recursive) {
                r.explain(model, t, x, phi);
            }
        }
    }

    /** The SHAP values of many rows ({@code [row][output][feature]}), on every core. */
    public double[][][] explain(double[][] rows) {
        double[][][] out = new double[rows.length][][];
        java.util.stream.IntStream.range(0, rows.length).parallel().forEach(i -> {
            out[i] = new double[model.outputs()][features];
            explain(rows[i], out[i]);
        });
        return out;
    }

    /** The model's output for a row, by walking the trees (the quantity the values explain). */
    public double[] output(double[] x) {
        double[] out = model.base().clone();
        for (DecisionTrees.Tree t : model.trees()) {
            int n = 0;
            while (!t.isLeaf(n)) {
                n = model.next(t, n, value(x, t.feature()[n]));
            }
            add(out, t, t.leaf()[n]);
        }
        return out;
    }

    private static double value(double[] x, int feature) {
        return feature < 0 ? Double.NaN : x[feature];
    }

    private static void add(double[] out, DecisionTrees.Tree t, double[] v) {
        if (t.output() >= 0) {
            out[t.output()] += v[0];
        } else {
            for (int k = 0; k < v.length; k++) {
                out[k] += v[k];
            }
        }
    }

    /**
     * Each node's mean leaf value below it, weighted by cover as XGBoost does ({@code [node][value]}); row 0 is the
     * root: the tree's expected output.
     */
    static double[][] meanValues(DecisionTrees.Tree t) {
        double[][] mean = new double[t.size()][];
        fillMean(t, 0, mean);
        return mean;
    }

    private static double[] fillMean(DecisionTrees.Tree t, int n, double[][] mean) {
        if (t.isLeaf(n)) {
            mean[n] = t.leaf()[n];
            return mean[n];
        }
        double[] l = fillMean(t, t.left()[n], mean);
        double[] r = fillMean(t, t.right()[n], mean);
        double cl = t.cover()[t.left()[n]];
        double cr = t.cover()[t.right()[n]];
        double c = t.cover()[n] > 0 ? t.cover()[n] : cl + cr;
        double[] out = new double[l.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = c > 0 ? (l[k] * cl + r[k] * cr) / c : (l[k] + r[k]) / 2;
        }
        mean[n] = out;
        return out;
    }

    /** The fraction of a node's cover that went to {@code child}. */
    private static double share(DecisionTrees.Tree t, int node, int child) {
        double c = t.cover()[node];
        return c > 0 ? t.cover()[child] / c : 0.5;
    }

    /** A tree with every leaf's part tabled by the mask of path features a row satisfies. */
    private static final class Tabled {
        private final DecisionTrees.Tree tree;
        private final int[] inner;
        /** Per leaf: node id, distinct path features, path steps (node, went left, feature position), table. */
        private final int[] leafNode;
        private final int[][] leafFeatures;
        private final int[][] stepNode;
        private final boolean[][] stepLeft;
        private final int[][] stepPosition;
        private final double[][] table;
        private long entries;

        private Tabled(DecisionTrees.Tree tree, int leaves) {
            this.tree = tree;
            int n = 0;
            for (int i = 0; i < tree.size(); i++) {
                n += tree.isLeaf(i) ? 0 : 1;
            }
            inner = new int[n];
            n = 0;
            for (int i = 0; i < tree.size(); i++) {
                if (!tree.isLeaf(i)) {
                    inner[n++] = i;
                }
            }
            leafNode = new int[leaves];
            leafFeatures = new int[leaves][];
            stepNode = new int[leaves][];
            stepLeft = new boolean[leaves][];
            stepPosition = new int[leaves][];
            table = new double[leaves][];
        }

        /** The tabled tree, or null when its tables would be too large. */
        static Tabled of(DecisionTrees.Tree t) {
            int leaves = 0;
            for (int i = 0; i < t.size(); i++) {
                leaves += t.isLeaf(i) ? 1 : 0;
            }
            Tabled out = new Tabled(t, leaves);
            int[] path = new int[t.size()];
            boolean[] left = new boolean[t.size()];
            if (!out.walk(0, 0, path, left, new int[] {0})) {
                return null;
            }
            return out;
        }

        /** Depth-first to every leaf, tabling it; false as soon as the tables pass the limit. */
        private boolean walk(int node, int depth, int[] path, boolean[] left, int[] leafCount) {
            if (tree.isLeaf(node)) {
                return table(node, depth, path, left, leafCount[0]++);
            }
            path[depth] = node;
            left[depth] = true;
            if (!walk(tree.left()[node], depth + 1, path, left, leafCount)) {
                return false;
            }
            left[depth] = false;
            return walk(tree.right()[node], depth + 1, path, left, leafCount);
        }

        private boolean table(int node, int depth, int[] path, boolean[] left, int leaf) {
            int[] distinct = new int[depth];
            double[] zero = new double[depth];
            int[] position = new int[depth];
            int d = 0;
            for (int s = 0; s < depth; s++) {
                int f = tree.feature()[path[s]];
                int p = 0;
                while (p < d && distinct[p] != f) {
                    p++;
                }
                if (p == d) {
                    distinct[d] = f;
                    zero[d++] = 1;
                }
                int child = left[s] ? tree.left()[path[s]] : tree.right()[path[s]];
                zero[p] *= share(tree, path[s], child);
                position[s] = p;
            }
            long size = (long) d << d;
            entries += size;
            if (d > 20 || entries > TREE_TABLE_LIMIT) {
                return false;
            }
            leafNode[leaf] = node;
            leafFeatures[leaf] = java.util.Arrays.copyOf(distinct, d);
            stepNode[leaf] = java.util.Arrays.copyOf(path, depth);
            stepLeft[leaf] = java.util.Arrays.copyOf(left, depth);
            stepPosition[leaf] = position;
            table[leaf] = partTable(java.util.Arrays.copyOf(zero, d));
            return true;
        }

        /**
         * For every mask {@code H} of satisfied path features and every path feature {@code i}: the leaf's weight in
         * {@code i}'s SHAP value, {@code (o_i - z_i) * sum over S in H\{i} of |S|!(d-|S|-1)!/d! * prod over the
         * other features outside S of z_j}, where {@code o_i} says whether {@code i} is in {@code H} and {@code z}
         * is the share of cover the path keeps at the feature's splits.
         */
        static double[] partTable(double[] z) {
            int d = z.length;
            double[] weight = new double[d];
            for (int k = 0; k < d; k++) {
                weight[k] = 1 / (d * binomial(d - 1, k)); // k!(d-1-k)!/d!
            }
            double[] out = new double[d << d];
            double[] e = new double[d + 1];
            for (int mask = 0; mask < 1 << d; mask++) {
                for (int i = 0; i < d; i++) {
                    // elementary symmetric polynomials of the z of the satisfied features other than i
                    java.util.Arrays.fill(e, 0);
                    e[0] = 1;
                    int m = 0;
                    double cold = 1;
                    for (int j = 0; j < d; j++) {
                        if (j == i) {
                            continue;
                        }
                        if ((mask & 1 << j) != 0) {
                            m++;
                            for (int q = m; q > 0; q--) {
                                e[q] += e[q - 1] * z[j];
                            }
                        } else {
                            cold *= z[j];
                        }
                    }
                    double sum = 0;
                    for (int k = 0; k <= m; k++) {
                        sum += weight[k] * e[m - k];
                    }
                    double hot = (mask & 1 << i) != 0 ? 1 : 0;
                    out[mask * d + i] = (hot - z[i]) * sum * cold;
                }
            }
            return out;
        }

        private static double binomial(int n, int k) {
            double b = 1;
            for (int i = 1; i <= k; i++) {
                b = b * (n - k + i) / i;
            }
            return b;
        }

        void explain(DecisionTrees model, double[] x, double[][] phi) {
            boolean[] goesLeft = new boolean[tree.size()];
            for (int n : inner) {
                goesLeft[n] = model.next(tree, n, value(x, tree.feature()[n])) == tree.left()[n];
            }
            int output = tree.output();
            for (int l = 0; l < leafNode.length; l++) {
                int d = leafFeatures[l].length;
                if (d == 0) {
                    continue;
                }
                int mask = (1 << d) - 1;
                int[] nodes = stepNode[l];
                boolean[] wentLeft = stepLeft[l];
                int[] position = stepPosition[l];
                for (int s = 0; s < nodes.length; s++) {
                    if (goesLeft[nodes[s]] != wentLeft[s]) {
                        mask &= ~(1 << position[s]);
                    }
                }
                double[] v = tree.leaf()[leafNode[l]];
                double[] part = table[l];
                int at = mask * d;
                for (int p = 0; p < d; p++) {
                    int f = leafFeatures[l][p];
                    double w = part[at + p];
                    if (f < 0 || w == 0) {
                        continue;
                    }
                    if (output >= 0) {
                        phi[output][f] += w * v[0];
                    } else {
                        for (int k = 0; k < v.length; k++) {
                            phi[k][f] += w * v[k];
                        }
                    }
                }
            }
        }
    }

    /** The original recursive algorithm (Lundberg et al., Algorithm 2), as XGBoost implements it. */
    static final class Recursion {
        private final int[] feature;
        private final double[] zero;
        private final double[] one;
        private final double[] weight;

        Recursion(int maxDepth) {
            int size = (maxDepth + 2) * (maxDepth + 3) / 2;
            feature = new int[size];
            zero = new double[size];
            one = new double[size];
            weight = new double[size];
        }

        void explain(DecisionTrees model, DecisionTrees.Tree t, double[] x, double[][] phi) {
            recurse(model, t, x, phi, 0, 0, 0, 1, 1, -1);
        }

        private void recurse(DecisionTrees model, DecisionTrees.Tree t, double[] x, double[][] phi, int node,
                             int depth, int parentAt, double parentZero, double parentOne, int parentFeature) {
            int at = parentAt + depth;
            if (depth > 0) {
                System.arraycopy(feature, parentAt, feature, at, depth);
                System.arraycopy(zero, parentAt, zero, at, depth);
                System.arraycopy(one, parentAt, one, at, depth);
                System.arraycopy(weight, parentAt, weight, at, depth);
            }
            extend(at, depth, parentZero, parentOne, parentFeature);
            if (t.isLeaf(node)) {
                double[] v = t.leaf()[node];
                for (int i = 1; i <= depth; i++) {
                    double w = unwoundSum(at, depth, i);
                    double scale = w * (one[at + i] - zero[at + i]);
                    int f = feature[at + i];
                    if (f < 0) {
                        continue;
                    }
                    if (t.output() >= 0) {
                        phi[t.output()][f] += scale * v[0];
                    } else {
                        for (int k = 0; k < v.length; k++) {
                            phi[k][f] += scale * v[k];
                        }
                    }
                }
                return;
            }
            int split = t.feature()[node];
            int hot = model.next(t, node, value(x, split));
            int cold = hot == t.left()[node] ? t.right()[node] : t.left()[node];
            double hotZero = share(t, node, hot);
            double coldZero = share(t, node, cold);
            double incomingZero = 1;
            double incomingOne = 1;
            int p = 0;
            while (p <= depth && feature[at + p] != split) {
                p++;
            }
            if (p <= depth && split >= 0) {
                incomingZero = zero[at + p];
                incomingOne = one[at + p];
                unwind(at, depth, p);
                depth--;
            }
            recurse(model, t, x, phi, hot, depth + 1, at, hotZero * incomingZero, incomingOne, split);
            recurse(model, t, x, phi, cold, depth + 1, at, coldZero * incomingZero, 0, split);
        }

        private void extend(int at, int depth, double zeroFraction, double oneFraction, int f) {
            feature[at + depth] = f;
            zero[at + depth] = zeroFraction;
            one[at + depth] = oneFraction;
            weight[at + depth] = depth == 0 ? 1 : 0;
            for (int i = depth - 1; i >= 0; i--) {
                weight[at + i + 1] += oneFraction * weight[at + i] * (i + 1) / (double) (depth + 1);
                weight[at + i] = zeroFraction * weight[at + i] * (depth - i) / (double) (depth + 1);
            }
        }

        private void unwind(int at, int depth, int p) {
            double oneFraction = one[at + p];
            double zeroFraction = zero[at + p];
            double next = weight[at + depth];
            for (int i = depth - 1; i >= 0; i--) {
                if (oneFraction != 0) {
                    double tmp = weight[at + i];
                    weight[at + i] = next * (depth + 1) / ((i + 1) * oneFraction);
                    next = tmp - weight[at + i] * zeroFraction * (depth - i) / (double) (depth + 1);
                } else {
                    weight[at + i] = weight[at + i] * (depth + 1) / (zeroFraction * (depth - i));
                }
            }
            for (int i = p; i < depth; i++) {
                feature[at + i] = feature[at + i + 1];
                zero[at + i] = zero[at + i + 1];
                one[at + i] = one[at + i + 1];
            }
        }

        private double unwoundSum(int at, int depth, int p) {
            double oneFraction = one[at + p];
            double zeroFraction = zero[at + p];
            double next = weight[at + depth];
            double total = 0;
            for (int i = depth - 1; i >= 0; i--) {
                if (oneFraction != 0) {
                    double tmp = next * (depth + 1) / ((i + 1) * oneFraction);
                    total += tmp;
                    next = weight[at + i] - tmp * zeroFraction * ((depth - i) / (double) (depth + 1));
                } else if (zeroFraction != 0) {
                    total += weight[at + i] / zeroFraction / ((depth - i) / (double) (depth + 1));
                }
            }
            return total;
        }
    }

    /** For tests: the values of one row by the recursion alone. */
    double[][] explainByRecursion(double[] x) {
        double[][] phi = new double[model.outputs()][features];
        Recursion r = new Recursion(maxDepth);
        for (DecisionTrees.Tree t : model.trees()) {
            r.explain(model, t, x, phi);
        }
        return phi;
    }
}
