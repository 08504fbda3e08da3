package io.tablewise.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tablewise.explain.ModelExplanation;
import io.tablewise.explain.PartialDependence;
import io.tablewise.explain.ShapValues;
import io.tablewise.explain.Waterfall;
import io.tablewise.node.NodeParams;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.transform.Transform;
import io.tablewise.transform.TransformCatalog;
import io.tablewise.transform.TransformChain;
import io.tablewise.transform.TransformNode;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A built model's explanations through the whole pipeline: reported by the raw columns the transforms started from,
 * adding up to the prediction the Predictor gives, kept in the model folder, and shown as a waterfall whose end is the
 * predicted probability.
 */
class ExplanationsTest {
    @TempDir
    Path dir;

    /** x1 and x2 drive the target through x1 * x2 (a formula column) and region (one-hot encoded). */
    private static Table data() {
        java.util.Random r = new java.util.Random(4);
        int n = 1500;
        DoubleColumn x1 = DoubleColumn.create("x1");
        DoubleColumn x2 = DoubleColumn.create("x2");
        DoubleColumn noise = DoubleColumn.create("noise");
        StringColumn region = StringColumn.create("region");
        StringColumn y = StringColumn.create("y");
        for (int i = 0; i < n; i++) {
            double a = r.nextGaussian();
            double b = r.nextGaussian();
            String g = List.of("서울", "부산", "대구").get(r.nextInt(3));
            x1.append(a);
            x2.append(b);
            noise.append(r.nextGaussian());
            region.append(g);
            double margin = 2 * a * b + (g.equals("부산") ? 1.5 : -0.5) + 0.3 * r.nextGaussian();
            y.append(margin > 0 ? "yes" : "no");
        }
        return Table.create("t", x1, x2, noise, region, y);
    }

    private static TransformChain.Step step(String id, Map<String, Object> set) {
        Transform t = TransformCatalog.all().stream().filter(x -> x.spec().id().equals("transform." + id))
                .findFirst().orElseThrow();
        return new TransformChain.Step(t, NodeParams.withDefaults(new TransformNode(t).descriptor(), set));
    }

