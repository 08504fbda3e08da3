package io.tablewise.data.db;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tech.tablesaw.api.Table;

import io.tablewise.data.ImportResult;
import io.tablewise.flow.json.FlowFormatException;
import io.tablewise.flow.json.FlowReader;
import io.tablewise.node.ConfigureContext;
import io.tablewise.node.NodeContext;
import io.tablewise.node.NodeDescriptor;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.NodeType;
import io.tablewise.node.ParamSpec;
import io.tablewise.node.ParamType;
import io.tablewise.node.PortSpec;
import io.tablewise.node.PortType;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.node.TableSchema;

/** The database nodes: {@code data.import.database} reads a table or a query, {@code data.export.database} writes. */
public final class DatabaseNodes {
    private DatabaseNodes() {
    }

    /** The node types. */
    public static List<NodeType> all() {
        return List.of(new ImportNode(), new ExportNode());
    }

    static ParamSpec connectionParam() {
        return ParamSpec.builder("connection", ParamType.STRING).label("Connection").required()
                .help("A connection's name from your settings (its password stays there), or a JDBC URL without a "
                        + "password: jdbc:sqlite:shop.db (a file relative to the flow), jdbc:postgresql://HOST/DB.")
                .build();
    }

    /** The connection a node's parameter names, or a message naming it. */
    static ConnectionSpec connection(NodeParams params, java.util.function.Function<String, java.nio.file.Path> paths)
            throws NodeException {
        String c = params.string("connection", "");
        if (c.isBlank()) {
            throw new NodeException("connection", "choose a connection");
        }
        try {
            return Connections.user().resolve(c, paths);
        } catch (IOException e) {
            throw new NodeException("connection", e.getMessage());
        }
    }

    static final class ImportNode implements NodeType {
        private static final NodeDescriptor D = new NodeDescriptor("data.import.database", 1, "Import database",
                "Data", "Reads a database table, or the rows of a SQL query, into a table. The query runs read-only "
                + "(the database refuses changes); :name in it is the flow parameter 'name', bound as a value. Rows "
                + "stream in; Cancel stops the query on the server.",
                List.of(), List.of(PortSpec.of("table", PortType.TABLE, "The rows read")),
                List.of(connectionParam(),
                        ParamSpec.builder("table", ParamType.STRING).label("Table").defaultValue("")
                                .help("A table or view (schema.table allowed); or leave it empty and write a query.")
                                .build(),
                        ParamSpec.builder("query", ParamType.TEXT).label("Query").defaultValue("")
                                .help("A SELECT, e.g. SELECT * FROM orders WHERE region = :region (the flow "
                                        + "parameter 'region').").build(),
                        ParamSpec.builder("rowLimit", ParamType.INTEGER).label("Row limit").defaultValue(0L)
                                .help("Read at most this many rows; 0 reads all.").build(),
                        io.tablewise.data.ImportParams.sampleRows(), io.tablewise.data.ImportParams.seed()));

        @Override
        public NodeDescriptor descriptor() {
            return D;
        }

        @Override
        public boolean hasSideEffects() {
            return true; // the database changes between runs: read it every time
        }

        @Override
        public Map<String, TableSchema> configure(ConfigureContext context) throws NodeException {
            NodeParams p = context.params();
            boolean table = !p.string("table", "").isBlank();
            boolean query = !p.string("query", "").isBlank();
            if (table == query) {
                throw new NodeException(table ? "query" : "table", table ? "give a table or a query, not both"
                        : "give a table or a query");
            }
            ConnectionSpec spec = connection(p, context::resolveInput);
            Dialect d = spec.dialect();
            if ((d == Dialect.SQLITE || d == Dialect.DUCKDB) && p.string("query", "").isBlank()) {
                // a local file answers at once: its columns from the first row; a server's come with the run
                return Map.of("table", TableSchema.of(DatabaseReader.read(spec, p.string("table", ""), "", Map.of(), 1,
                        ProgressMonitor.NONE).table()));
            }
            return Map.of();
        }

