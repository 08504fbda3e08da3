package io.tablewise.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import io.tablewise.flow.Flow;
import io.tablewise.track.RunRecord;
import io.tablewise.track.SweepGrid;

/** {@code --sweep NAME=V1,V2,...}: the grid of parameter combinations, and the table of what each run measured. */
final class Sweep {
    private Sweep() {
    }

    /** Every combination of the sweeps (one empty combination without sweeps), or null after printing why not. */
    static List<Map<String, String>> grid(List<String> sweeps, Flow flow, PrintWriter err) {
        try {
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (String s : sweeps) {
                Map.Entry<String, List<String>> e = SweepGrid.parse(s);
                values.put(e.getKey(), e.getValue());
            }
            return SweepGrid.of(flow, values);
        } catch (IllegalArgumentException e) {
            err.println("error: --sweep: " + e.getMessage());
            return null;
        }
    }

    /** The sweep's runs: the swept values and each run's metrics. */
    static void print(List<RunRecord> records, List<Map<String, String>> grid, PrintWriter out) {
        List<String> names = new ArrayList<>(grid.get(0).keySet());
        TreeSet<String> metrics = new TreeSet<>();
        records.forEach(r -> metrics.addAll(r.metrics().keySet()));
        List<String> shown = metrics.stream().filter(m -> List.of("auc", "accuracy", "f1", "logLoss", "rmse", "mae",
                "r2", "balancedAccuracy").contains(m)).toList();
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-22s %-10s", "run", "node"));
        names.forEach(n -> header.append(String.format(Locale.ROOT, " %14s", n)));
        shown.forEach(m -> header.append(String.format(Locale.ROOT, " %10s", m)));
        out.println();
        out.println("sweep: " + records.size() + " model builds");
        out.println(header);
        for (RunRecord r : records) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-22s %-10s", r.runId(), r.node()));
            names.forEach(n -> line.append(String.format(Locale.ROOT, " %14s", r.parameters().get("flow." + n))));
            shown.forEach(m -> line.append(String.format(Locale.ROOT, " %10.4f", r.metrics().getOrDefault(m,
                    Double.NaN))));
            out.println(line);
        }
        out.flush();
    }
}
