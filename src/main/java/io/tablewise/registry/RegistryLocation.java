package io.tablewise.registry;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * Where a registry lives: a folder holding {@code registry.db} (SQLite) and {@code artifacts/}, or a PostgreSQL
 * database ({@code jdbc:postgresql://HOST/DB}) whose artifact folder is recorded in the database when it is created.
 * A JDBC URL never carries a password: it comes from {@code TABLEWISE_REGISTRY_PASSWORD} (or PostgreSQL's own
 * {@code PGPASSWORD}/{@code .pgpass}, which its driver reads), so it stays out of flow files, logs and shell history.
 *
 * @param jdbcUrl the JDBC URL
 * @param folder the SQLite registry's folder; null for PostgreSQL
 * @param display how messages name the registry (a path, or the URL)
 * @param password a password given in the program (the studio asks for it, or a named connection holds it), never
 *     printed; null to read {@code TABLEWISE_REGISTRY_PASSWORD}
 * @param user the user of a named connection, or null (in the URL)
 */
public record RegistryLocation(String jdbcUrl, Path folder, String display, String password, String user) {
    /** The database file in a registry folder. */
    public static final String DATABASE = "registry.db";

    /**
     * The per-user default: {@code ~/Tablewise/registry}, unless {@code -Dtablewise.registry} or
     * {@code TABLEWISE_REGISTRY} names another folder (a CI machine's, a test's).
     */
    public static RegistryLocation defaultLocation() {
        String configured = System.getProperty("tablewise.registry", System.getenv("TABLEWISE_REGISTRY"));
        if (configured != null && !configured.isBlank() && !configured.strip().startsWith("jdbc:")) {
            return folder(Path.of(configured.strip()));
        }
        return folder(Path.of(System.getProperty("user.home"), "Tablewise", "registry"));
    }

    /** A SQLite registry in a folder. */
    public static RegistryLocation folder(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        return new RegistryLocation("jdbc:sqlite:" + abs.resolve(DATABASE), abs, abs.toString(), null, null);
    }

    /**
     * A location as the user writes it: a JDBC URL, or a path (relative to {@code base}) of a registry folder or of
     * its {@code registry.db}; null or blank for the default.
     *
     * @throws RegistryException when a URL holds a password or names a database Tablewise cannot use
     */
    public static RegistryLocation of(String spec, Path base) throws RegistryException {
        if (spec == null || spec.isBlank()) {
            return defaultLocation();
        }
        String s = spec.strip();
        if (s.toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
            if (s.toLowerCase(Locale.ROOT).matches(".*[?&;]password=.*")) {
                throw RegistryException.usage("the registry URL holds a password: remove it and give it in "
                        + "TABLEWISE_REGISTRY_PASSWORD instead, so it stays out of flow files, logs and shell "
                        + "history");
            }
            if (s.startsWith("jdbc:sqlite:")) {
                Path db = Path.of(s.substring("jdbc:sqlite:".length()));
                return folder(db.getParent() == null ? Path.of(".") : db.getParent());
            }
            if (s.startsWith("jdbc:postgresql:")) {
                return new RegistryLocation(s, null, s, null, null);
            }
            throw RegistryException.usage("'" + s + "' is not a registry Tablewise can use: give a folder, a "
                    + "jdbc:sqlite: file or a jdbc:postgresql:// database");
        }
        Path p = base == null ? Path.of(s) : base.resolve(s);
        RegistryLocation named = connection(s, p);
        if (named != null) {
            return named;
        }
        if (p.getFileName() != null && p.getFileName().toString().equals(DATABASE)) {
            p = p.getParent();
        }
        return folder(p);
    }

    /**
     * A team registry named by a connection of the user's store (its PostgreSQL URL, user and password, so the
     * password stays out of flows and command lines), or null when {@code name} is not a connection's name or a
     * registry folder of that name exists.
     */
    private static RegistryLocation connection(String name, Path asFolder) throws RegistryException {
        if (!name.matches("[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]{0,63}") || java.nio.file.Files.exists(asFolder)) {
            return null;
        }
        io.tablewise.data.db.ConnectionSpec c;
        try {
            c = io.tablewise.data.db.Connections.user().get(name);
        } catch (java.io.IOException e) {
            return null; // not a connection: a registry folder still to be made
        }
        if (io.tablewise.data.db.Dialect.of(c.url()) != io.tablewise.data.db.Dialect.POSTGRESQL) {
            throw RegistryException.usage("the connection '" + name + "' is " + c.url() + ": a team registry lives "
                    + "in PostgreSQL");
        }
        return new RegistryLocation(c.url(), null, name + " (" + c.url() + ")", c.password(), c.user());
    }

    /** The same registry, connecting with this password (kept in memory only). */
    public RegistryLocation withPassword(String secret) {
        return new RegistryLocation(jdbcUrl, folder, display, secret, user);
    }

    /** Whether this is a PostgreSQL registry. */
    public boolean postgres() {
        return folder == null;
    }

    /** The connection properties: SQLite waits for a lock instead of failing at once, and writes with WAL. */
    Properties properties() {
        Properties p = new Properties();
        if (postgres()) {
            String secret = password != null ? password : System.getenv("TABLEWISE_REGISTRY_PASSWORD");
            if (secret != null) {
                p.setProperty("password", secret);
            }
            if (user != null) {
                p.setProperty("user", user);
            }
            p.setProperty("connectTimeout", "10");
            p.setProperty("ApplicationName", "Tablewise registry");
        } else {
            p.setProperty("busy_timeout", String.valueOf(busyMillis()));
            p.setProperty("journal_mode", "WAL");
            p.setProperty("transaction_mode", "IMMEDIATE");
            p.setProperty("foreign_keys", "true");
        }
        return p;
    }

    /**
     * How long a SQLite registry waits for another program's lock before it gives up: 30 s, or
     * {@code -Dtablewise.registry.busyMillis}.
     */
    static long busyMillis() {
        return Long.getLong("tablewise.registry.busyMillis", 30_000L);
    }

    @Override
    public String toString() {
        return display;
    }
}
