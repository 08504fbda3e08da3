package io.tablewise;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests, started once per test JVM from the machine's PostgreSQL binaries (Debian's
 * {@code postgresql} package, or a folder named by {@code TABLEWISE_PG_BIN}); when they are absent and the tests run
 * as root on Debian, the package is installed first. PostgreSQL refuses to run as root, so under root the server runs
 * as {@code nobody}. It listens on a free loopback port, with password authentication for {@link #USER}, and is
 * stopped when the JVM ends.
 */
public final class PostgresServer {
    public static final String USER = "tablewise";
    public static final String PASSWORD = "pässwort-테스트";
    private static PostgresServer shared;

    private final Path bin;
    private final Path data;
    private final int port;
    private final boolean asNobody;

    private PostgresServer(Path bin, Path data, int port, boolean asNobody) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.asNobody = asNobody;
    }

    /** The server, started on first use. */
    public static synchronized PostgresServer shared() throws Exception {
        if (shared == null) {
            shared = start();
            PostgresServer s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop));
        }
        return shared;
    }

    /** The JDBC URL of a database on this server (no password in it). */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER;
    }

    /** A new empty database; returns its URL. */
    public String createDatabase(String name) throws Exception {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        }
        return url(name);
    }

    /** A connection as {@link #USER}. */
    public Connection connect(String database) throws Exception {
        Properties p = new Properties();
        p.setProperty("password", PASSWORD);
        return DriverManager.getConnection(url(database), p);
    }

    /** Stops the server at once (like a crash or a lost host): open connections break. */
    public void stop() {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"), 60);
        } catch (Exception ignored) {
            // already stopped
        }
    }

    /** Starts it again after {@link #stop}. */
    public void restart() throws Exception {
        startServer();
    }

    private static PostgresServer start() throws Exception {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path data = Files.createTempDirectory("tablewise-pg-");
        Path pw = data.resolve("pw");
        Files.writeString(pw, PASSWORD + "\n");
        Path cluster = data.resolve("cluster");
        if (root) {
            UserPrincipal nobody = data.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(data, nobody);
            Files.setOwner(pw, nobody);
        }
        PostgresServer s;
        try (ServerSocket free = new ServerSocket(0)) {
            s = new PostgresServer(bin, cluster, free.getLocalPort(), root);
        }
        s.run(List.of(bin.resolve("initdb").toString(), "-D", cluster.toString(), "-U", USER, "--pwfile=" + pw,
                "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C"), 120);
        s.startServer();
        return s;
    }

    private void startServer() throws Exception {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "-l",
                data.resolveSibling("server.log").toString(), "-o", "-p " + port + " -k " + data.getParent()
                        + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"), 90);
    }

    /** Runs a PostgreSQL program (as nobody under root); fails with its output. */
    private void run(List<String> command, int seconds) throws Exception {
        List<String> full = new ArrayList<>();
        if (asNobody) {
            full.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(seconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("PostgreSQL: " + String.join(" ", command) + " failed:\n" + out);
        }
    }

    /** The folder with initdb, pg_ctl and postgres; installs Debian's package when it is missing and we may. */
    private static Path binaries() throws Exception {
        Path found = findBinaries();
        if (found == null && "root".equals(System.getProperty("user.name")) && Files.isExecutable(
                Path.of("/usr/bin/apt-get"))) {
            System.err.println("PostgreSQL server binaries are missing: installing Debian's postgresql for the tests");
            Process p = new ProcessBuilder("apt-get", "install", "-y", "--no-install-recommends", "postgresql")
                    .redirectErrorStream(true).start();
            p.getInputStream().transferTo(System.err);
            p.waitFor(600, TimeUnit.SECONDS);
            found = findBinaries();
        }
        if (found == null) {
            throw new IllegalStateException("no PostgreSQL server binaries (initdb, pg_ctl): install PostgreSQL "
                    + "(Debian: apt-get install postgresql) or set TABLEWISE_PG_BIN to the folder that holds them");
        }
        return found;
    }

    private static Path findBinaries() throws IOException {
        String env = System.getenv("TABLEWISE_PG_BIN");
        if (env != null && Files.isExecutable(Path.of(env, "initdb"))) {
            return Path.of(env);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparing(b -> String.format(Locale.ROOT, "%5s",
                                b.getParent().getFileName()))).orElse(null);
            }
        }
        return null;
    }
}
