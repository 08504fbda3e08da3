package io.tablewise.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Output;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.IndependentRegressionTreeModel;

/**
 * A Tribuo decision tree as {@link DecisionTrees} arrays: nodes numbered depth first, the {@code <=} child before the
 * other, leaves holding the class probabilities (classification) or the value (regression).
 */
final class TribuoTrees {
    private TribuoTrees() {
    }

    /** The tree of {@code m} (a Tribuo tree model) with {@code cover} per node (zeros when null). */
    static DecisionTrees of(LearnedModel m, double[] cover) {
        TreeModel<?> tree = (TreeModel<?>) m.tribuoModel();
        Node<?> root = tree instanceof IndependentRegressionTreeModel r ? r.getRoots().values().iterator().next()
                : tree.getRoot();
        ImmutableFeatureMap ids = tree.getFeatureIDMap();
        List<String> names = m.encoder().featureNames();
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int f = 0; f < names.size(); f++) {
            index.put(names.get(f), f);
        }
        List<Node<?>> nodes = new ArrayList<>();
        collect(root, nodes);
        int n = nodes.size();
        if (cover != null && cover.length != n) {
            throw new IllegalArgumentException("the saved node counts (" + cover.length + ") do not fit the tree ("
                    + n + " nodes)");
        }
        int[] left = new int[n];
        int[] right = new int[n];
        int[] feature = new int[n];
        double[] split = new double[n];
        double[][] leaf = new double[n][];
        Map<Node<?>, Integer> id = new java.util.IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            id.put(nodes.get(i), i);
        }
        int outputs = m.type() == ProblemType.REGRESSION ? 1 : m.classes().size();
        for (int i = 0; i < n; i++) {
            Node<?> node = nodes.get(i);
            if (node instanceof SplitNode<?> s) {
                left[i] = id.get(s.getLessThanOrEqual());
                right[i] = id.get(s.getGreaterThan());
                String name = ids.get(s.getFeatureID()).getName();
                feature[i] = index.getOrDefault(name, -1);
                split[i] = s.splitValue();
            } else {
                left[i] = -1;
                right[i] = -1;
                feature[i] = -1;
                leaf[i] = leafValues((LeafNode<?>) node, m, outputs);
            }
        }
        DecisionTrees.Tree t = new DecisionTrees.Tree(left, right, feature, split, new boolean[n],
                cover == null ? new double[n] : cover.clone(), leaf, -1);
        return new DecisionTrees(List.of(t), new double[outputs], outputs, false, false);
    }

    private static void collect(Node<?> node, List<Node<?>> out) {
        out.add(node);
        if (node instanceof SplitNode<?> s) {
            collect(s.getLessThanOrEqual(), out);
            collect(s.getGreaterThan(), out);
        }
    }

    private static double[] leafValues(LeafNode<? extends Output<?>> leaf, LearnedModel m, int outputs) {
        double[] v = new double[outputs];
        Output<?> o = leaf.getOutput();
        if (o instanceof Regressor r) {
            v[0] = r.getValues()[0];
            return v;
        }
        for (Map.Entry<String, ? extends Output<?>> e : leaf.getDistribution().entrySet()) {
            int c = m.classes().indexOf(e.getKey());
            if (c >= 0) {
                v[c] = ((Label) e.getValue()).getScore();
            }
        }
        return v;
    }
}
