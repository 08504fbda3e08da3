package io.tablewise.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import tech.tablesaw.api.Table;

import io.tablewise.engine.PathPolicy;
import io.tablewise.node.Lineage;
import io.tablewise.node.NodeContext;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.NodeType;

/**
 * A node the embedded engine runs on the driver, on rows collected from Spark: building a model (on every training
 * row when they fit the driver's cap, else on a sample of them, stratified by the target, said), the insights report
 * (likewise), writing a model or report. Its inputs are tables and models; its messages come back as the run's.
 */
final class DriverNode implements NodeContext {
    /** The most rows brought to the driver (tablewise.driverRows): beyond it, a seeded sample. */
    static final long DEFAULT_CAP = 2_000_000;

    /** The run's cap on rows brought to the driver ({@code --conf tablewise.driverRows}, else the default). */
    static long cap(Map<String, String> settings) {
        return Long.parseLong(settings.getOrDefault("conf.tablewise.driverRows", String.valueOf(DEFAULT_CAP)));
    }

    private final String id;
    private final NodeParams params;
    private final Map<String, Object> inputs;
    private final Map<String, Lineage> lineage;
    private final PathPolicy policy;
    private final List<String> said = new ArrayList<>();
    /** What the node may ask the engine for ({@link #service}), or null. */
    private Object service;
    /** The running flow as JSON (a database query binds its parameters), or null. */
    private String flow;

    DriverNode(String id, NodeParams params, Map<String, Object> inputs, Map<String, Lineage> lineage,
               PathPolicy policy) {
        this.id = id;
        this.params = params;
        this.inputs = new HashMap<>(inputs);
        this.lineage = new HashMap<>(lineage);
        this.policy = policy;
    }

    /** The same node offered {@code service} (a model build's final trainer). */
    DriverNode offering(Object service) {
        this.service = service;
        return this;
    }

    /** The same node knowing the running flow (as JSON). */
    DriverNode within(String flowJson) {
        this.flow = flowJson;
        return this;
    }

    @Override
    public String flowDocument() {
        return flow;
    }

    @Override
    public <T> T service(Class<T> type) {
        return type.isInstance(service) ? type.cast(service) : null;
    }

    /** Runs {@code type} here; returns its outputs. */
    Map<String, Object> run(NodeType type) throws NodeException {
        return type.execute(this);
    }

    /** What the node said (information and warnings), in order. */
    List<String> said() {
        return said;
    }

    /**
     * The rows of {@code rows} on the driver: all of them when there are at most {@code cap}, else a seeded sample
     * of about {@code cap} (stratified by {@code stratify} when given), with a note saying so.
     */
    static Collected collect(Dataset<Row> rows, long cap, String stratify) {
        long all = rows.count();
        Dataset<Row> taken = rows;
        Dataset<Row> rest = null;
        boolean stratified = false;
        if (all > cap) {
            // a seeded split, so the rows not taken are known too (for the model: a test set of all of them)
            Parts parts = split(rows, (double) cap / all, stratify, 42L);
            taken = parts.first();
            rest = parts.rest();
            stratified = parts.stratified();
        }
        Table t = SparkTables.table(rows.schema(), taken.toLocalIterator());
        return new Collected(t, all, all > cap ? String.format(java.util.Locale.ROOT, "on %,d of %,d rows (a seeded "
                + "sample%s; tablewise.driverRows=%,d)", t.rowCount(), all, !stratified ? ""
                : " stratified by " + stratify, cap) : null, rest);
    }

    /**
     * A seeded split of {@code rows}: about {@code share} of them first, the rest second; within each class of
     * {@code stratify} when it is a class column ({@link #classes}).
     */
    static Parts split(Dataset<Row> rows, double share, String stratify, long seed) {
        List<Dataset<Row>> groups = new ArrayList<>();
        List<Row> values = classes(rows, stratify);
        if (values != null) {
            org.apache.spark.sql.Column c = org.apache.spark.sql.functions.col(SparkAggregates.quoted(stratify));
            for (Row r : values) {
                groups.add(rows.where(r.isNullAt(0) ? c.isNull() : c.equalTo(r.get(0))));
            }
        } else {
            groups.add(rows);
        }
        Dataset<Row> first = null;
        Dataset<Row> rest = null;
        for (Dataset<Row> g : groups) {
            Dataset<Row>[] split = g.randomSplit(new double[] {share, 1 - share}, seed);
            first = first == null ? split[0] : first.union(split[0]);
            rest = rest == null ? split[1] : rest.union(split[1]);
        }
        return new Parts(first, rest, values != null);
    }

    /** The two parts of a {@link #split}, and whether it was stratified. */
    record Parts(Dataset<Row> first, Dataset<Row> rest, boolean stratified) {
    }

    /** The most values a column a sample is stratified by may have (a build's most classes). */
    static final int MOST_CLASSES = 20;

    /**
     * The values of {@code column} when it is a class column to stratify by (at most {@link #MOST_CLASSES} of them),
     * else null (no such column, or numbers of many values: a regression target).
     */
    static List<Row> classes(Dataset<Row> rows, String column) {
        if (column == null || !java.util.Arrays.asList(rows.columns()).contains(column)) {
            return null;
        }
        List<Row> values = rows.select(org.apache.spark.sql.functions.col(SparkAggregates.quoted(column)))
                .distinct().limit(MOST_CLASSES + 1).collectAsList();
        return values.size() > MOST_CLASSES ? null : values;
    }

    /**
     * Rows brought to the driver.
     *
     * @param table the rows
     * @param all how many there are on Spark
     * @param sampled how they were sampled, in words; null when they are all there
     * @param rest the rows left on Spark when sampled, else null
     */
    record Collected(Table table, long all, String sampled, Dataset<Row> rest) {
    }

    @Override
    public String nodeId() {
        return id;
    }

    @Override
    public NodeParams params() {
        return params;
    }

    @Override
    public <T> T input(String port, Class<T> type) {
        return type.cast(inputs.get(port));
    }

    @Override
    public Lineage lineage(String port) {
        return lineage.getOrDefault(port, Lineage.NONE);
    }

    @Override
    public Path resolveInput(String relativeOrAbsolute) {
        return policy.read(relativeOrAbsolute);
    }

    @Override
    public Path resolveOutput(String relativeOrAbsolute) {
        return policy.write(relativeOrAbsolute, java.util.Set.of());
    }

    @Override
    public void progress(double fraction, String message) {
        // the driver's work is short next to Spark's; Spark shows its own progress
    }

    @Override
    public boolean isCancelled() {
        return Thread.currentThread().isInterrupted();
    }

    @Override
    public void warn(String message) {
        said.add("warning: " + message);
    }

    @Override
    public void info(String message) {
        said.add(message);
    }
}
