package io.tablewise.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Evaluation metrics against scikit-learn's own values on the same inputs, to 1e-9
 * (src/test/resources/fixtures/make_sklearn_reference.py made sklearn-reference.json with scikit-learn 1.2.1).
 */
class SklearnReferenceTest {
    private static final double EPS = 1e-9;
    static JsonNode inputs;
    static JsonNode sk;

    @BeforeAll
    static void load() throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (InputStream a = SklearnReferenceTest.class.getResourceAsStream("/fixtures/evaluation-reference.json");
             InputStream b = SklearnReferenceTest.class.getResourceAsStream("/fixtures/sklearn-reference.json")) {
            inputs = json.readTree(a);
            sk = json.readTree(b);
        }
    }

    @Test
    void binaryMetricsAtTheChosenThreshold() {
        JsonNode in = inputs.get("binary");
        JsonNode want = sk.get("binary");
        int n = in.get("labels").size();
        boolean[] positive = new boolean[n];
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            positive[i] = in.get("labels").get(i).asBoolean();
            score[i] = in.get("scores").get(i).asDouble();
        }
        Evaluation e = Evaluation.binary(List.of("no", "yes"), positive, score, "f1");
        assertEquals(want.get("threshold").asDouble(), e.threshold(), EPS);
        assertEquals(want.get("auc").asDouble(), e.metrics().get("auc"), EPS);
        assertEquals(want.get("averagePrecision").asDouble(), e.metrics().get("average_precision"), EPS);
        assertEquals(want.get("logLoss").asDouble(), e.metrics().get("log_loss"), EPS);
        assertEquals(want.get("accuracy").asDouble(), e.metrics().get("accuracy"), EPS);
        assertEquals(want.get("balancedAccuracy").asDouble(), e.metrics().get("balanced_accuracy"), EPS);
        assertEquals(want.get("f1").asDouble(), e.metrics().get("f1"), EPS);
        assertEquals(want.get("precision").asDouble(), e.metrics().get("precision"), EPS);
        assertEquals(want.get("recall").asDouble(), e.metrics().get("recall"), EPS);
        perClass(want.get("perClass"), e.perClass());
        JsonNode cal = want.get("calibration");
        assertEquals(cal.get("meanPredicted").size(), e.calibration().size());
        for (int i = 0; i < e.calibration().size(); i++) {
            assertEquals(cal.get("meanPredicted").get(i).asDouble(), e.calibration().get(i).meanPredicted(), EPS);
            assertEquals(cal.get("fractionPositive").get(i).asDouble(), e.calibration().get(i).fractionPositive(),
                    EPS);
        }
    }

    @Test
    void multiclassMetrics() {
        JsonNode in = inputs.get("multiclass");
        JsonNode want = sk.get("multiclass");
        int n = in.get("actual").size();
        int[] actual = new int[n];
        double[][] p = new double[n][3];
        for (int i = 0; i < n; i++) {
            actual[i] = in.get("actual").get(i).asInt();
            double sum = 0;
            for (int c = 0; c < 3; c++) {
                p[i][c] = in.get("probabilities").get(i).get(c).asDouble();
                sum += p[i][c];
            }
            for (int c = 0; c < 3; c++) {
                p[i][c] /= sum; // as the script does: the fixture's rounded probabilities, made to sum to one
            }
        }
        Evaluation e = Evaluation.multiclass(List.of("a", "b", "c"), actual, p);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(want.get("confusion").get(i).get(j).asLong(), e.confusion().count(i, j));
            }
        }
        assertEquals(want.get("accuracy").asDouble(), e.metrics().get("accuracy"), EPS);
        assertEquals(want.get("f1").asDouble(), e.metrics().get("f1"), EPS);
        assertEquals(want.get("balancedAccuracy").asDouble(), e.metrics().get("balanced_accuracy"), EPS);
        assertEquals(want.get("auc").asDouble(), e.metrics().get("auc"), EPS);
        assertEquals(want.get("aucWeighted").asDouble(), e.metrics().get("auc_weighted"), EPS);
        assertEquals(want.get("logLoss").asDouble(), e.metrics().get("log_loss"), EPS);
        perClass(want.get("perClass"), e.perClass());
    }

    @Test
    void regressionMetrics() {
        JsonNode in = inputs.get("regression");
        JsonNode want = sk.get("regression");
        int n = in.get("actual").size();
        double[] a = new double[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = in.get("actual").get(i).asDouble();
            p[i] = in.get("predicted").get(i).asDouble();
        }
        Evaluation e = Evaluation.regression(a, p);
        assertEquals(want.get("rmse").asDouble(), e.metrics().get("rmse"), EPS);
        assertEquals(want.get("mae").asDouble(), e.metrics().get("mae"), EPS);
        assertEquals(want.get("r2").asDouble(), e.metrics().get("r2"), EPS);
        assertEquals(want.get("mape").asDouble(), e.metrics().get("mape"), EPS);
    }

    private static void perClass(JsonNode want, List<Evaluation.ClassMetrics> got) {
        assertEquals(want.get("support").size(), got.size());
        for (int c = 0; c < got.size(); c++) {
            assertEquals(want.get("precision").get(c).asDouble(), got.get(c).precision(), EPS, "class " + c);
            assertEquals(want.get("recall").get(c).asDouble(), got.get(c).recall(), EPS, "class " + c);
            assertEquals(want.get("f1").get(c).asDouble(), got.get(c).f1(), EPS, "class " + c);
            assertEquals(want.get("support").get(c).asLong(), got.get(c).support(), "class " + c);
        }
    }
}
