package io.tablewise.node;

import java.util.List;
import java.util.Optional;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The columns a table will have, computed by {@code configure} without data. It drives validation of column
 * parameters and the studio's column pickers.
 *
 * @param columns the columns in order
 */
public record TableSchema(List<ColumnSchema> columns) {
    /** Copies the list. */
    public TableSchema {
        columns = List.copyOf(columns);
    }

    /** The schema of an actual table. */
    public static TableSchema of(Table table) {
        return new TableSchema(table.columns().stream()
                .map(c -> new ColumnSchema(c.name(), ColumnKind.of(c.type()))).toList());
    }

    /** Column names in order. */
    public List<String> names() {
        return columns.stream().map(ColumnSchema::name).toList();
    }

    /** The column with this exact name. */
    public Optional<ColumnSchema> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** True if a column of this exact name exists. */
    public boolean has(String name) {
        return column(name).isPresent();
    }

    /** Convenience for nodes that compute a schema column by column. */
    public static ColumnSchema describe(Column<?> column) {
        return new ColumnSchema(column.name(), ColumnKind.of(column.type()));
    }
}
