package io.tablewise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import io.tablewise.SharedData;
import io.tablewise.node.ProgressMonitor;

/**
 * Every build runs the insights report's leak check on its training rows and says so: a column recorded after the
 * outcome is named with what to do, and a near-perfect test score is called out; a clean table gets no warning.
 */
class LeakCheckBuildTest {
    /** x1, x2 honest and of equal weight; "followup" is set after the outcome (it nearly equals it). */
    private static Table generated(boolean leak) {
        Random r = new Random(11);
        int n = 3000;
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] after = new double[n];
        String[] y = new String[n];
        for (int i = 0; i < n; i++) {
            x1[i] = r.nextGaussian();
            x2[i] = r.nextGaussian();
            boolean yes = x1[i] + x2[i] + r.nextGaussian() > 0.5;
            y[i] = yes ? "yes" : "no";
            after[i] = (yes ? 10 : 0) + r.nextDouble();
        }
        Table t = Table.create("g", DoubleColumn.create("x1", x1), DoubleColumn.create("x2", x2),
                StringColumn.create("y", y));
        return leak ? t.addColumns(DoubleColumn.create("followup", after)) : t;
    }

    @SuppressWarnings("unchecked")
    private static List<String> warnings(TrainedModel m) {
        return (List<String>) m.info().getOrDefault("warnings", List.of());
    }

    @Test
    void aLeakIsNamedAndTheNearPerfectScoreCalledOut() throws Exception {
        TrainedModel leaky = ModelBuilder.build(generated(true), new BuildOptions("y", null, List.of(), "auc", 0.2, 3),
                ProgressMonitor.NONE);
        List<String> w = warnings(leaky);
        assertTrue(w.stream().anyMatch(s -> s.startsWith("possible leak: 'followup' alone predicts the target")
                && s.contains("exclude it")), w.toString());
        assertTrue(w.stream().anyMatch(s -> s.startsWith("near-perfect test auc")), w.toString());
        assertTrue(ModelReportHtml.render(leaky, "g.csv").contains("Before you trust this model"));

        TrainedModel clean = ModelBuilder.build(generated(false), new BuildOptions("y", null, List.of(), "auc", 0.2,
                3), ProgressMonitor.NONE);
        assertEquals(List.of(), warnings(clean));
    }

    @Test
    void bankMarketingsCallDurationIsFlaggedAtBuildTime() throws Exception {
        Table bank = SharedData.table("bank-additional-full.csv");
        TrainedModel m = ModelBuilder.build(bank, new BuildOptions("y", null, List.of(), "auc", 0.2, 1),
                ProgressMonitor.NONE);
        List<String> w = warnings(m);
        assertTrue(w.stream().anyMatch(s -> s.startsWith("possible leak: 'duration'")), w.toString());
    }
}
