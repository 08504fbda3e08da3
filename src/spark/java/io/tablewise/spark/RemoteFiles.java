package io.tablewise.spark;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import io.tablewise.flow.Flow;
import io.tablewise.flow.NodeInstance;

/**
 * Files on any store Spark reaches ({@code hdfs:}, {@code s3a:}, {@code file:} URIs, with the user's Spark settings)
 * named in a flow's import and export nodes. A shared flow must not reach into a store on its own: a location is
 * used only under a prefix the user allowed on the command line ({@code --conf tablewise.allowRead=hdfs://nn/data/},
 * {@code tablewise.allowWrite=...}). The embedded engine checks the flow against local stand-ins — the first
 * megabytes of a CSV, a hundred rows of Parquet, copied to a temporary folder — so its columns and types are found as
 * for a local file; Spark then reads and writes the real locations.
 */
final class RemoteFiles {
    static final java.util.Set<String> IMPORTS = java.util.Set.of("data.import.csv", "data.import.parquet");
    static final java.util.Set<String> EXPORTS = java.util.Set.of("data.export.csv", "data.export.parquet");
    private static final int SAMPLE_BYTES = 4 << 20;

    /**
     * The flow with stand-ins, and the real locations.
     *
     * @param flow the flow the embedded engine validates
     * @param locations each remote node's real location
     * @param standIns the folder holding the stand-ins (to allow for reading, and remove after the run)
     */
    record Prepared(Flow flow, Map<String, URI> locations, Path standIns) {
    }

    private RemoteFiles() {
    }

    /** The nodes whose path is a URI, each checked against the user's allowances, with stand-ins made for them. */
    static Prepared prepare(Flow flow, Map<String, String> settings, List<String> refusals) throws IOException {
        Map<String, URI> locations = new LinkedHashMap<>();
        for (NodeInstance n : flow.nodes()) {
            Object path = n.params().get("path");
            boolean file = IMPORTS.contains(n.type()) || EXPORTS.contains(n.type());
            if (!(path instanceof String raw) || !SparkOutput.isUri(raw)) {
                continue;
            }
            String setting = IMPORTS.contains(n.type()) ? "tablewise.allowRead" : "tablewise.allowWrite";
            List<String> allowed = Arrays.stream(settings.getOrDefault("conf." + setting, "").split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).toList();
            if (!file) {
                refusals.add("node '" + n.id() + "' (" + n.type() + ") names " + raw + "; on Spark only the import "
                        + "and export nodes read and write other stores; give this node a path in the project "
                        + "folder");
            } else if (allowed.stream().noneMatch(raw::startsWith)) {
                refusals.add("node '" + n.id() + "' " + (IMPORTS.contains(n.type()) ? "reads" : "writes") + " " + raw
                        + ", which you have not allowed; a shared flow reaches another store only where you allow "
                        + "it: --conf " + setting + "=" + prefixOf(raw) + " (several: separated by commas)");
            } else {
                locations.put(n.id(), URI.create(raw));
            }
        }
        if (locations.isEmpty() || !refusals.isEmpty()) {
            return new Prepared(flow, Map.of(), null);
        }
        Path dir = Files.createTempDirectory("tablewise-remote-");
        SparkSession spark = SparkEngine.session(settings);
        List<NodeInstance> nodes = new ArrayList<>();
        for (NodeInstance n : flow.nodes()) {
            URI at = locations.get(n.id());
            if (at == null) {
                nodes.add(n);
                continue;
            }
            String standIn;
            if (n.type().equals("data.import.csv")) {
                standIn = dir.resolve(n.id() + ".csv").toString();
                Files.write(Path.of(standIn), head(spark, at));
            } else if (n.type().equals("data.import.parquet")) {
                standIn = dir.resolve(n.id() + "-parquet").toString();
                spark.read().parquet(at.toString()).limit(100).coalesce(1).write().mode(SaveMode.Overwrite)
                        .parquet(standIn);
            } else {
                standIn = "remote-" + n.id() + (n.type().endsWith("csv") ? ".csv" : ".parquet"); // never written
            }
            Map<String, Object> params = new LinkedHashMap<>(n.params());
            params.put("path", standIn);
            nodes.add(new NodeInstance(n.id(), n.type(), n.typeVersion(), n.label(), params, n.ui()));
        }
        return new Prepared(new Flow(flow.name(), flow.description(), flow.parameters(), nodes, flow.edges()),
                locations, dir);
    }

    /** The scheme and authority of a location, as the prefix to allow (e.g. s3a://bucket/). */
    private static String prefixOf(String raw) {
        URI u = URI.create(raw);
        return u.getScheme() + "://" + (u.getAuthority() == null ? "" : u.getAuthority()) + "/";
    }

    /** The first megabytes of a file (or of the first file of a folder or pattern), cut after a whole line. */
    static byte[] head(SparkSession spark, URI at) throws IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(at);
        FileSystem fs = FileSystem.get(at, spark.sparkContext().hadoopConfiguration());
        FileStatus[] found = fs.globStatus(path);
        if (found == null || found.length == 0) {
            throw new java.io.FileNotFoundException(at + " does not exist (or Spark's settings do not reach it)");
        }
        FileStatus first = found[0];
        if (first.isDirectory()) {
            FileStatus[] inside = fs.listStatus(first.getPath(), p -> !p.getName().startsWith("_") && !p.getName()
                    .startsWith("."));
            Arrays.sort(inside);
            if (inside.length == 0) {
                throw new java.io.FileNotFoundException(at + " is an empty folder");
            }
            first = inside[0];
        }
        byte[] bytes;
        try (InputStream in = fs.open(first.getPath())) {
            bytes = in.readNBytes(SAMPLE_BYTES);
        }
        if (bytes.length < SAMPLE_BYTES) {
            return bytes;
        }
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        return Arrays.copyOf(bytes, end);
    }
}
