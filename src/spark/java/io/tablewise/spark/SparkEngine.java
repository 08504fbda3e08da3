package io.tablewise.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;

import io.tablewise.engine.ExternalEngine;
import io.tablewise.engine.FlowValidator;
import io.tablewise.engine.ValidationReport;
import io.tablewise.flow.Edge;
import io.tablewise.flow.Flow;
import io.tablewise.flow.FlowGraph;
import io.tablewise.flow.NodeInstance;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeMessage;
import io.tablewise.node.NodeParams;
import io.tablewise.node.NodeType;
import io.tablewise.node.TableSchema;
import io.tablewise.node.registry.NodeRegistry;
import io.tablewise.transform.FittedState;
import io.tablewise.transform.Transform;
import io.tablewise.transform.TransformNode;

/**
 * The flow on Apache Spark. The embedded engine validates it (parameters, columns, paths); every node must then have
 * a Spark implementation — files in and out, and each transform whose rows can be split ({@link TransformStep}) —
 * or the run is refused before any work, naming the nodes. Nothing falls back silently to the embedded engine.
 */
public final class SparkEngine implements ExternalEngine {
    private static final Set<String> FILE_NODES = Set.of("data.import.csv", "data.import.parquet", "data.export.csv",
            "data.export.parquet");

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Outcome run(Request request, Consumer<String> progress) {
        NodeRegistry registry = NodeRegistry.builtIn();
        Map<String, Object> parameters = new LinkedHashMap<>(request.flow().parameters());
        parameters.putAll(request.parameters());
        ValidationReport report = new FlowValidator(registry).validate(request.flow(), request.policy()
                .withOutputDir(request.outputDir()), parameters);
        if (!report.isValid()) {
            return new Outcome(report.errors().stream().map(NodeMessage::format).toList(), List.of(), null);
        }
        List<String> refusals = refusals(request.flow(), registry, report);
        if (!refusals.isEmpty()) {
            return new Outcome(refusals, List.of(), null);
        }
        SparkSession spark = session(request.settings());
        CollectionAccumulator<String> warnings = spark.sparkContext().collectionAccumulator("tablewise warnings");
        List<NodeOutcome> done = new ArrayList<>();
        Map<String, Dataset<Row>> outputs = new HashMap<>();
        String id = null;
        try {
            for (String node : new FlowGraph(request.flow()).topologicalOrder()) {
                id = node;
                NodeInstance n = request.flow().node(node).orElseThrow();
                progress.accept("spark: " + node + " (" + n.type() + ")");
                NodeParams p = report.params().get(node);
                Dataset<Row> in = input(request.flow(), node, outputs);
                String note = step(spark, registry.find(n.type()).orElseThrow(), p, in, request, report, node,
                        outputs, warnings);
                done.add(new NodeOutcome(node, n.type(), note));
            }
            new LinkedHashSet<>(warnings.value()).stream().limit(20).forEach(w -> progress.accept("warning: " + w));
            return new Outcome(List.of(), done, null);
        } catch (NodeException e) {
            return new Outcome(List.of(), done, "node '" + id + "'" + (e.param() == null ? "" : ", " + e.param())
                    + ": " + e.getMessage());
        } catch (Exception e) { // Spark's own failures are checked exceptions thrown from Scala
            return new Outcome(List.of(), done, "node '" + id + "': " + SparkFailures.describe(e));
        }
    }

    /** The nodes with no Spark implementation, each named with why. */
    static List<String> refusals(Flow flow, NodeRegistry registry, ValidationReport report) {
        List<String> out = new ArrayList<>();
        for (NodeInstance n : flow.nodes()) {
            NodeType type = registry.find(n.type()).orElseThrow();
            String why = null;
            if (type instanceof TransformNode t) {
                try {
                    why = TransformStep.refusal(t.transform(), report.params().get(n.id()), inputSchema(flow, n.id(),
                            report));
                } catch (NodeException e) {
                    why = e.getMessage();
                }
            } else if (!FILE_NODES.contains(n.type())) {
                why = "has no Spark implementation yet";
            }
            if (why != null) {
                out.add("node '" + n.id() + "' (" + type.descriptor().name() + ", " + n.type() + ") " + why
                        + "; run this flow on the embedded engine (without --engine spark), or do that step "
                        + "another way");
            }
        }
        return out;
    }

