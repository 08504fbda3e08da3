package io.tablewise.node;

/**
 * A column's name and kind, as known before any data is read.
 *
 * @param name column name
 * @param kind its type
 */
public record ColumnSchema(String name, ColumnKind kind) {
}
