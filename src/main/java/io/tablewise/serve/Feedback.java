package io.tablewise.serve;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.tablewise.capture.FeedbackRecord;

/** {@code POST /feedback}: {@code {"feedback": [{"requestId": "...", "row": 0, "actual": "yes"}]}}, checked. */
final class Feedback {
    /** The largest request id a feedback may name. */
    private static final int MAX_ID = 64;

    private Feedback() {
    }

    /** The outcomes of a feedback body, each refusal naming the item and the field. */
    static List<FeedbackRecord> parse(JsonNode root, int maxItems) throws BadRequest {
        if (!(root.get("feedback") instanceof ArrayNode items) || items.isEmpty()) {
            throw BadRequest.at("feedback", -1, "send {\"feedback\": [{\"requestId\": \"...\", \"row\": 0, "
                    + "\"actual\": \"yes\"}]}");
        }
        if (items.size() > maxItems) {
            throw BadRequest.at("feedback", -1, "at most " + maxItems + " outcomes per request");
        }
        List<FeedbackRecord> records = new ArrayList<>();
        String time = Instant.now().toString();
        for (int i = 0; i < items.size(); i++) {
            JsonNode f = items.get(i);
            String id = f.path("requestId").asText("");
            if (!id.matches("[0-9A-Za-z_-]{1," + MAX_ID + "}")) {
                throw BadRequest.at("requestId", i, "feedback " + i + ": \"requestId\" must be the id an answer gave");
            }
            JsonNode row = f.path("row");
            if (!row.isMissingNode() && (!row.canConvertToExactIntegral() || row.asInt() < 0)) {
                throw BadRequest.at("row", i, "feedback " + i + ": \"row\" is the row's position in its request, "
                        + "from 0");
            }
            JsonNode actual = f.get("actual");
            if (actual == null || actual.isNull() || actual.isContainerNode()) {
                throw BadRequest.at("actual", i, "feedback " + i + ": \"actual\" is the true outcome (a class or a "
                        + "number)");
            }
            records.add(new FeedbackRecord(id, row.asInt(0), Endpoint.Bounded.text(actual.asText(), 200), time));
        }
        return records;
    }
}
