package io.tablewise.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Evaluation metrics against reference values computed independently in Python
 * (src/test/resources/fixtures/make_evaluation_reference.py, which states the definitions), to 1e-9.
 */
class EvaluationReferenceTest {
    private static final double EPS = 1e-9;
    static JsonNode ref;

    @BeforeAll
    static void load() {
        ref = EvaluationFixture.read("evaluation-reference.json");
    }

    @Test
    void binaryMetricsCurvesCalibrationAndThreshold() {
        JsonNode b = ref.get("binary");
        EvaluationFixture.Binary in = EvaluationFixture.Binary.of(b);
        Evaluation e = Evaluation.binary(List.of("no", "yes"), in.positive(), in.score(), "f1");
        EvaluationFixture.assertMetrics(b, e, "auc", "average_precision", "log_loss");
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
        EvaluationFixture.Multiclass in = EvaluationFixture.Multiclass.of(m);
        Evaluation e = Evaluation.multiclass(List.of("a", "b", "c"), in.actual(), in.probabilities());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(m.get("confusion").get(i).get(j).asLong(), e.confusion().count(i, j));
            }
        }
        EvaluationFixture.assertMetrics(m, e, "accuracy", "f1", "balanced_accuracy", "auc", "auc_weighted",
                "log_loss");
    }

    @Test
    void regressionMetrics() {
        JsonNode r = ref.get("regression");
        EvaluationFixture.Regression in = EvaluationFixture.Regression.of(r);
        Evaluation e = Evaluation.regression(in.actual(), in.predicted());
        EvaluationFixture.assertMetrics(r, e, "rmse", "mae", "r2", "mape");
    }
}