        @Override
        public Map<String, Object> execute(NodeContext context) throws NodeException {
            NodeParams p = context.params();
            ConnectionSpec spec = connection(p, context::resolveInput);
            ImportResult r = DatabaseReader.read(spec, p.string("table", ""), p.string("query", ""),
                    flowParameters(context), p.integer("rowLimit", 0), ProgressMonitor.of(context));
            Table rows = sample(r.table(), p.integer("sampleRows", 0), p.integer("seed", 42));
            context.info(String.format(java.util.Locale.ROOT, "read %,d rows from %s%s", r.table().rowCount(), spec,
                    rows == r.table() ? "" : String.format(java.util.Locale.ROOT, "; kept a random sample of %,d",
                            rows.rowCount())));
            r.warnings().forEach(context::warn);
            return Map.of("table", rows);
        }

        /** A seeded uniform sample of {@code k} rows in their order (Floyd's algorithm, as the CSV import samples). */
        static Table sample(Table t, long k, long seed) {
            int n = t.rowCount();
            if (k <= 0 || k >= n) {
                return t;
            }
            java.util.Random random = new java.util.Random(seed);
            java.util.BitSet chosen = new java.util.BitSet(n);
            for (long j = n - k; j < n; j++) {
                int pick = random.nextInt((int) j + 1);
                chosen.set(chosen.get(pick) ? (int) j : pick);
            }
            return t.rows(chosen.stream().toArray());
        }

        private static Map<String, String> flowParameters(NodeContext context) throws NodeException {
            Map<String, String> out = new LinkedHashMap<>();
            String json = context.flowDocument();
            if (json == null) {
                return out;
            }
            try {
                new FlowReader().read(json, "the running flow").parameters().forEach((k, v) -> out.put(k,
                        v == null ? null : String.valueOf(v)));
            } catch (FlowFormatException e) {
                throw new NodeException("query", "cannot read the flow's parameters: " + e.getMessage());
            }
            return out;
        }
    }

    static final class ExportNode implements NodeType {
        private static final NodeDescriptor D = new NodeDescriptor("data.export.database", 1, "Export database",
                "Data", "Writes the table to a database table in one transaction: create a new table, replace one "
                + "(the rows load into a staging table swapped in at the end, so a failure leaves the old table), or "
                + "append to one (columns matched by name).",
                List.of(PortSpec.of("table", PortType.TABLE, "The table to write")),
                List.of(PortSpec.of("table", PortType.TABLE, "The same table, unchanged")),
                List.of(connectionParam(),
                        ParamSpec.builder("table", ParamType.STRING).label("Table").required()
                                .help("The table to write (schema.table allowed).").build(),
                        ParamSpec.builder("mode", ParamType.CHOICE).label("If it exists").defaultValue("create")
                                .allowed("create", "replace", "append")
                                .help("create (fail if the table exists), replace it, or append to it.").build()));

        @Override
        public NodeDescriptor descriptor() {
            return D;
        }

        @Override
        public boolean hasSideEffects() {
            return true;
        }

        @Override
        public Map<String, TableSchema> configure(ConfigureContext context) throws NodeException {
            connection(context.params(), context::resolveInput);
            TableSchema in = context.inputSchemas().get("table");
            return in == null ? Map.of() : Map.of("table", in);
        }

        @Override
        public Map<String, Object> execute(NodeContext context) throws NodeException {
            Table table = context.input("table", Table.class);
            NodeParams p = context.params();
            // a database file in the URL is written like any output file: where the flow may write
            ConnectionSpec spec = connection(p, context::resolveOutput);
            String target = p.string("table", "");
            long rows = DatabaseWriter.write(table, spec, target, DatabaseWriter.Mode.of(p.string("mode", "create")),
                    ProgressMonitor.of(context));
            context.info(String.format(java.util.Locale.ROOT, "wrote %,d rows to %s in %s", rows, target, spec));
            return Map.of("table", table);
        }
    }
}
