package io.tablewise.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.tablewise.io.AtomicFiles;
import io.tablewise.ml.Learner;
import io.tablewise.ml.ProblemType;
import io.tablewise.model.BuildOptions;
import io.tablewise.model.TrainedModel;

/**
 * {@code DIR/run.json} of {@code tablewise train}: what rebuilds the chosen model exactly — the data file (with its
 * content hash and import options), the build options (target, problem type, exclusions, objective, test share,
 * seed, the threshold in force) and the chosen model's every setting (for boosted trees the rounds kept). A
 * time-budgeted search is not repeatable, so the search's result is what is recorded; the time and duration live
 * here, not in the model files.
 */
final class TrainRecord {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String FORMAT = "tablewise.train-run";

    /** What a record gives back: the data file, its import options, the build options and the exact learner. */
    record Rebuild(String data, ImportOptions importOptions, BuildOptions options, Learner learner) {
    }

    private TrainRecord() {
    }

    static void write(Path file, String data, Map<String, Object> importOptions, BuildOptions o, TrainedModel m,
                      long startedMillis, Path rebuiltFrom) throws IOException {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("format", FORMAT);
        r.put("formatVersion", 1);
        r.put("startedAt", Instant.ofEpochMilli(startedMillis).toString());
        r.put("seconds", (System.currentTimeMillis() - startedMillis) / 1000.0);
        if (rebuiltFrom != null) {
            r.put("rebuiltFrom", rebuiltFrom.toAbsolutePath().normalize().toString());
        }
        Map<String, Object> d = new LinkedHashMap<>();
        if (data.regionMatches(true, 0, "jdbc:", 0, 5) || importOptions.containsKey("table")
                || importOptions.containsKey("query")) {
            d.put("file", data); // a database: read again on a rebuild, its rows may have changed
        } else {
            Path path = Path.of(data);
            d.put("file", path.toAbsolutePath().normalize().toString());
            d.put("contentHash", io.tablewise.io.ContentHash.of(path));
        }
        d.put("importOptions", importOptions);
        r.put("data", d);
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("target", o.target());
        opts.put("problemType", m.problemType().name());
        opts.put("exclude", o.exclude());
        opts.put("objective", m.objective());
        opts.put("testShare", o.testShare());
        opts.put("seed", o.seed());
        opts.put("mode", o.mode());
        opts.put("threshold", Double.isNaN(m.threshold()) ? null : m.threshold());
        r.put("options", opts);
        r.put("model", m.settings());
        r.put("metrics", m.evaluation().metrics());
        if (m.info().get("warnings") != null) {
            r.put("warnings", m.info().get("warnings")); // possible leaks, a near-perfect score
        }
        byte[] bytes = JSON.writeValueAsBytes(r); // not writeValue(out): it would close the atomic stream
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /**
     * Reads a record written by {@link #write}.
     *
     * @throws IllegalArgumentException when it is not such a record, or a field is missing, naming it
     */
    @SuppressWarnings("unchecked")
    static Rebuild read(Path file) throws IOException {
        Map<String, Object> r = JSON.readValue(file.toFile(), Map.class);
        if (!FORMAT.equals(r.get("format"))) {
            throw new IllegalArgumentException("not a run record of 'tablewise train' (its format is not "
                    + FORMAT + ")");
        }
        Map<String, Object> d = (Map<String, Object>) require(r, "data");
        Map<String, Object> o = (Map<String, Object>) require(r, "options");
        String data = String.valueOf(require(d, "file"));
        String recorded = d.get("contentHash") == null ? null : String.valueOf(d.get("contentHash"));
        if (recorded != null && Files.isRegularFile(Path.of(data))
                && !recorded.equals(io.tablewise.io.ContentHash.of(Path.of(data)))) {
            throw new IllegalArgumentException(data + " has changed since the run (its content hash differs); "
                    + "the same model cannot be rebuilt from other data");
        }
        List<String> exclude = new ArrayList<>();
        ((List<Object>) o.getOrDefault("exclude", List.of())).forEach(x -> exclude.add(String.valueOf(x)));
        double threshold = o.get("threshold") instanceof Number n ? n.doubleValue() : Double.NaN;
        Learner learner = Learner.fromMap((Map<String, Object>) require(r, "model"));
        BuildOptions options = new BuildOptions(String.valueOf(require(o, "target")),
                ProblemType.valueOf(String.valueOf(require(o, "problemType"))), exclude,
                String.valueOf(require(o, "objective")), ((Number) require(o, "testShare")).doubleValue(),
                ((Number) require(o, "seed")).longValue(), "quick", 60, 200, threshold, learner.id());
        return new Rebuild(data, ImportOptions.of((Map<String, Object>) d.getOrDefault("importOptions", Map.of())),
                options, learner);
    }

    private static Object require(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("the record has no '" + key + "'");
        }
        return v;
    }
}
