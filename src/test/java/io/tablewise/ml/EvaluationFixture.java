package io.tablewise.ml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The evaluation fixtures: the inputs and plain-Python reference values of evaluation-reference.json, and
 * scikit-learn's values on the same inputs in sklearn-reference.json.
 */
final class EvaluationFixture {
    private EvaluationFixture() {
    }

    /**
     * Asserts that each named metric of {@code e} equals the fixture's value under the camel-case name
     * ({@code balanced_accuracy} is {@code balancedAccuracy}) to 1e-9.
     */
    static void assertMetrics(JsonNode want, Evaluation e, String... metrics) {
        for (String metric : metrics) {
            StringBuilder camel = new StringBuilder();
            for (String part : metric.split("_")) {
                camel.append(camel.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
            }
            org.junit.jupiter.api.Assertions.assertEquals(want.get(camel.toString()).asDouble(),
                    e.metrics().get(metric), 1e-9, metric);
        }
    }

    /** A fixture file under /fixtures. */
    static JsonNode read(String name) {
        try (InputStream in = EvaluationFixture.class.getResourceAsStream("/fixtures/" + name)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The binary case's labels (positive or not) and scores. */
    record Binary(boolean[] positive, double[] score) {
        static Binary of(JsonNode b) {
            int n = b.get("labels").size();
            boolean[] positive = new boolean[n];
            double[] score = new double[n];
            for (int i = 0; i < n; i++) {
                positive[i] = b.get("labels").get(i).asBoolean();
                score[i] = b.get("scores").get(i).asDouble();
            }
            return new Binary(positive, score);
        }
    }

    /** The three-class case's actual classes and probabilities. */
    record Multiclass(int[] actual, double[][] probabilities) {
        static Multiclass of(JsonNode m) {
            int n = m.get("actual").size();
            int[] actual = new int[n];
            double[][] p = new double[n][3];
            for (int i = 0; i < n; i++) {
                actual[i] = m.get("actual").get(i).asInt();
                for (int c = 0; c < 3; c++) {
                    p[i][c] = m.get("probabilities").get(i).get(c).asDouble();
                }
            }
            return new Multiclass(actual, p);
        }
    }

    /** The regression case's actual and predicted values. */
    record Regression(double[] actual, double[] predicted) {
        static Regression of(JsonNode r) {
            int n = r.get("actual").size();
            double[] a = new double[n];
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = r.get("actual").get(i).asDouble();
                p[i] = r.get("predicted").get(i).asDouble();
            }
            return new Regression(a, p);
        }
    }
}
