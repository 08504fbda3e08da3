package io.tablewise.node.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.tablewise.engine.FlowValidator;
import io.tablewise.engine.ValidationReport;
import io.tablewise.flow.Edge;
import io.tablewise.flow.Flow;
import io.tablewise.flow.NodeInstance;
import io.tablewise.flow.UiPosition;
import io.tablewise.flow.json.FlowReader;
import io.tablewise.flow.json.FlowWriter;
import io.tablewise.node.NodeDescriptor;
import io.tablewise.node.NodeType;
import io.tablewise.node.ParamSpec;
import io.tablewise.node.ParamType;
import io.tablewise.node.PortSpec;
import io.tablewise.node.PortType;

/** Every registered node type honours the contract the studio, the file format and the docs rely on. */
class RegistryContractTest {
    @TempDir
    static Path dir;

    static Stream<NodeType> nodeTypes() {
        return NodeRegistry.builtIn().all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodeTypes")
    void descriptorIsComplete(NodeType type) {
        NodeDescriptor d = type.descriptor();
        assertTrue(d.id().matches("[a-z]+(\\.[a-z0-9-]+)+"), d.id());
        assertTrue(d.version() >= 1);
        assertFalse(d.name().isBlank());
        assertFalse(d.category().isBlank());
        assertTrue(d.help().length() > 20, "help for " + d.id());
        Set<String> names = new HashSet<>();
        for (ParamSpec p : d.params()) {
            assertTrue(names.add(p.name()), "duplicate parameter " + p.name());
            assertFalse(p.help().isBlank(), "help for parameter " + p.name());
            assertEquals(java.util.Optional.empty(), p.required() ? java.util.Optional.empty()
                    : p.check(p.defaultValue()), "default of " + p.name());
            if (p.type() == ParamType.CHOICE) {
                assertTrue(p.allowedValues().contains(String.valueOf(p.defaultValue())), p.name());
            }
            if (p.namesColumns() && p.columnsFrom() != null) {
                assertTrue(d.input(p.columnsFrom()).isPresent(), p.name() + " names columns of a missing input");
            }
        }
        assertEquals(d.inputs().size(), d.inputs().stream().map(PortSpec::name).distinct().count());
        assertEquals(d.outputs().size(), d.outputs().stream().map(PortSpec::name).distinct().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodeTypes")
    void defaultParametersRoundTripThroughTheFlowFile(NodeType type) throws Exception {
        Map<String, Object> params = new LinkedHashMap<>();
        for (ParamSpec p : type.descriptor().params()) {
            if (p.defaultValue() != null) {
                params.put(p.name(), p.defaultValue());
            }
        }
        Flow flow = Flow.empty("contract").withNode(new NodeInstance("n", type.descriptor().id(),
                type.descriptor().version(), "n", params, UiPosition.ORIGIN));
        Flow back = new FlowReader().read(new FlowWriter().toJson(flow), "contract.flow");
        assertEquals(flow.node("n").orElseThrow().params(), back.node("n").orElseThrow().params());
    }

    /** Data and insights nodes; transforms have their own, stricter contract test (TransformContractTest). */
    static Stream<NodeType> nonTransformTypes() {
        return nodeTypes().filter(t -> !t.descriptor().id().startsWith("transform."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nonTransformTypes")
    void configuresOnASampleAndItsOutputSchemaIsKnown(NodeType type) throws Exception {
        Path csv = dir.resolve("sample.csv");
        Files.writeString(csv, "id,city,amount\n1,서울,2.5\n2,부산,3.0\n");
        Files.writeString(dir.resolve("sample.jsonl"), "{\"id\":1,\"city\":\"서울\",\"amount\":2.5}\n");
        io.tablewise.data.ExcelExportNode.class.getName();
        Map<String, Object> params = new LinkedHashMap<>();
        for (ParamSpec p : type.descriptor().params()) {
            if (p.type() == ParamType.INPUT_FILE) {
                params.put(p.name(), type.descriptor().id().endsWith("jsonl") ? "sample.jsonl"
                        : type.descriptor().id().endsWith("excel") ? "sample.xlsx"
                        : type.descriptor().id().endsWith("parquet") ? "sample.parquet" : "sample.csv");
            } else if (p.type() == ParamType.OUTPUT_FILE) {
                params.put(p.name(), "out/result");
            } else if (p.type() == ParamType.COLUMN) {
                params.put(p.name(), "city");
            } else if (p.name().equals("connection")) { // a database node: a SQLite file beside the flow
                params.put(p.name(), type.descriptor().id().startsWith("data.import") ? "jdbc:sqlite:sample.db"
                        : "jdbc:sqlite:out/result.db");
                params.put("table", type.descriptor().id().startsWith("data.import") ? "sample" : "result");
            } else if (p.name().equals("table") && type.descriptor().id().endsWith("database")) {
                continue; // set with the connection
            } else if (p.type() == ParamType.STRING && p.required()) {
                // a registry node: a group name, or a model reference
                params.put(p.name(), p.name().equals("model") ? "churn@champion" : "churn");
            } else if (p.type() == ParamType.TEXT && p.required()) {
                // a pipeline node: a condition, or a message
                params.put(p.name(), p.name().equals("condition") ? "producer.test.auc >= 0.5" : "stop here");
            }
        }
        if (type.descriptor().id().equals("data.import.excel")) {
            writeSampleXlsx(csv, dir.resolve("sample.xlsx"));
        }
        tech.tablesaw.api.Table sample = new io.tablewise.data.csv.DelimitedReader().read(csv,
                io.tablewise.data.csv.CsvOptions.defaults(), io.tablewise.node.ProgressMonitor.NONE).table();
        if (type.descriptor().id().equals("data.import.parquet")) {
            io.tablewise.io.AtomicFiles.write(dir.resolve("sample.parquet"), out ->
                    io.tablewise.data.parquet.ParquetFiles.write(sample, out, io.tablewise.node.ProgressMonitor.NONE));
        }
        if (type.descriptor().id().equals("data.import.database")) {
            io.tablewise.data.db.DatabaseWriter.write(sample, new io.tablewise.data.db.ConnectionSpec("s",
                    "jdbc:sqlite:" + dir.resolve("sample.db"), null, null), "sample",
                    io.tablewise.data.db.DatabaseWriter.Mode.CREATE, io.tablewise.node.ProgressMonitor.NONE);
        }
        Flow flow = Flow.empty("contract");
        if (!type.descriptor().inputs().isEmpty()) {
            flow = flow.withNode(new NodeInstance("src", "data.import.csv", 1, "src", Map.of("path", "sample.csv"),
                    UiPosition.ORIGIN));
        }
        flow = flow.withNode(new NodeInstance("n", type.descriptor().id(), 1, "n", params, UiPosition.ORIGIN));
        for (PortSpec in : type.descriptor().inputs()) {
            if (in.type().equals(PortType.TABLE)) {
                flow = flow.withEdge(Edge.of("src", "table", "n", in.name()));
            } else {
                // Another input type: feed it from the first registered node that produces it from a table.
                NodeType producer = NodeRegistry.builtIn().all().stream()
                        .filter(t -> t.descriptor().outputs().stream().anyMatch(o -> o.type().equals(in.type())))
                        .findFirst().orElseThrow();
                PortSpec out = producer.descriptor().outputs().stream().filter(o -> o.type().equals(in.type()))
                        .findFirst().orElseThrow();
                Map<String, Object> producerParams = new LinkedHashMap<>();
                for (ParamSpec p : producer.descriptor().params()) {
                    if (p.type() == ParamType.COLUMN) {
                        producerParams.put(p.name(), "city");
                    }
                }
                flow = flow.withNode(new NodeInstance("producer", producer.descriptor().id(), 1, "producer",
                        producerParams, UiPosition.ORIGIN)).withEdge(Edge.of("src", "table", "producer", "table"))
                        .withEdge(Edge.of("producer", out.name(), "n", in.name()));
            }
        }
        ValidationReport report = new FlowValidator(NodeRegistry.builtIn()).validate(flow, dir, Map.of());
        assertTrue(report.isValid(), report.messages().toString());
        // a node fed by a model (prediction) adds columns that only the model knows: its schema comes with the run
        boolean modelInput = type.descriptor().inputs().stream().anyMatch(i -> !i.type().equals(PortType.TABLE));
        for (PortSpec out : type.descriptor().outputs()) {
            if (out.type().equals(PortType.TABLE) && !modelInput) {
                List<String> expected = switch (type.descriptor().id()) {
                    case "insights.anomalies" -> List.of("id", "city", "amount", "anomaly_score", "anomaly",
                            "anomaly_reason");
                    case "model.forecast" -> List.of("city", "p10", "p50", "p90"); // the time column, quantiles
                    default -> List.of("id", "city", "amount");
                };
                assertEquals(expected, report.schemas().get("n").get(out.name()).names());
            }
        }
    }

    private static void writeSampleXlsx(Path csv, Path xlsx) throws Exception {
        tech.tablesaw.api.Table t = new io.tablewise.data.csv.DelimitedReader().read(csv,
                io.tablewise.data.csv.CsvOptions.defaults(), io.tablewise.node.ProgressMonitor.NONE).table();
        java.lang.reflect.Method write = io.tablewise.data.ExcelExportNode.class.getDeclaredMethod("writeXlsx",
                tech.tablesaw.api.Table.class, Path.class, String.class, io.tablewise.node.NodeContext.class);
        write.setAccessible(true);
        write.invoke(null, t, xlsx, "data", null);
    }
}
