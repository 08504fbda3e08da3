package io.tablewise.data.db;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * JDBC drivers the user adds: every jar in the {@code drivers} folder of the settings (DuckDB's, SQL Server's,
 * Oracle's…) is loaded once, its drivers registered with {@link DriverManager} through a shim (DriverManager only
 * hands out drivers that the caller's class loader can see).
 */
final class Drivers {
    private static boolean loaded;

    private Drivers() {
    }

    /** The folder: {@code drivers} beside the connections file. */
    static Path folder() {
        return Connections.user().file().getParent().resolve("drivers");
    }

    /** Loads the folder's drivers the first time; what cannot be loaded is left out (the connection then says so). */
    static synchronized void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        Path dir = folder();
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<URL> jars = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                jars.add(f.toUri().toURL());
            }
        } catch (IOException e) {
            return;
        }
        if (jars.isEmpty()) {
            return;
        }
        URLClassLoader loader = new URLClassLoader(jars.toArray(URL[]::new), Drivers.class.getClassLoader());
        for (Driver d : ServiceLoader.load(Driver.class, loader)) {
            if (d.getClass().getClassLoader() == loader) {
                try {
                    DriverManager.registerDriver(new Shim(d));
                } catch (SQLException e) {
                    // a driver that will not register is as good as absent
                }
            }
        }
    }

    /** A driver seen through this class's loader. */
    private record Shim(Driver driver) implements Driver {
        @Override
        public Connection connect(String url, Properties info) throws SQLException {
            return driver.connect(url, info);
        }

        @Override
        public boolean acceptsURL(String url) throws SQLException {
            return driver.acceptsURL(url);
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
            return driver.getPropertyInfo(url, info);
        }

        @Override
        public int getMajorVersion() {
            return driver.getMajorVersion();
        }

        @Override
        public int getMinorVersion() {
            return driver.getMinorVersion();
        }

        @Override
        public boolean jdbcCompliant() {
            return driver.jdbcCompliant();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return driver.getParentLogger();
        }
    }
}
