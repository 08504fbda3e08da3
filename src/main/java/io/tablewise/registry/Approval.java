package io.tablewise.registry;

/**
 * One change of a version's approval status, kept as history.
 *
 * @param status the new status
 * @param by who changed it
 * @param at when (UTC, ISO-8601)
 * @param comment why
 */
public record Approval(String status, String by, String at, String comment) {
}
