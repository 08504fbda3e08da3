package io.tablewise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import io.tablewise.ml.NativeBoostingAccess;
import io.tablewise.ml.ProblemType;
import io.tablewise.node.NodeException;
import io.tablewise.node.ProgressMonitor;

/**
 * The leaderboard lists each candidate once (a finalist rescored on all rows is not a second candidate), so "the best
 * of N" never exceeds the flow's cap; and where XGBoost's native library does not load (Apple silicon), automatic
 * builds use the other families and a build that asks for boosted trees is refused with the reason.
 */
class AutoMlCandidatesTest {
    @AfterEach
    void realProbe() {
        NativeBoostingAccess.pretendUnavailable(null);
    }

    /** y = 1 when x1 + x2 + noise > 0. */
    private static Table generated(int n) {
        Random r = new Random(5);
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        String[] y = new String[n];
        for (int i = 0; i < n; i++) {
            x1[i] = r.nextGaussian();
            x2[i] = r.nextGaussian();
            y[i] = x1[i] + x2[i] + 0.5 * r.nextGaussian() > 0 ? "yes" : "no";
        }
        return Table.create("g", DoubleColumn.create("x1", x1), DoubleColumn.create("x2", x2),
                StringColumn.create("y", y));
    }

    private static AutoMl.Result search(Table t, int cap) {
        int[] rows = IntStream.range(0, t.rowCount()).toArray();
        return AutoMl.search(t, "y", ProblemType.BINARY, List.of("x1", "x2"), rows, "auc", 20, cap, 3,
                ProgressMonitor.NONE);
    }

    @Test
    void eachCandidateIsOneRowAndTheCapHolds() {
        AutoMl.Result r = search(generated(600), 8);
        assertTrue(r.leaderboard().size() <= 8, "at most the cap: " + r.leaderboard().size());
        assertTrue(r.leaderboard().size() >= 6, "the families' defaults at least: " + r.leaderboard().size());
        long rescored = r.leaderboard().stream().filter(c -> c.rung() == 2).count();
        assertTrue(rescored >= 2, "finalists were rescored");
        Set<AutoMl.Candidate> firstRungOfFinalists = r.leaderboard().stream().filter(c -> c.rung() == 2)
                .flatMap(f -> r.leaderboard().stream().filter(c -> c.rung() == 1 && c.learner().equals(f.trained())))
                .collect(Collectors.toSet());
        assertEquals(Set.of(), firstRungOfFinalists, "a finalist is not listed a second time");
    }

    @Test
    void withoutXgboostTheOtherFamiliesBuildAndBoostedTreesAreRefusedByName() throws Exception {
        NativeBoostingAccess.pretendUnavailable("XGBoost's native library does not load on this computer (test)");
        AutoMl.Result r = search(generated(600), 12);
        Set<String> families = r.leaderboard().stream().map(c -> c.learner().id()).collect(Collectors.toSet());
        assertFalse(families.contains("xgboost") || families.contains("forest"), families.toString());
        assertTrue(families.containsAll(Set.of("liblinear", "cart")), families.toString());

        Table t = generated(300);
        BuildOptions quick = new BuildOptions("y", null, List.of(), "auc", 0.2, 1, "quick", 60, 8, Double.NaN,
                "xgboost");
        NodeException e = assertThrows(NodeException.class, () -> ModelBuilder.build(t, quick, ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("does not load on this computer")
                && e.getMessage().contains("Choose liblinear"), e.getMessage());
        BuildOptions cart = new BuildOptions("y", null, List.of(), "auc", 0.2, 1, "quick", 60, 8, Double.NaN,
                "cart");
        assertTrue(ModelBuilder.build(t, cart, ProgressMonitor.NONE).evaluation().metrics().get("auc") > 0.8);
    }
}
