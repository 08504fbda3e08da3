package io.tablewise.data.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.data.ColumnNames;
import io.tablewise.data.ImportResult;
import io.tablewise.node.CancelledException;
import io.tablewise.node.NodeException;
import io.tablewise.node.ProgressMonitor;

/**
 * Reads a database table, or the rows of a read-only query, into a table: rows stream in {@link Jdbc#FETCH_SIZE}
 * at a time into typed columns (integers, decimals as numbers, booleans, dates, timestamps, timestamps with time
 * zone as instants, text; anything else as text, said in a warning). A cancel cancels the statement on the server.
 */
public final class DatabaseReader {
    /** {@code :name} in a query, a parameter bound from the flow's parameters (not PostgreSQL's {@code ::type}). */
    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([A-Za-z_][A-Za-z0-9_]*)");

    private DatabaseReader() {
    }

    /**
     * The rows of {@code table} (a name, schema.table allowed) or of {@code query}.
     *
     * @param parameters values of {@code :name} in the query (the flow's parameters)
     * @param rowLimit at most this many rows (0: all)
     * @throws NodeException naming the connection, the table or the query's problem
     */
    public static ImportResult read(ConnectionSpec spec, String table, String query, Map<String, String> parameters,
                                    long rowLimit, ProgressMonitor monitor) throws NodeException {
        boolean byTable = table != null && !table.isBlank();
        if (byTable == (query != null && !query.isBlank())) {
            throw new NodeException("table", "give either a table or a query");
        }
        List<Object> values = new ArrayList<>();
        String sql = byTable ? "SELECT * FROM " + spec.dialect().quote(table.strip()) : bind(query, parameters, values);
        String source = byTable ? "table " + table.strip() : "the query";
        try (Connection c = Jdbc.open(spec, true)) {
            long expected = byTable ? count(c, spec, table.strip()) : -1;
            try (PreparedStatement s = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                s.setFetchSize(Jdbc.FETCH_SIZE);
                if (rowLimit > 0 && rowLimit < Integer.MAX_VALUE) {
                    s.setMaxRows((int) rowLimit);
                }
                for (int i = 0; i < values.size(); i++) {
                    s.setObject(i + 1, values.get(i));
                }
                ScheduledExecutorService watcher = cancelWatcher(s, monitor);
                try (ResultSet rs = s.executeQuery()) {
                    ImportResult r = columns(rs, spec, source, expected < 0 ? -1 : rowLimit > 0
                            ? Math.min(expected, rowLimit) : expected, monitor);
                    c.rollback(); // nothing to keep: a read
                    return r;
                } finally {
                    watcher.shutdownNow();
                }
            }
        } catch (SQLException e) {
            if (monitor.isCancelled()) {
                throw new CancelledException();
            }
            throw new NodeException(byTable ? "table" : "query", failure(spec, source, e));
        }
    }

