package io.tablewise.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tech.tablesaw.api.Table;

import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.node.NodeParams;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.transform.Preview;
import io.tablewise.transform.Transform;
import io.tablewise.transform.TransformCatalog;
import io.tablewise.transform.TransformNode;

/**
 * Live preview speed: each transform on a 50,000-row random preview sample of the workload-1 table (goal: well
 * under 200 ms for simple transforms), and the same transforms on all 1,000,000 rows. Run with
 * {@code bench/run transforms}.
 */
public final class TransformBenchmark {
    private TransformBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path file = BenchTables.wideFile(rows);
        Table table = new DelimitedReader().read(file, CsvOptions.defaults(), ProgressMonitor.NONE).table();
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("scale.standard", Map.of("columns", List.of("income", "balance", "score")));
        cases.put("missing.impute", Map.of("columns", List.of("income", "weight"), "strategy", "median"));
        cases.put("encode.one-hot", Map.of("columns", List.of("segment", "channel")));
        cases.put("encode.target-mean", Map.of("columns", List.of("city"), "target", "active"));
        cases.put("formula.column", Map.of("name", "bmi", "formula", "weight / ((height / 100) ^ 2)"));
        cases.put("rows.filter", Map.of("formula", "age >= 30 and channel = 'web'"));
        cases.put("rows.sort", Map.of("columns", List.of("income")));
        cases.put("text.case", Map.of("columns", List.of("city"), "to", "upper"));
        cases.put("datetime.parts", Map.of("column", "signup_date", "parts", List.of("year", "month", "weekday")));
        cases.put("combine.group-by", Map.of("by", List.of("segment"), "columns", List.of("income"),
                "aggregates", List.of("mean", "median")));
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {"transform", "preview 50k median ms", "all rows median s", "note"});
        for (Map.Entry<String, Map<String, Object>> c : cases.entrySet()) {
            Transform t = TransformCatalog.all().stream().filter(x -> x.spec().id().equals("transform." + c.getKey()))
                    .findFirst().orElseThrow();
            NodeParams p = NodeParams.withDefaults(new TransformNode(t).descriptor(), c.getValue());
            double[] preview = BenchTables.time(runs, () -> Preview.run(t, p, table, 50_000, true, 1).rowsOut());
            double[] full = BenchTables.time(Math.max(2, runs / 2), () -> t.apply(table, p, t.fit(table, p),
                    io.tablewise.transform.TransformContext.NONE).rowCount());
            out.add(new String[] {c.getKey(), String.format(Locale.ROOT, "%.1f", BenchTables.median(preview) * 1000),
                BenchTables.f(BenchTables.median(full)), BenchTables.median(preview) < 0.2 ? "" : "over 200 ms"});
        }
        BenchTables.print(out);
    }
}
