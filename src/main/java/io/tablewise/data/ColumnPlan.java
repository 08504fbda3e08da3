package io.tablewise.data;

import io.tablewise.node.ColumnKind;

/**
 * How one column is stored once inference is done.
 *
 * @param name final column name
 * @param kind user-facing type
 * @param wide for integers: needs 64 bits
 * @param family for dates and date-times: the layout to parse
 */
public record ColumnPlan(String name, ColumnKind kind, boolean wide, ValueParsers.DateFamily family) {
}
