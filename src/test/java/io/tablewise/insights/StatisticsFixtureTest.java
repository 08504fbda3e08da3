package io.tablewise.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import tech.tablesaw.api.Table;

import io.tablewise.SharedData;

/**
 * Every column of the shared datasets against reference values computed once with Python's standard library
 * (src/test/resources/fixtures/make_shared_stats.py, which states the conventions and how to regenerate
 * shared-stats.json): missing and distinct counts, top value, and for numbers mean, std, quartiles, skewness,
 * kurtosis and zeros.
 */
class StatisticsFixtureTest {
    private static final double REL = 1e-9;

    private static JsonNode fixture() throws Exception {
        try (InputStream in = StatisticsFixtureTest.class.getResourceAsStream("/fixtures/shared-stats.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"winequality-red.csv", "winequality-white.csv", "bank-additional-full.csv",
        "titanic_train.csv", "iris.csv"})
    void everyColumnMatchesTheReference(String file) throws Exception {
        Table t = SharedData.table(file);
        JsonNode expected = fixture().get(file);
        InsightsReport r = new InsightsProfiler().profile(t, InsightsOptions.defaults().withSampledParts(false),
                io.tablewise.node.ProgressMonitor.NONE, "test");
        assertEquals(expected.get("rows").asInt(), r.summary().rows());
        Iterator<Map.Entry<String, JsonNode>> columns = expected.get("columns").fields();
        int checked = 0;
        while (columns.hasNext()) {
            Map.Entry<String, JsonNode> e = columns.next();
            ColumnProfile p = r.column(e.getKey());
            JsonNode x = e.getValue();
            String where = file + " / " + e.getKey();
            assertEquals(x.get("missing").asLong(), p.missing(), where + " missing");
            assertEquals(x.get("unique").asLong(), p.unique(), where + " unique");
            if (x.get("kind").asText().equals("text")) {
                assertEquals(x.get("top").asText(), p.topValues().get(0).value(), where + " top value");
                assertEquals(x.get("topCount").asLong(), p.topValues().get(0).count(), where + " top count");
            } else {
                NumericStats s = p.numeric();
                close(x, "mean", s.mean(), where);
                close(x, "std", s.std(), where);
                close(x, "min", s.min(), where);
                close(x, "q1", s.q1(), where);
                close(x, "median", s.median(), where);
                close(x, "q3", s.q3(), where);
                close(x, "max", s.max(), where);
                close(x, "skewness", s.skewness(), where);
                close(x, "kurtosis", s.kurtosis(), where);
                assertEquals(x.get("zeros").asLong(), s.zeros(), where + " zeros");
            }
            checked++;
        }
        assertEquals(t.columnCount(), checked, "every column has a reference");
    }

    private static void close(JsonNode x, String field, double actual, String where) {
        double expected = x.get(field).asDouble();
        assertEquals(expected, actual, REL * Math.max(1, Math.abs(expected)), where + " " + field);
    }
}