    private static TableSchema inputSchema(Flow flow, String node, ValidationReport report) {
        for (Edge e : flow.incoming(node)) {
            Map<String, TableSchema> upstream = report.schemas().get(e.from().node());
            if (upstream != null && upstream.get(e.from().port()) != null) {
                return upstream.get(e.from().port());
            }
        }
        return null;
    }

    private static Dataset<Row> input(Flow flow, String node, Map<String, Dataset<Row>> outputs) {
        return flow.incoming(node).stream().findFirst().map(e -> outputs.get(e.from().node() + "/" + e.from()
                .port())).orElse(null);
    }

    private static String step(SparkSession spark, NodeType type, NodeParams p, Dataset<Row> in, Request request,
                               ValidationReport report, String node, Map<String, Dataset<Row>> outputs,
                               CollectionAccumulator<String> warnings) throws NodeException, java.io.IOException {
        switch (type.descriptor().id()) {
            case "data.import.csv" -> {
                Path file = request.policy().read(p.string("path", ""));
                outputs.put(node + "/table", SparkFiles.readCsv(spark, file, p, report.schemas().get(node)
                        .get("table")));
                return "read " + file.getFileName();
            }
            case "data.import.parquet" -> {
                Path file = request.policy().read(p.string("path", ""));
                outputs.put(node + "/table", SparkFiles.readParquet(spark, file, p));
                return "read " + file.getFileName();
            }
            case "data.export.csv" -> {
                Path file = request.policy().withOutputDir(request.outputDir()).write(p.string("path", ""),
                        Set.of());
                SparkFiles.writeCsv(in, file, p);
                return "wrote " + file.getFileName();
            }
            case "data.export.parquet" -> {
                Path file = request.policy().withOutputDir(request.outputDir()).write(p.string("path", ""),
                        Set.of());
                SparkFiles.writeParquet(in, file);
                return "wrote " + file.getFileName();
            }
            default -> {
                Transform t = ((TransformNode) type).transform();
                FittedState state = TransformStep.fit(t, p, in);
                outputs.put(node + "/table", TransformStep.apply(t, p, state, in, warnings));
                return t.learns() ? "learned " + abbreviated(state.toJson()) : t.reach(p) == Transform.Reach.GROUP
                        ? "per group of " + t.groupColumns(p) + " by " + t.orderColumns(p) : "each part of the table";
            }
        }
    }

    private static String abbreviated(String json) {
        String flat = json.replaceAll("\\s+", " ");
        return flat.length() > 120 ? flat.substring(0, 120) + " …" : flat;
    }

    /**
     * The session: spark-submit's when it made one (its master and settings win), else one on {@code --master}
     * (default local[*]) with the {@code --conf} settings.
     */
    static SparkSession session(Map<String, String> settings) {
        Optional<SparkSession> active = SparkSession.getActiveSession().isDefined()
                ? Optional.of(SparkSession.getActiveSession().get()) : Optional.empty();
        if (active.isPresent()) {
            return active.get();
        }
        SparkSession.Builder b = SparkSession.builder().appName("tablewise")
                .config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.sql.ansi.enabled", "false") // a text that is not a number becomes missing, as here
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.ui.showConsoleProgress", "false");
        if (System.getProperty("spark.master") == null) {
            b.master(settings.getOrDefault("master", "local[*]"));
        }
        settings.forEach((k, v) -> {
            if (k.startsWith("conf.")) {
                b.config(k.substring(5), v);
            }
        });
        return b.getOrCreate();
    }
}
