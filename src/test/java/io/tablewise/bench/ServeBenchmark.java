package io.tablewise.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import tech.tablesaw.api.Table;

import io.tablewise.cli.TablewiseCommand;
import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.node.ProgressMonitor;

/**
 * The scoring endpoint under open-loop load on loopback: the sample churn model (the customer-churn flow, built
 * here) served by {@code tablewise serve} in its own JVM, the load generator in this one, both on the same machine.
 * Prints latency percentiles at fixed rates, the closed-loop maximum with and without 100% capture, one request of
 * 10,000 rows, and each process's CPU share. Arguments: seconds per rate (default 10).
 */
public final class ServeBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        Path work = Files.createTempDirectory("tablewise-serve-bench");
        StringWriter log = new StringWriter();
        int code = TablewiseCommand.execute(new String[] {"run", "projects-sample/customer-churn/customer-churn.flow",
            "--out", work.toString(), "--plain"}, new PrintWriter(log), new PrintWriter(log));
        if (code != 0) {
            throw new IllegalStateException("the sample flow failed:\n" + log);
        }
        Path model;
        try (Stream<Path> s = Files.walk(work)) {
            model = s.filter(p -> p.getFileName().toString().equals("manifest.json")).findFirst().orElseThrow()
                    .getParent();
        }
        Table data = new DelimitedReader().read(Path.of("projects-sample/customer-churn/data/customers.csv"),
                CsvOptions.defaults(), ProgressMonitor.NONE).table();
        String one = body(data, 0, 1);
        String big = body(data, 0, 6000);
        StringBuilder tenThousand = new StringBuilder(big.substring(0, big.length() - 2));
        String more = body(data, 0, 4000);
        tenThousand.append(',').append(more, 9, more.length());

        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"run", "target rate", "achieved/s", "p50 ms", "p99 ms", "p99.9 ms", "max ms",
            "failed", "server CPU", "generator CPU"});
        double closedPlain;
        double closedCapture;
        double[] cpuPlain = new double[1];
        double[] cpuCapture = new double[1];
        try (Server s = Server.start(model, work.resolve("plain.json"), null)) {
            measure(s, one, 2000, 30, "warm-up (the JIT compiles for about 20 s)", null);
            measure(s, one, 1000, seconds, "1 row", table);
            measure(s, one, 2500, seconds, "1 row", table);
            cpuPlain[0] = cpuPerRequest(s, one, seconds, "1 row", table);
            closedPlain = measure(s, one, 0, seconds, "1 row, closed loop", table);
            // one request of 10,000 rows, ten times after ten warm-ups (its own path through the JIT)
            byte[] request = OpenLoopLoad.post("127.0.0.1", s.port, "/invocations", tenThousand.toString());
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                OpenLoopLoad.Result r = OpenLoopLoad.run("127.0.0.1", s.port, request, 1, 1, 1);
                if (r.ok() != 1) {
                    throw new IllegalStateException("the 10,000-row request failed");
                }
                if (i >= 10) {
                    times.add(r.percentileMillis(1.0));
                }
            }
            times.sort(null);
            table.add(new String[] {"10,000 rows in one request (10 runs)", "", "", fmt(times.get(5)), "", "",
                fmt(times.get(9)), "0", "", ""});
        }
        try (Server s = Server.start(model, work.resolve("capture.json"), work.resolve("capture"))) {
            measure(s, one, 2000, 30, "warm-up (the JIT compiles for about 20 s)", null);
            cpuCapture[0] = cpuPerRequest(s, one, seconds, "1 row, 100% capture", table);
            closedCapture = measure(s, one, 0, seconds, "1 row, closed loop, 100% capture", table);
        }
        System.out.println("Scoring endpoint, sample churn model (" + Runtime.getRuntime().availableProcessors()
                + " cores shared by server and generator; open loop: latency from the intended send time)");
        print(table);
        System.out.printf(Locale.ROOT, "capture at 100%%: server CPU per request at 5,000/s %.0f us without, %.0f us "
                + "with (%+.1f%%: the throughput a saturated server loses); closed-loop maximum %,.0f/s without, "
                + "%,.0f/s with%n", cpuPlain[0], cpuCapture[0], 100 * (cpuCapture[0] / cpuPlain[0] - 1), closedPlain,
                closedCapture);
    }

    private static String body(Table t, int from, int to) throws Exception {
        return JSON.writeValueAsString(Map.of("rows", io.tablewise.serve.JsonRows.of(t, from, to, "churned")));
    }

    private static double measure(Server s, String body, int rate, double seconds, String what, List<String[]> table)
            throws Exception {
        byte[] request = OpenLoopLoad.post("127.0.0.1", s.port, "/invocations", body);
        long serverBefore = s.cpuNanos();
        long mineBefore = myCpu();
        long wallBefore = System.nanoTime();
        OpenLoopLoad.Result r = OpenLoopLoad.run("127.0.0.1", s.port, request, rate, seconds, rate == 0 ? 4 : 64);
        double wall = (System.nanoTime() - wallBefore) / 1e9;
        double cores = Runtime.getRuntime().availableProcessors();
        double serverCpu = (s.cpuNanos() - serverBefore) / 1e9 / wall / cores;
        double mineCpu = (myCpu() - mineBefore) / 1e9 / wall / cores;
        if (table != null) {
            table.add(new String[] {what, rate == 0 ? "max" : String.format(Locale.ROOT, "%,d", rate),
                String.format(Locale.ROOT, "%,.0f", r.rate()), fmt(r.percentileMillis(0.5)),
                fmt(r.percentileMillis(0.99)), fmt(r.percentileMillis(0.999)), fmt(r.percentileMillis(1.0)),
                String.valueOf(r.failed()), pct(serverCpu), pct(mineCpu)});
        }
        return r.rate();
    }

    /** Server CPU microseconds per request at 5,000 requests a second (its row added to the table). */
    private static double cpuPerRequest(Server s, String body, double seconds, String what, List<String[]> table)
            throws Exception {
        long before = s.cpuNanos();
        double rate = measure(s, body, 5000, seconds, what, table);
        return (s.cpuNanos() - before) / 1e3 / (rate * seconds);
    }

    private static long myCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String fmt(double ms) {
        return String.format(Locale.ROOT, ms < 10 ? "%.2f" : "%.0f", ms);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    private static void print(List<String[]> rows) {
        int[] w = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                b.append(i == 0 ? String.format("%-" + w[i] + "s", r[i]) : String.format("%" + (w[i] + 2) + "s", r[i]));
            }
            System.out.println(b);
        }
    }

    /** {@code tablewise serve} in its own JVM, as a user runs it. */
    private static final class Server implements AutoCloseable {
        private final Process process;
        private final int port;

        private Server(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static Server start(Path model, Path config, Path capture) throws Exception {
            String json = "{\"formatVersion\": 1, \"port\": 0, \"variants\": [{\"name\": \"A\", \"model\": "
                    + JSON.writeValueAsString(model.toString()) + "}]"
                    + (capture == null ? "" : ", \"capture\": {\"share\": 1.0, \"folder\": "
                            + JSON.writeValueAsString(capture.toString()) + "}") + "}";
            Files.writeString(config, json);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "-XX:+UseG1GC", "-cp",
                    System.getProperty("java.class.path"), "io.tablewise.Main", "serve", config.toString());
            pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
            pb.redirectErrorStream(true);
            Process p = pb.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("Serving on ")) {
                    int port = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1).trim());
                    Thread drain = new Thread(() -> {
                        try {
                            while (out.readLine() != null) {
                                // keep the pipe from filling
                            }
                        } catch (java.io.IOException ignored) {
                            // the server ended
                        }
                    });
                    drain.setDaemon(true);
                    drain.start();
                    return new Server(p, port);
                }
            }
            throw new IllegalStateException("the endpoint did not start");
        }

        /** The server's CPU time so far (user + system, from /proc on Linux). */
        long cpuNanos() throws Exception {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * 10_000_000L; // USER_HZ is 100 on Linux
        }

        @Override
        public void close() {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
