package io.tablewise.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A model folder's content hash: SHA-256 over the model file (and its ONNX twin) and over every manifest field that
 * changes a prediction. A byte flipped in any of them (a damaged copy, a hand edit of the threshold) is found at load
 * instead of silently giving other predictions. The hash is integrity, not a signature: it says the folder is the
 * one Tablewise saved, which is also what the registry will store.
 */
final class ModelIntegrity {
    /** The manifest fields that decide what a model predicts. */
    static final List<String> PREDICTIVE_FIELDS = List.of("target", "problemType", "classes", "positiveClass",
            "threshold", "inputs", "transforms", "preprocessing");
    static final String FIELD = "contentHash";
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ModelIntegrity() {
    }

    /** The hash of a folder whose manifest (without the hash) is {@code manifest}. */
    static String of(Path dir, JsonNode manifest) throws IOException {
        MessageDigest sha = sha256();
        for (String file : List.of("model.tribuo", ModelFiles.ONNX)) {
            Path p = dir.resolve(file);
            if (Files.isRegularFile(p)) {
                sha.update(file.getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(p));
            }
        }
        ObjectNode fields = CANONICAL.createObjectNode();
        for (String f : PREDICTIVE_FIELDS) {
            fields.set(f, manifest.get(f));
        }
        // a tree is written with its keys in document order; a map of it sorts them, so the hash is canonical
        Object sorted = CANONICAL.convertValue(fields, Object.class);
        sha.update(CANONICAL.writeValueAsBytes(sorted));
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    /**
     * Checks a folder against the hash in its manifest; a folder saved before hashes were kept has none and passes.
     *
     * @throws IOException naming the folder when the content differs from what was saved
     */
    static void check(Path dir, JsonNode manifest) throws IOException {
        JsonNode stored = manifest.get(FIELD);
        if (stored == null || stored.isNull()) {
            return;
        }
        String actual = of(dir, manifest);
        if (!actual.equals(stored.asText())) {
            throw new IOException(dir + " was changed after Tablewise saved it (its content hash does not match: "
                    + "the model file or a manifest field that decides predictions differs); build or export the "
                    + "model again, or restore the folder from a copy");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
