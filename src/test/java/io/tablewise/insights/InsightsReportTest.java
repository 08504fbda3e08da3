package io.tablewise.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import io.tablewise.insights.QualityWarning.Kind;
import io.tablewise.ml.ProblemType;
import io.tablewise.ml.QuickModelResult;
import io.tablewise.node.ProgressMonitor;

class InsightsReportTest {
    @TempDir
    Path dir;

    private static InsightsReport profile(Table t, String target) throws Exception {
        return new InsightsProfiler().profile(t, InsightsOptions.defaults().withTarget(target, null),
                ProgressMonitor.NONE, "test");
    }

    private static boolean flagged(InsightsReport r, Kind kind, String column) {
        return r.warnings(kind).stream().anyMatch(w -> w.columns().contains(column));
    }

    @Test
    void bankMarketingFindsTheKnownProblems() throws Exception {
        InsightsReport r = profile(StatisticsReferenceTest.shared("bank-additional-full.csv"), "y");
        assertEquals(41_188, r.summary().rows());
        assertEquals(12, r.summary().duplicateRows(), "the file has 12 duplicate rows");
        assertTrue(flagged(r, Kind.TARGET_LEAKAGE, "duration"), "duration leaks the outcome");
        assertEquals("duration", r.predictionPower().get(0).column());
        QualityWarning sentinel = r.warnings(Kind.DISGUISED_MISSING).stream()
                .filter(w -> w.columns().contains("pdays")).findFirst().orElseThrow();
        assertTrue(sentinel.explanation().contains("999"), sentinel.explanation());
        assertTrue(flagged(r, Kind.DISGUISED_MISSING, "default"), "'unknown' in default");
        TargetSummary t = r.target();
        assertEquals(ProblemType.BINARY, t.problemType());
        assertEquals("yes", t.positiveClass());
        assertEquals(4_640 / 41_188.0, t.classes().get(1).share(), 1e-12);
        QualityWarning imbalance = r.warnings(Kind.CLASS_IMBALANCE).get(0);
        assertTrue(imbalance.explanation().contains("11.3%"), imbalance.explanation());
        assertTrue(flagged(r, Kind.CORRELATED_FEATURES, "euribor3m"), "euribor3m ~ emp.var.rate");
        assertEquals(SemanticType.BINARY, r.column("y").semanticType());
        assertEquals(SemanticType.CATEGORICAL, r.column("job").semanticType());
        // 12 pairs: the ten shown (the report shows ten rows) are each a row and its one copy
        assertEquals(10, r.duplicates().size());
        assertTrue(r.duplicates().stream().allMatch(d -> d.score() == 2));

        QuickModelResult q = r.quickModel();
        assertTrue(q.built(), q.notes().toString());
        assertEquals(41_188, q.trainRows() + q.testRows(), "the whole file fits in the 50,000-row sample");
        assertTrue(q.headline() > 0.92, "with duration the outcome is nearly known: AUC " + q.headline());
        assertEquals("duration", q.importances().get(0).column());
        assertEquals(q.testRows(), q.confusion().total());
    }

    @Test
    void titanicTypesMissingAndIdentifiers() throws Exception {
        InsightsReport r = profile(StatisticsReferenceTest.shared("titanic_train.csv"), "Survived");
        assertEquals(177, r.column("Age").missing());
        assertEquals(SemanticType.ID_LIKE, r.column("PassengerId").semanticType());
        assertEquals(SemanticType.TEXT, r.column("Name").semanticType());
        assertTrue(flagged(r, Kind.HEAVY_MISSING, "Cabin"));
        assertEquals(QualityWarning.Severity.HIGH, r.warnings(Kind.HEAVY_MISSING).stream()
                .filter(w -> w.columns().contains("Cabin")).findFirst().orElseThrow().severity());
        assertEquals("Sex", r.predictionPower().get(0).column());
        assertFalse(flagged(r, Kind.TARGET_LEAKAGE, "Sex"), "Sex is a strong feature, not a leak");
    }

    @Test
    void regressionTargetGetsRSquaredPower() throws Exception {
        Table t = StatisticsReferenceTest.shared("winequality-red.csv");
        InsightsReport r = new InsightsProfiler().profile(t, InsightsOptions.defaults()
                .withTarget("quality", ProblemType.REGRESSION), ProgressMonitor.NONE, "test");
        assertEquals("r2", r.predictionPower().get(0).metric());
        assertEquals("alcohol", r.predictionPower().get(0).column(), "alcohol is the strongest single predictor");
        assertTrue(r.predictionPower().get(0).score() > 0.1 && r.predictionPower().get(0).score() < 0.4);
    }

    @Test
    void powerIsNearZeroForNoiseAndHighForACopyOfTheTarget() throws Exception {
        java.util.Random random = new java.util.Random(1);
        int n = 4000;
        StringColumn target = StringColumn.create("target");
        DoubleColumn noise = DoubleColumn.create("noise");
        StringColumn copy = StringColumn.create("copy");
        for (int i = 0; i < n; i++) {
            String label = random.nextDouble() < 0.3 ? "yes" : "no";
            target.append(label);
            copy.append(label);
            noise.append(random.nextGaussian());
        }
        InsightsReport r = profile(Table.create("t", target, noise, copy), "target");
        assertEquals("copy", r.predictionPower().get(0).column());
        assertEquals(1.0, r.predictionPower().get(0).score(), 1e-9);
        assertTrue(r.predictionPower().get(1).score() < 0.1, "noise: " + r.predictionPower().get(1).score());
        assertTrue(r.warnings(Kind.TARGET_LEAKAGE).stream()
                .anyMatch(w -> w.severity() == QualityWarning.Severity.HIGH));
    }

