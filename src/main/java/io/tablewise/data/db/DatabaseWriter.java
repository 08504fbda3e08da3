package io.tablewise.data.db;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.node.CancelledException;
import io.tablewise.node.NodeException;
import io.tablewise.node.ProgressMonitor;

/**
 * Writes a table to a database table in one transaction, in batches: {@link Mode#CREATE} a new table,
 * {@link Mode#REPLACE} one (the rows load into a staging table that is swapped in at the end, so a failure or a
 * cancel leaves the old table as it was), or {@link Mode#APPEND} to one (its columns matched by name).
 */
public final class DatabaseWriter {
    /** Rows sent to the server at a time. */
    static final int BATCH = 2_000;

    /** What happens to an existing table. */
    public enum Mode {
        CREATE, REPLACE, APPEND;

        /** The mode of a parameter value. */
        public static Mode of(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }

    private DatabaseWriter() {
    }

    /**
     * Writes {@code table} into {@code target} (schema.table allowed).
     *
     * @return rows written
     * @throws NodeException naming the connection and the table; the database is left as it was
     */
    public static long write(Table table, ConnectionSpec spec, String target, Mode mode, ProgressMonitor monitor)
            throws NodeException {
        Dialect d = spec.dialect();
        String name = target.strip();
        try (Connection c = Jdbc.open(spec, false)) {
            c.setAutoCommit(false);
            try {
                boolean exists = exists(c, name);
                if (mode == Mode.CREATE && exists) {
                    throw new NodeException("table", "the table " + name + " already exists in " + spec + ": choose "
                            + "'replace' or 'append', or another name");
                }
                if (mode == Mode.APPEND && !exists) {
                    throw new NodeException("table", "there is no table " + name + " in " + spec + " to append to: "
                            + "choose 'create'");
                }
                String into = name;
                if (mode == Mode.REPLACE && exists) {
                    into = staging(name);
                    try (Statement s = c.createStatement()) {
                        s.execute("DROP TABLE IF EXISTS " + d.quote(into));
                    }
                }
                if (mode != Mode.APPEND) {
                    try (Statement s = c.createStatement()) {
                        s.execute(createSql(table, d, into));
                    }
                }
                long rows = insert(c, table, d, into, monitor);
                if (!into.equals(name)) { // the swap: the old table goes only when the new one is complete
                    try (Statement s = c.createStatement()) {
                        s.execute("DROP TABLE " + d.quote(name));
                        String bare = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
                        s.execute("ALTER TABLE " + d.quote(into) + " RENAME TO " + d.quote(bare));
                    }
                }
                c.commit();
                return rows;
            } catch (NodeException | SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            if (monitor.isCancelled()) {
                throw new CancelledException();
            }
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new NodeException("table", why.startsWith("cannot connect") || why.startsWith("the DuckDB driver")
                    ? why : "cannot write " + name + " in " + spec + ": " + why + " (nothing was changed)");
        }
    }

    static String staging(String name) {
        return name + "__tablewise_new";
    }

    private static boolean exists(Connection c, String name) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : null;
        String bare = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        for (String candidate : new String[] {bare, bare.toLowerCase(Locale.ROOT), bare.toUpperCase(Locale.ROOT)}) {
            try (ResultSet rs = md.getTables(null, schema, candidate, null)) {
                while (rs.next()) {
                    if (rs.getString("TABLE_NAME").equals(bare)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** CREATE TABLE with each column's type in the database's words. */
    static String createSql(Table table, Dialect d, String into) {
        List<String> columns = new ArrayList<>();
        for (Column<?> col : table.columns()) {
            columns.add(d.quote(col.name()) + " " + sqlType(col.type().name(), d));
        }
        return "CREATE TABLE " + d.quote(into) + " (" + String.join(", ", columns) + ")";
    }

    static String sqlType(String t, Dialect d) {
        if ("INTEGER".equals(t) || "SHORT".equals(t)) {
            return "INTEGER";
        }
        if ("LONG".equals(t)) {
            return "BIGINT";
        }
        if ("DOUBLE".equals(t) || "FLOAT".equals(t)) {
            return d == Dialect.POSTGRESQL ? "DOUBLE PRECISION" : d == Dialect.SQLSERVER ? "FLOAT"
                    : d == Dialect.SQLITE ? "REAL" : "DOUBLE";
        }
        if ("BOOLEAN".equals(t)) {
            return d == Dialect.SQLSERVER ? "BIT" : "BOOLEAN";
        }
        if ("LOCAL_DATE".equals(t)) {
            return "DATE";
        }
        if ("LOCAL_DATE_TIME".equals(t)) {
            return d == Dialect.SQLSERVER ? "DATETIME2" : "TIMESTAMP";
        }
        if ("INSTANT".equals(t)) {
            return d == Dialect.POSTGRESQL || d == Dialect.DUCKDB ? "TIMESTAMPTZ"
                    : d == Dialect.SQLSERVER ? "DATETIMEOFFSET" : "TIMESTAMP";
        }
        if ("LOCAL_TIME".equals(t)) {
            return "TIME";
        }
        return d == Dialect.MYSQL || d == Dialect.SQLSERVER ? "NVARCHAR(4000)" : "TEXT";
    }

    private static long insert(Connection c, Table table, Dialect d, String into, ProgressMonitor monitor)
            throws SQLException {
        List<String> names = new ArrayList<>();
        table.columns().forEach(col -> names.add(d.quote(col.name())));
        String sql = "INSERT INTO " + d.quote(into) + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(names.size(), "?")) + ")";
        int n = table.rowCount();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int r = 0; r < n; r++) {
                for (int i = 0; i < table.columnCount(); i++) {
                    set(s, i + 1, table.column(i), r, d);
                }
                s.addBatch();
                if ((r + 1) % BATCH == 0 || r == n - 1) {
                    s.executeBatch();
                    if (monitor.isCancelled()) {
                        throw new CancelledException();
                    }
                    monitor.progress((r + 1) / (double) n, String.format(Locale.ROOT, "%,d of %,d rows", r + 1, n));
                }
            }
        }
        return n;
    }

    private static void set(PreparedStatement s, int p, Column<?> col, int row, Dialect d) throws SQLException {
        if (col.isMissing(row)) {
            s.setNull(p, nullType(col.type().name()));
            return;
        }
        String t = col.type().name();
        Object v = col.get(row);
        if ("INSTANT".equals(t) && d != Dialect.SQLITE) {
            s.setObject(p, java.time.OffsetDateTime.ofInstant((java.time.Instant) v, java.time.ZoneOffset.UTC));
        } else if (d == Dialect.SQLITE && ("LOCAL_DATE".equals(t) || "LOCAL_DATE_TIME".equals(t)
                || "INSTANT".equals(t) || "LOCAL_TIME".equals(t))) {
            s.setString(p, v.toString()); // SQLite keeps dates as ISO text
        } else {
            s.setObject(p, v);
        }
    }

    private static int nullType(String t) {
        if ("INTEGER".equals(t) || "SHORT".equals(t)) {
            return Types.INTEGER;
        }
        if ("LONG".equals(t)) {
            return Types.BIGINT;
        }
        if ("DOUBLE".equals(t) || "FLOAT".equals(t)) {
            return Types.DOUBLE;
        }
        if ("BOOLEAN".equals(t)) {
            return Types.BOOLEAN;
        }
        if ("LOCAL_DATE".equals(t)) {
            return Types.DATE;
        }
        if ("LOCAL_DATE_TIME".equals(t)) {
            return Types.TIMESTAMP;
        }
        if ("INSTANT".equals(t)) {
            return Types.TIMESTAMP_WITH_TIMEZONE;
        }
        return Types.VARCHAR;
    }
}
