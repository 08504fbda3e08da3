package io.tablewise.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Parameters learned elsewhere, made into Tablewise models: the scores follow from the given trees and weights by
 * hand, through the Java tree walk, XGBoost itself and Tribuo alike, and survive saving.
 */
class ExternalModelsTest {
    private static final double[] X1 = {1, 2.5, 2.6, 3, 7, 0.2};
    private static final double[] X2 = {0, 2, 0.5, 1.0, 4, 9};

    private static Table table() {
        return Table.create("t", DoubleColumn.create("x1", X1), DoubleColumn.create("x2", X2),
                StringColumn.create("y", "no", "yes", "no", "yes", "no", "yes"));
    }

    private static int[] all() {
        return new int[] {0, 1, 2, 3, 4, 5};
    }

    /**
     * x1 <= 2.5 ? 0.3 : (x2 <= 1.0 ? -0.2 : 0.7), and a stump on x2 <= 3 ? 0.1 : -0.4; the splits' gains 6 on x1,
     * 1 + 2 on x2.
     */
    private static List<ExternalModels.Tree> trees() {
        ExternalModels.Tree a = new ExternalModels.Tree(new int[] {1, -1, 3, -1, -1}, new int[] {2, -1, 4, -1, -1},
                new int[] {0, -1, 1, -1, -1}, new double[] {2.5, 0, 1.0, 0, 0}, new double[] {0, 0.3, 0, -0.2, 0.7},
                new double[] {6, 2, 4, 2, 2}, null, new double[] {6, 0, 1, 0, 0});
        ExternalModels.Tree b = new ExternalModels.Tree(new int[] {1, -1, -1}, new int[] {2, -1, -1},
                new int[] {1, -1, -1}, new double[] {3, 0, 0}, new double[] {0, 0.1, -0.4}, new double[] {6, 4, 2},
                null, new double[] {2, 0, 0});
        return List.of(a, b);
    }

    private static double byHand(int r) {
        double a = X1[r] <= 2.5 ? 0.3 : X2[r] <= 1.0 ? -0.2 : 0.7;
        return a + (X2[r] <= 3 ? 0.1 : -0.4);
    }

    @Test
    void boostedTreesScoreAsTheirLeavesAddUp(@TempDir Path dir) throws Exception {
        Table t = table();
        FeatureEncoder e = ExternalModels.encoding(t, List.of("x1", "x2"), all(), false);
        LearnedModel m = ExternalModels.boostedTrees(ProblemType.BINARY, List.of("no", "yes"), e, trees(), 0);
        double[][] java = m.probabilities(t, all());
        double[][] tribuo = m.tribuoProbabilities(t, all());
        for (int r = 0; r < X1.length; r++) {
            double p = 1 / (1 + Math.exp(-byHand(r)));
            assertEquals(p, java[r][1], 1e-6, "row " + r);
            assertEquals(1 - p, java[r][0], 1e-6, "row " + r);
            assertEquals(p, tribuo[r][1], 1e-6, "XGBoost itself, row " + r);
        }
        assertTrue(m.decisionTrees().isPresent(), "explained exactly, as any boosted model");
        var importances = m.importances();
        assertEquals("x1", importances.get(0).column());
        assertEquals(6 / 9.0, importances.get(0).share(), 1e-6, "the splits' gains, added up by column");
        assertEquals(3 / 9.0, importances.get(1).share(), 1e-6);
        Path file = dir.resolve("model.bin");
        m.saveModel(file);
        LearnedModel back = LearnedModel.load(file, ProblemType.BINARY, List.of("no", "yes"), e);
        assertEquals(java[3][1], back.probabilities(t, all())[3][1], 1e-12);

        LearnedModel reg = ExternalModels.boostedTrees(ProblemType.REGRESSION, List.of(), e, trees(), 10);
        double[] v = reg.values(t, all());
        for (int r = 0; r < X1.length; r++) {
            assertEquals(10 + byHand(r), v[r], 1e-5, "row " + r);
        }
        assertThrows(IllegalArgumentException.class, () -> ExternalModels.boostedTrees(ProblemType.MULTICLASS,
                List.of("a", "b", "c"), e, trees(), 0));
    }

    @Test
    void linearWeightsScoreAsTheirSums(@TempDir Path dir) throws Exception {
        Table t = table();
        FeatureEncoder e = ExternalModels.encoding(t, List.of("x1", "x2"), all(), false);
        LearnedModel m = ExternalModels.linear(ProblemType.BINARY, List.of("no", "yes"), e,
                new double[][] {{0, 0}, {0.5, -1.0}}, new double[] {0, 0.2});
        double[][] p = m.probabilities(t, all());
        for (int r = 0; r < X1.length; r++) {
            assertEquals(1 / (1 + Math.exp(-(0.5 * X1[r] - X2[r] + 0.2))), p[r][1], 1e-12, "row " + r);
        }
        Path file = dir.resolve("model.bin");
        m.saveModel(file);
        assertEquals(p[4][1], LearnedModel.load(file, ProblemType.BINARY, List.of("no", "yes"), e)
                .probabilities(t, all())[4][1], 1e-15);

        LearnedModel reg = ExternalModels.linear(ProblemType.REGRESSION, List.of(), e, new double[][] {{2, 3}},
                new double[] {-1});
        double[] v = reg.values(t, all());
        for (int r = 0; r < X1.length; r++) {
            assertEquals(2 * X1[r] + 3 * X2[r] - 1, v[r], 1e-12, "row " + r);
        }
    }

    @Test
    void aSplitAtAFloatsEdgeSendsTheThresholdLeft() {
        assertTrue(2.5 < ExternalModels.above(2.5));
        assertEquals(Math.nextUp(2.5f), ExternalModels.above(2.5));
        double t = 0.1; // not a float: its float lies above it, and must still go left
        assertTrue((float) t < ExternalModels.above(t));
        assertTrue((float) Math.nextDown(t) < ExternalModels.above(t));
    }
}
