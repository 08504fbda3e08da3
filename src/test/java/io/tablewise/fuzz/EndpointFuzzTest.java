package io.tablewise.fuzz;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import tech.tablesaw.api.Table;

import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.model.BuildOptions;
import io.tablewise.model.ModelBuilder;
import io.tablewise.model.ModelFiles;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.sample.ChurnGenerator;
import io.tablewise.serve.Endpoint;
import io.tablewise.serve.EndpointConfig;
import io.tablewise.serve.Reply;

/**
 * Any request (method, path, headers, body) gets an answer from the endpoint, never a failure: a 2xx, or a 4xx whose
 * JSON body says what was wrong. A 500 is a crash.
 */
public class EndpointFuzzTest {
    private static Endpoint endpoint;

    private static synchronized Endpoint endpoint() throws Exception {
        if (endpoint == null) {
            Path dir = Files.createTempDirectory("tablewise-endpoint-fuzz");
            Path csv = dir.resolve("customers.csv");
            ChurnGenerator.write(csv, 300, 3);
            Table rows = new DelimitedReader().read(csv, CsvOptions.defaults(), ProgressMonitor.NONE).table();
            Path model = dir.resolve("m/model");
            ModelFiles.save(ModelBuilder.build(rows, new BuildOptions("churned", null, List.of(), null, 0.2, 1)
                    .withAlgorithm("cart"), ProgressMonitor.NONE), model);
            Path config = dir.resolve("endpoint.json");
            Files.writeString(config, "{\"formatVersion\": 1, \"variants\": [{\"name\": \"A\", \"model\": \"m/model\", "
                    + "\"weight\": 1}, {\"name\": \"B\", \"model\": \"m/model\", \"weight\": 1}], \"limits\": "
                    + "{\"maxRows\": 50}, \"capture\": {\"folder\": \"capture\"}}");
            endpoint = Endpoint.open(EndpointConfig.read(config));
        }
        return endpoint;
    }

    @FuzzTest(maxDuration = Fuzzing.SHORT)
    void anyRequestIsAnsweredWithoutACrash(FuzzedDataProvider data) throws Exception {
        String method = data.pickValue(new String[] {"GET", "POST", "PUT", "DELETE", "PATCH"});
        String path = data.pickValue(new String[] {"/invocations", "/ping", "/variants", "/metrics", "/feedback",
            "/openapi.json", "/", "/invocations/"}) + (data.consumeBoolean() ? data.consumeString(8) : "");
        String contentType = data.consumeBoolean() ? "text/csv" : "application/json";
        String target = data.consumeBoolean() ? data.consumeString(6) : null;
        String key = data.consumeBoolean() ? data.consumeString(12) : null;
        byte[] body = data.consumeRemainingAsBytes();
        Reply r = endpoint().handle(method, path, h -> switch (h) {
            case "Content-Type" -> contentType;
            case "X-Target-Variant" -> target;
            case "X-Routing-Key" -> key;
            default -> null;
        }, body);
        String text = r.bodyText();
        boolean json = r.contentType().startsWith("application/json");
        boolean explained = !json || r.status() < 400 || new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(text).hasNonNull("error");
        if (r.status() >= 500 || !explained) {
            throw new AssertionError("HTTP " + r.status() + ": " + text + "\nfor " + method + " " + path + " "
                    + new String(body, StandardCharsets.UTF_8));
        }
    }
}
