package io.tablewise.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.CollectionAccumulator;

import io.tablewise.model.ModelFiles;
import io.tablewise.model.Predictor;
import io.tablewise.model.TrainedModel;

/**
 * Batch scoring on Spark with Tablewise's own scorer: the model folder (fitted chain, trees) is broadcast once, each
 * executor loads it once, and each part of the table is scored by {@link Predictor} — the same code, the same numbers
 * as the embedded engine and the endpoint.
 */
final class ScoreStep {
    private ScoreStep() {
    }

    static Dataset<Row> score(TrainedModel model, Dataset<Row> rows, CollectionAccumulator<String> warnings)
            throws IOException, io.tablewise.node.NodeException {
        java.util.List<String> groups = windowGroups(model, rows);
        if (!groups.isEmpty()) {
            org.apache.spark.sql.Column[] by = groups.stream().map(c -> org.apache.spark.sql.functions.col(
                    SparkAggregates.quoted(c))).toArray(org.apache.spark.sql.Column[]::new);
            rows = rows.repartition(by).sortWithinPartitions(by);
        }
        int[] at = groups.stream().mapToInt(rows.schema()::fieldIndex).toArray();
        Map<String, byte[]> files = folder(model);
        Broadcast<Map<String, byte[]>> shared = new org.apache.spark.api.java.JavaSparkContext(rows.sparkSession()
                .sparkContext()).broadcast(files);
        StructType out = SparkTables.schema(Predictor.predict(model, SparkTables.empty(rows.schema()), w -> { }));
        return rows.mapPartitions(new OnPart(shared, Integer.toHexString(java.util.Arrays.deepHashCode(
                files.values().toArray())) + files.size(), rows.schema(), out, at, warnings), Encoders.row(out));
    }

    /**
     * The columns the rows must be split by so that each part (and each slice of it) can replay the model's fitted
     * chain alone: none when every step looks at its row only; the groups of its window steps (all with the same
     * groups, of columns the rows have) so each group's rows lie together; otherwise refused, naming the step.
     */
    static java.util.List<String> windowGroups(TrainedModel model, Dataset<Row> rows)
            throws io.tablewise.node.NodeException {
        return windowGroups(model.chain(), rows);
    }

    /** The same for a fitted chain replayed on its own. */
    static java.util.List<String> windowGroups(io.tablewise.transform.TransformChain.Fitted chain, Dataset<Row> rows)
            throws io.tablewise.node.NodeException {
        java.util.List<String> groups = null;
        for (io.tablewise.transform.TransformChain.Step s : chain.steps()) {
            io.tablewise.transform.Transform.Reach reach = s.transform().reach(s.params());
            if (reach == io.tablewise.transform.Transform.Reach.ROW) {
                continue;
            }
            java.util.List<String> g = s.transform().groupColumns(s.params());
            boolean usable = reach == io.tablewise.transform.Transform.Reach.GROUP && !g.isEmpty()
                    && java.util.Arrays.asList(rows.columns()).containsAll(g) && (groups == null || groups.equals(g));
            if (!usable) {
                throw new io.tablewise.node.NodeException("model", "the model replays '" + s.transform().spec()
                        .title() + "', which looks at rows other than the one scored in a way Spark cannot split; "
                        + "score these rows with the embedded engine");
            }
            groups = g;
        }
        return groups == null ? java.util.List.of() : groups;
    }

    /** The model folder's files by relative path. */
    private static Map<String, byte[]> folder(TrainedModel model) throws IOException {
        Path dir = Files.createTempDirectory("tablewise-model-");
        try {
            Path m = dir.resolve("model");
            ModelFiles.save(model, m);
            Map<String, byte[]> out = new java.util.TreeMap<>();
            try (Stream<Path> walk = Files.walk(m)) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    out.put(m.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                }
            }
            return out;
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** Scores one part in an executor. */
    static final class OnPart implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        /** Models loaded in this executor, by the broadcast's key. */
        private static final Map<String, TrainedModel> LOADED = new ConcurrentHashMap<>();
        private final Broadcast<Map<String, byte[]>> files;
        private final String key;
        private final StructType in;
        private final StructType out;
        private final int[] groups;
        private final CollectionAccumulator<String> warnings;

        OnPart(Broadcast<Map<String, byte[]>> files, String key, StructType in, StructType out, int[] groups,
               CollectionAccumulator<String> warnings) {
            this.groups = groups;
            this.files = files;
            this.key = key;
            this.in = in;
            this.out = out;
            this.warnings = warnings;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) throws Exception {
            TrainedModel model = LOADED.computeIfAbsent(key, k -> load(files.value()));
            return PartSlices.map(rows, groups, slice -> SparkTables.iterate(Predictor.predict(model, SparkTables.table(in,
                    slice), warnings::add), out));
        }

        private static TrainedModel load(Map<String, byte[]> files) {
            try {
                Path dir = Files.createTempDirectory("tablewise-model-").resolve("model");
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    Path p = dir.resolve(f.getKey());
                    Files.createDirectories(p.getParent());
                    Files.write(p, f.getValue());
                }
                return ModelFiles.load(dir);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("could not load the model in an executor", e);
            }
        }
    }
}
