package io.tablewise.spark;

import java.util.HashMap;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import tech.tablesaw.api.Table;

import io.tablewise.engine.ExternalEngine;
import io.tablewise.node.Lineage;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.NodeType;

/**
 * The database nodes on Spark: the engine's own import and export (its connections and their passwords, its types,
 * a query's parameters bound as values, read-only reads, one transaction per write) run on the driver, and the rows
 * pass through it — at most {@code tablewise.driverRows} of them, more refused with the way round, never cut short
 * silently.
 */
final class DatabaseStep {
    private DatabaseStep() {
    }

    /** Reads the node's table or query on the driver into Spark. */
    static Dataset<Row> read(SparkSession spark, NodeType type, NodeParams p, ExternalEngine.Request request,
                             String node, long cap, java.util.List<String> said) throws NodeException {
        long limit = p.integer("rowLimit", 0);
        Map<String, Object> values = new HashMap<>(p.asMap());
        // one row more than the driver takes tells a table that is too large from one that fits
        values.put("rowLimit", limit > 0 && limit <= cap ? limit : cap + 1);
        DriverNode context = new DriverNode(node, new NodeParams(values), Map.of(), Map.of(), request.policy()
                .withOutputDir(request.outputDir())).within(new io.tablewise.flow.json.FlowWriter().toJson(request
                .flow()));
        Table t = (Table) context.run(type).get("table");
        said.addAll(context.said());
        if (t.rowCount() > cap) {
            throw new NodeException("rowLimit", String.format(java.util.Locale.ROOT, "on Spark a database's rows pass "
                    + "through the driver, which takes at most tablewise.driverRows=%,d; set a Row limit, raise "
                    + "tablewise.driverRows (and the driver's memory), or export the table to Parquet once and read "
                    + "that", cap));
        }
        StructType schema = SparkTables.schema(t);
        return spark.createDataFrame(SparkTables.rows(t, schema), schema);
    }

    /** Writes the rows with the node's own export, on the driver; the rows go on unchanged. */
    static Dataset<Row> write(NodeType type, NodeParams p, ExternalEngine.Request request, String node,
                              Dataset<Row> rows, long cap, java.util.List<String> said) throws NodeException {
        long n = rows.count();
        if (n > cap) {
            throw new NodeException("table", String.format(java.util.Locale.ROOT, "on Spark the rows written to a "
                    + "database pass through the driver: these %,d are more than tablewise.driverRows=%,d; raise it "
                    + "(and the driver's memory), or write Parquet and load that into the database", n, cap));
        }
        Table t = SparkTables.table(rows.schema(), rows.toLocalIterator());
        DriverNode context = new DriverNode(node, p, Map.of("table", t), Map.<String, Lineage>of(), request.policy()
                .withOutputDir(request.outputDir()));
        context.run(type);
        said.addAll(context.said());
        return rows;
    }
}
