package io.tablewise.capture;

/**
 * An outcome sent after the fact for a scored row.
 *
 * @param requestId the request the row was in
 * @param row the row's position in that request, from 0
 * @param actual the true outcome (a class, or a number as text)
 * @param time when the outcome arrived, ISO-8601 UTC
 */
public record FeedbackRecord(String requestId, int row, String actual, String time) {
}
