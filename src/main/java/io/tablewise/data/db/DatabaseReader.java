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

    /** Reads one column of the result into a Tablesaw column of the mapped type. */
    private abstract static class ColumnReader {
        abstract void read(ResultSet rs, int i) throws SQLException;

        abstract Column<?> column();

        boolean fallback() {
            return false;
        }

        static ColumnReader of(int type, String typeName, String name, Dialect dialect) {
            String tn = typeName == null ? "" : typeName.toUpperCase(java.util.Locale.ROOT);
            switch (type) {
                case Types.TINYINT, Types.SMALLINT, Types.INTEGER:
                    return dialect == Dialect.SQLITE ? new Longs(name) : new Ints(name);
                case Types.BIGINT:
                    return new Longs(name);
                case Types.REAL, Types.FLOAT, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL:
                    return new Doubles(name);
                case Types.BOOLEAN, Types.BIT:
                    return new Booleans(name);
                case Types.DATE:
                    return dialect == Dialect.SQLITE ? new IsoText(name) : new Dates(name);
                case Types.TIMESTAMP:
                    return dialect == Dialect.SQLITE ? new IsoText(name) : tn.contains("TZ")
                            || tn.contains("TIME ZONE") ? new Instants(name) : new DateTimes(name);
                case Types.TIMESTAMP_WITH_TIMEZONE:
                    return new Instants(name);
                case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                        Types.CLOB, Types.NCLOB:
                    return new Texts(name, false);
                default:
                    return new Texts(name, !(dialect == Dialect.SQLITE && type == Types.NULL));
            }
        }
    }

    private static final class Ints extends ColumnReader {
        private final IntColumn c;

        Ints(String name) {
            c = IntColumn.create(name);
        }

        @Override
        void read(ResultSet rs, int i) throws SQLException {
            int v = rs.getInt(i);
            if (rs.wasNull()) {
                c.appendMissing();
            } else {
                c.append(v);
            }
        }

        @Override
        Column<?> column() {
            return c;
        }
    }

    private static final class Longs extends ColumnReader {
        private final LongColumn c;

        Longs(String name) {
            c = LongColumn.create(name);
        }

        @Override
        void read(ResultSet rs, int i) throws SQLException {
            long v = rs.getLong(i);
            if (rs.wasNull()) {
                c.appendMissing();
            } else {
                c.append(v);
            }
        }

        @Override
        Column<?> column() {
            return c;
        }
    }

    private static final class Doubles extends ColumnReader {
        private final DoubleColumn c;

        Doubles(String name) {
            c = DoubleColumn.create(name);
        }

        @Override
        void read(ResultSet rs, int i) throws SQLException {
            double v = rs.getDouble(i);
            if (rs.wasNull()) {
                c.appendMissing();
            } else {
                c.append(v);
            }
        }

        @Override
        Column<?> column() {
            return c;
        }
    }

    private static final class Booleans extends ColumnReader {
        private final BooleanColumn c;

        Booleans(String name) {
            c = BooleanColumn.create(name);
        }

        @Override
        void read(ResultSet rs, int i) throws SQLException {
            boolean v = rs.getBoolean(i);
            if (rs.wasNull()) {
                c.appendMissing();
            } else {
                c.append(v);
            }
        }

        @Override
        Column<?> column() {
            return c;
        }
    }

    private static final class Dates extends ColumnReader {
        private final DateColumn c;

        Dates(String name) {
            c = DateColumn.create(name);
        }

        @Override
        void read(ResultSet rs, int i) throws SQLException {
            java.time.LocalDate v = rs.getObject(i, java.time.LocalDate.class);
            if (v == null) {
                c.appendMissing();
            } else {
                c.append(v);
            }
        }

        @Override
        Column<?> column() {
            return c;
        }
    }

    private static final class DateTimes extends ColumnReader {
        private final DateTimeColumn c;

        DateTimes(String name) {
            c = DateTimeColumn.create(name);
        }

        @Override
        void read(ResultSet rs, int i) throws SQLException {
            java.time.LocalDateTime v = rs.getObject(i, java.time.LocalDateTime.class);
            if (v == null) {
                c.appendMissing();
            } else {
                c.append(v);
            }
        }

        @Override
        Column<?> column() {
            return c;
        }
    }

    private static final class Instants extends ColumnReader {
        private final InstantColumn c;

        Instants(String name) {
            c = InstantColumn.create(name);
        }

        @Override
        void read(ResultSet rs, int i) throws SQLException {
            java.time.OffsetDateTime v = rs.getObject(i, java.time.OffsetDateTime.class);
            if (v == null) {
                c.appendMissing();
            } else {
                c.append(v.toInstant());
            }
        }

        @Override
        Column<?> column() {
            return c;
        }
    }

    /**
     * SQLite keeps dates as text: a column declared DATE or TIMESTAMP whose values are all ISO dates (or date-times,
     * or instants) becomes a date (date-time, instant) column; otherwise it stays text.
     */
    private static final class IsoText extends ColumnReader {
        private final StringColumn text;

        IsoText(String name) {
            text = StringColumn.create(name);
        }

        @Override
        void read(ResultSet rs, int i) throws SQLException {
            String v = rs.getString(i);
            if (v == null) {
                text.appendMissing();
            } else {
                text.append(v);
            }
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

    private static final class Texts extends ColumnReader {
        private final StringColumn c;
        private final boolean fallback;

        Texts(String name, boolean fallback) {
            c = StringColumn.create(name);
            this.fallback = fallback;
        }

        @Override
        void read(ResultSet rs, int i) throws SQLException {
            String v = rs.getString(i);
            if (v == null) {
                c.appendMissing();
            } else {
                c.append(v);
            }
        }

        @Override
        Column<?> column() {
            return c;
        }

        @Override
        boolean fallback() {
            return fallback;
        }
    }
}
