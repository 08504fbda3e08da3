package io.tablewise.serve;

/**
 * A request the endpoint refuses, answered as JSON: {@code {"error": ..., "field": ..., "row": ...}} with its HTTP
 * status. Never carries a stack trace.
 */
final class BadRequest extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String field;
    private final int row;
    private final String allow;

    BadRequest(int status, String message, String field, int row) {
        this(status, message, field, row, null);
    }

    private BadRequest(int status, String message, String field, int row, String allow) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
        this.row = row;
        this.allow = allow;
    }

    /** A 405 for a path that answers only {@code allowed} (its Allow header). */
    static BadRequest methodNotAllowed(String allowed, String method) {
        return new BadRequest(405, "this path answers " + allowed + ", not " + method, null, -1, allowed);
    }

    /** The methods the path answers (a 405), else null. */
    String allow() {
        return allow;
    }

    /** A 400 about the request as a whole. */
    static BadRequest of(String message) {
        return new BadRequest(400, message, null, -1);
    }

    /** A 400 naming a field, and a row when {@code row >= 0}. */
    static BadRequest at(String field, int row, String message) {
        return new BadRequest(400, message, field, row);
    }

    int status() {
        return status;
    }

    String field() {
        return field;
    }

    int row() {
        return row;
    }
}
