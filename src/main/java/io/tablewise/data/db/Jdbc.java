package io.tablewise.data.db;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;

/**
 * Opening connections: the password from the spec, never from the URL; reading connections made read-only by the
 * database itself, not by looking at the SQL — PostgreSQL in read-only transactions, SQLite opened read-only with
 * extension loading off and no ATTACH, DuckDB read-only with external access off, others read-only as far as their
 * driver enforces it (the user's database role is the real boundary: say so).
 */
public final class Jdbc {
    /** Rows fetched from the server at a time while reading. */
    public static final int FETCH_SIZE = 10_000;

    private Jdbc() {
    }

    /** Refuses a URL that holds a password, and one that is not JDBC. */
    public static void checkUrl(String url) throws IOException {
        if (url == null || !url.toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
            throw new IOException("'" + url + "' is not a JDBC URL (jdbc:postgresql://HOST/DB, jdbc:sqlite:FILE, "
                    + "jdbc:duckdb:FILE, jdbc:mariadb://HOST/DB, …)");
        }
        if (url.toLowerCase(Locale.ROOT).matches(".*[?&;:]password=.*")) {
            throw new IOException("the URL holds a password: remove it and keep the password in a named connection "
                    + "(or TABLEWISE_CONNECTION_<NAME>_PASSWORD), so it stays out of flow files and logs");
        }
    }

    /**
     * A connection to {@code spec}'s database.
     *
     * @param readOnly enforce reading: the database refuses any change
     * @throws SQLException with a message that names the connection and never the password
     */
    public static Connection open(ConnectionSpec spec, boolean readOnly) throws SQLException {
        try {
            checkUrl(spec.url());
        } catch (IOException e) {
            throw new SQLException(e.getMessage());
        }
        Properties p = new Properties();
        if (spec.user() != null) {
            p.setProperty("user", spec.user());
        }
        if (spec.password() != null) {
            p.setProperty("password", spec.password());
        }
        Dialect d = spec.dialect();
        if (readOnly && d == Dialect.SQLITE) {
            p.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
            p.setProperty("enable_load_extension", "false");
        }
        if (d == Dialect.DUCKDB) {
            if (readOnly) {
                p.setProperty("access_mode", "READ_ONLY");
            }
            p.setProperty("enable_external_access", "false");
        }
        if (d == Dialect.POSTGRESQL) {
            p.setProperty("ApplicationName", "Tablewise");
            p.setProperty("connectTimeout", "10");
        }
        Drivers.load();
        Connection c;
        try {
            c = DriverManager.getConnection(spec.url(), p);
        } catch (SQLException e) {
            throw new SQLException(describe(spec, e), e.getSQLState(), e);
        }
        try {
            if (readOnly) {
                if (d != Dialect.DUCKDB) { // DuckDB is read-only from its opening (access_mode), and refuses this
                    c.setReadOnly(true);
                }
                if (d == Dialect.SQLITE) {
                    c.unwrap(org.sqlite.SQLiteConnection.class).setLimit(org.sqlite.SQLiteLimits.SQLITE_LIMIT_ATTACHED,
                            0);
                }
                c.setAutoCommit(false); // a transaction: PostgreSQL streams with a cursor and begins READ ONLY
                if (d == Dialect.POSTGRESQL) {
                    try (Statement s = c.createStatement()) {
                        s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
                    }
                }
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** A driver's failure in words that name the connection (the driver's own text says why). */
    static String describe(ConnectionSpec spec, SQLException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (why.startsWith("No suitable driver")) {
            return spec.dialect() == Dialect.DUCKDB ? "the DuckDB driver is not installed: it is an optional "
                    + "add-on (about 70 MB); put duckdb_jdbc.jar in " + Drivers.folder()
                    : "no JDBC driver for " + spec.url() + ": PostgreSQL, MariaDB/MySQL and SQLite come with "
                    + "Tablewise; for another database put its driver's jar in " + Drivers.folder();
        }
        return "cannot connect to " + spec + ": " + why;
    }
}
