package io.tablewise.data.db;

/**
 * How to reach a database: a JDBC URL without a password, the user, and the password from the user's store or
 * environment (kept in memory, never printed: {@link #toString()} leaves it out).
 *
 * @param name the connection's name in the store, or the URL itself when a flow gives a URL
 * @param url the JDBC URL (no password in it)
 * @param user the user, or null (in the URL, or none: SQLite, DuckDB)
 * @param password the password, or null
 */
public record ConnectionSpec(String name, String url, String user, String password) {
    /** Never the password. */
    @Override
    public String toString() {
        String shown = url.replaceAll("(?i)(password=)[^&;]*", "$1***");
        return name.equals(url) ? shown : name + " (" + shown + (user == null ? "" : ", user " + user) + ")";
    }

    /** What the database is. */
    public Dialect dialect() {
        return Dialect.of(url);
    }
}
