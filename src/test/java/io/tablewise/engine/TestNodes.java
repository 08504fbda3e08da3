package io.tablewise.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import io.tablewise.node.ColumnKind;
import io.tablewise.node.ColumnSchema;
import io.tablewise.node.ConfigureContext;
import io.tablewise.node.NodeContext;
import io.tablewise.node.NodeDescriptor;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeType;
import io.tablewise.node.ParamSpec;
import io.tablewise.node.ParamType;
import io.tablewise.node.PortSpec;
import io.tablewise.node.PortType;
import io.tablewise.node.TableSchema;
import io.tablewise.node.registry.NodeRegistry;

/** Small node types that make engine behaviour observable: counting, slow, failing, barrier-waiting nodes. */
final class TestNodes {
    /** A port type other than table, to test mismatches. */
    static final PortType REPORT = new PortType("report", "Report", String.class);
    /** Executions per node id, for the caching tests. */
    static final Map<String, AtomicInteger> EXECUTIONS = new ConcurrentHashMap<>();
    /** Two parallel branches meet here; sequential execution would time out. */
    static volatile CyclicBarrier barrier = new CyclicBarrier(2);

    private TestNodes() {
    }

    static NodeRegistry registry() {
        return NodeRegistry.builtIn().with(List.of(new Source(), new Pass(), new Slow(), new Fail(), new Barrier(),
                new Reporter(), new PickColumn()));
    }

    static int executions(String nodeId) {
        return EXECUTIONS.getOrDefault(nodeId, new AtomicInteger()).get();
    }

    private static void count(NodeContext ctx) {
        EXECUTIONS.computeIfAbsent(ctx.nodeId(), k -> new AtomicInteger()).incrementAndGet();
    }

    private static final TableSchema SOURCE_SCHEMA = new TableSchema(List.of(
            new ColumnSchema("n", ColumnKind.INTEGER), new ColumnSchema("label", ColumnKind.TEXT)));

    /** Makes a table of {@code rows} rows: n = 0..rows-1, label = "r" + n. */
    static final class Source implements NodeType {
        @Override
        public NodeDescriptor descriptor() {
            return new NodeDescriptor("test.source", 1, "Source", "Test", "Makes rows.", List.of(),
                    List.of(PortSpec.of("table", PortType.TABLE, "rows")),
                    List.of(ParamSpec.builder("rows", ParamType.INTEGER).defaultValue(3L).range(0.0, 1000.0).build()));
        }

        @Override
        public Map<String, TableSchema> configure(ConfigureContext context) {
            return Map.of("table", SOURCE_SCHEMA);
        }

        @Override
        public Map<String, Object> execute(NodeContext context) {
            count(context);
            int rows = (int) context.params().integer("rows", 3);
            IntColumn n = IntColumn.indexColumn("n", rows, 0);
            StringColumn label = StringColumn.create("label");
            for (int i = 0; i < rows; i++) {
                label.append("r" + i);
            }
            return Map.of("table", Table.create("source", n, label));
        }
    }

    /** Passes its input through, adding {@code add} to column n. */
    static final class Pass implements NodeType {
        @Override
        public NodeDescriptor descriptor() {
            return new NodeDescriptor("test.pass", 1, "Pass", "Test", "Adds a number.",
                    List.of(PortSpec.of("table", PortType.TABLE, "in")),
                    List.of(PortSpec.of("table", PortType.TABLE, "out")),
                    List.of(ParamSpec.builder("add", ParamType.INTEGER).defaultValue(0L).build()));
        }

        @Override
        public Map<String, TableSchema> configure(ConfigureContext context) {
            return Map.of("table", context.inputSchemas().getOrDefault("table", SOURCE_SCHEMA));
        }

