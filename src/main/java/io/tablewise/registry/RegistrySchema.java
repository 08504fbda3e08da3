package io.tablewise.registry;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The registry's tables, created and migrated in numbered steps: {@code registry_schema} holds the version reached.
 * The SQL is the common part of SQLite's and PostgreSQL's dialects, so both run the same statements. A database of a
 * newer version is refused (an older Tablewise must not write into tables it does not know).
 */
final class RegistrySchema {
    /** Migration {@code i} brings the schema from version {@code i} to {@code i + 1}. */
    static final List<List<String>> MIGRATIONS = List.of(List.of(
            "CREATE TABLE registry_settings (name VARCHAR(100) PRIMARY KEY, value TEXT NOT NULL)",
            "CREATE TABLE model_groups (name VARCHAR(100) PRIMARY KEY, created_by VARCHAR(200) NOT NULL, "
                    + "created_at VARCHAR(40) NOT NULL)",
            "CREATE TABLE model_versions (group_name VARCHAR(100) NOT NULL REFERENCES model_groups(name), "
                    + "version INTEGER NOT NULL, artifact VARCHAR(64) NOT NULL, problem_type VARCHAR(20) NOT NULL, "
                    + "target TEXT NOT NULL, metrics TEXT NOT NULL, inputs TEXT NOT NULL, settings TEXT NOT NULL, "
                    + "data_fingerprint VARCHAR(100), run_record TEXT, flow TEXT, created_by VARCHAR(200) NOT NULL, "
                    + "created_at VARCHAR(40) NOT NULL, description TEXT NOT NULL, tags TEXT NOT NULL, "
                    + "status VARCHAR(10) NOT NULL, PRIMARY KEY (group_name, version))",
            "CREATE TABLE approvals (group_name VARCHAR(100) NOT NULL, version INTEGER NOT NULL, "
                    + "seq INTEGER NOT NULL, status VARCHAR(10) NOT NULL, changed_by VARCHAR(200) NOT NULL, "
                    + "changed_at VARCHAR(40) NOT NULL, comment TEXT NOT NULL, PRIMARY KEY (group_name, version, seq), "
                    + "FOREIGN KEY (group_name, version) REFERENCES model_versions(group_name, version))",
            "CREATE TABLE aliases (group_name VARCHAR(100) NOT NULL, alias VARCHAR(100) NOT NULL, "
                    + "version INTEGER NOT NULL, set_by VARCHAR(200) NOT NULL, set_at VARCHAR(40) NOT NULL, "
                    + "PRIMARY KEY (group_name, alias), "
                    + "FOREIGN KEY (group_name, version) REFERENCES model_versions(group_name, version))"));

    /** The version this Tablewise writes. */
    static final int CURRENT = MIGRATIONS.size();

    private RegistrySchema() {
    }

    /**
     * Brings the schema up to date in one transaction per step.
     *
     * @throws RegistryException when the database is newer than this Tablewise
     */
    static void migrate(Connection c, String registry, boolean postgres) throws SQLException, RegistryException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS registry_schema (version INTEGER NOT NULL)");
        }
        int version = version(c);
        if (version > CURRENT) {
            throw RegistryException.usage("the registry " + registry + " was made by a newer Tablewise (schema "
                    + version + "; this one knows up to " + CURRENT + "): update Tablewise to use it");
        }
        for (int v = version; v < CURRENT; v++) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                if (postgres) {
                    s.execute("LOCK TABLE registry_schema IN EXCLUSIVE MODE"); // SQLite: BEGIN IMMEDIATE does it
                }
                if (version(c) != v) {
                    c.rollback(); // another process migrated meanwhile
                    continue;
                }
                for (String sql : MIGRATIONS.get(v)) {
                    s.execute(sql);
                }
                s.executeUpdate("DELETE FROM registry_schema");
                s.executeUpdate("INSERT INTO registry_schema (version) VALUES (" + (v + 1) + ")");
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(version) FROM "
                + "registry_schema")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }
}
