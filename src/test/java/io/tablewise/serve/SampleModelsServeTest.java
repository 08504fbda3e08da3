package io.tablewise.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.cli.TablewiseCommand;
import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.ml.ProblemType;
import io.tablewise.model.ModelFiles;
import io.tablewise.model.Predictor;
import io.tablewise.model.TrainedModel;
import io.tablewise.node.ProgressMonitor;

/**
 * The endpoint's answers equal the table path's (the file imported, then the model's {@code Predictor}) for every
 * sample project's model — its transform chain included — one row per request and all rows in one request.
 */
class SampleModelsServeTest {
    @TempDir
    Path out;

    @ParameterizedTest
    @ValueSource(strings = {"customer-churn/customer-churn.flow", "house-prices/house-prices.flow",
        "loan-grades/loan-grades.flow"})
    void answersEqualTheTablePath(String flow) throws Exception {
        Path file = Path.of("projects-sample", flow);
        StringWriter log = new StringWriter();
        int code = TablewiseCommand.execute(new String[] {"run", file.toString(), "--out", out.toString(), "--plain"},
                new PrintWriter(log), new PrintWriter(log));
        assertEquals(0, code, log.toString());
        Path modelDir;
        try (Stream<Path> s = Files.walk(out)) {
            modelDir = s.filter(p -> p.getFileName().toString().equals("manifest.json")).findFirst().orElseThrow()
                    .getParent();
        }
        TrainedModel m = ModelFiles.load(modelDir);
        JsonNode flowJson = ServeFixtures.JSON.readTree(file.toFile());
        Path data = file.resolveSibling(flowJson.at("/parameters/input").asText());
        Table table = new DelimitedReader().read(data, CsvOptions.defaults(), ProgressMonitor.NONE).table();
        int n = Math.min(300, table.rowCount());
        Table expected = Predictor.predict(m, table.inRange(0, n), w -> { });

        ServeFixtures f = new ServeFixtures(out, false);
        try (Endpoint e = Endpoint.open(EndpointConfig.single(modelDir.toString(), null, "127.0.0.1", 0))) {
            for (int r = 0; r < n; r++) {
                JsonNode one = answer(e, f.body(f.jsonRows(table, r, r + 1, m.target())));
                check(m, expected, r, one.get("predictions").get(0));
            }
            JsonNode all = answer(e, f.body(f.jsonRows(table, 0, n, m.target())));
            for (int r = 0; r < n; r++) {
                check(m, expected, r, all.get("predictions").get(r));
            }
        }
    }

    private static JsonNode answer(Endpoint e, String body) throws Exception {
        Reply reply = e.handle("POST", "/invocations", h -> null, body.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, reply.status(), reply.bodyText());
        return ServeFixtures.JSON.readTree(reply.body());
    }

    private static void check(TrainedModel m, Table expected, int r, JsonNode p) {
        Column<?> prediction = expected.column("prediction");
        if (m.problemType() == ProblemType.REGRESSION) {
            assertEquals(expected.doubleColumn("prediction").get(r), p.get("prediction").asDouble(), 0, "row " + r);
            return;
        }
        assertEquals(prediction.getString(r), p.get("prediction").asText(), "row " + r);
        for (String c : m.classes()) {
            assertEquals(expected.doubleColumn("probability_" + c).get(r), p.get("probabilities").get(c).asDouble(),
                    0, "row " + r + ", " + c);
        }
    }
}