    @Test
    void emptyTableGivesAReportWithAWarning() throws Exception {
        InsightsReport r = profile(Table.create("empty", DoubleColumn.create("x"), StringColumn.create("s")), null);
        assertEquals(0, r.summary().rows());
        assertFalse(r.warnings(Kind.EMPTY_TABLE).isEmpty());
        assertFalse(ReportHtml.render(r, List.of("x", "s")).isEmpty());
    }

    @Test
    void oneColumnAndAllMissingColumns() throws Exception {
        Table one = Table.create("one", DoubleColumn.create("x", 1, 2, 3));
        assertEquals(1, profile(one, null).columns().size());
        DoubleColumn empty = DoubleColumn.create("nothing", Double.NaN, Double.NaN, Double.NaN);
        InsightsReport r = profile(Table.create("m", empty, IntColumn.create("age", 1, 2, 3)), "age");
        assertEquals(SemanticType.EMPTY, r.column("nothing").semanticType());
        assertNull(r.column("nothing").numeric());
        assertFalse(r.warnings(Kind.EMPTY_COLUMN).isEmpty());
    }

    @Test
    void columnsWithTheSameNameAreRenamedAtImportAndProfiled() throws Exception {
        Path csv = dir.resolve("same.csv");
        Files.writeString(csv, "id,Id,id\n1,2,3\n4,5,6\n");
        io.tablewise.data.ImportResult imported = io.tablewise.data.DataFiles.read(csv, ProgressMonitor.NONE);
        InsightsReport r = profile(imported.table(), null);
        assertEquals(List.of("id", "Id_2", "id_3"), r.columns().stream().map(ColumnProfile::name).toList());
        assertEquals(2, imported.warnings().size());
    }

    @Test
    void singleClassAndTenThousandClassTargetsAreWarningsNotErrors() throws Exception {
        StringColumn same = StringColumn.create("y");
        StringColumn many = StringColumn.create("id");
        DoubleColumn x = DoubleColumn.create("x");
        for (int i = 0; i < 10_000; i++) {
            same.append("a");
            many.append("c" + i);
            x.append(i % 7);
        }
        Table t = Table.create("t", same, many, x);
        InsightsReport single = profile(t, "y");
        assertFalse(single.warnings(Kind.SINGLE_CLASS_TARGET).isEmpty());
        assertTrue(single.predictionPower().isEmpty());
        assertNull(single.quickModel(), "nothing to learn from one class");
        InsightsReport wide = profile(t, "id");
        assertFalse(wide.warnings(Kind.TOO_MANY_CLASSES).isEmpty());
        assertTrue(wide.predictionPower().isEmpty());
    }

    @Test
    void unknownTargetIsRefusedWithASuggestion() {
        Table t = Table.create("t", DoubleColumn.create("amount", 1, 2));
        InsightsProfiler.UnknownTargetException e = assertThrows(InsightsProfiler.UnknownTargetException.class,
                () -> profile(t, "amout"));
        assertTrue(e.getMessage().contains("did you mean 'amount'"), e.getMessage());
    }

    @Test
    void cancellationStopsProfiling() {
        Table t = Table.create("t", DoubleColumn.create("x", 1, 2, 3));
        ProgressMonitor cancelled = new ProgressMonitor() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(io.tablewise.node.CancelledException.class, () -> new InsightsProfiler().profile(t,
                InsightsOptions.defaults(), cancelled, "test"));
    }

    @Test
    void htmlIsSelfContainedAndJsonIsValid() throws Exception {
        Table t = StatisticsReferenceTest.shared("titanic_train.csv");
        InsightsReport r = profile(t, "Survived");
        Path html = dir.resolve("r.html");
        ReportHtml.write(r, t.columnNames(), html);
        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertTrue(page.contains("Data insights: titanic_train") && page.contains("by Tablewise test"));
        assertTrue(page.contains("<svg") && page.contains("@media print"));
        assertFalse(page.contains("<script") || page.contains("http://") || page.contains("https://")
                || page.contains("<link"), "no scripts, no network");
        assertTrue(page.contains("Braund, Mr. Owen Harris") || page.contains("Name"));
        Path json = dir.resolve("r.json");
        ReportJson.write(r, json);
        String text = Files.readString(json);
        assertFalse(text.contains("NaN") || text.contains("Infinity"), "JSON has no NaN tokens");
        JsonNode node = new ObjectMapper().readTree(text);
        assertEquals(891, node.get("summary").get("rows").asInt());
        assertEquals("Survived", node.get("target").get("column").asText());
        assertEquals(12, node.get("columns").size());
        assertEquals(177, node.get("columns").get(5).get("missing").asInt());
        JsonNode quick = node.get("quickModel");
        assertEquals(r.quickModel().metrics().get("auc"), quick.get("metrics").get("auc").asDouble(), 1e-12);
        assertEquals(r.quickModel().testRows(), quick.get("testRows").asLong());
        assertTrue(page.contains("Quick model") && page.contains("Confusion matrix"));
        // titanic: the quick model is clearly better than chance and sex is among its strongest columns (total
        // gain also rewards the many small splits on continuous columns such as Fare and Age)
        assertTrue(r.quickModel().headline() > 0.8, "AUC " + r.quickModel().headline());
        assertTrue(r.quickModel().importances().stream().limit(3).anyMatch(i -> i.column().equals("Sex")),
                r.quickModel().importances().toString());
        assertTrue(r.quickModel().choices().stream().anyMatch(c -> c.column().equals("Name") && c.features() == 0),
                "free-text names are left out of the model");
    }
}
