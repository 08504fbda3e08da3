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
 * the row only through which of those features the row satisfies (a mask of {@code d} bits). Leaves with few features
 * have that part tabled for every mask once (as in Yang's Fast TreeSHAP v2), so a row costs one walk of the tree and
 * {@code d} look-ups per leaf; other leaves evaluate the Shapley sum as an integral by exact Gauss-Legendre
 * quadrature (as in Linear TreeSHAP), {@code d²/2} products instead of the recursion's {@code d²} divisions. The
 * original recursion is kept for paths of more than 30 features and as the tests' second reference.
 */
public final class TreeShap {
    /** Table entries kept for one tree; its other leaves are integrated. */
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
        this(model, features, MODEL_TABLE_LIMIT);
    }

    /** The same with at most {@code budget} table entries (0: every leaf integrated; for tests). */
    TreeShap(DecisionTrees model, int features, long budget) {
        this.model = model;
        this.features = features;
        this.expected = model.base().clone();
        for (DecisionTrees.Tree t : model.trees()) {
            double[][] mean = meanValues(t);
            add(expected, t, mean[0]);
            Tabled table = Tabled.of(t, budget);
            if (table != null) {
                budget -= table.entries;
                tabled.add(table);
            } else {
                recursive.add(t);
            }
        }
        maxDepth = model.maxDepth();
    }

    /** The work of explaining one row, in elementary steps (what a caller sizes its sample by). */
    public double costPerRow() {
        double c = 0;
        for (Tabled t : tabled) {
            c += t.cost();
        }
        for (DecisionTrees.Tree t : recursive) {
            c += 10.0 * t.size() * maxDepth * maxDepth;
        }
        return c;
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
        Tabled.Scratch scratch = new Tabled.Scratch(maxDepth);
        for (Tabled t : tabled) {
            t.explain(model, x, phi, scratch);
        }
        if (!recursive.isEmpty()) {
            Recursion r = new Recursion(maxDepth);
            for (DecisionTrees.Tree t : recursive) {
                r.explain(model, t, x, phi);
            }
        }
    }

    /** Rows explained together: each tree's tables stay in the cache while the block's rows pass through it. */
    private static final int BLOCK = 256;

    /** The SHAP values of many rows ({@code [row][output][feature]}), blocks of rows on every core. */
    public double[][][] explain(double[][] rows) {
        double[][][] out = new double[rows.length][][];
        int blocks = (rows.length + BLOCK - 1) / BLOCK;
        java.util.stream.IntStream.range(0, blocks).parallel().forEach(b -> {
            int from = b * BLOCK;
            int to = Math.min(rows.length, from + BLOCK);
            Tabled.Scratch scratch = new Tabled.Scratch(maxDepth);
            for (int i = from; i < to; i++) {
                out[i] = new double[model.outputs()][features];
            }
            for (Tabled t : tabled) {
                for (int i = from; i < to; i++) {
                    t.explain(model, rows[i], out[i], scratch);
                }
            }
            if (!recursive.isEmpty()) {
                Recursion r = new Recursion(maxDepth);
                for (DecisionTrees.Tree t : recursive) {
                    for (int i = from; i < to; i++) {
                        r.explain(model, t, rows[i], out[i]);
                    }
                }
            }
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

    /**
     * A tree prepared for fast explanation: each leaf's distinct path features (numbered by first occurrence) with the
     * share of cover the path keeps at them, and each inner node's feature position on its path. A row walks the
     * tree once, depth first, carrying the mask of path features it satisfies; at a leaf, its part in each feature's
     * value is either looked up (a table over every mask, for leaves with few features) or integrated:
     * {@code (o_i - z_i) * integral over [0, 1] of prod over j != i of (z_j (1 - y) + o_j y) dy}, which equals the
     * Shapley sum and is computed exactly by Gauss-Legendre quadrature (its degree is below twice the nodes).
     */
    private static final class Tabled {
        /** Distinct features on a leaf's path up to which its parts are tabled by mask (2^d * d entries). */
        static final int TABLED_FEATURES = 8;

        private final DecisionTrees.Tree tree;
        private final int[] position;
        private final int[] leafOf;
        private final int[][] leafFeatures;
        private final double[][] leafZero;
        private final double[][] table;
        private final int maxDepth;
        private long entries;

        private Tabled(DecisionTrees.Tree tree) {
            this.tree = tree;
            int n = tree.size();
            position = new int[n];
            leafOf = new int[n];
            int leaves = 0;
            for (int i = 0; i < n; i++) {
                leaves += tree.isLeaf(i) ? 1 : 0;
            }
            leafFeatures = new int[leaves][];
            leafZero = new double[leaves][];
            table = new double[leaves][];
            maxDepth = depth(0);
        }

        private int depth(int node) {
            return tree.isLeaf(node) ? 0 : 1 + Math.max(depth(tree.left()[node]), depth(tree.right()[node]));
        }

        /** The prepared tree (tables within {@code budget} entries), or null when a path has over 30 features. */
        static Tabled of(DecisionTrees.Tree t, long budget) {
            Tabled out = new Tabled(t);
            if (out.maxDepth > 30) {
                return null;
            }
            out.walk(0, 0, new int[out.maxDepth + 1], new double[out.maxDepth + 1], new int[] {0}, budget);
            return out;
        }

        private void walk(int node, int d, int[] features, double[] zero, int[] leafCount, long budget) {
            if (tree.isLeaf(node)) {
                int leaf = leafCount[0]++;
                leafOf[node] = leaf;
                leafFeatures[leaf] = java.util.Arrays.copyOf(features, d);
                leafZero[leaf] = java.util.Arrays.copyOf(zero, d);
                long size = (long) d << d;
                if (d > 0 && d <= TABLED_FEATURES && entries + size <= Math.min(TREE_TABLE_LIMIT, budget)) {
                    entries += size;
                    table[leaf] = partTable(leafZero[leaf]);
                    if (tree.output() >= 0) { // one output: the leaf's value folded in
                        double v = tree.leaf()[node][0];
                        for (int k = 0; k < table[leaf].length; k++) {
                            table[leaf][k] *= v;
                        }
                    }
                }
                return;
            }
            int f = tree.feature()[node];
            int p = 0;
            while (p < d && features[p] != f) {
                p++;
            }
            position[node] = p;
            int nd = p == d ? d + 1 : d;
            if (p == d) {
                features[p] = f;
                zero[p] = 1;
            }
            double before = zero[p];
            for (int child : new int[] {tree.left()[node], tree.right()[node]}) {
                zero[p] = before * share(tree, node, child);
                walk(child, nd, features, zero, leafCount, budget);
            }
            zero[p] = before;
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

        /** Working arrays of one thread. */
        static final class Scratch {
            final int[] nodes;
            final int[] masks;
            final double[] sums;
            final double[] prefix;

            Scratch(int depth) {
                nodes = new int[2 * depth + 2];
                masks = new int[2 * depth + 2];
                sums = new double[depth + 1];
                prefix = new double[depth + 2];
            }
        }

        void explain(DecisionTrees model, double[] x, double[][] phi, Scratch s) {
            int top = 0;
            s.nodes[0] = 0;
            s.masks[0] = -1;
            int output = tree.output();
            while (top >= 0) {
                int n = s.nodes[top];
                int mask = s.masks[top--];
                if (!tree.isLeaf(n)) {
                    int hot = model.next(tree, n, value(x, tree.feature()[n]));
                    int cold = hot == tree.left()[n] ? tree.right()[n] : tree.left()[n];
                    s.nodes[++top] = cold;
                    s.masks[top] = mask & ~(1 << position[n]);
                    s.nodes[++top] = hot;
                    s.masks[top] = mask;
                    continue;
                }
                int leaf = leafOf[n];
                int[] features = leafFeatures[leaf];
                int d = features.length;
                if (d == 0) {
                    continue;
                }
                mask &= (1 << d) - 1;
                double[] v = tree.leaf()[n];
                double[] part = table[leaf];
                if (part != null) {
                    int at = mask * d;
                    for (int p = 0; p < d; p++) {
                        int f = features[p];
                        if (f < 0) {
                            continue;
                        }
                        double w = part[at + p];
                        if (output >= 0) {
                            phi[output][f] += w; // the leaf's value is in the table
                        } else {
                            for (int k = 0; k < v.length; k++) {
                                phi[k][f] += w * v[k];
                            }
                        }
                    }
                } else {
                    integrate(leafZero[leaf], features, mask, v, output, phi, s);
                }
            }
        }

        /**
         * A leaf's parts by Gauss-Legendre quadrature of the Shapley integral; each feature's product of the other
         * factors comes from prefix and suffix products (no division, so a zero factor needs no care).
         */
        private static void integrate(double[] z, int[] features, int mask, double[] v, int output, double[][] phi,
                                      Scratch s) {
            int d = z.length;
            GaussLegendre rule = GaussLegendre.of((d + 1) / 2);
            double[] y = rule.nodes();
            double[] w = rule.weights();
            double[] sums = s.sums;
            java.util.Arrays.fill(sums, 0, d, 0);
            double[] prefix = s.prefix;
            for (int q = 0; q < y.length; q++) {
                double yq = y[q];
                prefix[0] = 1;
                for (int p = 0; p < d; p++) {
                    double own = (mask & 1 << p) != 0 ? z[p] * (1 - yq) + yq : z[p] * (1 - yq);
                    prefix[p + 1] = prefix[p] * own;
                }
                double suffix = 1;
                for (int p = d - 1; p >= 0; p--) {
                    sums[p] += w[q] * prefix[p] * suffix;
                    suffix *= (mask & 1 << p) != 0 ? z[p] * (1 - yq) + yq : z[p] * (1 - yq);
                }
            }
            for (int p = 0; p < d; p++) {
                int f = features[p];
                if (f < 0) {
                    continue;
                }
                double part = (((mask & 1 << p) != 0 ? 1 : 0) - z[p]) * sums[p];
                if (output >= 0) {
                    phi[output][f] += part * v[0];
                } else {
                    for (int k = 0; k < v.length; k++) {
                        phi[k][f] += part * v[k];
                    }
                }
            }
        }

        /** Work per row: look-ups of tabled leaves, quadrature products of the others. */
        double cost() {
            double c = inner();
            for (int l = 0; l < leafFeatures.length; l++) {
                int d = leafFeatures[l].length;
                c += table[l] != null ? d + 1 : 3.0 * d * ((d + 1) / 2) + d;
            }
            return c;
        }

        private int inner() {
            return tree.size() - leafFeatures.length;
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
