package io.tablewise.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import io.tablewise.SharedData;
import io.tablewise.ml.ProblemType;
import io.tablewise.node.NodeException;
import io.tablewise.node.ProgressMonitor;

/** The quick build on real data, the model folder round trip, refusing tampered files, and raw-data prediction. */
class ModelBuildAndPredictTest {
    static Table bank;
    static TrainedModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void build() throws Exception {
        bank = SharedData.table("bank-additional-full.csv");
        model = ModelBuilder.build(bank, new BuildOptions("y", null, List.of("duration"), null, 0.2, 42),
                ProgressMonitor.NONE);
    }

    @Test
    void bankMarketingWithoutDurationReachesTheQuickBuildGoal() {
        assertEquals(ProblemType.BINARY, model.problemType());
        assertEquals("yes", model.positiveClass());
        // goal: test AUC >= 0.80 (scikit-learn HistGradientBoosting reaches 0.8123 on this split)
        assertTrue(model.evaluation().metrics().get("auc") >= 0.80, model.evaluation().metrics().toString());
        assertEquals(8238, model.evaluation().confusion().total(), "20% of 41,188 rows, stratified");
        assertTrue(model.threshold() > 0 && model.threshold() < 0.5, "threshold " + model.threshold());
        assertTrue(model.inputs().stream().noneMatch(c -> c.name().equals("duration") || c.name().equals("y")));
    }

    @Test
    void permutationImportanceFindsTheLeakOnUnseenRows() throws Exception {
        assertTrue(model.permutation().get(0).share() > 0.005, model.permutation().toString());
        Table small = bank.first(12_000);
        TrainedModel leaky = ModelBuilder.build(small, new BuildOptions("y", null, List.of(), null, 0.2, 5),
                ProgressMonitor.NONE);
        assertEquals("duration", leaky.permutation().get(0).column(), leaky.permutation().toString());
        assertTrue(leaky.permutation().get(0).share() > 0.05, "shuffling duration costs AUC");
    }

    @Test
    void aSavedModelPredictsExactlyLikeTheOriginal() throws Exception {
        Path folder = dir.resolve("model");
        ModelFiles.save(model, folder);
        ModelFiles.save(model, folder);
        assertTrue(Files.isDirectory(dir.resolve("model.bak")), "the previous model is kept as a backup");
        TrainedModel back = ModelFiles.load(folder);
        assertEquals(model.threshold(), back.threshold());
        assertEquals(model.inputs(), back.inputs());
        assertEquals(model.evaluation().metrics(), back.evaluation().metrics());
        assertEquals(model.permutation(), back.permutation());
        int[] rows = java.util.stream.IntStream.range(0, 500).toArray();
        double[][] a = model.model().probabilities(bank, rows);
        double[][] b = back.model().probabilities(bank, rows);
        for (int i = 0; i < rows.length; i++) {
            assertArrayEquals(a[i], b[i], 0.0);
        }
    }

    @Test
    void tamperedOrForeignModelFilesFailWithAMessage() throws Exception {
        Path folder = dir.resolve("m");
        ModelFiles.save(model, folder);
        Files.write(folder.resolve("model.tribuo"), "not a model at all".getBytes());
        IOException garbage = assertThrows(IOException.class, () -> ModelFiles.load(folder));
        assertTrue(garbage.getMessage().contains("model.tribuo"), garbage.getMessage());

        org.tribuo.protos.core.ModelProto foreign = org.tribuo.protos.core.ModelProto.newBuilder()
                .setClassName("java.lang.ProcessBuilder").setVersion(0).build();
        try (var out = Files.newOutputStream(folder.resolve("model.tribuo"))) {
            foreign.writeTo(out);
        }
        IOException refused = assertThrows(IOException.class, () -> ModelFiles.load(folder));
        assertTrue(refused.getMessage().contains("java.lang.ProcessBuilder") && refused.getMessage().contains(
                "does not load"), refused.getMessage());

        Files.writeString(folder.resolve("manifest.json"), "{\"format\": \"tablewise.model\", \"formatVersion\": 9}");
        IOException newer = assertThrows(IOException.class, () -> ModelFiles.load(folder));
        assertTrue(newer.getMessage().contains("format version 9"), newer.getMessage());
        IOException none = assertThrows(IOException.class, () -> ModelFiles.load(dir.resolve("nothing")));
        assertTrue(none.getMessage().contains("no manifest.json"), none.getMessage());
    }

