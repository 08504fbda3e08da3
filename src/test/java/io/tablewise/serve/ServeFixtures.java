package io.tablewise.serve;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import tech.tablesaw.api.Table;

import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.model.BuildOptions;
import io.tablewise.model.ModelBuilder;
import io.tablewise.model.ModelFiles;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.sample.ChurnGenerator;

/** Two churn models on generated data, an endpoint configuration for them, and a small HTTP client. */
final class ServeFixtures {
    static final ObjectMapper JSON = new ObjectMapper();
    final Path dir;
    final Path csv;
    final Table rows;
    final Path modelA;
    final Path modelB;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ServeFixtures(Path dir) throws Exception {
        this(dir, true);
    }

    /** With {@code models} false, only the helpers (the paths are left null). */
    ServeFixtures(Path dir, boolean models) throws Exception {
        this.dir = dir;
        if (!models) {
            csv = null;
            rows = null;
            modelA = null;
            modelB = null;
            return;
        }
        csv = dir.resolve("customers.csv");
        ChurnGenerator.write(csv, 800, 11);
        rows = new DelimitedReader().read(csv, CsvOptions.defaults(), ProgressMonitor.NONE).table();
        modelA = dir.resolve("a/model");
        modelB = dir.resolve("b/model");
        ModelFiles.save(ModelBuilder.build(rows, new BuildOptions("churned", null, List.of(), null, 0.2, 1)
                .withAlgorithm("liblinear"), ProgressMonitor.NONE), modelA);
        ModelFiles.save(ModelBuilder.build(rows, new BuildOptions("churned", null, List.of(), null, 0.2, 2)
                .withAlgorithm("cart"), ProgressMonitor.NONE), modelB);
    }

    /** Writes a configuration file beside the models and reads it back. */
    EndpointConfig config(String name, String json) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, json);
        return EndpointConfig.read(file);
    }

    /** The data file's rows as JSON objects, typed as the import typed them (the target left out). */
    List<Map<String, Object>> jsonRows(Table t, int from, int to, String target) {
        return JsonRows.of(t, from, to, target);
    }

    String body(List<Map<String, Object>> rows) throws IOException {
        return JSON.writeValueAsString(Map.of("rows", rows));
    }

    HttpResponse<String> send(String method, String url, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode tree(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }
}
