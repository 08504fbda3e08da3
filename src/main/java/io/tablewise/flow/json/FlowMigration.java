package io.tablewise.flow.json;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Rewrites a flow document of one format version into the next (JSON to JSON), so old files keep loading
 * forever while the model only knows the current version.
 */
public interface FlowMigration {
    /** The version this migration reads; it produces {@code fromVersion() + 1}. */
    int fromVersion();

    /** Returns the migrated document (may modify and return {@code document}). */
    ObjectNode migrate(ObjectNode document);
}
