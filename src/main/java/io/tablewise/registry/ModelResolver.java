package io.tablewise.registry;

import java.io.IOException;
import java.nio.file.Path;

import io.tablewise.model.ModelFiles;
import io.tablewise.model.TrainedModel;

/**
 * The one place a model reference becomes a model, for every face that takes a model: a registry reference
 * ({@code churn@champion}, {@code churn:3}) is loaded from the registry, its artifact checked; anything else is a
 * model folder.
 */
public final class ModelResolver {
    private ModelResolver() {
    }

    /**
     * Loads a model.
     *
     * @param model a registry reference or a model folder (relative to {@code base})
     * @param registry where references are looked up
     * @throws RegistryException naming the reference, or the folder, and what is wrong
     */
    public static TrainedModel load(String model, RegistryLocation registry, Path base) throws RegistryException {
        if (ModelRef.looksLikeReference(model)) {
            try (Registry r = Registry.open(registry)) {
                return r.load(ModelRef.parse(model));
            }
        }
        Path dir = base == null ? Path.of(model) : base.resolve(model);
        try {
            return ModelFiles.load(dir);
        } catch (IOException e) {
            throw RegistryException.usage(e.getMessage());
        }
    }
}
