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

import tech.tablesaw.api.Table;

/**
 * The flow on Apache Spark. The embedded engine validates it (parameters, columns, paths); every node must then have
 * a Spark implementation — files in and out, and each transform whose rows can be split ({@link TransformStep}) —
 * or the run is refused before any work, naming the nodes. Nothing falls back silently to the embedded engine.
 */
public final class SparkEngine implements ExternalEngine {
    private static final Set<String> FILE_NODES = Set.of("data.import.csv", "data.import.parquet", "data.export.csv",
            "data.export.parquet");
    /** Carried out by Spark itself. */
    private static final Set<String> SPARK_NODES = Set.of("model.predict", "transform.split.split",
            "transform.combine.join", "transform.combine.concat", "data.import.database", "data.export.database");
    /** Run by the embedded engine on the driver, on rows brought there (all of them up to a cap). */
    private static final Set<String> DRIVER_NODES = Set.of("model.build", "model.export", "insights.report",
            "insights.export");

    @Override
    public String name() {
        return "spark";
    }

    /**
     * Runs the flow; import and export nodes naming another store (hdfs:, s3a:, file: URIs) are checked against
     * the user's allowances and validated on local stand-ins first ({@link RemoteFiles}).
     */
    @Override
    public Outcome run(Request request, Consumer<String> progress) {
        List<String> refused = new ArrayList<>();
        RemoteFiles.Prepared prepared;
        try {
            prepared = RemoteFiles.prepare(request.flow(), request.settings(), refused);
        } catch (Exception e) { // a location Spark's settings do not reach, a damaged file
            return new Outcome(List.of(), List.of(), "reading a location the flow names: " + SparkFailures
                    .describe(e));
        }
        if (!refused.isEmpty()) {
            return new Outcome(refused, List.of(), null);
        }
        if (prepared.standIns() == null) {
            return runPrepared(request, Map.of(), progress);
        }
        try {
            return runPrepared(new Request(prepared.flow(), request.flowDir(), request.outputDir(), request
                    .parameters(), request.settings(), request.policy().allowing(List.of(prepared.standIns()),
                    List.of(), List.of())), prepared.locations(), progress);
        } finally {
            SparkFiles.deleteQuietly(prepared.standIns());
        }
    }

