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
import io.tablewise.transform.TransformChain;

/**
 * The model-quality goal of workload 2: bank marketing without {@code duration}, stratified 80/20 split, the quick
 * build and the auto search with a time budget, test AUC. Two splits for each seed: the reference split of the shared
 * benchmark notes ({@code bench/bank-reference-test-rows.txt}, scikit-learn's stratified split of random state 42,
 * written by {@code bench/reference_split.py}; the seed seeds the search), and Tablewise's own split of that seed.
 * Each split's test rows are written to {@code bench/out/bank-test-rows-SPLIT.txt} (one row index per line, counting
 * data rows from 0), so that {@code bench/sklearn_same_split.py} can score scikit-learn's models on exactly the same
 * rows. Arguments: seeds separated by commas (default 42), then the budget in seconds (default 60).
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
        int[] reference = Files.readAllLines(Path.of("bench", "bank-reference-test-rows.txt")).stream()
                .mapToInt(Integer::parseInt).toArray();
        if (reference.length != (int) Math.ceil(0.2 * t.rowCount()) // scikit-learn rounds the test share up
                || Arrays.stream(reference).anyMatch(r -> r < 0 || r >= t.rowCount())) {
            System.err.println("bench/bank-reference-test-rows.txt does not fit " + bank + " (" + t.rowCount()
                    + " rows): run python3 bench/reference_split.py again");
            return;
        }
        write(out.resolve("bank-test-rows-reference.txt"), reference);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"split", "seed", "quick AUC", "quick s", "auto AUC", "auto s", "candidates",
            "auto chose"});
        double[][] quickAuc = new double[2][seeds.length];
        double[][] autoAuc = new double[2][seeds.length];
        for (int k = 0; k < seeds.length; k++) {
            BuildOptions quick = new BuildOptions("y", ProblemType.BINARY, List.of("duration"), "auc", 0.2, seeds[k]);
            int[] own = ModelBuilder.split(t.column("y"), ProblemType.BINARY, quick)[1];
            write(out.resolve("bank-test-rows-" + seeds[k] + ".txt"), own);
            for (int s = 0; s < 2; s++) {
                int[] test = s == 0 ? reference : own;
                long a = System.nanoTime();
                TrainedModel q = ModelBuilder.build(t, NO_TRANSFORMS, quick, test, ProgressMonitor.NONE);
                long b = System.nanoTime();
                TrainedModel auto = ModelBuilder.build(t, NO_TRANSFORMS, quick.auto(budget, 200), test,
                        ProgressMonitor.NONE);
                long c = System.nanoTime();
                quickAuc[s][k] = q.evaluation().metrics().get("auc");
                autoAuc[s][k] = auto.evaluation().metrics().get("auc");
                rows.add(new String[] {s == 0 ? "reference" : "own " + seeds[k], Long.toString(seeds[k]),
                    auc(quickAuc[s][k]), BenchTables.f((b - a) / 1e9), auc(autoAuc[s][k]),
                    BenchTables.f((c - b) / 1e9), String.valueOf(auto.info().get("candidates")),
                    auto.info().get("algorithm") + " " + auto.settings()});
            }
        }
        if (seeds.length > 1) {
            for (int s = 0; s < 2; s++) {
                rows.add(new String[] {s == 0 ? "reference: mean" : "own: mean", "", auc(mean(quickAuc[s])), "",
                    auc(mean(autoAuc[s])), "", "", ""});
            }
        }
        BenchTables.print(rows);
    }

    private static final TransformChain NO_TRANSFORMS = new TransformChain(List.of());

    private static void write(Path file, int[] rows) throws java.io.IOException {
        Files.writeString(file, Arrays.stream(rows).sorted().mapToObj(Integer::toString)
                .collect(Collectors.joining("\n", "", "\n")));
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

    private static String auc(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
