package io.tablewise.node;

import tech.tablesaw.api.ColumnType;

/**
 * Initialises Tablesaw's column types on the calling thread. Tablesaw's {@code ColumnType} and its
 * implementations initialise each other in static initialisers; when two threads create their first columns of
 * different types at the same time, the JVM's class-initialisation locks deadlock. Anything that builds tables
 * in parallel calls {@link #ensure()} first.
 */
public final class TablesawInit {
    private static final int TYPES = ColumnType.values().length;

    private TablesawInit() {
    }

    /** Idempotent; cheap after the first call. */
    public static int ensure() {
        return TYPES;
    }
}