    /** The tables and views a user can read, schema-qualified outside the default schema, in name order. */
    public static List<String> tables(ConnectionSpec spec) throws NodeException {
        List<String> out = new ArrayList<>();
        try (Connection c = Jdbc.open(spec, true);
             ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE", "VIEW",
                 "BASE TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                String name = rs.getString("TABLE_NAME");
                boolean plain = schema == null || schema.isEmpty() || schema.equals("public") || schema.equals("main");
                if (schema != null && (schema.equals("information_schema") || schema.startsWith("pg_"))) {
                    continue;
                }
                out.add(plain ? name : schema + "." + name);
            }
            c.rollback();
        } catch (SQLException e) {
            throw new NodeException("table", failure(spec, "the list of tables", e));
        }
        java.util.Collections.sort(out);
        return out;
    }

    /** The query with {@code :name} replaced by bound parameters, their values (numbers where they are) added. */
    static String bind(String query, Map<String, String> parameters, List<Object> values) throws NodeException {
        Matcher m = PARAMETER.matcher(query);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (inQuotes(query, m.start())) {
                continue;
            }
            String name = m.group(1);
            if (!parameters.containsKey(name)) {
                throw new NodeException("query", "the query uses :" + name + ", which is not a parameter of the flow "
                        + "(its parameters: " + (parameters.isEmpty() ? "none" : String.join(", ",
                        parameters.keySet())) + ")");
            }
            values.add(typed(parameters.get(name)));
            m.appendReplacement(out, "?");
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean inQuotes(String s, int at) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < at; i++) {
            char ch = s.charAt(i);
            if (ch == '\'' && !dbl) {
                single = !single;
            } else if (ch == '"' && !single) {
                dbl = !dbl;
            }
        }
        return single || dbl;
    }

    private static Object typed(String v) {
        if (v == null) {
            return null;
        }
        if (v.matches("-?\\d{1,18}")) {
            return Long.parseLong(v);
        }
        if (v.matches("-?\\d*\\.\\d+([eE][-+]?\\d+)?")) {
            return Double.parseDouble(v);
        }
        return v;
    }

    private static long count(Connection c, ConnectionSpec spec, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + spec.dialect().quote(table));
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    /** Cancels the statement on the server within 100 ms of a cancel. */
    private static ScheduledExecutorService cancelWatcher(PreparedStatement s, ProgressMonitor monitor) {
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "query-cancel");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(() -> {
            if (monitor.isCancelled()) {
                try {
                    s.cancel();
                } catch (SQLException | RuntimeException e) {
                    // the read loop stops at its next check anyway
                }
                watcher.shutdown();
            }
        }, 100, 100, TimeUnit.MILLISECONDS);
        return watcher;
    }

    private static ImportResult columns(ResultSet rs, ConnectionSpec spec, String source, long expected,
                                        ProgressMonitor monitor) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String> warnings = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            raw.add(md.getColumnLabel(i));
        }
        List<String> names = ColumnNames.fix(raw, warnings);
        ColumnReader[] readers = new ColumnReader[n];
        List<String> asText = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            readers[i] = ColumnReader.of(md.getColumnType(i + 1), md.getColumnTypeName(i + 1), names.get(i),
                    spec.dialect());
            if (readers[i].fallback()) {
                asText.add(names.get(i) + " (" + md.getColumnTypeName(i + 1) + ")");
            }
        }
        if (!asText.isEmpty()) {
            warnings.add("read as text, a type Tablewise does not map: " + String.join(", ", asText));
        }
        long rows = 0;
        while (rs.next()) {
            for (int i = 0; i < n; i++) {
                readers[i].read(rs, i + 1);
            }
            rows++;
            if ((rows & 8191) == 0) {
                if (monitor.isCancelled()) {
                    throw new CancelledException();
                }
                monitor.progress(expected > 0 ? Math.min(1, rows / (double) expected) : -1,
                        String.format(java.util.Locale.ROOT, "%,d rows", rows));
            }
        }
        List<Column<?>> columns = new ArrayList<>();
        for (ColumnReader r : readers) {
            columns.add(r.column());
        }
        Table t = Table.create(source.startsWith("table ") ? source.substring(6) : "query", columns);
        return new ImportResult(t, new ImportResult.DetectedFormat(spec.dialect().title(), ',', '"', true), warnings);
    }

    private static String failure(ConnectionSpec spec, String source, SQLException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (why.startsWith("cannot connect to") || why.startsWith("the DuckDB driver") || why.startsWith("no JDBC")) {
            return why;
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("25006") || why.contains("read-only") || why.contains("readonly")
                || why.contains("read only") || why.contains("READ_ONLY")) {
            return source + " on " + spec + " tried to change the database, and Tablewise reads only: write a "
                    + "SELECT (" + why + ")";
        }
        if (state.startsWith("08")) {
            return "the connection to " + spec + " was lost while reading " + source + " (" + why + "); check the "
                    + "network and the server, then run again";
        }
        return "cannot read " + source + " from " + spec + ": " + why;
    }

    /** How one column's value is fetched from the result: null for SQL NULL. */
    private interface Fetch {
        Object get(ResultSet rs, int i) throws SQLException;
    }

    /** Reads one column of the result into a Tablesaw column of the mapped type. */
    private static class ColumnReader {
        private final Column<?> column;
        private final Fetch fetch;
        private final boolean fallback;

        ColumnReader(Column<?> column, Fetch fetch, boolean fallback) {
            this.column = column;
            this.fetch = fetch;
            this.fallback = fallback;
        }

        void read(ResultSet rs, int i) throws SQLException {
            Object v = fetch.get(rs, i);
            if (v == null) {
                column.appendMissing();
            } else {
                column.appendObj(v);
            }
        }

        Column<?> column() {
            return column;
        }

        /** True when the values are kept as text because Tablewise maps no type to the column's. */
        boolean fallback() {
            return fallback;
        }

        static ColumnReader of(int type, String typeName, String name, Dialect dialect) {
            String tn = typeName == null ? "" : typeName.toUpperCase(java.util.Locale.ROOT);
            switch (type) {
                case Types.TINYINT, Types.SMALLINT, Types.INTEGER:
                    return dialect == Dialect.SQLITE ? longs(name) // SQLite's INTEGER holds 64 bits
                            : new ColumnReader(IntColumn.create(name), (rs, i) -> {
                                int v = rs.getInt(i);
                                return rs.wasNull() ? null : v;
                            }, false);
                case Types.BIGINT:
                    return longs(name);
                case Types.REAL, Types.FLOAT, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL:
                    return new ColumnReader(DoubleColumn.create(name), (rs, i) -> {
                        double v = rs.getDouble(i);
                        return rs.wasNull() ? null : v;
                    }, false);
                case Types.BOOLEAN, Types.BIT:
                    return new ColumnReader(BooleanColumn.create(name), (rs, i) -> {
                        boolean v = rs.getBoolean(i);
                        return rs.wasNull() ? null : v;
                    }, false);
                case Types.DATE:
                    return dialect == Dialect.SQLITE ? new IsoText(name) : new ColumnReader(DateColumn.create(name),
                            (rs, i) -> rs.getObject(i, java.time.LocalDate.class), false);
                case Types.TIMESTAMP:
                    if (dialect == Dialect.SQLITE) {
                        return new IsoText(name);
                    }
                    return tn.contains("TZ") || tn.contains("TIME ZONE") ? instants(name)
                            : new ColumnReader(DateTimeColumn.create(name),
                            (rs, i) -> rs.getObject(i, java.time.LocalDateTime.class), false);
                case Types.TIMESTAMP_WITH_TIMEZONE:
                    return instants(name);
                case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                        Types.CLOB, Types.NCLOB:
                    return texts(name, false);
                default:
                    return texts(name, !(dialect == Dialect.SQLITE && type == Types.NULL));
            }
        }

        private static ColumnReader longs(String name) {
            return new ColumnReader(LongColumn.create(name), (rs, i) -> {
                long v = rs.getLong(i);
                return rs.wasNull() ? null : v;
            }, false);
        }

        private static ColumnReader instants(String name) {
            return new ColumnReader(InstantColumn.create(name), (rs, i) -> {
                java.time.OffsetDateTime v = rs.getObject(i, java.time.OffsetDateTime.class);
                return v == null ? null : v.toInstant();
            }, false);
        }

        private static ColumnReader texts(String name, boolean fallback) {
            return new ColumnReader(StringColumn.create(name), ResultSet::getString, fallback);
        }
    }

    /**
     * SQLite keeps dates as text: a column declared DATE or TIMESTAMP whose values are all ISO dates (or date-times,
     * or instants) becomes a date (date-time, instant) column; otherwise it stays text.
     */
    private static final class IsoText extends ColumnReader {
        private final StringColumn text;

        IsoText(String name) {
            this(StringColumn.create(name));
        }

        private IsoText(StringColumn text) {
            super(text, ResultSet::getString, false);
            this.text = text;
        }

        @Override
        Column<?> column() {
            Column<?> typed = parsed(java.time.LocalDate::parse, DateColumn.create(text.name()));
            if (typed == null) {
                typed = parsed(v -> java.time.LocalDateTime.parse(v.replace(' ', 'T')),
                        DateTimeColumn.create(text.name()));
            }
            if (typed == null) {
                typed = parsed(java.time.Instant::parse, InstantColumn.create(text.name()));
            }
            return typed == null ? text : typed;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Column<?> parsed(java.util.function.Function<String, Object> parse, Column target) {
            try {
                for (int r = 0; r < text.size(); r++) {
                    if (text.isMissing(r)) {
                        target.appendMissing();
                    } else {
                        target.appendObj(parse.apply(text.get(r)));
                    }
                }
                return target;
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
    }
}