    private Outcome runPrepared(Request request, Map<String, java.net.URI> remote, Consumer<String> progress) {
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
        Map<String, Object> outputs = new HashMap<>();
        String id = null;
        try {
            for (String node : new FlowGraph(request.flow()).topologicalOrder()) {
                id = node;
                NodeInstance n = request.flow().node(node).orElseThrow();
                progress.accept("spark: " + node + " (" + n.type() + ")");
                NodeParams p = report.params().get(node);
                NodeType type = registry.find(n.type()).orElseThrow();
                String note = DRIVER_NODES.contains(n.type()) ? onDriver(type, p, request, report, node, outputs,
                        progress) : step(spark, type, p, request, report, node, outputs, warnings, remote.get(node));
                keepIfShared(request.flow(), node, outputs);
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

    /**
     * A table that more than one node reads (an import feeding an export, the insights and a transform) is kept
     * once computed, in memory and on disk, instead of being read and computed again for each.
     */
    private static void keepIfShared(Flow flow, String node, Map<String, Object> outputs) {
        Object rows = outputs.get(node + "/table");
        if (rows instanceof Dataset<?> d && flow.outgoing(node).size() > 1) {
            d.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
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
            } else if (!FILE_NODES.contains(n.type()) && !DRIVER_NODES.contains(n.type())
                    && !SPARK_NODES.contains(n.type())) {
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

    /** What reached a node's input port. */
    private static Object input(Flow flow, String node, String port, Map<String, Object> outputs) {
        return flow.incoming(node).stream().filter(e -> e.to().port().equals(port)).findFirst()
                .map(e -> outputs.get(e.from().node() + "/" + e.from().port())).orElse(null);
    }

    private static Dataset<Row> rows(Flow flow, String node, Map<String, Object> outputs) {
        return table(flow, node, "table", outputs);
    }

    @SuppressWarnings("unchecked")
    private static Dataset<Row> table(Flow flow, String node, String port, Map<String, Object> outputs) {
        return (Dataset<Row>) input(flow, node, port, outputs);
    }

    /**
     * A node run by the embedded engine on the driver: its tables collected (all rows up to the cap, else a seeded
     * sample, said), for a model build with the transforms right upstream as its lineage, so it refits them on its
     * own training rows exactly as the embedded engine does.
     */
    @SuppressWarnings("unchecked")
    private static String onDriver(NodeType type, NodeParams p, Request request, ValidationReport report, String node,
                                   Map<String, Object> outputs, Consumer<String> progress) throws NodeException {
        Flow flow = request.flow();
        long cap = DriverNode.cap(request.settings());
        String mllib = request.settings().get(MllibTrainer.ALGORITHM);
        if (mllib != null && type.descriptor().id().equals("model.build") && !List.of("forecast", "anomaly")
                .contains(p.string("problemType", "auto"))) {
            return allRows(type, p, request, report, node, outputs, progress, mllib.strip(), cap);
        }
        Map<String, Object> inputs = new HashMap<>();
        Map<String, io.tablewise.node.Lineage> lineage = new HashMap<>();
        List<String> notes = new ArrayList<>();
        Dataset<Row> sampledRows = null; // a table too large for the driver, whose report is then measured by Spark
        Dataset<Row> leftOut = null; // the rows a model's sample left out, on which it is then evaluated
        for (Edge e : flow.incoming(node)) {
            Object value = outputs.get(e.from().node() + "/" + e.from().port());
            if (!(value instanceof Dataset<?> d)) {
                inputs.put(e.to().port(), value);
                continue;
            }
            if (type.descriptor().id().equals("model.build")) {
                Upstream up = upstream(flow, e, outputs);
                DriverNode.Collected raw = DriverNode.collect(up.rows(), cap, p.string("target", null));
                if (raw.sampled() != null) {
                    notes.add("trained " + raw.sampled());
                    leftOut = raw.rest();
                }
                Map.Entry<Table, io.tablewise.node.Lineage> chained = chained(up.chain(), report, raw.table());
                inputs.put(e.to().port(), chained.getKey());
                lineage.put(e.to().port(), chained.getValue());
            } else {
                DriverNode.Collected c = DriverNode.collect((Dataset<Row>) d, cap, null);
                if (c.sampled() != null) {
                    notes.add("computed " + c.sampled());
                    sampledRows = (Dataset<Row>) d;
                }
                inputs.put(e.to().port(), c.table());
            }
        }
        DriverNode context = new DriverNode(node, p, inputs, lineage, request.policy().withOutputDir(request
                .outputDir()));
        Map<String, Object> made = new HashMap<>(context.run(type));
        if (sampledRows != null && made.get("report") instanceof io.tablewise.insights.InsightsReport insights) {
            made.put("report", SparkInsights.measured(insights, sampledRows));
            notes.add("column figures measured on all rows (quartiles within 1/10,000 of the rows)");
        }
        if (leftOut != null && made.get("model") instanceof io.tablewise.model.TrainedModel m) {
            made.put("model", evaluatedOn(leftOut, m, notes));
        }
        made.forEach((port, value) -> outputs.put(node + "/" + port, value));
        context.said().forEach(line -> progress.accept(node + ": " + line));
        List<String> summary = new ArrayList<>(notes);
        context.said().stream().filter(l -> !l.startsWith("warning:")).reduce((a, b) -> b).ifPresent(summary::add);
        return summary.isEmpty() ? "done on the driver" : String.join("; ", summary);
    }

    /**
     * The rows after the transforms, and the lineage a model build refits them from (each step with the rows it
     * received): as the embedded engine hands them to a build.
     */
    private static Map.Entry<Table, io.tablewise.node.Lineage> chained(List<NodeInstance> chain,
                                                                       ValidationReport report, Table rows)
            throws NodeException {
        List<io.tablewise.node.Lineage.Step> steps = new ArrayList<>();
        Table t = rows;
        for (NodeInstance n : chain) {
            TransformNode tn = (TransformNode) NodeRegistry.builtIn().find(n.type()).orElseThrow();
            NodeParams np = report.params().get(n.id());
            steps.add(new io.tablewise.node.Lineage.Step(tn, np, t));
            t = tn.transform().apply(t, np, tn.transform().fit(t, np), io.tablewise.transform.TransformContext.NONE);
        }
        return Map.entry(t, new io.tablewise.node.Lineage(steps));
    }

    /**
     * A model build whose final model Spark MLlib trains on every training row ({@code tablewise.mllib}): the
     * labelled rows are split on Spark (seeded, stratified by class); the driver holds a sample of the training rows
     * (all of them up to the cap) and of the test rows, on which the build refits its transforms, learns the encoding,
     * chooses the threshold, evaluates and explains as usual; {@link MllibTrainer} trains on every training row; the
     * model is then evaluated on every test row, on Spark.
     */
    private static String allRows(NodeType type, NodeParams p, Request request, ValidationReport report, String node,
                                  Map<String, Object> outputs, Consumer<String> progress, String algorithm, long cap)
            throws NodeException {
        Flow flow = request.flow();
        Edge into = flow.incoming(node).stream().filter(e -> e.to().port().equals("table")).findFirst()
                .orElseThrow();
        Upstream up = upstream(flow, into, outputs);
        String target = p.string("target", "");
        Dataset<Row> raw = up.rows();
        if (!List.of(raw.columns()).contains(target)) {
            throw new NodeException("target", "the table has no column '" + target + "'");
        }
        Dataset<Row> labelled = raw.where(TableStep.missingAsNull(org.apache.spark.sql.functions.col(SparkAggregates
                .quoted(target)), raw.schema().apply(target).dataType()).isNotNull());
        DriverNode.Parts parts = DriverNode.split(labelled, 1 - p.decimal("testShare", 0.2), target,
                p.integer("seed", 42));
        DriverNode.Collected train = DriverNode.collect(parts.first(), cap, target);
        DriverNode.Collected test = DriverNode.collect(parts.rest(), Math.max(1, cap / 4), target);
        Table source = train.table().copy();
        source.append(test.table());
        int[] testRows = java.util.stream.IntStream.range(train.table().rowCount(), source.rowCount()).toArray();
        MllibTrainer trainer;
        try {
            trainer = new MllibTrainer(algorithm, parts.first(), testRows, request.settings());
        } catch (IllegalArgumentException e) {
            throw new NodeException(null, e.getMessage());
        }
        Map.Entry<Table, io.tablewise.node.Lineage> chained = chained(up.chain(), report, source);
        DriverNode context = new DriverNode(node, p, Map.of("table", chained.getKey()), Map.of("table",
                chained.getValue()), request.policy().withOutputDir(request.outputDir())).offering(trainer);
        Map<String, Object> made = new HashMap<>(context.run(type));
        List<String> notes = new ArrayList<>();
        if (made.get("model") instanceof io.tablewise.model.TrainedModel m) {
            notes.add("final model: " + m.info().get("algorithm"));
            notes.add(String.format(java.util.Locale.ROOT, "transforms, encoding, threshold and explanations learned "
                    + "on %,d training rows%s", train.table().rowCount(), train.sampled() == null ? ""
                    : " (a seeded sample of " + String.format(java.util.Locale.ROOT, "%,d", train.all()) + ")"));
            made.put("model", evaluatedOn(parts.rest(), withRanges(m, parts.first()), notes,
                    "all the %,d test rows"));
        }
        made.forEach((port, value) -> outputs.put(node + "/" + port, value));
        context.said().forEach(line -> progress.accept(node + ": " + line));
        context.said().stream().filter(l -> !l.startsWith("warning:")).reduce((a, b) -> b).ifPresent(notes::add);
        return String.join("; ", notes);
    }

    /**
     * The model with the ranges of its number inputs ({@code info.inputProfile}) measured on every training row: the
     * model has seen them all, so scoring must not call a value outside the sample's range new; its training rows
     * ({@code info.trainRows}) are all of them (the driver's share kept as {@code info.sampleTrainRows}).
     */
    @SuppressWarnings("unchecked")
    private static io.tablewise.model.TrainedModel withRanges(io.tablewise.model.TrainedModel m, Dataset<Row> rows) {
        if (!(m.info().get("inputProfile") instanceof List<?> profile)) {
            return m;
        }
        List<org.apache.spark.sql.Column> aggregates = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (Object o : profile) {
            Map<String, Object> entry = (Map<String, Object>) o;
            String name = String.valueOf(entry.get("name"));
            if (entry.containsKey("min") && List.of(rows.columns()).contains(name)) {
                org.apache.spark.sql.Column c = org.apache.spark.sql.functions.col(SparkAggregates.quoted(name))
                        .cast("double");
                aggregates.add(org.apache.spark.sql.functions.min(c));
                aggregates.add(org.apache.spark.sql.functions.max(c));
                numbers.add(name);
            }
        }
        if (numbers.isEmpty()) {
            return m;
        }
        Row r = rows.agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(
                new org.apache.spark.sql.Column[0])).first();
        List<Map<String, Object>> widened = new ArrayList<>();
        for (Object o : profile) {
            Map<String, Object> entry = new LinkedHashMap<>((Map<String, Object>) o);
            int at = numbers.indexOf(String.valueOf(entry.get("name")));
            if (at >= 0 && !r.isNullAt(2 * at)) {
                entry.put("min", r.getDouble(2 * at));
                entry.put("max", r.getDouble(2 * at + 1));
            }
            widened.add(entry);
        }
        Map<String, Object> info = new LinkedHashMap<>(m.info());
        info.put("inputProfile", widened);
        // the model learned from every training row; the transforms and encoding from the driver's share of them
        info.put("sampleTrainRows", info.get("trainRows"));
        info.put("trainRows", m.settings().get("trainingRows"));
        return m.withInfo(info);
    }

    /**
     * A model built on a sample, evaluated on all the rows the sample left out, distributed ({@link HeldOut}): the
     * figures are said and kept in the model's provenance ({@code info.heldOutOnSpark}).
     */
    private static io.tablewise.model.TrainedModel evaluatedOn(Dataset<Row> rows, io.tablewise.model.TrainedModel m,
                                                               List<String> notes) throws NodeException {
        return evaluatedOn(rows, m, notes, "the %,d rows the sample left out");
    }

    /** The same, the rows described by {@code which} (a format of their count). */
    private static io.tablewise.model.TrainedModel evaluatedOn(Dataset<Row> rows, io.tablewise.model.TrainedModel m,
                                                               List<String> notes, String which)
            throws NodeException {
        Map<String, Object> figures;
        try {
            figures = HeldOut.evaluate(m, ScoreStep.score(m, rows, rows.sparkSession().sparkContext()
                    .collectionAccumulator()));
        } catch (java.io.IOException e) {
            throw new NodeException(null, "could not score the rows left out of the sample: " + e.getMessage());
        }
        notes.add(String.format(java.util.Locale.ROOT, "evaluated on " + which + ", on Spark: %s",
                (Long) figures.get("rows"), figures.entrySet().stream().filter(e -> !e.getKey().equals("rows"))
                        .map(e -> e.getKey() + " " + String.format(java.util.Locale.ROOT, "%.4f", (Double) e
                                .getValue())).collect(java.util.stream.Collectors.joining(", "))
                        + (figures.containsKey("auc") ? " (AUC exact, by sorting)" : "")));
        Map<String, Object> info = new LinkedHashMap<>(m.info());
        info.put("heldOutOnSpark", figures);
        return m.withInfo(info);
    }

    /**
     * The transforms right upstream of a node (nearest last) and the rows they started from.
     *
     * @param chain the transform nodes, farthest first
     * @param rows the rows the first of them received
     */
    private record Upstream(List<NodeInstance> chain, Dataset<Row> rows) {
    }

    /** Walks from the edge into a node up through single-input transform nodes to the rows they started from. */
    @SuppressWarnings("unchecked")
    private static Upstream upstream(Flow flow, Edge into, Map<String, Object> outputs) {
        List<NodeInstance> chain = new ArrayList<>();
        Edge edge = into;
        while (true) {
            NodeInstance n = flow.node(edge.from().node()).orElseThrow();
            List<Edge> in = flow.incoming(n.id());
            if (!(NodeRegistry.builtIn().find(n.type()).orElseThrow() instanceof TransformNode) || in.size() != 1) {
                java.util.Collections.reverse(chain);
                return new Upstream(chain, (Dataset<Row>) outputs.get(edge.from().node() + "/" + edge.from()
                        .port()));
            }
            chain.add(n);
            edge = in.get(0);
        }
    }

    /** A node Spark carries out; {@code remote}: the real location of an import or export node, else null. */
    private static String step(SparkSession spark, NodeType type, NodeParams p, Request request,
                               ValidationReport report, String node, Map<String, Object> outputs,
                               CollectionAccumulator<String> warnings, java.net.URI remote) throws Exception {
        Dataset<Row> in = rows(request.flow(), node, outputs);
        switch (type.descriptor().id()) {
            case "data.import.csv" -> {
                Path file = request.policy().read(p.string("path", "")); // a remote location's stand-in
                outputs.put(node + "/table", SparkFiles.readCsv(spark, remote != null ? remote.toString() : file
                        .toUri().toString(), file, p, report.schemas().get(node).get("table")));
                return "read " + (remote != null ? remote : file.getFileName());
            }
            case "data.import.database", "data.export.database" -> {
                long cap = DriverNode.cap(request.settings());
                List<String> said = new ArrayList<>();
                outputs.put(node + "/table", type.descriptor().id().equals("data.import.database")
                        ? DatabaseStep.read(spark, type, p, request, node, cap, said)
                        : DatabaseStep.write(type, p, request, node, in, cap, said));
                return said.isEmpty() ? "done on the driver" : said.get(said.size() - 1) + " (on the driver)";
            }
            case "data.import.parquet" -> {
                Path file = request.policy().read(p.string("path", ""));
                outputs.put(node + "/table", SparkFiles.readParquet(spark, remote != null ? remote.toString() : file
                        .toUri().toString(), p));
                return "read " + (remote != null ? remote : file.getFileName());
            }
            case "data.export.csv", "data.export.parquet" -> {
                java.net.URI target = remote != null ? remote : request.policy().withOutputDir(request.outputDir())
                        .write(p.string("path", ""), Set.of()).toUri();
                if (type.descriptor().id().equals("data.export.csv")) {
                    SparkFiles.writeCsv(in, target, p);
                } else {
                    SparkFiles.writeParquet(in, target);
                }
                return "wrote " + (remote != null ? remote : Path.of(target).getFileName());
            }
            case "model.predict" -> {
                Object model = input(request.flow(), node, "model", outputs);
                if (!(model instanceof io.tablewise.model.TrainedModel m)) {
                    throw new NodeException("model", "on Spark, Predict scores with classification and regression "
                            + "models; this is " + ((io.tablewise.model.BuiltModel) model).kind());
                }
                outputs.put(node + "/table", ScoreStep.score(m, in, warnings));
                return "scored each part with the model";
            }
            case "transform.combine.join" -> {
                outputs.put(node + "/table", CombineStep.join(table(request.flow(), node, "left", outputs), table(
                        request.flow(), node, "right", outputs), p, report.schemas().get(node).get("table")));
                return "joined";
            }
            case "transform.combine.concat" -> {
                outputs.put(node + "/table", CombineStep.concat(table(request.flow(), node, "first", outputs), table(
                        request.flow(), node, "second", outputs), p, report.schemas().get(node).get("table")));
                return "concatenated";
            }
            case "transform.split.split" -> {
                return split(request, report, node, p, outputs, warnings);
            }
            default -> {
                Transform t = ((TransformNode) type).transform();
                if (t.reach(p) == Transform.Reach.TABLE) {
                    outputs.put(node + "/table", TableStep.apply(t, p, in));
                    return "the whole table";
                }
                FittedState state = TransformStep.fit(t, p, in);
                outputs.put(node + "/table", TransformStep.apply(t, p, state, in, warnings));
                return t.learns() ? "learned " + abbreviated(state.toJson()) : t.reach(p) == Transform.Reach.GROUP
                        ? "per group of " + t.groupColumns(p) + " by " + t.orderColumns(p) : "each part of the table";
            }
        }
    }

    /**
     * Split rows as the embedded engine splits them; when transforms right upstream learn from their rows (and the
     * rows before them hold the target or time column), the rows before them are split and the transforms refitted
     * on the training rows only, then replayed on the others — no test row's statistics in the training rows.
     */
    private static String split(Request request, ValidationReport report, String node, NodeParams p,
                                Map<String, Object> outputs, CollectionAccumulator<String> warnings)
            throws NodeException {
        Flow flow = request.flow();
        Upstream up = upstream(flow, flow.incoming(node).get(0), outputs);
        String method = p.string("method", "stratified");
        String column = method.equals("stratified") ? p.string("target", "") : method.equals("time")
                ? p.string("time", "") : null;
        NodeRegistry registry = NodeRegistry.builtIn();
        boolean learns = up.chain().stream().anyMatch(n -> ((TransformNode) registry.find(n.type()).orElseThrow())
                .transform().learns());
        boolean refit = learns && (column == null || List.of(up.rows().columns()).contains(column));
        List<Dataset<Row>> parts = ChosenRows.split(refit ? up.rows() : rows(flow, node, outputs), p);
        if (refit) {
            for (NodeInstance n : up.chain()) {
                Transform t = ((TransformNode) registry.find(n.type()).orElseThrow()).transform();
                NodeParams np = report.params().get(n.id());
                if (t.reach(np) == Transform.Reach.TABLE) {
                    // a rebalancer changes the training rows only, as a fitted chain replays it
                    for (int i = 0; i < (t.trainingOnly() ? 1 : parts.size()); i++) {
                        parts.set(i, TableStep.apply(t, np, parts.get(i)));
                    }
                    continue;
                }
                FittedState state = TransformStep.fit(t, np, parts.get(0));
                for (int i = 0; i < parts.size(); i++) {
                    parts.set(i, TransformStep.apply(t, np, state, parts.get(i), warnings));
                }
            }
        }
        outputs.put(node + "/train", parts.get(0));
        outputs.put(node + "/validation", parts.get(1));
        outputs.put(node + "/test", parts.get(2));
        return method + " split" + (refit ? "; the " + up.chain().size() + " transforms before it learned from the "
                + "training rows only" : "");
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
                .config("spark.ui.showConsoleProgress", "false")
                // Tablewise's own code works on slices as tables in the executors: more of the heap for it, less
                // for Spark's sort and cache buffers, which spill to disk (a cluster's own settings win)
                .config("spark.memory.fraction", "0.4");
        if (System.getProperty("spark.master") == null) {
            b.master(settings.getOrDefault("master", "local[*]"));
        }
        settings.forEach((k, v) -> {
            if (k.startsWith("conf.")) {
                b.config(k.substring(5), v);
            }
        });
        SparkSession made = b.getOrCreate();
        // Spark's INFO lines (every task, MLlib's timings) would bury the run's own progress; spark-submit's
        // session keeps its own logging settings
        made.sparkContext().setLogLevel(settings.getOrDefault("conf.tablewise.logLevel", "WARN"));
        return made;
    }
}