        @Override
        public Map<String, Object> execute(NodeContext context) {
            count(context);
            Table in = context.input("table", Table.class);
            Table out = in.copy();
            IntColumn n = out.intColumn("n");
            out.replaceColumn("n", n.add((int) context.params().integer("add", 0)).asIntColumn().setName("n"));
            return Map.of("table", out);
        }
    }

    /** Runs until cancelled, checking every 10 ms. */
    static final class Slow implements NodeType {
        @Override
        public NodeDescriptor descriptor() {
            return new NodeDescriptor("test.slow", 1, "Slow", "Test", "Never ends by itself.", List.of(),
                    List.of(PortSpec.of("table", PortType.TABLE, "never")), List.of());
        }

        @Override
        public Map<String, TableSchema> configure(ConfigureContext context) {
            return Map.of();
        }

        @Override
        public Map<String, Object> execute(NodeContext context) {
            count(context);
            while (true) {
                context.checkCancelled();
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Fails with a message. */
    static final class Fail implements NodeType {
        @Override
        public NodeDescriptor descriptor() {
            return new NodeDescriptor("test.fail", 1, "Fail", "Test", "Always fails.",
                    List.of(PortSpec.optional("table", PortType.TABLE, "in")),
                    List.of(PortSpec.of("table", PortType.TABLE, "never")), List.of());
        }

        @Override
        public Map<String, TableSchema> configure(ConfigureContext context) {
            return Map.of();
        }

        @Override
        public Map<String, Object> execute(NodeContext context) throws NodeException {
            count(context);
            throw new NodeException("the test node failed on purpose");
        }
    }

    /** Waits at the shared barrier: completes only if another branch runs at the same time. */
    static final class Barrier implements NodeType {
        @Override
        public NodeDescriptor descriptor() {
            return new NodeDescriptor("test.barrier", 1, "Barrier", "Test", "Meets another branch.",
                    List.of(PortSpec.of("table", PortType.TABLE, "in")),
                    List.of(PortSpec.of("table", PortType.TABLE, "out")), List.of());
        }

        @Override
        public Map<String, TableSchema> configure(ConfigureContext context) {
            return Map.of();
        }

        @Override
        public Map<String, Object> execute(NodeContext context) throws NodeException {
            count(context);
            try {
                barrier.await(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new NodeException("the other branch did not run in parallel");
            }
            return Map.of("table", context.input("table", Table.class));
        }
    }

    /** Produces a report (not a table). */
    static final class Reporter implements NodeType {
        @Override
        public NodeDescriptor descriptor() {
            return new NodeDescriptor("test.report", 1, "Report", "Test", "Describes a table.",
                    List.of(PortSpec.of("table", PortType.TABLE, "in")),
                    List.of(PortSpec.of("report", REPORT, "text")), List.of());
        }

        @Override
        public Map<String, TableSchema> configure(ConfigureContext context) {
            return Map.of();
        }

        @Override
        public Map<String, Object> execute(NodeContext context) {
            return Map.of("report", context.input("table", Table.class).shape());
        }
    }

    /** Keeps one column named by a COLUMN parameter. */
    static final class PickColumn implements NodeType {
        @Override
        public NodeDescriptor descriptor() {
            return new NodeDescriptor("test.pick", 1, "Pick", "Test", "Keeps one column.",
                    List.of(PortSpec.of("table", PortType.TABLE, "in")),
                    List.of(PortSpec.of("table", PortType.TABLE, "out")),
                    List.of(ParamSpec.builder("column", ParamType.COLUMN).required().columnsFrom("table").build()));
        }

        @Override
        public Map<String, TableSchema> configure(ConfigureContext context) {
            TableSchema in = context.inputSchemas().get("table");
            String col = context.params().string("column");
            return in == null ? Map.of() : Map.of("table", new TableSchema(List.of(in.column(col).orElseThrow())));
        }

        @Override
        public Map<String, Object> execute(NodeContext context) {
            Table in = context.input("table", Table.class);
            return Map.of("table", in.selectColumns(context.params().string("column")));
        }
    }
}
