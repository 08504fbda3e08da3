package io.tablewise.serve;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An answer of the endpoint, independent of the HTTP server that sends it.
 *
 * @param status the HTTP status
 * @param contentType the body's media type
 * @param body the body
 * @param headers extra headers
 */
public record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
    static final String JSON = "application/json; charset=utf-8";

    static Reply json(int status, byte[] body) {
        return new Reply(status, JSON, body, Map.of());
    }

    static Reply text(int status, String contentType, String body) {
        return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    Reply with(String header, String value) {
        Map<String, String> h = new java.util.LinkedHashMap<>(headers);
        h.put(header, value);
        return new Reply(status, contentType, body, h);
    }

    /** The body as text (tests and logs). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
