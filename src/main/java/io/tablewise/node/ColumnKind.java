package io.tablewise.node;

import java.util.Locale;
import java.util.Optional;

import tech.tablesaw.api.ColumnType;

/** The user-facing type of a column, as the import infers it and type overrides name it. */
public enum ColumnKind {
    INTEGER, DECIMAL, BOOLEAN, DATE, DATETIME, TEXT;

    /** The lower-case name used in flow files, e.g. {@code "datetime"}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an id such as {@code "decimal"}. */
    public static Optional<ColumnKind> fromId(String id) {
        for (ColumnKind k : values()) {
            if (k.id().equalsIgnoreCase(id)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The kind of a Tablesaw column type. */
    public static ColumnKind of(ColumnType type) {
        String name = type.name();
        return switch (name) {
            case "INTEGER", "LONG", "SHORT" -> INTEGER;
            case "DOUBLE", "FLOAT" -> DECIMAL;
            case "BOOLEAN" -> BOOLEAN;
            case "LOCAL_DATE" -> DATE;
            case "LOCAL_DATE_TIME", "INSTANT" -> DATETIME;
            default -> TEXT;
        };
    }

    /** True for integer and decimal. */
    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL;
    }
}