    @Test
    void aModelWithTransformsIsExplainedByItsRawColumns() throws Exception {
        Table raw = data();
        TransformChain chain = new TransformChain(List.of(
                step("formula.column", Map.of("name", "product", "formula", "x1 * x2")),
                step("encode.one-hot", Map.of("columns", List.of("region")))));
        TrainedModel m = ModelBuilder.build(raw, chain, BuildOptions.of("y").withAlgorithm("xgboost"),
                ProgressMonitor.NONE);
        ModelExplanation e = m.explanation();
        assertNotNull(e);
        assertEquals("x1 + x2", e.columnGroups().get("product"), e.columnGroups().toString());
        assertTrue(e.columnGroups().keySet().stream().filter(c -> c.startsWith("region=")).allMatch(
                c -> e.columnGroups().get(c).equals("region")), e.columnGroups().toString());
        List<String> reported = e.summary().columns().stream().map(c -> c.column()).toList();
        assertEquals("x1 + x2", reported.get(0), "the interaction drives the target: " + reported);
        assertTrue(reported.contains("region") && reported.stream().noneMatch(c -> c.startsWith("region=")));

        Table rows = io.tablewise.transform.Columns.gather(raw, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        ShapValues v = Explanations.explain(m, rows, w -> { });
        Table scored = Predictor.predict(m, rows, w -> { });
        for (int i = 0; i < rows.rowCount(); i++) {
            double p = scored.doubleColumn("probability_yes").get(i);
            assertEquals(p, v.answer(v.totals()[i], 0), 1e-6);
            Waterfall w = Waterfall.of(v, i, 0, 2);
            assertEquals(p, w.end(), 1e-6, "the waterfall ends at the prediction");
            assertEquals(v.answer(v.base(), 0), w.start(), 1e-12);
            double walked = w.start();
            for (Waterfall.Step s : w.steps()) {
                assertEquals(walked, s.before(), 1e-12);
                walked = s.after();
            }
            assertTrue(Math.abs(w.steps().get(0).shap()) >= Math.abs(w.steps().get(1).shap()), "largest first");
        }
        Table withShap = Explanations.withShapColumns(m, scored, v);
        assertTrue(withShap.columnNames().containsAll(List.of("shap_base", "shap_x1 + x2", "shap_region",
                "shap_noise")), withShap.columnNames().toString());

        ModelFiles.save(m, dir.resolve("model"));
        TrainedModel back = ModelFiles.load(dir.resolve("model"));
        assertEquals(e.columnGroups(), back.explanation().columnGroups());
        assertEquals(e.summary().columns().get(0).meanAbs(), back.explanation().summary().columns().get(0).meanAbs(),
                1e-5 * e.summary().columns().get(0).meanAbs());
        ShapValues again = Explanations.explain(back, rows, w -> { });
        assertEquals(v.columns(), again.columns());
        for (int i = 0; i < rows.rowCount(); i++) {
            for (int c = 0; c < v.columns().size(); c++) {
                assertEquals(v.values()[i][0][c], again.values()[i][0][c], 1e-12, "the loaded model explains alike");
            }
        }
    }

    @Test
    void partialDependenceFollowsTheRawColumnThroughTheTransforms() throws Exception {
        Table raw = data();
        TransformChain chain = new TransformChain(List.of(
                step("encode.one-hot", Map.of("columns", List.of("region")))));
        TrainedModel m = ModelBuilder.build(raw, chain, BuildOptions.of("y").withAlgorithm("xgboost"),
                ProgressMonitor.NONE);
        PartialDependence region = m.explanation().dependence().stream().filter(p -> p.column().equals("region"))
                .findFirst().orElseThrow();
        assertTrue(!region.numeric() && region.grid().containsAll(List.of("서울", "부산", "대구")));
        int busan = region.grid().indexOf("부산");
        for (int g = 0; g < region.grid().size(); g++) {
            assertTrue(g == busan || region.average()[busan] > region.average()[g] + 0.2,
                    "부산 raises the probability of yes: " + java.util.Arrays.toString(region.average()));
        }
        PartialDependence x1 = m.explanation().dependence().stream().filter(p -> p.column().equals("x1"))
                .findFirst().orElseThrow();
        assertTrue(x1.numeric() && x1.at().length >= 10 && x1.lines().length == PartialDependence.LINES,
                x1.numeric() + " " + x1.grid() + " " + x1.lines().length);
        for (int g = 0; g < x1.at().length; g++) {
            double mean = 0;
            for (double[] line : x1.lines()) {
                mean += line[g];
            }
            assertTrue(Double.isFinite(mean));
        }
    }

    @Test
    void aDecisionTreeKeepsItsNodeCountsAndIsExplainedExactlyAfterLoading() throws Exception {
        TrainedModel m = ModelBuilder.build(data(), BuildOptions.of("y").withAlgorithm("cart"), ProgressMonitor.NONE);
        assertEquals(ShapValues.Method.TREE, Explanations.explainer(m).method());
        ModelFiles.save(m, dir.resolve("tree"));
        TrainedModel back = ModelFiles.load(dir.resolve("tree"));
        double[] cover = back.model().treeCover();
        assertEquals(m.model().treeCover().length, cover.length);
        assertEquals(m.info().get("trainRows"), (int) cover[0], "the root holds every training row");
        Table rows = io.tablewise.transform.Columns.gather(data(), new int[] {3, 4, 5});
        ShapValues v = Explanations.explain(back, rows, w -> { });
        assertEquals(ShapValues.Space.PROBABILITY, v.space());
        Table scored = Predictor.predict(back, rows, w -> { });
        for (int i = 0; i < 3; i++) {
            assertEquals(scored.doubleColumn("probability_yes").get(i), v.totals()[i][0], 1e-9);
        }
    }
}
