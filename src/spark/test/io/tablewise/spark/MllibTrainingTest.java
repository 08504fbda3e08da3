package io.tablewise.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.apache.spark.ml.classification.GBTClassificationModel;
import org.apache.spark.ml.classification.GBTClassifier;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.regression.GBTRegressionModel;
import org.apache.spark.ml.regression.GBTRegressor;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import io.tablewise.engine.ExternalEngine;
import io.tablewise.engine.PathPolicy;
import io.tablewise.flow.json.FlowReader;
import io.tablewise.ml.ExternalModels;
import io.tablewise.ml.FeatureEncoder;
import io.tablewise.ml.LearnedModel;
import io.tablewise.ml.ProblemType;
import io.tablewise.model.ModelFiles;
import io.tablewise.model.TrainedModel;

/**
 * Models trained by Spark MLlib on every training row: MLlib's trees and weights, made into Tablewise models, score
 * every row as MLlib itself does; a flow's build trains on all its training rows (not the driver's sample), and the
 * model, saved in Tablewise's format, is as good as the data allows (the known probabilities' own AUC).
 */
class MllibTrainingTest {
    private static final int FEATURES = 4;

    @BeforeAll
    static void start() {
        SparkEngine.session(Map.of("master", "local[2]", "conf.spark.sql.shuffle.partitions", "4",
                "conf.spark.sql.files.maxPartitionBytes", "200000"));
    }

    @AfterAll
    static void stop() {
        SparkSession.active().stop();
    }

