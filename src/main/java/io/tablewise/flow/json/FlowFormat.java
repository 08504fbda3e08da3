package io.tablewise.flow.json;

import java.util.List;

/** Constants of the flow file format and the list of migrations to the current version. */
public final class FlowFormat {
    /** The value of the top-level {@code format} field. */
    public static final String FORMAT_ID = "tablewise.flow";
    /** The version this build writes. */
    public static final int CURRENT_VERSION = 1;
    /** The longest text value a flow file may hold (in characters); the writer and the reader agree on it. */
    public static final int MAX_STRING_CHARS = 50_000_000;
    /** The deepest nesting of objects and lists a flow file may hold; the writer and the reader agree on it. */
    public static final int MAX_NESTING = 200;
    /** The largest flow file read (in bytes). */
    public static final long MAX_FILE_BYTES = 512L * 1024 * 1024;
    /** The usual file name extension, with the dot. */
    public static final String EXTENSION = ".flow";

    /**
     * Migrations from older versions, in order. Version 1 is the first released format, so the list is empty;
     * a future version 2 adds a {@code FlowMigration} with {@code fromVersion() == 1} here.
     */
    public static final List<FlowMigration> MIGRATIONS = List.of();

    private FlowFormat() {
    }
}
