package io.tablewise.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tech.tablesaw.api.Table;

import io.tablewise.data.DataFiles;
import io.tablewise.forecast.Forecaster;
import io.tablewise.forecast.RetailHoldout;
import io.tablewise.forecast.Holidays;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.sample.RetailGenerator;

/**
 * The forecasting target: 500 store × item series of 1,000 days, 28 days ahead with backtests, in at most 60 s on two
 * cores. The generated retail sales (seeded; promotions and Korean holidays; the true mean known) with the last 28
 * days held out: wall time of the whole forecast (local candidates per series under the quick screen, the global
 * boosted model's backtest and final fit), and the held-out WAPE and P10–P90 coverage against the noise floor (the
 * true mean's WAPE). Once with every model, once with the per-series models only.
 */
public final class ForecastBenchmark {
    private ForecastBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int series = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int horizon = 28;
        Path file = Path.of("target/bench-data/retail-" + series + "x" + days + ".csv");
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            RetailGenerator.write(file, series, days, 20261204);
        }
        long t0 = System.nanoTime();
        Table all = DataFiles.read(file, ProgressMonitor.NONE).table();
        double read = (System.nanoTime() - t0) / 1e9;
        LocalDate cut = RetailGenerator.START.plusDays(days - horizon);
        Table history = RetailHoldout.history(all, cut);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {String.format(Locale.ROOT, "%d series x %d days, %d ahead (%d cores)", series, days,
            horizon, Runtime.getRuntime().availableProcessors()), "seconds", "held-out WAPE", "noise floor",
            "P10-P90 held", "models"});
        for (boolean global : new boolean[] {true, false}) {
            long start = System.nanoTime();
            Forecaster.Result r = Forecaster.forecast(history, new Forecaster.Options("date", "sales",
                    List.of("store", "item"), horizon, null, List.of(0.1, 0.5, 0.9), Holidays.korean(),
                    List.of("promo", "price"), global));
            double seconds = (System.nanoTime() - start) / 1e9;
            double[] m = RetailHoldout.heldOut(all, r.forecast(), cut);
            Map<String, Long> kinds = new java.util.TreeMap<>();
            r.series().forEach(s -> kinds.merge(s.model().startsWith("ETS") ? "ETS" : s.model().startsWith("ensemble")
                    ? "ensemble" : s.model(), 1L, Long::sum));
            rows.add(new String[] {global ? "every model (per series + global)" : "per-series models only",
                BenchTables.f(seconds), String.format(Locale.ROOT, "%.3f", m[0]), String.format(Locale.ROOT, "%.3f",
                    m[1]), String.format(Locale.ROOT, "%.1f%%", 100 * m[2]), kinds.toString()});
            r.notes().stream().filter(n -> !n.contains("interpolation")).forEach(n -> System.out.println("note: " + n));
        }
        System.out.printf(Locale.ROOT, "read %,d rows in %.1f s (not counted)%n", all.rowCount(), read);
        BenchTables.print(rows);
    }
}