    @Test
    void rawDataIsCheckedConvertedAndScored() throws Exception {
        Table raw = bank.first(300).copy();
        raw.removeColumns("y");
        // age arrives as text, a job never seen in training, and an extra column
        StringColumn age = StringColumn.create("age", raw.intColumn("age").asList().stream().map(String::valueOf)
                .toList());
        raw.replaceColumn("age", age);
        raw.stringColumn("marital").set(0, "astronaut");
        raw.addColumns(StringColumn.create("note", java.util.Collections.nCopies(300, "x")));
        List<String> warnings = new ArrayList<>();
        Table scored = Predictor.predict(model, raw, warnings::add);
        assertEquals(300, scored.rowCount());
        assertTrue(scored.columnNames().containsAll(List.of("note", "prediction", "probability_no",
                "probability_yes")));
        // marital has 4 values, all kept by the encoder: a fifth one is news (job's rare values are 'other')
        assertTrue(warnings.stream().anyMatch(w -> w.contains("marital") && w.contains("astronaut")),
                warnings.toString());
        double[][] p = model.model().probabilities(bank, java.util.stream.IntStream.range(1, 300).toArray());
        assertEquals(p[0][1], scored.doubleColumn("probability_yes").get(2 - 1), 1e-12, "same as on typed data");
        long yes = Arrays.stream(scored.stringColumn("prediction").asObjectArray()).filter("yes"::equals).count();
        long expected = Arrays.stream(scored.doubleColumn("probability_yes").asDoubleArray())
                .filter(v -> v >= model.threshold()).count();
        assertEquals(expected, yes, "binary predictions follow the stored threshold");

        Table missing = raw.copy();
        missing.removeColumns("euribor3m", "month");
        NodeException e = assertThrows(NodeException.class, () -> Predictor.predict(model, missing, w -> { }));
        assertTrue(e.getMessage().contains("'month', 'euribor3m'") || e.getMessage().contains("'euribor3m', "
                + "'month'"), e.getMessage());
    }