    /** Rows of features on a grid of tenths (so that rows sit exactly on MLlib's thresholds) and three targets. */
    private static double[][] rows(int n, long seed) {
        Random r = new Random(seed);
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] x = new double[FEATURES + 3];
            for (int f = 0; f < FEATURES; f++) {
                x[f] = Math.round(r.nextGaussian() * 10) / 10.0;
            }
            double z = 1.5 * x[0] - 2 * x[1] + (x[2] > 0.5 ? 1 : -0.5);
            x[FEATURES] = r.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0; // two classes
            x[FEATURES + 1] = z < -1 ? 0 : z < 1 ? 1 : 2; // three
            x[FEATURES + 2] = 3 * x[0] + x[1] * x[3] + r.nextGaussian(); // a number
            out[i] = x;
        }
        return out;
    }

    private static Dataset<Row> frame(double[][] rows, int label) {
        List<Row> out = new ArrayList<>();
        for (double[] x : rows) {
            out.add(RowFactory.create(x[label], Vectors.dense(java.util.Arrays.copyOf(x, FEATURES))));
        }
        return SparkSession.active().createDataFrame(out, new StructType().add("label", DataTypes.DoubleType)
                .add("features", new VectorUDT())).repartition(3);
    }

    private static Table table(double[][] rows) {
        Table t = Table.create("x");
        for (int f = 0; f < FEATURES; f++) {
            final int c = f;
            t.addColumns(DoubleColumn.create("x" + f, java.util.Arrays.stream(rows).mapToDouble(x -> x[c])));
        }
        return t;
    }

    private static int[] all(int n) {
        return java.util.stream.IntStream.range(0, n).toArray();
    }

    /** MLlib's own answers, row by row in the rows' order ({@code column} holds a vector or a number). */
    private static List<Row> answers(org.apache.spark.ml.Model<?> m, double[][] rows, int label, String column) {
        List<Row> ordered = new ArrayList<>();
        for (double[] x : rows) {
            ordered.add(RowFactory.create(x[label], Vectors.dense(java.util.Arrays.copyOf(x, FEATURES))));
        }
        Dataset<Row> in = SparkSession.active().createDataFrame(ordered, new StructType().add("label",
                DataTypes.DoubleType).add("features", new VectorUDT())).coalesce(1);
        return m.transform(in).select(column).collectAsList();
    }

    @Test
    void mllibsTreesAndWeightsScoreAsMllibScoresThem() {
        double[][] rows = rows(3000, 7);
        double[][] blank = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            blank[i] = rows[i].clone();
            if (i % 20 == 3) {
                blank[i][1] = Double.NaN; // blanks in training: MLlib sees the median, the saved trees route a blank
            }
        }
        Table t = table(blank);
        int[] all = all(rows.length);
        FeatureEncoder plain = ExternalModels.encoding(t, List.of("x0", "x1", "x2", "x3"), all, false);
        assertEquals(List.of("x0", "x1", "x2", "x3"), plain.featureNames(), "numbers encoded as they are");
        double median = plain.trainingMedians()[1];
        for (int i = 0; i < rows.length; i++) {
            rows[i][1] = Double.isNaN(blank[i][1]) ? median : rows[i][1];
        }

        GBTClassificationModel gbt = new GBTClassifier().setMaxIter(20).setMaxDepth(4).setSeed(1)
                .fit(frame(rows, FEATURES));
        LearnedModel trees = MllibTrainer.fromTrees(gbt.trees(), gbt.treeWeights(), ProblemType.BINARY,
                List.of("no", "yes"), plain);
        List<Row> expected = answers(gbt, rows, FEATURES, "probability");
        double[][] ours = trees.probabilities(t, all);
        for (int i = 0; i < rows.length; i++) {
            assertEquals(((Vector) expected.get(i).get(0)).apply(1), ours[i][1], 2e-6, "row " + i);
        }

        GBTRegressionModel reg = new GBTRegressor().setMaxIter(20).setMaxDepth(4).setSeed(1)
                .fit(frame(rows, FEATURES + 2));
        LearnedModel regTrees = MllibTrainer.fromTrees(reg.trees(), reg.treeWeights(), ProblemType.REGRESSION,
                List.of(), plain);
        expected = answers(reg, rows, FEATURES + 2, "prediction");
        double[] values = regTrees.values(t, all);
        for (int i = 0; i < rows.length; i++) {
            double want = expected.get(i).getDouble(0);
            assertEquals(want, values[i], 1e-5 * Math.max(1, Math.abs(want)), "row " + i);
        }

        FeatureEncoder scaled = ExternalModels.encoding(t, List.of("x0", "x1", "x2", "x3"), all, true);
        double[][] standardised = scaled(rows, scaled, t);
        LogisticRegressionModel binary = new LogisticRegression().setFamily("binomial").setStandardization(false)
                .fit(frame(standardised, FEATURES));
        ours = MllibTrainer.fromLogistic(binary, ProblemType.BINARY, List.of("no", "yes"), scaled)
                .probabilities(t, all);
        expected = answers(binary, standardised, FEATURES, "probability");
        for (int i = 0; i < rows.length; i++) {
            assertEquals(((Vector) expected.get(i).get(0)).apply(1), ours[i][1], 1e-12, "row " + i);
        }
        LogisticRegressionModel three = new LogisticRegression().setFamily("multinomial").setStandardization(false)
                .fit(frame(standardised, FEATURES + 1));
        ours = MllibTrainer.fromLogistic(three, ProblemType.MULTICLASS, List.of("low", "mid", "high"), scaled)
                .probabilities(t, all);
        expected = answers(three, standardised, FEATURES + 1, "probability");
        for (int i = 0; i < rows.length; i++) {
            for (int k = 0; k < 3; k++) {
                assertEquals(((Vector) expected.get(i).get(0)).apply(k), ours[i][k], 1e-12, "row " + i);
            }
        }
        LinearRegressionModel line = new LinearRegression().setStandardization(false)
                .fit(frame(standardised, FEATURES + 2));
        values = MllibTrainer.fromLinear(line, scaled).values(t, all);
        expected = answers(line, standardised, FEATURES + 2, "prediction");
        for (int i = 0; i < rows.length; i++) {
            assertEquals(expected.get(i).getDouble(0), values[i], 1e-12, "row " + i);
        }
    }

    /** The rows with their features as the encoder encodes them (the targets kept). */
    private static double[][] scaled(double[][] rows, FeatureEncoder e, Table t) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
            System.arraycopy(e.encode(t, i), 0, out[i], 0, FEATURES);
        }
        return out;
    }

    /** A CSV of {@code n} rows: x0..x3 (a tenth of x1 blank), a region, and y drawn from known probabilities. */
    private static double[] write(Path file, int n, long seed) throws Exception {
        Random r = new Random(seed);
        StringBuilder csv = new StringBuilder("x0,x1,x2,x3,region,y\n");
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            double[] x = new double[FEATURES];
            for (int f = 0; f < FEATURES; f++) {
                x[f] = Math.round(r.nextGaussian() * 100) / 100.0;
            }
            String region = new String[] {"north", "south", "서울"}[r.nextInt(3)];
            double z = 1.2 * x[0] - 1.5 * x[1] + (x[2] > 0.5 ? 1.5 : -0.5) + (region.equals("서울") ? 1 : 0) - 0.3;
            p[i] = 1 / (1 + Math.exp(-z));
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s%n", x[0], r.nextDouble() < 0.1 ? "" : x[1], x[2],
                    x[3], region, r.nextDouble() < p[i] ? "yes" : "no"));
        }
        Files.writeString(file, csv);
        return p;
    }

    private static ExternalEngine.Outcome run(Path dir, String algorithm, String target) throws Exception {
        var flow = new FlowReader().read("""
                {"format": "tablewise.flow", "formatVersion": 1, "name": "all rows",
                 "nodes": [
                  {"id": "read", "type": "data.import.csv", "typeVersion": 1, "params": {"path": "rows.csv"}},
                  {"id": "fill", "type": "transform.missing.impute", "typeVersion": 1,
                   "params": {"columns": ["x1"], "strategy": "mean"}},
                  {"id": "build", "type": "model.build", "typeVersion": 1,
                   "params": {"target": "%s", "seed": 3}},
                  {"id": "keep", "type": "model.export", "typeVersion": 1, "params": {"path": "model"}}],
                 "edges": [
                  {"from": {"node": "read", "port": "table"}, "to": {"node": "fill", "port": "table"}},
                  {"from": {"node": "fill", "port": "table"}, "to": {"node": "build", "port": "table"}},
                  {"from": {"node": "build", "port": "model"}, "to": {"node": "keep", "port": "model"}}]}
                """.formatted(target), "all-rows.flow");
        return new SparkEngine().run(new ExternalEngine.Request(flow, dir, dir, Map.of(), Map.of(
                "conf.tablewise.driverRows", "3000", "conf.tablewise.mllib", algorithm,
                "conf.tablewise.mllib.trees", "30"), PathPolicy.within(dir)), line -> { });
    }

    @Test
    void aBuildTrainsOnEveryTrainingRowAndIsAsGoodAsTheDataAllows(@TempDir Path dir) throws Exception {
        int n = 20_000;
        double[] p = write(dir.resolve("rows.csv"), n, 11);
        double oracle = aucOf(p, dir.resolve("rows.csv"));
        for (String algorithm : List.of("gbt", "linear")) {
            ExternalEngine.Outcome o = run(dir, algorithm, "y");
            assertTrue(o.ok(), o.toString());
            String note = o.nodes().get(2).note();
            long trained = Long.parseLong(note.replaceAll("(?s).*on all ([0-9,]+) training rows.*", "$1")
                    .replace(",", ""));
            assertTrue(trained > 15_500 && trained < 16_500, "about 80% of the rows, not the driver's 3,000: " + note);
            assertTrue(note.contains("learned on 3,") || note.contains("learned on 2,"), note);
            TrainedModel m = ModelFiles.load(modelFolder(dir));
            assertTrue(String.valueOf(m.info().get("algorithm")).contains("Spark MLlib"), m.info().toString());
            assertEquals(trained, ((Number) m.settings().get("trainingRows")).longValue());
            assertEquals(trained, ((Number) m.info().get("trainRows")).longValue(), "what the model view says");
            assertTrue(((Number) m.info().get("sampleTrainRows")).longValue() <= 3100, m.info().toString());
            Map<?, ?> held = (Map<?, ?>) m.info().get("heldOutOnSpark");
            assertEquals(n - trained, ((Number) held.get("rows")).longValue(), "every other row is a test row");
            double auc = ((Number) held.get("auc")).doubleValue();
            // the known probabilities step at x2 = 0.5: the trees can follow that, a linear model cannot quite
            double within = algorithm.equals("gbt") ? 0.02 : 0.04;
            assertTrue(auc > oracle - within && auc <= oracle + 0.02, algorithm + ": AUC " + auc + " against the "
                    + "known probabilities' " + oracle);
            assertTrue(algorithm.equals("gbt") ? m.model().decisionTrees().isPresent()
                    : m.model().linearWeights().isPresent(), "explained exactly like any model of its family");
            // the known model leans on x0, x1 and x2 and never on x3: so do the columns' importances
            List<String> ranked = m.importances().stream().map(i -> i.column()).toList();
            assertEquals(1.0, m.importances().stream().mapToDouble(i -> i.share()).sum(), 1e-9);
            assertTrue(ranked.indexOf("x3") > ranked.indexOf("x0") && ranked.indexOf("x3") > ranked.indexOf("x1")
                    && m.importances().get(0).share() > 0.2, algorithm + " " + m.importances());
            assertFalse(m.explanation() == null, "explained on the test rows");
            // the range of each number is the training rows', not the driver sample's: (seeded) the third smallest
            // and third largest x0 of all rows lie inside it
            Map<?, ?> x0 = ((List<?>) m.info().get("inputProfile")).stream().map(e -> (Map<?, ?>) e)
                    .filter(e -> e.get("name").equals("x0")).findFirst().orElseThrow();
            double[] sorted = Files.readAllLines(dir.resolve("rows.csv")).stream().skip(1)
                    .mapToDouble(l -> Double.parseDouble(l.split(",")[0])).sorted().toArray();
            assertTrue(((Number) x0.get("min")).doubleValue() <= sorted[2]
                    && ((Number) x0.get("max")).doubleValue() >= sorted[sorted.length - 3], x0 + " " + sorted[2]);
        }
    }

    @Test
    void boostedTreesOfThreeClassesAreRefusedWithTheWayRound(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("x1,b,grade\n");
        Random r = new Random(2);
        for (int i = 0; i < 600; i++) {
            double a = r.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%.3f,%.3f,%s%n", a, r.nextGaussian(), a < -0.5 ? "A" : a < 0.5
                    ? "B" : "C"));
        }
        Files.writeString(dir.resolve("rows.csv"), csv);
        ExternalEngine.Outcome o = run(dir, "gbt", "grade");
        assertFalse(o.ok());
        assertTrue(o.toString().contains("tell two classes apart") && o.toString().contains("tablewise.mllib=linear"),
                o.toString());
        ExternalEngine.Outcome linear = run(dir, "linear", "grade");
        assertTrue(linear.ok(), linear.toString());
    }

    private static Path modelFolder(Path dir) throws Exception {
        try (var files = Files.walk(dir.resolve("model"))) {
            return files.filter(f -> f.getFileName().toString().equals("manifest.json")).findFirst().orElseThrow()
                    .getParent();
        }
    }

    /** The AUC of the known probabilities against the drawn labels: the best any model can do on these rows. */
    private static double aucOf(double[] p, Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        List<double[]> scored = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            scored.add(new double[] {p[i - 1], lines.get(i).endsWith(",yes") ? 1 : 0});
        }
        scored.sort((a, b) -> Double.compare(a[0], b[0]));
        double rankSum = 0;
        long positives = 0;
        for (int i = 0; i < scored.size(); i++) {
            if (scored.get(i)[1] == 1) {
                rankSum += i + 1;
                positives++;
            }
        }
        long negatives = scored.size() - positives;
        return (rankSum - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
    }
}
