package io.tablewise.cli;

import java.io.PrintWriter;

import io.tablewise.model.TrainedModel;

/** A command's {@code --model DIR|REF} (with its {@code --registry}), loaded or refused with a message on stderr. */
final class ModelArgument {
    private ModelArgument() {
    }

    /**
     * The model of a folder or a registry reference.
     *
     * @throws DataArgument.Refused with the exit code, after the reason is printed to {@code err}
     */
    static TrainedModel load(String model, String registry, PrintWriter err) throws DataArgument.Refused {
        try {
            return io.tablewise.registry.ModelResolver.load(model, io.tablewise.registry.RegistryLocation.of(registry,
                    null), null);
        } catch (io.tablewise.registry.RegistryException e) {
            err.println("error: --model: " + e.getMessage());
            throw new DataArgument.Refused(e.isUsage() ? ExitCodes.INVALID : ExitCodes.NODE_FAILED);
        }
    }
}