    @Test
    void aSingleRowGivenAsTextScoresLikeTheSameRowOfAFile() throws Exception {
        java.util.Map<String, String> row = new java.util.LinkedHashMap<>();
        for (var c : model.inputs()) {
            row.put(c.name(), bank.column(c.name()).getString(5));
        }
        row.put("favourite colour", "blue");
        List<String> warnings = new ArrayList<>();
        Table one = Predictor.predictOne(model, row, warnings::add);
        double expected = model.model().probabilities(bank, new int[] {5})[0][1];
        assertEquals(expected, one.doubleColumn("probability_yes").get(0), 1e-12);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("favourite colour")), warnings.toString());
        row.put("age", "forty");
        List<String> bad = new ArrayList<>();
        Predictor.predictOne(model, row, bad::add);
        assertTrue(bad.stream().anyMatch(w -> w.contains("age") && w.contains("forty")), bad.toString());
    }

    @Test
    void regressionAndMulticlassBuilds() throws Exception {
        TrainedModel wine = ModelBuilder.build(SharedData.table("winequality-red.csv"), new BuildOptions("quality",
                ProblemType.REGRESSION, List.of(), null, 0.2, 42), ProgressMonitor.NONE);
        assertTrue(wine.evaluation().metrics().get("r2") > 0.3, wine.evaluation().metrics().toString());
        TrainedModel iris = ModelBuilder.build(SharedData.table("iris.csv"), BuildOptions.of("species"),
                ProgressMonitor.NONE);
        assertEquals(ProblemType.MULTICLASS, iris.problemType());
        assertTrue(iris.evaluation().metrics().get("accuracy") >= 0.85, iris.evaluation().metrics().toString());
        assertEquals(ProblemType.MULTICLASS, ModelBuilder.detect(SharedData.table("winequality-red.csv")
                .column("quality")), "a small-integer target is classes unless asked otherwise");
    }

    @Test
    void givenTestRowsAreTheOnesEvaluated() throws Exception {
        // a benchmark's reference split: the first 300 rows are the test rows, every other row trains
        Table wine = SharedData.table("winequality-red.csv");
        int[] first = java.util.stream.IntStream.range(0, 300).toArray();
        TrainedModel m = ModelBuilder.build(wine, new io.tablewise.transform.TransformChain(List.of()),
                new BuildOptions("quality", ProblemType.REGRESSION, List.of(), "rmse", 0.2, 42), first,
                ProgressMonitor.NONE);
        assertEquals(300, ((Number) m.info().get("testRows")).intValue());
        assertEquals(wine.rowCount() - 300, ((Number) m.info().get("trainRows")).intValue());
        // the reported RMSE is the one of the model's own predictions of exactly those rows
        Table scored = Predictor.predict(m, wine.first(300), w -> { });
        double squares = 0;
        for (int i = 0; i < 300; i++) {
            double e = scored.numberColumn("prediction").getDouble(i) - wine.numberColumn("quality").getDouble(i);
            squares += e * e;
        }
        assertEquals(Math.sqrt(squares / 300), m.evaluation().metrics().get("rmse"), 1e-9);
    }

    @Test
    void theAutoSearchIsReproducibleAndKeepsTheTestRowsOut() throws Exception {
        Table wine = SharedData.table("winequality-red.csv");
        BuildOptions o = new BuildOptions("quality", ProblemType.REGRESSION, List.of(), "rmse", 0.2, 9)
                .auto(600, 5);
        TrainedModel a = ModelBuilder.build(wine, o, ProgressMonitor.NONE);
        TrainedModel b = ModelBuilder.build(wine, o, ProgressMonitor.NONE);
        assertEquals(withoutTimes(a), withoutTimes(b), "same data, options and seed");
        assertEquals(a.evaluation().metrics(), b.evaluation().metrics());
        @SuppressWarnings("unchecked")
        List<java.util.Map<String, Object>> board = (List<java.util.Map<String, Object>>) a.info().get("leaderboard");
        assertEquals(5, board.size(), "five candidates, each listed once (the best two scored again on all rows)");
        assertEquals(5, a.info().get("candidates"));
        double best = ((Number) board.get(0).get("validationRmse")).doubleValue();
        for (int i = 1; i < 2; i++) {
            assertTrue(((Number) board.get(i).get("validationRmse")).doubleValue() >= best, "sorted best first");
        }
        java.util.Map<String, Object> finalSettings = new java.util.LinkedHashMap<>(a.settings());
        assertEquals(board.get(0).get("algorithm"), a.info().get("algorithm"), "the best family is the final model's");
        finalSettings.remove("algorithm");
        assertEquals(board.get(0).get("settings"), finalSettings, "the best settings are the final model's");
        assertTrue(a.evaluation().metrics().get("r2") > 0.3, a.evaluation().metrics().toString());

        // the search sees training rows only: changing every test-row target leaves the leaderboard unchanged
        Table changed = wine.copy();
        int[] all = java.util.stream.IntStream.range(0, wine.rowCount()).toArray();
        int[] test = io.tablewise.ml.RowSampler.split(all, null, 0.2, 9)[1];
        for (int r : test) {
            changed.intColumn("quality").set(r, 3);
        }
        TrainedModel c = ModelBuilder.build(changed, o, ProgressMonitor.NONE);
        assertEquals(withoutTimes(a), withoutTimes(c));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAutoSearchTriesEveryAlgorithmFamily() throws Exception {
        Table wine = SharedData.table("winequality-red.csv");
        TrainedModel m = ModelBuilder.build(wine, new BuildOptions("quality", ProblemType.MULTICLASS, List.of(),
                "accuracy", 0.2, 3).auto(600, 6), ProgressMonitor.NONE);
        List<java.util.Map<String, Object>> board = (List<java.util.Map<String, Object>>) m.info().get("leaderboard");
        java.util.Set<Object> families = new java.util.TreeSet<>();
        board.forEach(row -> families.add(row.get("algorithm")));
        assertEquals(java.util.Set.of("gradient-boosted trees (XGBoost)", "random forest (XGBoost forest mode)",
                "logistic regression (LibLinear)", "logistic regression (SGD)", "decision tree (CART)",
                "k nearest neighbours"), families, "each family's defaults come first");
        assertEquals(6, board.size(), "each candidate once: the finalists with their full-size score");
        // 1,279 training rows: the two finalists are compared by 5-fold cross-validation, the rest on held-out rows
        assertEquals(List.of("5-fold cross-validation on the training rows",
                "5-fold cross-validation on the training rows"), board.subList(0, 2).stream()
                .map(r -> r.get("validatedBy")).toList());
        assertEquals("20% of the training rows held out", board.get(2).get("validatedBy"));
        for (java.util.Map<String, Object> row : board) {
            double spread = ((Number) row.get("spread")).doubleValue();
            assertTrue(spread > 0 && spread < 0.2, "spread over five validation slices: " + row);
        }
        assertEquals(board.get(0).get("algorithm"), m.info().get("algorithm"));
        assertTrue(m.evaluation().metrics().get("accuracy") > 0.55, m.evaluation().metrics().toString());

        // the HTML report lists every candidate, best first, with its score as the leaderboard has it
        String html = ModelReportHtml.render(m, "winequality-red.csv");
        String section = html.substring(html.indexOf("<h2>AutoML leaderboard</h2>"));
        assertEquals(board.size(), section.split("<tr><td>", -1).length - 1, "one row per candidate");
        String first = section.substring(section.indexOf("<tr><td>1</td>"), section.indexOf("</tr>",
                section.indexOf("<tr><td>1</td>")));
        assertTrue(first.contains(String.format(java.util.Locale.ROOT, "%.4f ± %.4f",
                ((Number) board.get(0).get("validationAccuracy")).doubleValue(),
                ((Number) board.get(0).get("spread")).doubleValue())), first);
        assertTrue(first.contains("5-fold cross-validation"), first);
    }

    @Test
    void theQuickBuildTakesTheChosenAlgorithmAndRefusesAMismatch() throws Exception {
        Table wine = SharedData.table("winequality-red.csv");
        BuildOptions o = new BuildOptions("quality", ProblemType.REGRESSION, List.of(), null, 0.2, 42);
        TrainedModel forest = ModelBuilder.build(wine, o.withAlgorithm("forest"), ProgressMonitor.NONE);
        assertEquals("random forest (XGBoost forest mode)", forest.info().get("algorithm"));
        assertEquals(100, forest.settings().get("trees"));
        assertFalse(ModelReportHtml.render(forest, "wine").contains("AutoML leaderboard"), "a quick build has none");
        assertTrue(forest.evaluation().metrics().get("r2") > 0.35, forest.evaluation().metrics().toString());
        NodeException knn = assertThrows(NodeException.class, () -> ModelBuilder.build(wine,
                o.withAlgorithm("knn"), ProgressMonitor.NONE));
        assertEquals("algorithm", knn.param());
        assertTrue(knn.getMessage().contains("classes only"), knn.getMessage());
        NodeException unknown = assertThrows(NodeException.class, () -> ModelBuilder.build(wine,
                o.withAlgorithm("svm"), ProgressMonitor.NONE));
        assertTrue(unknown.getMessage().contains("'svm'") && unknown.getMessage().contains("liblinear"),
                unknown.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static List<java.util.Map<String, Object>> withoutTimes(TrainedModel m) {
        List<java.util.Map<String, Object>> out = new ArrayList<>();
        for (java.util.Map<String, Object> row : (List<java.util.Map<String, Object>>) m.info().get("leaderboard")) {
            java.util.Map<String, Object> copy = new java.util.LinkedHashMap<>(row);
            copy.remove("fitSeconds");
            copy.remove("predictSeconds");
            out.add(copy);
        }
        return out;
    }

    /** The sample project's customer table. */
    private static Table churn() throws Exception {
        return new io.tablewise.data.csv.DelimitedReader().read(
                Path.of("projects-sample/customer-churn/data/customers.csv"),
                io.tablewise.data.csv.CsvOptions.defaults(), ProgressMonitor.NONE).table();
    }

    @Test
    void theThresholdIsChosenWithoutLookingAtTheTestRows() throws Exception {
        Table churn = churn();
        BuildOptions o = new BuildOptions("churned", null, List.of("customer_id"), "f1", 0.2, 3);
        TrainedModel a = ModelBuilder.build(churn, o, ProgressMonitor.NONE);
        // scramble the inputs of the test rows (the stratified split depends on the target only, so the same rows
        // stay in the test set): the threshold must not move, the test metrics must
        Table scrambled = churn.copy();
        int[] all = java.util.stream.IntStream.range(0, churn.rowCount()).toArray();
        int[] test = io.tablewise.ml.RowSampler.split(all, io.tablewise.ml.Values.labels(churn.column("churned")),
                0.2, 3)[1];
        for (int k = 0; k < test.length; k++) {
            int from = test[(k * 7919) % test.length];
            scrambled.stringColumn("contract").set(test[k], churn.stringColumn("contract").get(from));
            scrambled.intColumn("tenure_months").set(test[k], churn.intColumn("tenure_months").get(from));
        }
        TrainedModel b = ModelBuilder.build(scrambled, o, ProgressMonitor.NONE);
        assertEquals(a.threshold(), b.threshold(), "the test rows play no part in the threshold");
        assertTrue(b.evaluation().metrics().get("auc") < a.evaluation().metrics().get("auc") - 0.02,
                "while the test metrics do see them");
        assertEquals(a.threshold(), a.evaluation().threshold());
    }

    @Test
    void aThresholdChosenByTheAnalystIsStoredAndEvaluated() throws Exception {
        Table churn = churn();
        BuildOptions o = new BuildOptions("churned", null, List.of("customer_id"), "f1", 0.2, 3);
        TrainedModel chosen = ModelBuilder.build(churn, o, ProgressMonitor.NONE);
        TrainedModel kept = ModelBuilder.build(churn, o.withThreshold(0.7), ProgressMonitor.NONE);
        assertEquals(0.7, kept.threshold());
        assertEquals(0.7, kept.evaluation().threshold());
        // same split and trees: the confusion matrix at 0.7 is the row the first model's threshold grid has for 0.7
        io.tablewise.ml.Evaluation.ThresholdRow row = chosen.evaluation().thresholds().stream()
                .filter(r -> Math.abs(r.threshold() - 0.7) < 1e-9).findFirst().orElseThrow();
        long[][] m = kept.evaluation().confusion().counts();
        assertArrayEquals(new long[] {row.tn(), row.fp(), row.fn(), row.tp()},
                new long[] {m[0][0], m[0][1], m[1][0], m[1][1]});
        assertEquals(chosen.evaluation().metrics().get("auc"), kept.evaluation().metrics().get("auc"), 1e-12);
        Table one = Predictor.predict(kept, churn.first(200), w -> { });
        String positive = kept.positiveClass();
        for (int i = 0; i < one.rowCount(); i++) {
            double p = one.doubleColumn("probability_" + positive).get(i);
            assertEquals(p >= 0.7, one.getString(i, "prediction").equals(positive), "row " + i);
        }
    }

    @Test
    void badBuildRequestsNameTheParameter() {
        NodeException e = assertThrows(NodeException.class, () -> ModelBuilder.build(bank, BuildOptions.of("yy"),
                ProgressMonitor.NONE));
        assertEquals("target", e.param());
        assertTrue(e.getMessage().contains("did you mean 'y'"), e.getMessage());
        NodeException regression = assertThrows(NodeException.class, () -> ModelBuilder.build(bank,
                new BuildOptions("job", ProblemType.REGRESSION, List.of(), null, 0.2, 1), ProgressMonitor.NONE));
        assertEquals("problemType", regression.param());
    }
}
