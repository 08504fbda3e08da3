package io.tablewise.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Compares what a sample project's flow wrote with the project's {@code expected.json}: each output file exists
 * with the expected header and row count, and each model metric is within the stated tolerance of the value a
 * reference run gave (models may differ in the last digits across machines; the shape of the outputs may not).
 */
public final class ExpectedOutputs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExpectedOutputs() {
    }

    /** The problems found in {@code projectDir} (empty when everything matches). */
    public static List<String> check(Path projectDir) throws IOException {
        return check(projectDir.resolve("expected.json"), projectDir);
    }

    /** The problems found comparing {@code expectedFile} with the outputs under {@code outputBase}. */
    public static List<String> check(Path expectedFile, Path projectDir) throws IOException {
        JsonNode expected = JSON.readTree(expectedFile.toFile());
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.path("outputs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            checkCsv(projectDir.resolve(e.getKey()), e.getKey(), e.getValue(), problems);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.path("metrics").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            checkMetrics(projectDir.resolve(e.getKey()), e.getKey(), e.getValue(), problems);
        }
        return problems;
    }

    private static void checkCsv(Path file, String name, JsonNode spec, List<String> problems) throws IOException {
        if (!Files.isRegularFile(file)) {
            problems.add(name + ": missing");
            return;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            String want = spec.path("header").asText();
            if (!want.equals(header)) {
                problems.add(name + ": header is '" + header + "', expected '" + want + "'");
            }
            long rows = 0;
            boolean quoted = false;
            int c;
            // Count records, not lines: a quoted field may hold a line break.
            while ((c = in.read()) >= 0) {
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == '\n' && !quoted) {
                    rows++;
                }
            }
            if (rows != spec.path("rows").asLong()) {
                problems.add(name + ": " + rows + " rows, expected " + spec.path("rows").asLong());
            }
        }
    }

    private static void checkMetrics(Path file, String name, JsonNode spec, List<String> problems)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            problems.add(name + ": missing");
            return;
        }
        JsonNode actual = JSON.readTree(file.toFile());
        if (!spec.path("problemType").asText().equals(actual.path("problemType").asText())) {
            problems.add(name + ": problem type " + actual.path("problemType").asText() + ", expected "
                    + spec.path("problemType").asText());
        }
        double tolerance = spec.path("tolerance").asDouble();
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("test").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> m = it.next();
            JsonNode value = actual.path("test").path(m.getKey());
            double want = m.getValue().asDouble();
            // Relative for large-valued metrics (RMSE in millions of won), absolute for scores in [0, 1].
            double allowed = tolerance * Math.max(1, Math.abs(want));
            if (!value.isNumber() || Math.abs(value.asDouble() - want) > allowed) {
                problems.add(name + ": test." + m.getKey() + " = " + (value.isNumber() ? value.asDouble() : "none")
                        + ", expected " + want + " ± " + allowed);
            }
        }
    }
}
