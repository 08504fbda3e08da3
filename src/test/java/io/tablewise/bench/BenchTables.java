package io.tablewise.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.tablewise.sample.WideTableGenerator;

/** Timing and table printing shared by the benchmarks. */
final class BenchTables {
    private BenchTables() {
    }

    /** The workload-1 CSV of {@code rows} rows, generated once into bench/out. */
    static Path wideFile(int rows) throws java.io.IOException {
        Path file = Path.of("bench/out/wide-" + rows + ".csv");
        if (!Files.exists(file)) {
            System.err.println("generating " + file + " ...");
            WideTableGenerator.write(file, rows, 20261122L);
        }
        return file;
    }

    /** Times {@code work}: two warm-up calls, then {@code runs} timed calls after a GC each; seconds per run. */
    static double[] time(int runs, Callable<Integer> work) throws Exception {
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

    static String[] row(String name, double[] s, String note) {
        double[] sorted = s.clone();
        Arrays.sort(sorted);
        return new String[] {name, f(median(s)), f(sorted[0]), f(sorted[sorted.length - 1]), note};
    }

    static double median(double[] s) {
        double[] sorted = s.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static void print(List<String[]> rows) {
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
