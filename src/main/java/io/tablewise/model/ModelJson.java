package io.tablewise.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.tablewise.io.AtomicFiles;

/**
 * {@code metrics.json} of a build: problem type, objective, threshold, the leaderboard, and the test metrics
 * under lower-camel-case names ({@code auc}, {@code accuracy}, {@code f1}, {@code logLoss}… or {@code rmse},
 * {@code mae}, {@code r2}), with the full evaluation (curves, calibration, thresholds) beside them.
 */
public final class ModelJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelJson() {
    }

    /** The metrics document. */
    public static Map<String, Object> metrics(TrainedModel m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", OwnedFiles.METRICS_FORMAT);
        out.put("problemType", m.problemType().name().toLowerCase(Locale.ROOT));
        out.put("target", m.target());
        out.put("objective", camel(m.objective()));
        out.put("threshold", Double.isNaN(m.threshold()) ? null : m.threshold());
        out.put("classes", m.classes());
        Map<String, Object> candidate = new LinkedHashMap<>();
        candidate.put("rank", 1);
        candidate.put("algorithm", m.info().get("algorithm"));
        candidate.put("settings", m.settings());
        candidate.put("testScore", finite(m.evaluation().metrics().get(m.objective())));
        candidate.put("fitSeconds", m.info().get("seconds"));
        out.put("leaderboard", m.info().containsKey("leaderboard") ? m.info().get("leaderboard") : List.of(candidate));
        Map<String, Object> test = new LinkedHashMap<>();
        m.evaluation().metrics().forEach((k, v) -> test.put(camel(k), finite(v)));
        out.put("test", test);
        out.put("importances", m.importances());
        out.put("permutationImportance", m.permutation());
        out.put("evaluation", m.evaluation());
        out.put("info", m.info());
        if (m.info().get("bias") != null) {
            out.put("bias", m.info().get("bias")); // measured by a bias node: what a condition gates on
        }
        if (m.info().get("monitor") != null) {
            out.put("monitor", m.info().get("monitor")); // found by a monitor node: what a condition acts on
        }
        return out;
    }

    /** Writes it atomically; an existing file that Tablewise did not write is refused, not replaced. */
    public static void write(TrainedModel m, Path file) throws IOException {
        OwnedFiles.checkReplaceableMetrics(file);
        byte[] bytes = JSON.writeValueAsString(clean(metrics(m))).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** NaN and infinities become null (JSON has none), recursively through records via a JSON tree. */
    private static Object clean(Object value) throws IOException {
        // Jackson writes non-finite numbers as the strings "NaN", "Infinity" and "-Infinity"
        String text = JSON.writeValueAsString(value).replace("\"NaN\"", "null").replace("\"-Infinity\"", "null")
                .replace("\"Infinity\"", "null");
        return JSON.readTree(text);
    }

    /** snake_case to lowerCamelCase, as metric names appear in JSON. */
    public static String camel(String snake) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    private static Object finite(Double v) {
        return v == null || v.isNaN() || v.isInfinite() ? null : v;
    }
}
