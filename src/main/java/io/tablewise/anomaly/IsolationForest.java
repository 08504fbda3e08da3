package io.tablewise.anomaly;

import java.util.SplittableRandom;

/**
 * Liu, Ting and Zhou's isolation forest (2008): each tree splits a random subsample on random features at random
 * values until points stand alone; anomalies are isolated near the root. A row's score is
 * {@code 2^(-E[h(x)] / c(psi))} (about 0.5 for ordinary rows, towards 1 for anomalies). Why this method: it needs no
 * labels, no distance metric across mixed columns, is linear in rows, and each isolation says which columns did it.
 */
final class IsolationForest {
    /** One node: a split (feature, value) or a leaf of {@code size} sampled points. */
    private record Node(int feature, double value, Node left, Node right, int size) {
        boolean leaf() {
            return left == null;
        }
    }

    private final Node[] trees;
    private final int sample;
    private final int features;

    private IsolationForest(Node[] trees, int sample, int features) {
        this.trees = trees;
        this.sample = sample;
        this.features = features;
    }

    /**
     * Grows {@code count} trees on subsamples of {@code sample} rows of {@code x} (rows × features, no NaN).
     */
    static IsolationForest fit(double[][] x, int count, int sample, long seed) {
        int n = x.length;
        int psi = Math.min(sample, n);
        int limit = (int) Math.ceil(Math.log(Math.max(psi, 2)) / Math.log(2));
        SplittableRandom random = new SplittableRandom(seed);
        Node[] trees = new Node[count];
        int features = n == 0 ? 0 : x[0].length;
        for (int t = 0; t < count; t++) {
            int[] rows = new int[psi];
            // a sample without replacement: a partial Fisher-Yates shuffle of the row indices
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            for (int i = 0; i < psi; i++) {
                int j = i + random.nextInt(n - i);
                int tmp = all[i];
                all[i] = all[j];
                all[j] = tmp;
                rows[i] = all[i];
            }
            trees[t] = grow(x, rows, 0, psi, 0, limit, random);
        }
        return new IsolationForest(trees, psi, features);
    }

    private static Node grow(double[][] x, int[] rows, int from, int to, int depth, int limit,
                             SplittableRandom random) {
        int size = to - from;
        if (size <= 1 || depth >= limit) {
            return new Node(-1, 0, null, null, size);
        }
        int features = x[rows[from]].length;
        // a random feature that still varies among these rows (a few tries, then a leaf)
        for (int attempt = 0; attempt < 2 * features; attempt++) {
            int f = random.nextInt(features);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                double v = x[rows[i]][f];
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (hi <= lo) {
                continue;
            }
            double split = lo + random.nextDouble() * (hi - lo);
            int mid = from;
            for (int i = from; i < to; i++) {
                if (x[rows[i]][f] < split) {
                    int tmp = rows[i];
                    rows[i] = rows[mid];
                    rows[mid] = tmp;
                    mid++;
                }
            }
            if (mid == from || mid == to) {
                continue;
            }
            return new Node(f, split, grow(x, rows, from, mid, depth + 1, limit, random),
                    grow(x, rows, mid, to, depth + 1, limit, random), size);
        }
        return new Node(-1, 0, null, null, size);
    }

    /** The average path length of an unsuccessful search in a binary search tree of {@code n} points. */
    static double c(double n) {
        if (n <= 1) {
            return 0;
        }
        if (n == 2) {
            return 1;
        }
        return 2 * (Math.log(n - 1) + 0.5772156649015329) - 2 * (n - 1) / n;
    }

    /**
     * The anomaly score of {@code row}; when {@code credit} is not null, each feature's share of the isolation is
     * added to it (a split on a feature that sent the row away early counts more: weight 1 / depth).
     */
    double score(double[] row, double[] credit) {
        double total = 0;
        for (Node tree : trees) {
            Node node = tree;
            int depth = 0;
            while (!node.leaf()) {
                depth++;
                if (credit != null) {
                    credit[node.feature()] += 1.0 / depth;
                }
                node = row[node.feature()] < node.value() ? node.left() : node.right();
            }
            total += depth + c(node.size());
        }
        double mean = total / trees.length;
        return Math.pow(2, -mean / c(sample));
    }

    int features() {
        return features;
    }

    /** The trees as flat arrays in preorder (feature −1 marks a leaf), for a saved detector. */
    java.util.Map<String, Object> toJson() {
        java.util.List<java.util.Map<String, Object>> out = new java.util.ArrayList<>();
        for (Node tree : trees) {
            java.util.List<Integer> feature = new java.util.ArrayList<>();
            java.util.List<Double> value = new java.util.ArrayList<>();
            java.util.List<Integer> size = new java.util.ArrayList<>();
            flatten(tree, feature, value, size);
            out.add(java.util.Map.of("feature", feature, "value", value, "size", size));
        }
        return java.util.Map.of("sample", sample, "features", features, "trees", out);
    }

    private static void flatten(Node n, java.util.List<Integer> feature, java.util.List<Double> value,
                                java.util.List<Integer> size) {
        feature.add(n.leaf() ? -1 : n.feature());
        value.add(n.value());
        size.add(n.size());
        if (!n.leaf()) {
            flatten(n.left(), feature, value, size);
            flatten(n.right(), feature, value, size);
        }
    }

    /** A forest {@link #toJson} wrote. */
    static IsolationForest fromJson(com.fasterxml.jackson.databind.JsonNode json) {
        com.fasterxml.jackson.databind.JsonNode trees = json.path("trees");
        Node[] out = new Node[trees.size()];
        for (int t = 0; t < out.length; t++) {
            com.fasterxml.jackson.databind.JsonNode tree = trees.get(t);
            int[] at = {0};
            out[t] = unflatten(tree.path("feature"), tree.path("value"), tree.path("size"), at, 0);
        }
        return new IsolationForest(out, json.path("sample").asInt(), json.path("features").asInt());
    }

    private static Node unflatten(com.fasterxml.jackson.databind.JsonNode feature,
                                  com.fasterxml.jackson.databind.JsonNode value,
                                  com.fasterxml.jackson.databind.JsonNode size, int[] at, int depth) {
        if (depth > 64) { // grown trees stop at depth log2(sample), 8 for 256 rows: anything deeper is not one
            throw new IllegalArgumentException("a tree deeper than any grown one");
        }
        int i = at[0]++;
        int f = feature.get(i).asInt();
        if (f < 0) {
            return new Node(-1, 0, null, null, size.get(i).asInt());
        }
        Node left = unflatten(feature, value, size, at, depth + 1);
        Node right = unflatten(feature, value, size, at, depth + 1);
        return new Node(f, value.get(i).asDouble(), left, right, size.get(i).asInt());
    }
}
