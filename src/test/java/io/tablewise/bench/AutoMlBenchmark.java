package io.tablewise.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import tech.tablesaw.api.Table;

import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.ml.ProblemType;
import io.tablewise.model.BuildOptions;
import io.tablewise.model.ModelBuilder;
import io.tablewise.model.TrainedModel;
import io.tablewise.node.ProgressMonitor;

/**
 * The model-quality goal of workload 2: bank marketing without {@code duration}, stratified 80/20 split, the quick
 * build and the auto search with a time budget, test AUC for each split seed. Each seed's test rows are written to
 * {@code bench/out/bank-test-rows-SEED.txt} (one row index per line, counting data rows from 0), so that
 * {@code bench/sklearn_same_split.py} can score scikit-learn's models on exactly the same rows.
 * Arguments: seeds separated by commas (default 42), then the budget in seconds (default 60).
 */
public final class AutoMlBenchmark {
    private AutoMlBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path bank = Path.of("..", "shared", "data", "bank-additional-full.csv");
        if (!Files.isRegularFile(bank)) {
            System.err.println("skipping the AutoML benchmark: " + bank.toAbsolutePath().normalize() + " is absent");
            return;
        }
        long[] seeds = Arrays.stream((args.length > 0 ? args[0] : "42").split(",")).mapToLong(Long::parseLong)
                .toArray();
        double budget = args.length > 1 ? Double.parseDouble(args[1]) : 60;
        Table t = new DelimitedReader().read(bank, CsvOptions.defaults(), ProgressMonitor.NONE).table();
        System.err.printf(Locale.ROOT, "bank marketing: %,d rows, %d cores, budget %.0f s%n", t.rowCount(),
                Runtime.getRuntime().availableProcessors(), budget);
        Path out = Path.of("bench", "out");
        Files.createDirectories(out);
        try (var old = Files.newDirectoryStream(out, "bank-test-rows-*.txt")) {
            for (Path p : old) {
                Files.delete(p); // the comparison reads every file there: only this run's seeds
            }
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"seed", "quick AUC", "quick s", "auto AUC", "auto s", "candidates", "auto chose"});
        double[] quickAuc = new double[seeds.length];
        double[] autoAuc = new double[seeds.length];
        for (int k = 0; k < seeds.length; k++) {
            BuildOptions quick = new BuildOptions("y", ProblemType.BINARY, List.of("duration"), "auc", 0.2, seeds[k]);
            int[] test = ModelBuilder.split(t.column("y"), ProblemType.BINARY, quick)[1];
            Files.writeString(out.resolve("bank-test-rows-" + seeds[k] + ".txt"), Arrays.stream(test).sorted()
                    .mapToObj(Integer::toString).collect(Collectors.joining("\n", "", "\n")));
            long a = System.nanoTime();
            TrainedModel q = ModelBuilder.build(t, quick, ProgressMonitor.NONE);
            long b = System.nanoTime();
            TrainedModel auto = ModelBuilder.build(t, quick.auto(budget, 200), ProgressMonitor.NONE);
            long c = System.nanoTime();
            quickAuc[k] = q.evaluation().metrics().get("auc");
            autoAuc[k] = auto.evaluation().metrics().get("auc");
            rows.add(new String[] {Long.toString(seeds[k]), String.format(Locale.ROOT, "%.4f", quickAuc[k]),
                BenchTables.f((b - a) / 1e9), String.format(Locale.ROOT, "%.4f", autoAuc[k]),
                BenchTables.f((c - b) / 1e9), String.valueOf(auto.info().get("candidates")),
                auto.info().get("algorithm") + " " + auto.settings()});
        }
        if (seeds.length > 1) {
            rows.add(new String[] {"mean", String.format(Locale.ROOT, "%.4f", Arrays.stream(quickAuc).average()
                    .orElseThrow()), "", String.format(Locale.ROOT, "%.4f", Arrays.stream(autoAuc).average()
                    .orElseThrow()), "", "", ""});
        }
        BenchTables.print(rows);
    }
}
