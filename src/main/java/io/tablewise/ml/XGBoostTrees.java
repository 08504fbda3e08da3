package io.tablewise.ml;

import java.util.ArrayList;
import java.util.List;

import org.tribuo.common.xgboost.XGBoostModel;

/**
 * A boosted-tree or forest model's trees as {@link DecisionTrees}: the Java scorers' trees with XGBoost's feature
 * indices renumbered as the encoder's, and each tree's output put in {@link LearnedModel#classes()} order.
 */
final class XGBoostTrees {
    private XGBoostTrees() {
    }

    /**
     * The trees of {@code m} read from its boosters' {@code scorers}; {@code classOf} maps XGBoost's class index to
     * the model's. Null when a booster keeps no hessian sums.
     */
    static DecisionTrees of(LearnedModel m, List<TreeScorer> scorers, int[] classOf) {
        org.tribuo.ImmutableFeatureMap ids = ((XGBoostModel<?>) m.tribuoModel()).getFeatureIDMap();
        int[] featureOf = new int[ids.size()];
        java.util.Arrays.fill(featureOf, -1);
        List<String> names = m.encoder().featureNames();
        for (int f = 0; f < names.size(); f++) {
            int id = ids.getID(names.get(f));
            if (id >= 0) {
                featureOf[id] = f;
            }
        }
        boolean regression = m.type() == ProblemType.REGRESSION;
        List<DecisionTrees.Tree> all = new ArrayList<>();
        for (int b = 0; b < scorers.size(); b++) {
            List<DecisionTrees.Tree> trees = scorers.get(b).trees(featureOf);
            if (trees == null) {
                return null;
            }
            for (DecisionTrees.Tree t : trees) {
                // one booster of all classes (classification) or one booster per output (regression)
                int output = regression ? b : classOf[t.output()];
                all.add(new DecisionTrees.Tree(t.left(), t.right(), t.feature(), t.split(), t.defaultLeft(),
                        t.cover(), t.leaf(), output));
            }
        }
        int outputs = regression ? scorers.size() : m.classes().size();
        double[] base = new double[outputs];
        java.util.Arrays.fill(base, scorers.get(0).base());
        return new DecisionTrees(all, base, outputs, true, !regression);
    }
}
