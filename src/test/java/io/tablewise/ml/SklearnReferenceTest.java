package io.tablewise.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Evaluation metrics against scikit-learn's own values on the same inputs, to 1e-9
 * (src/test/resources/fixtures/make_sklearn_reference.py made sklearn-reference.json with scikit-learn 1.2.1).
 */
class SklearnReferenceTest {
    private static final double EPS = 1e-9;
    static JsonNode inputs;
    static JsonNode sk;

    @BeforeAll
    static void load() {
        inputs = EvaluationFixture.read("evaluation-reference.json");
        sk = EvaluationFixture.read("sklearn-reference.json");
    }

    @Test
    void binaryMetricsCurvesAndCalibration() {
        EvaluationFixture.Binary in = EvaluationFixture.Binary.of(inputs.get("binary"));
        JsonNode want = sk.get("binary");
        Evaluation e = Evaluation.binary(List.of("no", "yes"), in.positive(), in.score(), "f1");
        assertEquals(want.get("threshold").asDouble(), e.threshold(), EPS);
        EvaluationFixture.assertMetrics(want, e, "auc", "average_precision", "log_loss", "accuracy",
                "balanced_accuracy", "f1", "precision", "recall");
        perClass(want.get("perClass"), e.perClass());
        // the curves point by point, from the strictest threshold down
        JsonNode roc = want.get("roc");
        assertEquals(roc.size(), e.roc().size());
        for (int i = 0; i < roc.size(); i++) {
            assertEquals(roc.get(i).get(0).asDouble(), e.roc().get(i).x(), EPS, "ROC point " + i);
            assertEquals(roc.get(i).get(1).asDouble(), e.roc().get(i).y(), EPS, "ROC point " + i);
            if (i > 0) { // the first point's threshold: scikit-learn's max + 1, ours +infinity
                assertEquals(roc.get(i).get(2).asDouble(), e.roc().get(i).threshold(), EPS, "ROC point " + i);
            }
        }
        JsonNode pr = want.get("precisionRecall");
        assertEquals(pr.size(), e.pr().size());
        for (int i = 0; i < pr.size(); i++) {
            assertEquals(pr.get(i).get(0).asDouble(), e.pr().get(i).x(), EPS, "recall " + i);
            assertEquals(pr.get(i).get(1).asDouble(), e.pr().get(i).y(), EPS, "precision " + i);
            assertEquals(pr.get(i).get(2).asDouble(), e.pr().get(i).threshold(), EPS, "threshold " + i);
        }
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
        EvaluationFixture.Multiclass in = EvaluationFixture.Multiclass.of(inputs.get("multiclass"));
        JsonNode want = sk.get("multiclass");
        double[][] p = in.probabilities();
        for (double[] row : p) {
            double sum = java.util.Arrays.stream(row).sum();
            for (int c = 0; c < row.length; c++) {
                row[c] /= sum; // as the script does: the fixture's rounded probabilities, made to sum to one
            }
        }
        Evaluation e = Evaluation.multiclass(List.of("a", "b", "c"), in.actual(), p);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(want.get("confusion").get(i).get(j).asLong(), e.confusion().count(i, j));
            }
        }
        EvaluationFixture.assertMetrics(want, e, "accuracy", "f1", "balanced_accuracy", "auc", "auc_weighted",
                "log_loss");
        perClass(want.get("perClass"), e.perClass());
    }

    @Test
    void regressionMetrics() {
        EvaluationFixture.Regression in = EvaluationFixture.Regression.of(inputs.get("regression"));
        JsonNode want = sk.get("regression");
        Evaluation e = Evaluation.regression(in.actual(), in.predicted());
        EvaluationFixture.assertMetrics(want, e, "rmse", "mae", "r2", "mape");
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
