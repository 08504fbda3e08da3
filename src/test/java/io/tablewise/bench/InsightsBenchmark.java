package io.tablewise.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tech.tablesaw.api.Table;

import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.insights.InsightsOptions;
import io.tablewise.insights.InsightsProfiler;
import io.tablewise.ml.ProblemType;
import io.tablewise.ml.QuickModel;
import io.tablewise.ml.QuickModelResult;
import io.tablewise.ml.RowSampler;
import io.tablewise.ml.Values;
import io.tablewise.node.ProgressMonitor;

/**
 * The insights report on workload 1 (the 1M x 20 table, already in memory): the exact profile alone, the report
 * without the model-based parts (goal 1.0 s), and the whole report with {@code active} as the target (goal 5 s),
 * against DuckDB's SUMMARIZE of the same table; then the quick model on workload 2 (bank marketing without
 * {@code duration}, stratified 80/20 split). Prints a table. Run with {@code bench/run insights}.
 */
public final class InsightsBenchmark {
    private InsightsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path file = BenchTables.wideFile(rows);
        Table table = new DelimitedReader().read(file, CsvOptions.defaults(), ProgressMonitor.NONE).table();
        System.err.printf(Locale.ROOT, "table: %,d rows x %d columns, %d cores%n", table.rowCount(),
                table.columnCount(), Runtime.getRuntime().availableProcessors());
        InsightsProfiler profiler = new InsightsProfiler();
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {"work", "warm median s", "min s", "max s", "note"});
        InsightsOptions exact = InsightsOptions.defaults().withSampledParts(false);
        out.add(BenchTables.row("exact profile, all rows", BenchTables.time(runs,
                () -> profiler.profile(table, exact, ProgressMonitor.NONE, "bench").columns().size()),
                "stats, histograms, top values, duplicates"));
        InsightsOptions noModel = InsightsOptions.defaults().withModelParts(false);
        out.add(BenchTables.row("report without model parts", BenchTables.time(runs,
                () -> profiler.profile(table, noModel, ProgressMonitor.NONE, "bench").columns().size()),
                "+ correlations, VIF, anomalies (50k sample); goal <= 1.0 s"));
        InsightsOptions whole = InsightsOptions.defaults().withTarget("active", null);
        out.add(BenchTables.row("whole report, target 'active'", BenchTables.time(Math.max(2, runs / 2),
                () -> profiler.profile(table, whole, ProgressMonitor.NONE, "bench").columns().size()),
                "+ prediction power, quick model; goal <= 5 s"));
        double[] duck = duckDbSummarize(file, runs);
        if (duck != null) {
            out.add(BenchTables.row("DuckDB SUMMARIZE (in-process)", duck, "per-column stats of the loaded table"));
        }
        quickModel(out, runs);
        BenchTables.print(out);
    }

    private static void quickModel(List<String[]> out, int runs) throws Exception {
        Path bank = Path.of("..", "shared", "data", "bank-additional-full.csv");
        if (!Files.isRegularFile(bank)) {
            System.err.println("skipping the quick model on bank marketing: " + bank.toAbsolutePath().normalize()
                    + " is absent");
            return;
        }
        Table t = new DelimitedReader().read(bank, CsvOptions.defaults(), ProgressMonitor.NONE).table();
        List<String> features = t.columnNames().stream().filter(c -> !c.equals("y") && !c.equals("duration"))
                .toList();
        int[] all = RowSampler.uniform(t.rowCount(), t.rowCount(), 42);
        int[][] split = RowSampler.split(all, Values.labels(t.column("y")), 0.2, 42);
        QuickModelResult[] last = new QuickModelResult[1];
        double[] s = BenchTables.time(runs, () -> {
            last[0] = QuickModel.build(t, "y", ProblemType.BINARY, features, split[0], split[1], 42, () -> false);
            return 1;
        });
        out.add(BenchTables.row("quick model, bank w/o duration", s, String.format(Locale.ROOT,
                "test AUC %.4f on %,d rows; goal AUC >= 0.80 in <= 5 s", last[0].headline(), last[0].testRows())));
    }

    private static double[] duckDbSummarize(Path file, int runs) {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
        } catch (ClassNotFoundException e) {
            System.err.println("DuckDB JDBC is not on the classpath: run through bench/run (profile 'bench')");
            return null;
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t AS SELECT * FROM read_csv_auto('" + file.toAbsolutePath() + "')");
            return BenchTables.time(runs, () -> {
                int n = 0;
                try (ResultSet rs = s.executeQuery("SUMMARIZE t")) {
                    while (rs.next()) {
                        n++;
                    }
                }
                return n;
            });
        } catch (Exception e) {
            System.err.println("DuckDB could not run: " + e);
            return null;
        }
    }
}
