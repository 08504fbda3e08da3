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

import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.node.ProgressMonitor;

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
        Path file = BenchTables.wideFile(rows);
        System.err.printf(Locale.ROOT, "file: %s (%.1f MB), %d cores, max heap %d MB%n", file,
                Files.size(file) / 1e6, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"work", "warm median s", "min s", "max s", "note"});
        double[] ours = BenchTables.time(runs, () -> new DelimitedReader()
                .read(file, CsvOptions.defaults(), ProgressMonitor.NONE).table().rowCount());
        table.add(BenchTables.row("Tablewise import", ours, "whole-column type inference"));
        double[] plain = BenchTables.time(Math.max(2, runs / 2),
                () -> Table.read().csv(file.toFile()).rowCount());
        table.add(BenchTables.row("plain Tablesaw Table.read().csv", plain, "types from a sample"));
        double[] duck = duckDb(file, runs);
        if (duck != null) {
            table.add(BenchTables.row("DuckDB read_csv_auto (in-process)", duck, "CREATE TABLE AS, all threads"));
        }
        // the same table as Parquet (Snappy): written by Tablewise, read back, and read by DuckDB
        Table loaded = new DelimitedReader().read(file, CsvOptions.defaults(), ProgressMonitor.NONE).table();
        Path parquet = file.resolveSibling(file.getFileName().toString().replace(".csv", "") + ".parquet");
        double[] export = BenchTables.time(runs, () -> {
            io.tablewise.io.AtomicFiles.write(parquet, out -> io.tablewise.data.parquet.ParquetFiles.write(loaded,
                    out, ProgressMonitor.NONE));
            return (int) Files.size(parquet);
        });
        double[] pq = BenchTables.time(runs, () -> io.tablewise.data.parquet.ParquetFiles.read(parquet, "",
                List.of(), 0, ProgressMonitor.NONE).table().rowCount());
        table.add(BenchTables.row("Tablewise Parquet import", pq, String.format(Locale.ROOT,
                "%.1f MB Snappy; goal <= 0.4 s", Files.size(parquet) / 1e6)));
        double[] duckPq = duckDbParquet(parquet, runs);
        if (duckPq != null) {
            table.add(BenchTables.row("DuckDB read_parquet (in-process)", duckPq, "CREATE TABLE AS, all threads"));
        }
        table.add(BenchTables.row("Tablewise Parquet export", export, "goal <= 1.5 s"));
        long heap = retainedHeap(file);
        table.add(new String[] {"Tablewise table heap", String.format(Locale.ROOT, "%.0f MB", heap / 1e6), "", "",
            "goal <= 160 MB"});
        BenchTables.print(table);
        System.out.printf(Locale.ROOT, "ratio: Tablewise is %.1fx faster than plain Tablesaw%s%n",
                BenchTables.median(plain) / BenchTables.median(ours), duck == null ? ""
                        : String.format(Locale.ROOT, ", %.2fx DuckDB's time",
                        BenchTables.median(ours) / BenchTables.median(duck)));
        if (duckPq != null) {
            System.out.printf(Locale.ROOT, "Parquet: Tablewise takes %.2fx DuckDB's time (goal <= 1.5x)%n",
                    BenchTables.median(pq) / BenchTables.median(duckPq));
        }
    }

    private static double[] duckDbParquet(Path file, int runs) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            return BenchTables.time(runs, () -> {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE IF EXISTS p");
                    s.execute("CREATE TABLE p AS SELECT * FROM read_parquet('" + file.toAbsolutePath() + "')");
                    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM p")) {
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

    private static double[] duckDb(Path file, int runs) {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
        } catch (ClassNotFoundException e) {
            System.err.println("DuckDB JDBC is not on the classpath: run through bench/run (profile 'bench')");
            return null;
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            return BenchTables.time(runs, () -> {
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
}
