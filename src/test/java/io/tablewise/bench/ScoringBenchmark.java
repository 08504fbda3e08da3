package io.tablewise.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tech.tablesaw.api.Table;

import io.tablewise.data.CsvExportNode;
import io.tablewise.data.DataFiles;
import io.tablewise.model.BuildOptions;
import io.tablewise.model.ModelBuilder;
import io.tablewise.model.ModelFiles;
import io.tablewise.model.Predictor;
import io.tablewise.model.TrainedModel;
import io.tablewise.node.ProgressMonitor;

/**
 * Workload 3: batch scoring of the 1M x 20 CSV through a saved tree model (trained on the first 50,000 rows, target
 * {@code active}): read the CSV, replay the preprocessing, predict, write the CSV — end to end in one warm JVM, and
 * each part. Goal: 5 s end to end. Run with {@code bench/run scoring}.
 */
public final class ScoringBenchmark {
    private ScoringBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path file = BenchTables.wideFile(rows);
        Table all = DataFiles.read(file, ProgressMonitor.NONE).table();
        TrainedModel trained = ModelBuilder.build(all.first(50_000), new BuildOptions("active", null,
                List.of("id"), null, 0.2, 1), ProgressMonitor.NONE);
        Path dir = Files.createTempDirectory("tablewise-scoring");
        ModelFiles.save(trained, dir.resolve("model"));
        Path out = dir.resolve("scored.csv");
        double[][] parts = new double[4][runs];
        double[] total = BenchTables.time(runs, new java.util.concurrent.Callable<>() {
            private int run = -2;

            @Override
            public Integer call() throws Exception {
                long a = System.nanoTime();
                TrainedModel m = ModelFiles.load(dir.resolve("model"));
                long b = System.nanoTime();
                Table t = DataFiles.read(file, ProgressMonitor.NONE).table();
                long c = System.nanoTime();
                Table scored = Predictor.predict(m, t, w -> { });
                long d = System.nanoTime();
                CsvExportNode.writeCsv(scored, out);
                long e = System.nanoTime();
                if (run >= 0) {
                    parts[0][run] = (b - a) / 1e9;
                    parts[1][run] = (c - b) / 1e9;
                    parts[2][run] = (d - c) / 1e9;
                    parts[3][run] = (e - d) / 1e9;
                }
                run++;
                return scored.rowCount();
            }
        });
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"work", "warm median s", "min s", "max s", "note"});
        table.add(BenchTables.row("end to end, 1M rows CSV -> CSV", total, "goal <= 5 s"));
        String[] names = {"load the model", "read the CSV", "preprocess and predict", "write the CSV"};
        for (int i = 0; i < 4; i++) {
            table.add(BenchTables.row(names[i], parts[i], ""));
        }
        BenchTables.print(table);
        System.out.println("model: " + trained.model().encoder().featureNames().size() + " features, "
                + trained.settings().get("trees") + " trees; " + Map.of("dir", dir));
    }
}
