package io.tablewise.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import tech.tablesaw.api.Table;

import io.tablewise.node.ProgressMonitor;
import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.sample.WideTableGenerator;

/**
 * Workload 1 of the shared benchmark notes: generate the 1M x 20 CSV once, then time warm imports (median of
 * several runs after warm-up) with Tablewise's reader, plain Tablesaw, and DuckDB in-process on the same file,
 * and measure the heap the imported table retains. Prints a table. Run with {@code bench/run}.
 */
public final class ImportBenchmark {
    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path file = Path.of("bench/out/wide-" + rows + ".csv");
        if (!Files.exists(file)) {
            System.err.println("generating " + file + " ...");
            WideTableGenerator.write(file, rows, 20261122L);
        }
        System.err.printf(Locale.ROOT, "file: %s (%.1f MB), %d cores, max heap %d MB%n", file,
                Files.size(file) / 1e6, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"work", "warm median s", "min s", "max s", "note"});
        double[] ours = time(runs, () -> new DelimitedReader().read(file, CsvOptions.defaults(), ProgressMonitor.NONE)
                .table().rowCount());
        table.add(row("Tablewise import", ours, "whole-column type inference"));
        double[] plain = time(Math.max(2, runs / 2), () -> Table.read().csv(file.toFile()).rowCount());
        table.add(row("plain Tablesaw Table.read().csv", plain, "types from a sample"));
        double[] duck = duckDb(file, runs);
        if (duck != null) {
            table.add(row("DuckDB read_csv_auto (in-process)", duck, "CREATE TABLE AS, all threads"));
        }
        long heap = retainedHeap(file);
        table.add(new String[] {"Tablewise table heap", String.format(Locale.ROOT, "%.0f MB", heap / 1e6), "", "",
            "goal <= 160 MB"});
        print(table);
        System.out.printf(Locale.ROOT, "ratio: Tablewise is %.1fx faster than plain Tablesaw%s%n",
                median(plain) / median(ours), duck == null ? ""
                        : String.format(Locale.ROOT, ", %.2fx DuckDB's time", median(ours) / median(duck)));
    }

    private static double[] time(int runs, Callable<Integer> work) throws Exception {
        for (int i = 0; i < 2; i++) {
            work.call();
        }
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            System.gc();
            long start = System.nanoTime();
            work.call();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        return seconds;
    }

    private static double[] duckDb(Path file, int runs) {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
        } catch (ClassNotFoundException e) {
            System.err.println("DuckDB JDBC is not on the classpath: run through bench/run (profile 'bench')");
            return null;
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            return time(runs, () -> {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE IF EXISTS t");
                    s.execute("CREATE TABLE t AS SELECT * FROM read_csv_auto('" + file.toAbsolutePath() + "')");
                    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
                        rs.next();
                        return rs.getInt(1);
                    }
                }
            });
        } catch (Exception e) {
            System.err.println("DuckDB could not run: " + e);
            return null;
        }
    }

    /** Heap used with the table held, minus heap used once it is released (full GCs between). */
    private static long retainedHeap(Path file) throws Exception {
        Table[] held = {new DelimitedReader().read(file, CsvOptions.defaults(), ProgressMonitor.NONE).table()};
        long with = usedAfterGc();
        int rows = held[0].rowCount();
        held[0] = null;
        long without = usedAfterGc();
        System.err.println("measured heap with a " + rows + "-row table held and released");
        return with - without;
    }

    private static long usedAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static String[] row(String name, double[] s, String note) {
        double[] sorted = s.clone();
        Arrays.sort(sorted);
        return new String[] {name, f(median(s)), f(sorted[0]), f(sorted[sorted.length - 1]), note};
    }

    private static double median(double[] s) {
        double[] sorted = s.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static void print(List<String[]> rows) {
        int[] w = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (int k = 0; k < rows.size(); k++) {
            StringBuilder sb = new StringBuilder("| ");
            for (int i = 0; i < w.length; i++) {
                sb.append(String.format("%-" + w[i] + "s", rows.get(k)[i])).append(" | ");
            }
            System.out.println(sb.toString().stripTrailing());
            if (k == 0) {
                StringBuilder sep = new StringBuilder("|");
                for (int x : w) {
                    sep.append("-".repeat(x + 2)).append('|');
                }
                System.out.println(sep);
            }
        }
    }
}
