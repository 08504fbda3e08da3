package io.tablewise.serve;

import java.io.IOException;
import java.nio.file.Path;

import io.tablewise.io.ContentHash;
import io.tablewise.model.ModelFiles;
import io.tablewise.model.Predictor;
import io.tablewise.model.TrainedModel;
import io.tablewise.registry.ModelRef;
import io.tablewise.registry.ModelVersion;
import io.tablewise.registry.Registry;
import io.tablewise.registry.RegistryException;
import io.tablewise.registry.RegistryLocation;

/**
 * A loaded model as a variant serves it.
 *
 * @param reference the reference or folder as configured
 * @param version what answers name: the registry version ({@code churn:3}) or, for a folder, its folder name and the
 *     first 12 characters of its content hash ({@code churn-model@1a2b3c4d5e6f})
 * @param model the model
 * @param scorer the model prepared for many small requests
 */
public record ServedModel(String reference, String version, TrainedModel model, Predictor.Prepared scorer) {
    /** Prepares the model. */
    public ServedModel(String reference, String version, TrainedModel model) {
        this(reference, version, model, model == null ? null : Predictor.prepare(model));
    }

    /**
     * Loads a reference: a registry reference is resolved to its version first (an alias could move between the
     * lookup and the load otherwise), then loaded with its artifact checked.
     */
    public static ServedModel load(String reference, RegistryLocation registry) throws EndpointException {
        try {
            if (ModelRef.looksLikeReference(reference)) {
                try (Registry r = Registry.open(registry)) {
                    ModelVersion v = r.version(ModelRef.parse(reference));
                    return new ServedModel(reference, v.ref().toString(), r.load(v.ref()));
                }
            }
            Path dir = Path.of(reference);
            TrainedModel m = ModelFiles.load(dir);
            String hash = ContentHash.ofFolder(dir);
            // train writes DIR/model: the folder the user named is the parent
            Path named = dir.getFileName() != null && dir.getFileName().toString().equals("model")
                    && dir.toAbsolutePath().getParent() != null ? dir.toAbsolutePath().getParent() : dir;
            return new ServedModel(reference, named.getFileName() + "@" + hash.substring(0, 12), m);
        } catch (RegistryException e) {
            throw new EndpointException(reference + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new EndpointException(reference + ": the model cannot be loaded (" + e.getMessage() + ")", e);
        }
    }
}
