package io.tablewise.ml;

import java.io.IOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An XGBoost booster's trees walked in Java, for scoring many rows without building XGBoost's matrices (which took
 * half of the time of a million-row batch). It reads the booster's own JSON model and follows XGBoost's rules:
 * features as 32-bit floats, {@code x < split} goes left, a missing value takes the default branch, leaf values
 * summed in float from the base score in tree order, then the objective's transform. Only the objectives and tree
 * kinds Tablewise trains are supported (boosted trees, and forests: one round of parallel trees, summed the same
 * way); {@link #of} answers null for anything else and the caller scores through XGBoost itself.
 */
final class TreeScorer {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final int groups;
    private final float base;
    private final boolean softmax;
    private final int[] roots;
    private final int[] group;
    private final int[] left;
    private final int[] right;
    private final int[] feature;
    private final float[] value;
    private final boolean[] defaultLeft;
    /** The training weight (hessian sum) that reached each node, for explanations; null when the model has none. */
    private double[] cover;
    /** Walk without branches: a leaf points at itself, inner nodes at their left child (the right one follows). */
    private final int[] step;
    private final int[] inner;
    private final int[] missingRight;
    private final int[] depth;
    private final boolean adjacent;
    /** Trees grown together in each round: 1 for boosted trees, the forest's size for a random forest. */
    private int parallel = 1;

    private TreeScorer(int groups, float base, boolean softmax, int[] roots, int[] group, int[] left, int[] right,
                       int[] feature, float[] value, boolean[] defaultLeft) {
        this.groups = groups;
        this.base = base;
        this.softmax = softmax;
        this.roots = roots;
        this.group = group;
        this.left = left;
        this.right = right;
        this.feature = feature;
        this.value = value;
        this.defaultLeft = defaultLeft;
        int nodes = left.length;
        step = new int[nodes];
        inner = new int[nodes];
        missingRight = new int[nodes];
        boolean together = true;
        for (int n = 0; n < nodes; n++) {
            boolean leaf = left[n] < 0;
            step[n] = leaf ? n : left[n];
            inner[n] = leaf ? 0 : 1;
            missingRight[n] = defaultLeft[n] ? 0 : 1;
            together &= leaf || right[n] == left[n] + 1;
        }
        adjacent = together;
        depth = new int[roots.length];
        for (int k = 0; k < roots.length; k++) {
            depth[k] = depthBelow(roots[k]);
        }
    }

    private int depthBelow(int n) {
        return left[n] < 0 ? 0 : 1 + Math.max(depthBelow(left[n]), depthBelow(right[n]));
    }

    /** The scorer of a booster saved as XGBoost JSON, or null when the model has something it does not handle. */
    static TreeScorer of(byte[] boosterJson) throws IOException {
        return of(boosterJson, null);
    }

    /**
     * The same, sending a missing value of a feature marked in {@code neverMissing} (no training row had it missing)
     * to the child that more training weight reached, as scikit-learn does: XGBoost's default branch for such a
     * feature was never learned, and on a column like capital-gain it scored a blank as the maximum.
     */
    static TreeScorer of(byte[] boosterJson, boolean[] neverMissing) throws IOException {
        JsonNode learner = JSON.readTree(boosterJson).path("learner");
        String objective = learner.path("objective").path("name").asText();
        boolean softmax = objective.equals("multi:softprob");
        boolean identity = objective.equals("reg:squarederror") || objective.equals("reg:linear");
        JsonNode model = learner.path("gradient_booster").path("model");
        if (!softmax && !identity || !learner.path("gradient_booster").path("name").asText().equals("gbtree")) {
            return null;
        }
        JsonNode param = learner.path("learner_model_param");
        int groups = softmax ? Integer.parseInt(param.path("num_class").asText("1")) : 1;
        float base = Float.parseFloat(param.path("base_score").asText("0.5"));
        JsonNode trees = model.path("trees");
        JsonNode info = model.path("tree_info");
        int total = 0;
        for (JsonNode t : trees) {
            if (t.path("categories_nodes").size() > 0) {
                return null; // categorical splits: not trained by Tablewise
            }
            total += t.path("left_children").size();
        }
        int[] roots = new int[trees.size()];
        int[] group = new int[trees.size()];
        int[] left = new int[total];
        int[] right = new int[total];
        int[] feature = new int[total];
        float[] value = new float[total];
        double[] cover = new double[total];
        boolean coverKnown = true;
        boolean[] defaultLeft = new boolean[total];
        int at = 0;
        for (int k = 0; k < trees.size(); k++) {
            JsonNode t = trees.get(k);
            roots[k] = at;
            group[k] = info.get(k).asInt();
            JsonNode l = t.path("left_children");
            JsonNode r = t.path("right_children");
            JsonNode s = t.path("split_indices");
            JsonNode c = t.path("split_conditions");
            JsonNode d = t.path("default_left");
            JsonNode h = t.path("sum_hessian");
            coverKnown &= h.size() == l.size();
            for (int n = 0; n < l.size(); n++) {
                left[at + n] = l.get(n).asInt() < 0 ? -1 : at + l.get(n).asInt();
                right[at + n] = r.get(n).asInt() < 0 ? -1 : at + r.get(n).asInt();
                feature[at + n] = s.get(n).asInt();
                value[at + n] = exactFloat(c.get(n)); // the split, or a leaf's value
                defaultLeft[at + n] = d.get(n).asInt() != 0;
                cover[at + n] = h.size() == l.size() ? h.get(n).asDouble() : 0;
                int f = feature[at + n];
                if (neverMissing != null && l.get(n).asInt() >= 0 && f < neverMissing.length && neverMissing[f]
                        && h.size() == l.size()) {
                    defaultLeft[at + n] = h.get(l.get(n).asInt()).asDouble() >= h.get(r.get(n).asInt()).asDouble();
                }
            }
            at += l.size();
        }
        TreeScorer scorer = new TreeScorer(groups, base, softmax, roots, group, left, right, feature, value,
                defaultLeft);
        scorer.cover = coverKnown ? cover : null;
        scorer.parallel = Math.max(1, Integer.parseInt(model.path("gbtree_model_param").path("num_parallel_tree")
                .asText("1")));
        return scorer;
    }

    /** A JSON number as the nearest float, parsed from its digits (not through a double, which can round twice). */
    private static float exactFloat(JsonNode n) {
        return n.isBigDecimal() ? Float.parseFloat(n.decimalValue().toString())
                : Float.parseFloat(n.asText());
    }

    /**
     * The trees as {@link DecisionTrees.Tree}s with their features renumbered by {@code featureOf} (XGBoost's index to
     * the encoder's, -1 for none), routed as this scorer routes them; null when the booster keeps no hessian sums.
     */
    java.util.List<DecisionTrees.Tree> trees(int[] featureOf) {
        if (cover == null) {
            return null;
        }
        java.util.List<DecisionTrees.Tree> out = new java.util.ArrayList<>();
        for (int k = 0; k < roots.length; k++) {
            int from = roots[k];
            int to = k + 1 < roots.length ? roots[k + 1] : left.length;
            int n = to - from;
            int[] l = new int[n];
            int[] r = new int[n];
            int[] f = new int[n];
            double[] split = new double[n];
            boolean[] dl = new boolean[n];
            double[] c = new double[n];
            double[][] leaf = new double[n][];
            for (int i = 0; i < n; i++) {
                boolean isLeaf = left[from + i] < 0;
                l[i] = isLeaf ? -1 : left[from + i] - from;
                r[i] = isLeaf ? -1 : right[from + i] - from;
                int xf = feature[from + i];
                f[i] = isLeaf ? -1 : xf < featureOf.length ? featureOf[xf] : -1;
                split[i] = value[from + i];
                dl[i] = defaultLeft[from + i];
                c[i] = cover[from + i];
                leaf[i] = isLeaf ? new double[] {value[from + i]} : null;
            }
            out.add(new DecisionTrees.Tree(l, r, f, split, dl, c, leaf, group[k]));
        }
        return out;
    }

    /** The base score every output starts from. */
    float base() {
        return base;
    }

    /** Whether the outputs are softmax margins (classes) rather than values. */
    boolean softmax() {
        return softmax;
    }

    /** Outputs per row: the class probabilities (softmax objectives) or the value (regression). */
    int outputs() {
        return groups;
    }

    /**
     * Scores {@code rows} rows laid out one after another in {@code x} ({@code width} features each) into
     * {@code out} ({@link #outputs()} values per row). Tree by tree over the whole block, so each tree stays in the
     * cache while the rows pass through it; every row still sums its leaves in tree order, as XGBoost does.
     */
    void scoreBlock(float[] x, int width, int rows, float[] out) {
        java.util.Arrays.fill(out, 0, rows * groups, base);
        for (int k = 0; k < roots.length; k++) {
            addTree(k, x, width, rows, out);
        }
        finish(out, rows);
    }

    /** The objective's transform of the summed outputs of {@code rows} rows (softmax for classes). */
    private void finish(float[] out, int rows) {
        if (softmax) {
            for (int r = 0; r < rows; r++) {
                softmax(out, r * groups);
            }
        }
    }

    /** Boosting rounds: the number of trees for each output, over the trees grown in parallel per round (forests). */
    int rounds() {
        return roots.length / groups / parallel;
    }

    /**
     * The outputs after the first {@code rounds[s]} boosting rounds, for every stage {@code s} (in increasing order,
     * at most {@link #rounds()}), into {@code out[s]}: what a booster trained with fewer rounds would answer, read
     * from one walk of the trees (the search's early stopping).
     */
    void scoreStaged(float[] x, int width, int rows, int[] rounds, float[][] out) {
        float[] running = new float[rows * groups];
        java.util.Arrays.fill(running, base);
        int stage = 0;
        for (int k = 0; k < roots.length && stage < rounds.length; k++) {
            addTree(k, x, width, rows, running);
            while (stage < rounds.length && k + 1 == rounds[stage] * groups) {
                System.arraycopy(running, 0, out[stage], 0, rows * groups);
                finish(out[stage], rows);
                stage++;
            }
        }
    }

    /** Adds tree {@code k}'s leaf value of every row to its output. */
    private void addTree(int k, float[] x, int width, int rows, float[] out) {
        int root = roots[k];
        int g = group[k];
        int r = 0;
        if (adjacent) {
            // four rows at a time, without branches and for the tree's full depth: the four walks overlap in
            // the processor instead of each waiting on mispredicted jumps (three times faster on real rows)
            int levels = depth[k];
            for (; r + 4 <= rows; r += 4) {
                int o0 = r * width;
                int o1 = o0 + width;
                int o2 = o1 + width;
                int o3 = o2 + width;
                int n0 = root;
                int n1 = root;
                int n2 = root;
                int n3 = root;
                for (int d = 0; d < levels; d++) {
                    n0 = next(n0, x[o0 + feature[n0]]);
                    n1 = next(n1, x[o1 + feature[n1]]);
                    n2 = next(n2, x[o2 + feature[n2]]);
                    n3 = next(n3, x[o3 + feature[n3]]);
                }
                out[r * groups + g] += value[n0];
                out[(r + 1) * groups + g] += value[n1];
                out[(r + 2) * groups + g] += value[n2];
                out[(r + 3) * groups + g] += value[n3];
            }
        }
        for (; r < rows; r++) {
            int offset = r * width;
            int n = root;
            while (left[n] >= 0) {
                float v = x[offset + feature[n]];
                n = v < value[n] ? left[n] : v >= value[n] ? right[n] : defaultLeft[n] ? left[n] : right[n];
            }
            out[r * groups + g] += value[n];
        }
    }

    /** One level down without a branch: right when {@code v >= split} or missing with a right default. */
    private int next(int n, float v) {
        int right = v >= value[n] ? 1 : 0;
        int missing = v != v ? 1 : 0;
        return step[n] + ((right | (missing & missingRight[n])) & inner[n]);
    }

    private void softmax(float[] out, int at) {
        float max = out[at];
        for (int g = 1; g < groups; g++) {
            max = Math.max(max, out[at + g]);
        }
        float sum = 0;
        for (int g = 0; g < groups; g++) {
            out[at + g] = (float) Math.exp(out[at + g] - max);
            sum += out[at + g];
        }
        for (int g = 0; g < groups; g++) {
            out[at + g] /= sum;
        }
    }
}
