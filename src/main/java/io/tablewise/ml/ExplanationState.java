package io.tablewise.ml;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * What explaining a model needs that its training rows alone can tell, measured when it is built and kept with it:
 * a decision tree's training rows per node (the cover exact TreeSHAP weighs branches with), and nearest neighbours'
 * seeded sample of encoded training rows (what a sampling estimate compares rows with).
 */
final class ExplanationState {
    private ExplanationState() {
    }

    /** The training rows that reached each node of the decision tree {@code m}, nodes numbered as TribuoTrees does. */
    static double[] treeCover(LearnedModel m, Table table, int[] rows) {
        DecisionTrees trees = TribuoTrees.of(m, null);
        DecisionTrees.Tree tree = trees.trees().get(0);
        double[] cover = new double[tree.size()];
        Column<?>[] source = m.encoder().columns(table);
        double[] x = new double[m.encoder().featureNames().size()];
        for (int r : rows) {
            m.encoder().encode(source, r, x);
            int n = 0;
            cover[0]++;
            while (!tree.isLeaf(n)) {
                n = trees.next(tree, n, tree.feature()[n] < 0 ? Double.NaN : x[tree.feature()[n]]);
                cover[n]++;
            }
        }
        return cover;
    }

    /** A seeded sample of at most {@link LearnedModel#BACKGROUND_ROWS} of {@code rows}, encoded. */
    static double[][] background(LearnedModel m, Table table, int[] rows) {
        int[] chosen = rows.clone();
        java.util.Random random = new java.util.Random(rows.length);
        int n = Math.min(LearnedModel.BACKGROUND_ROWS, chosen.length);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(chosen.length - i);
            int t = chosen[i];
            chosen[i] = chosen[j];
            chosen[j] = t;
        }
        return m.features(table, java.util.Arrays.copyOf(chosen, n));
    }
}
