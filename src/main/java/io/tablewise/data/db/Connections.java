package io.tablewise.data.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tablewise.io.AtomicFiles;

/**
 * The user's named database connections: {@code connections.json} in the settings folder ({@code -Dtablewise.home},
 * else {@code ~/.tablewise}), readable by its owner only, so a flow names a connection and never holds a password.
 * The environment can add or complete one: {@code TABLEWISE_CONNECTION_<NAME>_URL}, {@code _USER} and
 * {@code _PASSWORD} (the name upper-cased, other characters as '_'), which wins over the file.
 */
public final class Connections {
    /** The file's name in the settings folder. */
    public static final String FILE = "connections.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Function<String, String> environment;

    /** The store in {@code home} with the process's environment. */
    public Connections(Path home) {
        this(home, System::getenv);
    }

    Connections(Path home, Function<String, String> environment) {
        this.file = home.resolve(FILE);
        this.environment = environment;
    }

    /** The user's store. */
    public static Connections user() {
        String configured = System.getProperty("tablewise.home");
        return new Connections(configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".tablewise"));
    }

    /** The store's file. */
    public Path file() {
        return file;
    }

    /** The connections saved in the file, by name (passwords included: for the settings dialog only). */
    public Map<String, ConnectionSpec> saved() throws IOException {
        Map<String, ConnectionSpec> out = new TreeMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IOException(file + " is not a valid connections file (" + e.getMessage() + "); fix or remove "
                    + "it", e);
        }
        JsonNode all = root == null ? null : root.get("connections");
        if (all != null) {
            all.fields().forEachRemaining(e -> out.put(e.getKey(), new ConnectionSpec(e.getKey(),
                    text(e.getValue(), "url"), text(e.getValue(), "user"), text(e.getValue(), "password"))));
        }
        return out;
    }

    /**
     * The connection named {@code name}, from the environment or the file.
     *
     * @throws IOException naming the connection and where to define it when it is unknown
     */
    public ConnectionSpec get(String name) throws IOException {
        ConnectionSpec saved = saved().get(name);
        String prefix = "TABLEWISE_CONNECTION_" + envName(name) + "_";
        String url = environment.apply(prefix + "URL");
        String user = environment.apply(prefix + "USER");
        String password = environment.apply(prefix + "PASSWORD");
        if (saved == null && url == null) {
            throw new IOException("there is no connection named '" + name + "' on this computer: add it in the "
                    + "studio (Settings › Database connections) or in " + file + ", or set " + prefix + "URL (and "
                    + prefix + "PASSWORD)");
        }
        return new ConnectionSpec(name, url != null ? url : saved.url(), user != null ? user
                : saved == null ? null : saved.user(), password != null ? password
                : saved == null ? null : saved.password());
    }

    /** Adds or replaces a connection, the file written atomically and readable by its owner only. */
    public void save(ConnectionSpec c) throws IOException {
        Jdbc.checkUrl(c.url());
        Map<String, ConnectionSpec> all = new LinkedHashMap<>(saved());
        all.put(c.name(), c);
        write(all);
    }

    /** Removes a connection. */
    public void remove(String name) throws IOException {
        Map<String, ConnectionSpec> all = new LinkedHashMap<>(saved());
        if (all.remove(name) != null) {
            write(all);
        }
    }

    private void write(Map<String, ConnectionSpec> all) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "tablewise.connections");
        root.put("formatVersion", 1);
        ObjectNode list = root.putObject("connections");
        all.values().forEach(c -> {
            ObjectNode o = list.putObject(c.name());
            o.put("url", c.url());
            if (c.user() != null) {
                o.put("user", c.user());
            }
            if (c.password() != null) {
                o.put("password", c.password());
            }
        });
        byte[] bytes = JSON.writeValueAsBytes(root);
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, out -> out.write(bytes), false);
        ownerOnly(file);
    }

    /** rw------- where the file system has POSIX permissions (on Windows the user's profile folder is private). */
    static void ownerOnly(Path f) throws IOException {
        if (f.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(f, EnumSet.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE));
        }
    }

    /**
     * What a flow's {@code connection} parameter means: a connection's name, or a JDBC URL (without a password;
     * a SQLite or DuckDB file path in it relative to the flow, resolved by {@code resolve}).
     */
    public ConnectionSpec resolve(String connection, Function<String, Path> resolve) throws IOException {
        String c = connection.strip();
        if (!c.toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
            return get(c);
        }
        Jdbc.checkUrl(c);
        Dialect d = Dialect.of(c);
        if (d == Dialect.SQLITE || d == Dialect.DUCKDB) {
            String prefix = d == Dialect.SQLITE ? "jdbc:sqlite:" : "jdbc:duckdb:";
            String rest = c.substring(prefix.length());
            int q = rest.indexOf('?');
            String path = q < 0 ? rest : rest.substring(0, q);
            if (!path.isEmpty() && !path.startsWith(":memory:") && !path.startsWith("file:")) {
                Path file = resolve.apply(path);
                c = prefix + file + (q < 0 ? "" : rest.substring(q));
            }
        }
        return new ConnectionSpec(connection.strip(), c, null, null);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static String envName(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
