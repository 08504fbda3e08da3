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

    BadRequest(int status, String message, String field, int row) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
        this.row = row;
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
