package io.tablewise.node;

import java.util.List;
import java.util.Optional;

/**
 * Everything known about a node type without running it: pure data, from which the palette, the inspector, the
 * flow-file validation, {@code tablewise nodes} and the help page are derived.
 *
 * @param id stable id such as {@code data.import.csv}, never renamed once released
 * @param version type version; bumped when parameters change meaning
 * @param name display name
 * @param category palette group
 * @param help one or two sentences
 * @param inputs input ports
 * @param outputs output ports
 * @param params parameters in display order
 */
public record NodeDescriptor(String id, int version, String name, String category, String help,
                             List<PortSpec> inputs, List<PortSpec> outputs, List<ParamSpec> params) {
    /** Copies the lists. */
    public NodeDescriptor {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        params = List.copyOf(params);
    }

    /** The parameter with this name. */
    public Optional<ParamSpec> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The input port with this name. */
    public Optional<PortSpec> input(String name) {
        return inputs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The output port with this name. */
    public Optional<PortSpec> output(String name) {
        return outputs.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
