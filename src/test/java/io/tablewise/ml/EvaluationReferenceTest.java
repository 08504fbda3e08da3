package io.tablewise.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Evaluation metrics against reference values computed independently in Python
 * (src/test/resources/fixtures/make_evaluation_reference.py, which states the definitions), to 1e-9.
 */
class EvaluationReferenceTest {
    private static final double EPS = 1e-9;
    static JsonNode ref;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = EvaluationReferenceTest.class.getResourceAsStream(
                "/fixtures/evaluation-reference.json")) {
            ref = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void binaryMetricsCurvesCalibrationAndThreshold() {
        JsonNode b = ref.get("binary");
        int n = b.get("labels").size();
        boolean[] positive = new boolean[n];
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            positive[i] = b.get("labels").get(i).asBoolean();
            score[i] = b.get("scores").get(i).asDouble();
        }
        Evaluation e = Evaluation.binary(List.of("no", "yes"), positive, score, "f1");
        assertEquals(b.get("auc").asDouble(), e.metrics().get("auc"), EPS);
        assertEquals(b.get("averagePrecision").asDouble(), e.metrics().get("average_precision"), EPS);
        assertEquals(b.get("logLoss").asDouble(), e.metrics().get("log_loss"), EPS);
        row(b.get("at50"), e.thresholds().get(50));
        JsonNode best = b.get("best");
        assertEquals(best.get("threshold").asDouble(), e.threshold(), EPS);
        row(best, e.thresholds().stream().filter(r -> r.threshold() == e.threshold()).findFirst().orElseThrow());
        assertEquals(best.get("f1").asDouble(), e.metrics().get("f1"), EPS);
        assertEquals(best.get("tp").asLong(), e.confusion().count(1, 1));
        assertEquals(best.get("fp").asLong(), e.confusion().count(0, 1));
        JsonNode cal = b.get("calibration");
        assertEquals(cal.size(), e.calibration().size());
        for (int i = 0; i < cal.size(); i++) {
            assertEquals(cal.get(i).get("meanPredicted").asDouble(), e.calibration().get(i).meanPredicted(), EPS);
            assertEquals(cal.get(i).get("fractionPositive").asDouble(), e.calibration().get(i).fractionPositive(),
                    EPS);
            assertEquals(cal.get(i).get("count").asLong(), e.calibration().get(i).count());
        }
        assertEquals(1.0, e.roc().get(e.roc().size() - 1).x(), EPS);
        assertEquals(1.0, e.roc().get(e.roc().size() - 1).y(), EPS);
    }

    private static void row(JsonNode x, Evaluation.ThresholdRow r) {
        assertEquals(x.get("tp").asLong(), r.tp());
        assertEquals(x.get("fp").asLong(), r.fp());
        assertEquals(x.get("tn").asLong(), r.tn());
        assertEquals(x.get("fn").asLong(), r.fn());
        assertEquals(x.get("precision").asDouble(), r.precision(), EPS);
        assertEquals(x.get("recall").asDouble(), r.recall(), EPS);
        assertEquals(x.get("f1").asDouble(), r.f1(), EPS);
        assertEquals(x.get("accuracy").asDouble(), r.accuracy(), EPS);
        assertEquals(x.get("balancedAccuracy").asDouble(), r.balancedAccuracy(), EPS);
    }

    @Test
    void multiclassMetrics() {
        JsonNode m = ref.get("multiclass");
        int n = m.get("actual").size();
        int[] actual = new int[n];
        double[][] p = new double[n][3];
        for (int i = 0; i < n; i++) {
            actual[i] = m.get("actual").get(i).asInt();
            for (int c = 0; c < 3; c++) {
                p[i][c] = m.get("probabilities").get(i).get(c).asDouble();
            }
        }
        Evaluation e = Evaluation.multiclass(List.of("a", "b", "c"), actual, p);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(m.get("confusion").get(i).get(j).asLong(), e.confusion().count(i, j));
            }
        }
        assertEquals(m.get("accuracy").asDouble(), e.metrics().get("accuracy"), EPS);
        assertEquals(m.get("f1").asDouble(), e.metrics().get("f1"), EPS);
        assertEquals(m.get("balancedAccuracy").asDouble(), e.metrics().get("balanced_accuracy"), EPS);
        assertEquals(m.get("auc").asDouble(), e.metrics().get("auc"), EPS);
        assertEquals(m.get("aucWeighted").asDouble(), e.metrics().get("auc_weighted"), EPS);
        assertEquals(m.get("logLoss").asDouble(), e.metrics().get("log_loss"), EPS);
    }

    @Test
    void regressionMetrics() {
        JsonNode r = ref.get("regression");
        int n = r.get("actual").size();
        double[] a = new double[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.get("actual").get(i).asDouble();
            p[i] = r.get("predicted").get(i).asDouble();
        }
        Evaluation e = Evaluation.regression(a, p);
        assertEquals(r.get("rmse").asDouble(), e.metrics().get("rmse"), EPS);
        assertEquals(r.get("mae").asDouble(), e.metrics().get("mae"), EPS);
        assertEquals(r.get("r2").asDouble(), e.metrics().get("r2"), EPS);
        assertEquals(r.get("mape").asDouble(), e.metrics().get("mape"), EPS);
    }
}
