package io.tablewise.data.db;

import java.util.Locale;

/** The databases Tablewise knows by their JDBC URL, and what differs between them. */
public enum Dialect {
    POSTGRESQL("PostgreSQL"), SQLITE("SQLite"), DUCKDB("DuckDB"), MYSQL("MySQL/MariaDB"), SQLSERVER("SQL Server"),
    OTHER("database");

    private final String title;

    Dialect(String title) {
        this.title = title;
    }

    /** The dialect of a JDBC URL. */
    public static Dialect of(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (u.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (u.startsWith("jdbc:duckdb:")) {
            return DUCKDB;
        }
        if (u.startsWith("jdbc:mysql:") || u.startsWith("jdbc:mariadb:")) {
            return MYSQL;
        }
        if (u.startsWith("jdbc:sqlserver:")) {
            return SQLSERVER;
        }
        return OTHER;
    }

    /** The product's name, for messages. */
    public String title() {
        return title;
    }

    /** A quoted identifier; a dotted name (schema.table) quotes each part. */
    public String quote(String name) {
        String[] parts = name.split("\\.", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.append('.');
            }
            if (this == MYSQL) {
                out.append('`').append(parts[i].replace("`", "``")).append('`');
            } else if (this == SQLSERVER) {
                out.append('[').append(parts[i].replace("]", "]]")).append(']');
            } else {
                out.append('"').append(parts[i].replace("\"", "\"\"")).append('"');
            }
        }
        return out.toString();
    }

    /** Whether a data file belongs to this kind of database by its extension (SQLite, DuckDB). */
    public static Dialect ofFile(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".db") || n.endsWith(".sqlite") || n.endsWith(".sqlite3")) {
            return SQLITE;
        }
        if (n.endsWith(".duckdb")) {
            return DUCKDB;
        }
        return null;
    }
}
