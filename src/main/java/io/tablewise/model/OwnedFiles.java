package io.tablewise.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tablewise replaces or deletes only what it wrote itself. A user who points a model export at a folder holding a
 * thesis must get a refusal that names the folder, never an empty folder: a model folder is recognised by its
 * manifest's format marker and by holding nothing but the model's own files; {@code metrics.json} and
 * {@code report.html} by their format marker and generator tag.
 */
final class OwnedFiles {
    /** The files a model folder may hold; anything else means the folder is the user's. */
    static final Set<String> MODEL_FILES = Set.of("manifest.json", "model.tribuo", ModelFiles.ONNX);
    /** Tablewise's temporary model folders ({@code .NAME.tmp-NANOS}), left behind by a crash. */
    static final Pattern TEMP_FOLDER = Pattern.compile("\\.(.+)\\.tmp-\\d+");
    static final String METRICS_FORMAT = "tablewise.metrics";
    static final String GENERATOR = "<meta name=\"generator\" content=\"Tablewise\">";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OwnedFiles() {
    }

    /** True when {@code dir} is a folder Tablewise wrote as a model (or a part-written one of its own). */
    static boolean isModelFolder(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            if (!files.allMatch(f -> MODEL_FILES.contains(f.getFileName().toString())
                    && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        Path manifest = dir.resolve("manifest.json");
        if (!Files.exists(manifest)) {
            return isEmpty(dir);
        }
        return ModelFiles.FORMAT.equals(formatOf(manifest));
    }

    /** Refuses, naming the path, when something that is not Tablewise's model folder is at {@code dir}. */
    static void checkReplaceableModel(Path dir) throws IOException {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !isModelFolder(dir)) {
            throw new IOException(dir + " exists and is not a model folder written by Tablewise (it holds other "
                    + "files, or is not a folder); Tablewise will not replace or delete it. Move it away or choose "
                    + "another folder");
        }
    }

    /** Refuses when {@code file} exists and is not a {@code metrics.json} that Tablewise wrote. */
    static void checkReplaceableMetrics(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) < 512L * 1024 * 1024) {
            try {
                JsonNode doc = JSON.readTree(file.toFile());
                // files from before the marker have these two keys first
                if (doc != null && (METRICS_FORMAT.equals(doc.path("format").asText())
                        || doc.has("problemType") && doc.has("leaderboard"))) {
                    return;
                }
            } catch (IOException e) {
                // not JSON: not ours
            }
        }
        throw notOurs(file);
    }

    /** Refuses when {@code file} exists and is not a JSON file of {@code format} that Tablewise wrote. */
    static void checkReplaceableJson(Path file, String format) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) < 512L * 1024 * 1024) {
            try {
                JsonNode doc = JSON.readTree(file.toFile());
                if (doc != null && format.equals(doc.path("format").asText())) {
                    return;
                }
            } catch (IOException e) {
                // not JSON: not ours
            }
        }
        throw notOurs(file);
    }

    /** Refuses when {@code file} exists and is not a model report that Tablewise wrote. */
    static void checkReplaceableReport(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            String head = head(file);
            if (head.contains(GENERATOR) || head.startsWith("<!DOCTYPE html><html lang=\"en\"><head><meta "
                    + "charset=\"utf-8\"><title>Model: ")) {
                return;
            }
        }
        throw notOurs(file);
    }

    private static IOException notOurs(Path file) {
        return new IOException(file + " exists and was not written by Tablewise; it is left as it is. Move it "
                + "away or choose another folder");
    }

    private static String formatOf(Path json) {
        try {
            return JSON.readTree(json.toFile()).path("format").asText();
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static String head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
        }
    }
}
