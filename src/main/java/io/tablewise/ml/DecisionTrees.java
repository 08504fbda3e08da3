package io.tablewise.ml;

import java.util.List;

/**
 * A tree model's trees as plain arrays, for explaining its predictions: boosted trees and forests (XGBoost's trees,
 * routed as {@link TreeScorer} routes them) and the decision tree (Tribuo's tree with the training rows that reached
 * each node). Features are numbered as {@link FeatureEncoder#featureNames()}.
 *
 * @param trees the trees, in the order their values are added
 * @param base the output before any tree, per output (XGBoost's base score; 0 for a decision tree)
 * @param outputs the number of outputs: one per class for classification, one for regression
 * @param xgboostRouting true for XGBoost's rule (features as 32-bit floats, {@code x < split} goes left, a missing
 *     value takes the default branch); false for Tribuo's ({@code x <= split} goes left, a missing value is 0)
 * @param margins true when outputs are margins that the objective turns into probabilities (XGBoost's softmax);
 *     false when they are the probabilities or values themselves (the decision tree)
 */
public record DecisionTrees(List<Tree> trees, double[] base, int outputs, boolean xgboostRouting, boolean margins) {
    /** Copies the list. */
    public DecisionTrees {
        trees = List.copyOf(trees);
    }

    /**
     * One tree. Node arrays are indexed by node id; a leaf has {@code left < 0}.
     *
     * @param left left child, or -1 at a leaf
     * @param right right child, or -1 at a leaf
     * @param feature the split's feature (encoder numbering), or -1 for a feature the encoder does not know
     * @param split the split value
     * @param defaultLeft where a missing value goes (XGBoost routing)
     * @param cover the training weight that reached each node (XGBoost's hessian sum, or the row count)
     * @param leaf a leaf's value per output it adds to ({@code leaf[node].length} is 1 or {@code outputs})
     * @param output the output this tree adds to, or -1 when its leaves hold a value for every output
     */
    public record Tree(int[] left, int[] right, int[] feature, double[] split, boolean[] defaultLeft, double[] cover,
                       double[][] leaf, int output) {
        /** Number of nodes. */
        public int size() {
            return left.length;
        }

        /** Whether node {@code n} is a leaf. */
        public boolean isLeaf(int n) {
            return left[n] < 0;
        }
    }

    /** The child of inner node {@code n} that a row with value {@code v} of its feature goes to. */
    public int next(Tree t, int n, double v) {
        if (xgboostRouting) {
            if (Double.isNaN(v)) {
                return t.defaultLeft()[n] ? t.left()[n] : t.right()[n];
            }
            return (float) v < t.split()[n] ? t.left()[n] : t.right()[n];
        }
        double x = Double.isNaN(v) ? 0 : v; // Tribuo leaves a missing feature out of the example: it reads as 0
        return x <= t.split()[n] ? t.left()[n] : t.right()[n];
    }

    /** The largest depth of any tree (edges from root to the deepest leaf). */
    public int maxDepth() {
        int most = 0;
        for (Tree t : trees) {
            most = Math.max(most, depth(t, 0));
        }
        return most;
    }

    private static int depth(Tree t, int n) {
        return t.isLeaf(n) ? 0 : 1 + Math.max(depth(t, t.left()[n]), depth(t, t.right()[n]));
    }
}
