package io.tablewise.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tablewise.engine.ExecutionListener;
import io.tablewise.engine.ExternalEngine;
import io.tablewise.engine.FlowExecutor;
import io.tablewise.engine.PathPolicy;
import io.tablewise.engine.RunRequest;
import io.tablewise.engine.RunResult;

/**
 * A flow reading from and writing to a real HDFS — a name node and a data node started in this JVM on a loopback
 * port (Hadoop's own mini cluster) — gives the embedded engine's files, and leaves no temporary folder behind.
 */
class HdfsTest {
    @TempDir
    static Path dir;
    private static MiniDFSCluster cluster;
    private static String root;

    @BeforeAll
    static void start() throws Exception {
        Configuration conf = new Configuration();
        conf.set("dfs.namenode.rpc-address", "127.0.0.1:0");
        conf.set("dfs.datanode.address", "127.0.0.1:0");
        cluster = new MiniDFSCluster.Builder(conf, dir.resolve("hdfs").toFile()).numDataNodes(1).build();
        cluster.waitActive();
        root = "hdfs://127.0.0.1:" + cluster.getNameNodePort() + "/";
        FileSystem fs = cluster.getFileSystem();
        fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(TransformEquivalenceTest.CHURN.toUri()),
                new org.apache.hadoop.fs.Path("/sales/raw/customers.csv"));
        SparkEngine.session(Map.of("master", "local[2]", "conf.spark.sql.files.maxPartitionBytes", "100000"));
    }

    @AfterAll
    static void stop() {
        SparkSession.active().stop();
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @Test
    void aFlowOnHdfsWritesTheEmbeddedEnginesFiles() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.copy(TransformEquivalenceTest.CHURN, project.resolve("customers.csv"));
        String out = root + "sales/scored/";
        var flow = RemoteLocationsTest.flow(root + "sales/raw/customers.csv", out + "result.csv", out
                + "result-parquet");
        ExternalEngine.Outcome refused = new SparkEngine().run(new ExternalEngine.Request(flow, project, project,
                Map.of(), Map.of(), PathPolicy.within(project)), line -> { });
        assertEquals(3, refused.refusals().size(), "not allowed: " + refused);
        ExternalEngine.Outcome o = new SparkEngine().run(new ExternalEngine.Request(flow, project, project, Map.of(),
                Map.of("conf.tablewise.allowRead", root + "sales/raw/", "conf.tablewise.allowWrite", out),
                PathPolicy.within(project)), line -> { });
        assertTrue(o.ok(), o.toString());
        Path embedded = Files.createDirectories(project.resolve("embedded"));
        try (FlowExecutor executor = FlowExecutor.createDefault()) {
            RunResult r = executor.run(new RunRequest(RemoteLocationsTest.flow("customers.csv", "result.csv",
                    "result-parquet"), project, embedded, Map.of(), java.util.Set.of()), ExecutionListener.NONE);
            assertEquals(RunResult.Status.OK, r.status(), () -> r.failures().toString());
        }
        FileSystem fs = cluster.getFileSystem();
        List<String> written = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(new org.apache.hadoop.fs.Path(
                "/sales/scored/result.csv")), StandardCharsets.UTF_8))) {
            in.lines().forEach(written::add);
        }
        assertEquals(Files.readAllLines(embedded.resolve("result.csv")), written, "the same CSV, on HDFS");
        assertEquals(6000, SparkSession.active().read().parquet(out + "result-parquet").count());
        List<String> left = new ArrayList<>();
        for (FileStatus s : fs.listStatus(new org.apache.hadoop.fs.Path("/sales/scored"))) {
            left.add(s.getPath().getName());
        }
        assertEquals(List.of("result-parquet", "result.csv"), left.stream().sorted().toList(),
                "no temporary folder left");
    }
}
