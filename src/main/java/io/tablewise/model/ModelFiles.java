package io.tablewise.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.tablewise.io.AtomicFiles;
import io.tablewise.ml.LearnedModel;
import io.tablewise.ml.FeatureEncoder;
import io.tablewise.ml.ProblemType;
import io.tablewise.ml.QuickModelResult;
import io.tablewise.node.ColumnKind;
import io.tablewise.node.ColumnSchema;
import io.tablewise.transform.TransformChain;

/**
 * A model on disk: a folder with {@code manifest.json} (readable: format and version, target, problem type,
 * classes, threshold, the raw input schema, the upstream transforms with what they learned, the fitted
 * preprocessing, settings, test metrics, provenance) and
 * {@code model.tribuo} (Tribuo's protobuf form of the model), plus {@code model.onnx} for the linear families that
 * Tribuo exports to ONNX. Saving writes a sibling temporary folder and swaps
 * it in, keeping the previous model as {@code NAME.bak}; loading checks the format, version and model class.
 */
public final class ModelFiles {
    static final String FORMAT = "tablewise.model";
    static final int VERSION = 1;
    /** The ONNX export beside a linear model. */
    static final String ONNX = "model.onnx";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFiles() {
    }

    /**
     * Writes the model folder atomically in effect: a complete temporary folder is renamed into place, the previous
     * model kept as {@code NAME.bak}. Only folders Tablewise wrote are ever moved or deleted; anything else at
     * {@code dir} or {@code NAME.bak} is refused, naming the folder. A crash between the two renames leaves the
     * previous model in {@code NAME.bak}, which {@link #load} falls back to; temporary folders of earlier crashes are
     * removed here.
     */
    public static void save(TrainedModel m, Path dir) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path backup = backupOf(dir);
        OwnedFiles.checkReplaceableModel(dir);
        OwnedFiles.checkReplaceableModel(backup);
        removeStaleTemps(parent, dir.getFileName().toString());
        // a plain directory (not createTempDirectory, which is private to the owner) so the model keeps the usual
        // permissions
        Path tmp = Files.createDirectory(parent.resolve("." + dir.getFileName() + ".tmp-" + System.nanoTime()));
        try {
            m.model().saveModel(tmp.resolve("model.tribuo"));
            if (m.model().exportsOnnx()) {
                m.model().saveOnnx(tmp.resolve(ONNX));
            }
            com.fasterxml.jackson.databind.node.ObjectNode manifest = (com.fasterxml.jackson.databind.node.ObjectNode)
                    JSON.readTree(JSON.writeValueAsString(manifest(m)));
            manifest.put(ModelIntegrity.FIELD, ModelIntegrity.of(tmp, manifest));
            Files.writeString(tmp.resolve("manifest.json"), JSON.writeValueAsString(manifest));
            try (var files = Files.list(tmp)) {
                for (Path f : files.toList()) {
                    AtomicFiles.force(f);
                }
            }
            AtomicFiles.force(tmp);
            if (Files.exists(dir)) {
                io.tablewise.io.Folders.deleteTree(backup);
                Files.move(dir, backup, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.force(parent);
        } finally {
            io.tablewise.io.Folders.deleteTree(tmp);
        }
    }

    /** Where the previous model is kept. */
    static Path backupOf(Path dir) {
        return dir.resolveSibling(dir.getFileName() + ".bak");
    }

    /** Temporary folders of this model left by a crash: Tablewise's own name pattern and files only. */
    private static void removeStaleTemps(Path parent, String name) {
        try (var siblings = Files.list(parent)) {
            for (Path p : siblings.toList()) {
                var match = OwnedFiles.TEMP_FOLDER.matcher(p.getFileName().toString());
                if (match.matches() && match.group(1).equals(name) && OwnedFiles.isModelFolder(p)) {
                    io.tablewise.io.Folders.deleteTree(p);
                }
            }
        } catch (IOException e) {
            // a leftover temporary folder is untidy, not harmful: the save goes on
        }
    }

    static Map<String, Object> manifest(TrainedModel m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", FORMAT);
        out.put("formatVersion", VERSION);
        out.put("target", m.target());
        out.put("problemType", m.problemType().name().toLowerCase(java.util.Locale.ROOT));
        out.put("classes", m.classes());
        out.put("positiveClass", m.positiveClass());
        out.put("threshold", Double.isNaN(m.threshold()) ? null : m.threshold());
        out.put("objective", m.objective());
        List<Map<String, String>> inputs = new ArrayList<>();
        for (ColumnSchema c : m.inputs()) {
            Map<String, String> input = new LinkedHashMap<>();
            input.put("name", c.name());
            input.put("type", c.kind().id());
            inputs.add(input);
        }
        out.put("inputs", inputs);
        out.put("transforms", m.chain().describe());
        out.put("preprocessing", m.model().encoder().state());
        out.put("settings", m.settings());
        double[] cover = m.model().treeCover();
        if (cover != null) {
            // the decision tree's training rows per node: what its exact explanations weigh the branches with
            List<Long> counts = new ArrayList<>();
            for (double c : cover) {
                counts.add(Math.round(c));
            }
            out.put("treeNodeRows", counts);
        }
        double[][] background = m.model().background();
        if (background != null) {
            // nearest neighbours: encoded training rows a sampling estimate of SHAP values compares rows with
            List<List<Double>> rows = new ArrayList<>();
            for (double[] row : background) {
                List<Double> r = new ArrayList<>();
                for (double v : row) {
                    r.add(Double.isNaN(v) ? null : v);
                }
                rows.add(r);
            }
            out.put("explainBackground", rows);
        }
        if (m.model().exportsOnnx()) {
            Map<String, Object> onnx = new LinkedHashMap<>();
            onnx.put("file", ONNX);
            onnx.put("input", "one float row per example: the features below, in this order, encoded as "
                    + "'preprocessing' says (standardised; a missing value is 0)");
            onnx.put("features", m.model().onnxInputs());
            out.put("onnx", onnx);
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        m.evaluation().metrics().forEach((k, v) -> metrics.put(k, Double.isNaN(v) ? null : v));
        out.put("testMetrics", metrics);
        List<Map<String, Object>> importances = new ArrayList<>();
        for (QuickModelResult.Importance i : m.importances()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("column", i.column());
            entry.put("share", i.share());
            importances.add(entry);
        }
        out.put("importances", importances);
        out.put("importanceMeaning", m.model().importanceMeaning());
        List<Map<String, Object>> permutation = new ArrayList<>();
        for (QuickModelResult.Importance i : m.permutation()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("column", i.column());
            entry.put("drop", i.share());
            permutation.add(entry);
        }
        out.put("permutationImportance", permutation);
        if (m.explanation() != null) {
            out.put("explanation", ExplanationJson.write(m.explanation()));
        }
        if (m.baseline() != null) {
            out.put("baseline", io.tablewise.monitor.MonitorJson.write(m.baseline()));
        }
        out.put("info", timeless(m.info()));
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("tablewise", version());
        versions.put("tribuo", org.tribuo.Tribuo.VERSION);
        versions.put("java", System.getProperty("java.version"));
        out.put("versions", versions);
        return out;
    }

    /** Tablewise's version from the jar manifest ("dev" when run from classes). */
    static String version() {
        String v = ModelFiles.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Reads a model folder; every problem is an IOException whose message says what is wrong with which file. */
    @SuppressWarnings("unchecked")
    public static TrainedModel load(Path dir) throws IOException {
        if (!Files.exists(dir) && OwnedFiles.isModelFolder(backupOf(dir))
                && Files.isRegularFile(backupOf(dir).resolve("manifest.json"))) {
            // a save was interrupted between its two renames: the previous model is the complete one
            dir = backupOf(dir);
        }
        Path manifestFile = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifestFile)) {
            throw new IOException(dir + " is not a Tablewise model folder (it has no manifest.json)");
        }
        Map<String, Object> m;
        com.fasterxml.jackson.databind.JsonNode tree;
        try {
            tree = JSON.readTree(manifestFile.toFile());
            m = JSON.convertValue(tree, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(manifestFile + " is not valid JSON: " + e.getMessage());
        }
        if (m == null) {
            throw new IOException(manifestFile + " is empty");
        }
        if (!FORMAT.equals(m.get("format"))) {
            throw new IOException(manifestFile + " is not a Tablewise model manifest");
        }
        if (!(m.get("formatVersion") instanceof Number n) || n.intValue() > VERSION) {
            throw new IOException(manifestFile + " has format version " + m.get("formatVersion") + "; this "
                    + "Tablewise reads version " + VERSION + " (update Tablewise to read newer models)");
        }
        try {
            ProblemType type = ProblemType.valueOf(((String) m.get("problemType")).toUpperCase(java.util.Locale.ROOT));
            List<String> classes = (List<String>) m.get("classes");
            FeatureEncoder encoder = FeatureEncoder.fromState((Map<String, Object>) m.get("preprocessing"));
            // the class names in the model file are checked inside load before anything is built; the content hash
            // then tells whether the folder is the one that was saved
            LearnedModel model = LearnedModel.load(dir.resolve("model.tribuo"), type, classes, encoder);
            if (m.get("treeNodeRows") instanceof List<?> counts) {
                model = model.withTreeCover(counts.stream().mapToDouble(c -> ((Number) c).doubleValue()).toArray());
            }
            if (m.get("explainBackground") instanceof List<?> rows) {
                double[][] background = new double[rows.size()][];
                for (int i = 0; i < background.length; i++) {
                    background[i] = ((List<?>) rows.get(i)).stream()
                            .mapToDouble(v -> v == null ? Double.NaN : ((Number) v).doubleValue()).toArray();
                }
                model = model.withBackground(background);
            }
            ModelIntegrity.check(dir, tree);
            List<ColumnSchema> inputs = new ArrayList<>();
            for (Map<String, String> c : (List<Map<String, String>>) m.get("inputs")) {
                inputs.add(new ColumnSchema(c.get("name"), ColumnKind.fromId(c.get("type")).orElseThrow()));
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            ((Map<String, Object>) m.get("testMetrics")).forEach((k, v) -> metrics.put(k,
                    v == null ? Double.NaN : ((Number) v).doubleValue()));
            List<QuickModelResult.Importance> importances = new ArrayList<>();
            for (Map<String, Object> i : (List<Map<String, Object>>) m.get("importances")) {
                importances.add(new QuickModelResult.Importance((String) i.get("column"),
                        ((Number) i.get("share")).doubleValue()));
            }
            List<QuickModelResult.Importance> permutation = new ArrayList<>();
            for (Map<String, Object> i : (List<Map<String, Object>>) m.getOrDefault("permutationImportance",
                    List.of())) {
                permutation.add(new QuickModelResult.Importance((String) i.get("column"),
                        ((Number) i.get("drop")).doubleValue()));
            }
            Object threshold = m.get("threshold");
            io.tablewise.ml.Evaluation summary = new io.tablewise.ml.Evaluation(type, classes,
                    threshold == null ? Double.NaN : ((Number) threshold).doubleValue(), metrics, null, List.of(),
                    List.of(), List.of(), List.of(), List.of(), List.of());
            TransformChain.Fitted chain = TransformChain.Fitted.fromDescription(
                    (List<Map<String, Object>>) m.getOrDefault("transforms", List.of()));
            consistent(type, classes, threshold, (String) m.get("target"), inputs, encoder, chain);
            return new TrainedModel(chain, model, (String) m.get("target"), type, inputs,
                    threshold == null ? Double.NaN : ((Number) threshold).doubleValue(), (String) m.get("objective"),
                    (Map<String, Object>) m.get("settings"), summary, importances, permutation,
                    (Map<String, Object>) m.get("info"), m.get("explanation") instanceof Map<?, ?> e
                    ? ExplanationJson.read((Map<String, Object>) e) : null,
                    m.get("baseline") instanceof Map<?, ?> b
                    ? io.tablewise.monitor.MonitorJson.readBaseline((Map<String, Object>) b) : null);
        } catch (ClassCastException | NullPointerException | IllegalArgumentException
                 | java.util.NoSuchElementException e) {
            throw new IOException(manifestFile + " is damaged: " + e.getMessage());
        }
    }

    /**
     * The build's facts without its times (when, how long, each candidate's seconds): the same data, settings and
     * seed then give byte-identical model folders, which the registry hashes; the times live in the run record.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> timeless(Map<String, Object> info) {
        Map<String, Object> out = new LinkedHashMap<>(info);
        out.remove("createdAt");
        out.remove("seconds");
        if (out.get("leaderboard") instanceof List<?> board) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Object row : board) {
                Map<String, Object> r = new LinkedHashMap<>((Map<String, Object>) row);
                r.remove("fitSeconds");
                r.remove("predictSeconds");
                rows.add(r);
            }
            out.put("leaderboard", rows);
        }
        return out;
    }

    /**
     * Every manifest field that changes a prediction agrees with the rest (a model saved before content hashes, or a
     * hand-edited manifest, must not load and answer differently): classes match the problem type, a threshold only
     * for two classes and strictly between 0 and 1, the target is not an input, and without upstream transforms the
     * model reads only declared inputs.
     */
    private static void consistent(ProblemType type, List<String> classes, Object threshold, String target,
                                   List<ColumnSchema> inputs, FeatureEncoder encoder, TransformChain.Fitted chain) {
        int n = classes == null ? 0 : classes.size();
        if (type == ProblemType.REGRESSION ? n != 0 : type == ProblemType.BINARY ? n != 2 : n < 2) {
            throw new IllegalArgumentException("a " + type.name().toLowerCase(java.util.Locale.ROOT)
                    + " model cannot have " + n + " classes");
        }
        if (threshold != null) {
            double t = ((Number) threshold).doubleValue();
            if (type != ProblemType.BINARY || !(t >= 0 && t <= 1)) { // 0 or 1: one class for every row, yet valid
                throw new IllegalArgumentException("the threshold " + threshold + " does not fit a "
                        + type.name().toLowerCase(java.util.Locale.ROOT) + " model (two classes, between 0 and 1)");
            }
        }
        java.util.Set<String> declared = new java.util.HashSet<>();
        inputs.forEach(i -> declared.add(i.name()));
        if (target == null || declared.contains(target)) {
            throw new IllegalArgumentException("the target '" + target + "' is missing or listed as an input");
        }
        if (chain.steps().isEmpty() && !declared.containsAll(encoder.inputColumns())) {
            throw new IllegalArgumentException("the model reads columns the manifest does not declare as inputs");
        }
    }
}
