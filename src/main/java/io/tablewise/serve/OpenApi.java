package io.tablewise.serve;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tablewise.ml.ProblemType;
import io.tablewise.model.TrainedModel;
import io.tablewise.node.ColumnSchema;

/**
 * The endpoint's OpenAPI 3 description, generated from the served models' input schemas: a row's properties are the
 * columns the models take, typed as in training; the columns every variant needs are required.
 */
final class OpenApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApi() {
    }

    static byte[] document(List<Variant> variants) {
        ObjectNode root = JSON.createObjectNode();
        root.put("openapi", "3.0.3");
        ObjectNode info = root.putObject("info");
        info.put("title", "Tablewise scoring endpoint");
        info.put("version", "1");
        info.put("description", "Scores rows with the served models. Variants: " + String.join(", ", variants.stream()
                .map(v -> v.name() + " (" + v.model().version() + ")").toList()) + ".");
        ObjectNode paths = root.putObject("paths");
        ObjectNode invoke = paths.putObject("/invocations").putObject("post");
        invoke.put("summary", "Score rows");
        ArrayNode params = invoke.putArray("parameters");
        header(params, "X-Target-Variant", "Send the request to this variant.");
        header(params, "X-Routing-Key", "Requests with the same key (a customer id) reach the same variant.");
        ObjectNode content = invoke.putObject("requestBody").put("required", true).putObject("content");
        ObjectNode json = content.putObject("application/json").putObject("schema");
        json.put("type", "object");
        json.putArray("required").add("rows");
        ObjectNode rows = json.putObject("properties").putObject("rows");
        rows.put("type", "array");
        rows.put("minItems", 1);
        rows.putObject("items").put("$ref", "#/components/schemas/Row");
        content.putObject("text/csv").putObject("schema").put("type", "string").put("description",
                "A header line with the column names, then one line per row.");
        ObjectNode responses = invoke.putObject("responses");
        responses.putObject("200").put("description", "The predictions, in the order of the rows")
                .putObject("content").putObject("application/json").putObject("schema")
                .put("$ref", "#/components/schemas/Answer");
        error(responses, "400", "A malformed body, an unknown or missing column, a wrong type, too many rows or an "
                + "unknown variant");
        error(responses, "401", "A missing or wrong bearer token");
        error(responses, "413", "A body larger than the endpoint's limit");
        simple(paths, "/ping", "get", "Health check");
        simple(paths, "/variants", "get", "Variants, weights, versions and counts");
        simple(paths, "/variants", "put", "Change weights or versions: {\"variants\": [{\"name\": \"B\", "
                + "\"weight\": 0.2, \"model\": \"churn:4\"}]}");
        simple(paths, "/metrics", "get", "Prometheus metrics");
        simple(paths, "/feedback", "post", "Outcomes: {\"feedback\": [{\"requestId\": \"...\", \"row\": 0, "
                + "\"actual\": \"yes\"}]}");
        ObjectNode components = root.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("Row", row(variants));
        schemas.set("Answer", answer(variants));
        ObjectNode err = schemas.putObject("Error").put("type", "object");
        ObjectNode ep = err.putObject("properties");
        ep.putObject("error").put("type", "string");
        ep.putObject("field").put("type", "string");
        ep.putObject("row").put("type", "integer");
        components.putObject("securitySchemes").putObject("bearer").put("type", "http").put("scheme", "bearer")
                .put("description", "Required when the endpoint listens beyond this machine (not on 127.0.0.1)");
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode row(List<Variant> variants) {
        Map<String, ColumnSchema> all = new LinkedHashMap<>();
        Set<String> everywhere = null;
        for (Variant v : variants) {
            Set<String> mine = new LinkedHashSet<>();
            for (ColumnSchema c : v.model().model().inputs()) {
                all.putIfAbsent(c.name(), c);
                mine.add(c.name());
            }
            if (everywhere == null) {
                everywhere = mine;
            } else {
                everywhere.retainAll(mine);
            }
        }
        ObjectNode row = JSON.createObjectNode().put("type", "object").put("additionalProperties", false);
        ObjectNode props = row.putObject("properties");
        for (ColumnSchema c : all.values()) {
            ObjectNode p = props.putObject(c.name());
            switch (c.kind()) {
                case INTEGER -> p.put("type", "integer");
                case DECIMAL -> p.put("type", "number");
                case BOOLEAN -> p.put("type", "boolean");
                case DATE -> p.put("type", "string").put("format", "date");
                case DATETIME -> p.put("type", "string").put("format", "date-time");
                default -> p.put("type", "string");
            }
            p.put("nullable", true);
        }
        ArrayNode required = row.putArray("required");
        if (everywhere != null) {
            everywhere.forEach(required::add);
        }
        return row;
    }

    private static ObjectNode answer(List<Variant> variants) {
        ObjectNode a = JSON.createObjectNode().put("type", "object");
        ObjectNode p = a.putObject("properties");
        p.putObject("requestId").put("type", "string");
        p.putObject("variant").put("type", "string");
        p.putObject("model").put("type", "string");
        p.putObject("version").put("type", "string");
        ObjectNode item = p.putObject("predictions").put("type", "array").putObject("items").put("type", "object");
        ObjectNode ip = item.putObject("properties");
        TrainedModel first = variants.get(0).model().model();
        if (first.problemType() == ProblemType.REGRESSION) {
            ip.putObject("prediction").put("type", "number");
        } else {
            ObjectNode pred = ip.putObject("prediction").put("type", "string");
            ArrayNode classes = pred.putArray("enum");
            first.classes().forEach(classes::add);
            ip.putObject("probabilities").put("type", "object").putObject("additionalProperties")
                    .put("type", "number");
        }
        p.putObject("warnings").put("type", "array").putObject("items").put("type", "string");
        return a;
    }

    private static void header(ArrayNode params, String name, String description) {
        ObjectNode h = params.addObject();
        h.put("name", name).put("in", "header").put("required", false).put("description", description);
        h.putObject("schema").put("type", "string");
    }

    private static void error(ObjectNode responses, String status, String description) {
        responses.putObject(status).put("description", description).putObject("content")
                .putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/Error");
    }

    private static void simple(ObjectNode paths, String path, String method, String summary) {
        ObjectNode p = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
        p.putObject(method).put("summary", summary).putObject("responses").putObject("200").put("description", "OK");
    }
}
