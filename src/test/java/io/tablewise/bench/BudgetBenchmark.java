package io.tablewise.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tech.tablesaw.api.Table;

import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.model.BuildOptions;
import io.tablewise.model.ModelBuilder;
import io.tablewise.model.TrainedModel;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.sample.ChurnGenerator;
import io.tablewise.sample.HousePricesGenerator;

/**
 * Whether an automatic build keeps its time budget (search, final fit, threshold, evaluation): each table and budget
 * is built in a JVM of its own, cold as a {@code tablewise train} is, and the whole build is timed. Tables: the
 * generated churn (classes) and house prices (numbers) tables at several sizes, and bank marketing when
 * {@code ../shared/data} has it. Arguments: budgets separated by commas (default 10,30,60), then row counts of the
 * generated tables (default 20000,100000,300000; 0 for none).
 */
public final class BudgetBenchmark {
    private BudgetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--one")) {
            one(Path.of(args[1]), args[2], Double.parseDouble(args[3]), args[4]);
            return;
        }
        String budgets = args.length > 0 ? args[0] : "10,30,60";
        String sizes = args.length > 1 ? args[1] : "20000,100000,300000";
        List<String[]> tables = new ArrayList<>();
        Path out = Path.of("bench", "out");
        Files.createDirectories(out);
        for (String n : sizes.split(",")) {
            int rows = Integer.parseInt(n.trim());
            if (rows <= 0) {
                continue; // "0": bank marketing only
            }
            Path churn = out.resolve("churn-" + rows + ".csv");
            if (!Files.exists(churn)) {
                ChurnGenerator.write(churn, rows, 7);
            }
            tables.add(new String[] {"churn " + rows, churn.toString(), "churned", "customer_id"});
            if (rows <= 100_000) {
                Path houses = out.resolve("houses-" + rows + ".csv");
                if (!Files.exists(houses)) {
                    HousePricesGenerator.write(houses, rows, 7);
                }
                tables.add(new String[] {"houses " + rows, houses.toString(), "price_mkrw", "sale_id"});
            }
        }
        Path bank = Path.of("..", "shared", "data", "bank-additional-full.csv");
        if (Files.isRegularFile(bank)) {
            tables.add(new String[] {"bank marketing", bank.toString(), "y", "duration"});
        } else {
            System.err.println("bank marketing skipped: " + bank.toAbsolutePath().normalize() + " is absent");
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"table", "training rows", "budget s", "build s", "over budget", "candidates",
            "full-size", "said before the final steps"});
        for (String[] t : tables) {
            for (String b : budgets.split(",")) {
                System.err.println("building " + t[0] + " with a budget of " + b + " s ...");
                rows.add(child(t, b.trim()));
            }
        }
        BenchTables.print(rows);
    }

    /** Runs one build in a new JVM and reads back its table row. */
    private static String[] child(String[] table, String budget) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx4g", "-XX:+UseParallelGC", "-cp",
                System.getProperty("java.class.path"), BudgetBenchmark.class.getName(), "--one", table[1], table[2],
                budget, table[3]).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            line = r.lines().reduce((a, b) -> b).orElse("");
        }
        if (p.waitFor() != 0 || !line.startsWith("ROW\t")) {
            return new String[] {table[0], "", budget, "failed", "", "", "", ""};
        }
        String[] f = line.split("\t", -1);
        f[0] = table[0];
        return f;
    }

    private static void one(Path file, String target, double budget, String exclude) throws Exception {
        Table t = new DelimitedReader().read(file, CsvOptions.defaults(), ProgressMonitor.NONE).table();
        String[] notice = {""};
        ProgressMonitor monitor = new ProgressMonitor() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public void notice(double fraction, String message) {
                notice[0] = message;
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        BuildOptions o = new BuildOptions(target, null, List.of(exclude), null, 0.2, 42).auto(budget, 200);
        long a = System.nanoTime();
        TrainedModel m = ModelBuilder.build(t, o, monitor);
        double seconds = (System.nanoTime() - a) / 1e9;
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> board = (List<Map<String, Object>>) m.info().get("leaderboard");
        long full = board.stream().filter(c -> ((Number) c.get("trainedShare")).doubleValue() > 0.5).count();
        System.out.println(String.join("\t", "ROW", String.format(Locale.ROOT, "%,d", m.info().get("trainRows")),
                String.format(Locale.ROOT, "%.0f", budget), BenchTables.f(seconds),
                String.format(Locale.ROOT, "%+.0f%%", 100 * (seconds / budget - 1)), String.valueOf(board.size()),
                String.valueOf(full), notice[0]));
    }
}
