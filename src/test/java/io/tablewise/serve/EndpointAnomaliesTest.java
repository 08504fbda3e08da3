package io.tablewise.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import tech.tablesaw.api.Table;

import io.tablewise.anomaly.AnomalyDetector;
import io.tablewise.anomaly.AnomalyModel;
import io.tablewise.anomaly.AnomalyReport;
import io.tablewise.data.DataFiles;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.sample.TransactionsGenerator;

/** A real endpoint on a loopback port answering POST /anomalies with a saved detector, beside its model. */
class EndpointAnomaliesTest {
    @TempDir
    static Path dir;

    @Test
    void newTransactionsAreScoredOverHttpAsTheDetectorScoresThemInProcess() throws Exception {
        ServeFixtures f = new ServeFixtures(dir);
        Path file = dir.resolve("transactions.csv");
        TransactionsGenerator.write(file, 5000, 31);
        Table made = DataFiles.read(file, ProgressMonitor.NONE).table();
        AnomalyModel detector = AnomalyDetector.fit(made, new AnomalyDetector.Options(0.01, List.of("kind"), 42));
        detector.save(dir.resolve("detector"));
        Path later = dir.resolve("later.csv");
        TransactionsGenerator.write(later, 400, 32);
        Table rows = DataFiles.read(later, ProgressMonitor.NONE).table();
        AnomalyReport expected = AnomalyModel.load(dir.resolve("detector")).score(rows);

        Endpoint endpoint = Endpoint.open(f.config("one.json", "{\"formatVersion\": 1, \"port\": 0, \"variants\": "
                + "[{\"name\": \"A\", \"model\": \"a/model\"}]}"));
        HttpResponse<String> none;
        try (EndpointServer s = EndpointServer.start(endpoint, null)) {
            none = f.send("POST", s.url() + "/anomalies", "{\"rows\": [{\"amount\": 1}]}");
        }
        assertEquals(404, none.statusCode(), none.body());
        assertTrue(none.body().contains("serves no anomaly detector"), none.body());

        endpoint = Endpoint.open(f.config("one.json", "{\"formatVersion\": 1, \"port\": 0, \"variants\": "
                + "[{\"name\": \"A\", \"model\": \"a/model\"}]}"));
        endpoint.serveAnomalies(AnomalyModel.load(dir.resolve("detector")), "transactions");
        try (EndpointServer s = EndpointServer.start(endpoint, null)) {
            List<Map<String, Object>> json = JsonRows.of(rows, 0, rows.rowCount(), "kind");
            HttpResponse<String> r = f.send("POST", s.url() + "/anomalies", f.body(json));
            assertEquals(200, r.statusCode(), r.body());
            JsonNode answer = ServeFixtures.tree(r);
            assertEquals("transactions", answer.get("detector").asText());
            int flagged = 0;
            for (int i = 0; i < rows.rowCount(); i++) {
                JsonNode row = answer.get("rows").get(i);
                assertEquals(expected.scores()[i], row.get("anomaly_score").asDouble(), 1e-12, "row " + i);
                assertEquals(expected.flagged()[i], row.get("anomaly").asBoolean(), "row " + i);
                flagged += row.get("anomaly").asBoolean() ? 1 : 0;
            }
            assertTrue(flagged > 0, "some of 400 new rows are unusual");
            HttpResponse<String> bad = f.send("POST", s.url() + "/anomalies", "{\"rows\": [{\"amount\": \"lots\"}]}");
            assertEquals(400, bad.statusCode(), bad.body());
            HttpResponse<String> missing = f.send("POST", s.url() + "/anomalies",
                    "{\"rows\": [{\"merchant_category\": \"grocery\"}]}");
            assertEquals(400, missing.statusCode(), missing.body()); // as /invocations: a blank is sent as null
            assertTrue(missing.body().contains("row 0 has no 'time'"), missing.body());
        }
    }
}
