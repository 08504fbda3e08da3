package io.tablewise.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.tablewise.registry.ModelRef;
import io.tablewise.registry.RegistryLocation;

/**
 * {@code PUT /variants}: {@code {"variants": [{"name": "B", "weight": 0.2, "model": "churn:4"}]}}. Named variants take
 * the new weight and model, new names are added (with a model), the others keep their settings. New models load
 * before anything changes, so a model that fails to load changes nothing. A model is a registry reference or one of
 * the configuration's folders: a request can name no other file.
 */
final class VariantChanges {
    private final EndpointConfig config;
    private final RegistryLocation registry;
    private final Set<String> configuredFolders;

    VariantChanges(EndpointConfig config, RegistryLocation registry) {
        this.config = config;
        this.registry = registry;
        Set<String> folders = new java.util.HashSet<>();
        config.variants().stream().map(EndpointConfig.VariantSpec::model).filter(m -> !ModelRef.looksLikeReference(m))
                .forEach(folders::add);
        if (config.shadow() != null && !ModelRef.looksLikeReference(config.shadow().model())) {
            folders.add(config.shadow().model());
        }
        this.configuredFolders = Set.copyOf(folders);
    }

    /** The set after the change {@code root} asks for; {@code set} is left as it is. */
    VariantSet apply(JsonNode root, VariantSet set) throws BadRequest {
        if (!(root.get("variants") instanceof ArrayNode changes) || changes.isEmpty()) {
            throw BadRequest.at("variants", -1, "send {\"variants\": [{\"name\": \"A\", \"weight\": 0.5}, ...]}");
        }
        Map<String, Variant> next = new LinkedHashMap<>();
        set.variants().forEach(v -> next.put(v.name(), v));
        for (int i = 0; i < changes.size(); i++) {
            JsonNode c = changes.get(i);
            String where = "variants[" + i + "]";
            if (!c.isObject() || !c.path("name").isTextual()) {
                throw BadRequest.at(where + ".name", -1, where + " needs a \"name\"");
            }
            for (java.util.Iterator<String> it = c.fieldNames(); it.hasNext();) {
                String f = it.next();
                if (!List.of("name", "weight", "model").contains(f)) {
                    throw BadRequest.at(where + "." + f, -1, "'" + Endpoint.Bounded.text(f, 40) + "' is not a variant "
                            + "setting (name, weight, model)");
                }
            }
            String name = c.get("name").asText();
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
                throw BadRequest.at(where + ".name", -1, "a variant name is letters, digits, '-', '_' or '.'");
            }
            if (set.shadow() != null && set.shadow().name().equals(name)) {
                throw BadRequest.at(where + ".name", -1, "'" + name + "' is the shadow variant, which takes no "
                        + "weight");
            }
            Variant v = next.get(name);
            if (c.has("model")) {
                v = (v == null ? new Variant(name, 0, null) : v).withModel(load(c.get("model"), where + ".model",
                        set));
            } else if (v == null) {
                throw BadRequest.at(where + ".model", -1, "'" + name + "' is a new variant: give its \"model\"");
            }
            if (c.has("weight")) {
                JsonNode w = c.get("weight");
                if (!w.isNumber() || !(w.asDouble() >= 0) || w.asDouble() > 1e6) {
                    throw BadRequest.at(where + ".weight", -1, "a weight is a number from 0 up");
                }
                v = v.withWeight(w.asDouble());
            }
            next.put(name, v);
        }
        List<Variant> variants = new ArrayList<>(next.values());
        if (variants.stream().mapToDouble(Variant::weight).sum() <= 0) {
            throw BadRequest.at("variants", -1, "the weights would add up to 0; keep at least one variant above "
                    + "0");
        }
        return VariantSet.of(variants, set.shadow());
    }

    private ServedModel load(JsonNode model, String field, VariantSet set) throws BadRequest {
        if (!model.isTextual() || model.asText().isBlank()) {
            throw BadRequest.at(field, -1, "a model is a registry reference in quotes, e.g. \"churn:4\"");
        }
        String ref = model.asText().strip();
        if (!ModelRef.looksLikeReference(ref)) {
            String folder = config.file() == null ? ref : config.file().toAbsolutePath().getParent().resolve(ref)
                    .normalize().toString();
            if (!configuredFolders.contains(folder) && !configuredFolders.contains(ref)) {
                throw BadRequest.at(field, -1, "'" + Endpoint.Bounded.text(ref, 80) + "' is neither a registry "
                        + "reference (churn:4, churn@champion) nor a model folder of the endpoint's configuration; a change "
                        + "cannot name other files");
            }
            ref = configuredFolders.contains(folder) ? folder : ref;
        }
        try {
            ServedModel m = ServedModel.load(ref, registry);
            if (m.model().problemType() != set.variants().get(0).model().model().problemType()) {
                throw BadRequest.at(field, -1, ref + " is a " + m.model().problemType().name().toLowerCase(Locale.ROOT)
                        + " model; this endpoint serves " + set.variants().get(0).model().model().problemType().name()
                        .toLowerCase(Locale.ROOT) + " models");
            }
            return m;
        } catch (EndpointException e) {
            throw new BadRequest(422, "the model did not load, nothing changed: " + e.getMessage(), field, -1);
        }
    }
}
