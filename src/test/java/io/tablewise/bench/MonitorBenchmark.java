package io.tablewise.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tech.tablesaw.api.Table;

import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.monitor.Baseline;
import io.tablewise.monitor.Constraints;
import io.tablewise.monitor.MonitorCheck;
import io.tablewise.monitor.MonitorReport;
import io.tablewise.node.ProgressMonitor;

/**
 * The monitor's target: the statistical checks of 1,000,000 rows × 20 columns against a baseline in at most 2 s
 * (a loaded table; import and scoring measured apart), and the time to make a baseline of the same rows.
 */
public final class MonitorBenchmark {
    private MonitorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Table t = new DelimitedReader().read(BenchTables.wideFile(rows), CsvOptions.defaults(), ProgressMonitor.NONE)
                .table();
        int[] all = new int[t.rowCount()];
        java.util.Arrays.setAll(all, i -> i);
        List<String> columns = t.columnNames();
        tech.tablesaw.api.StringColumn none = tech.tablesaw.api.StringColumn.create("prediction");
        Baseline[] base = new Baseline[1];
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {String.format(Locale.ROOT, "%,d rows x %d columns", t.rowCount(), t.columnCount()),
            "median s", "min s", "max s", "note"});
        table.add(BenchTables.row("baseline of every row", BenchTables.time(runs, () -> {
            base[0] = Baseline.of(t, columns, all, none);
            return base[0].columns().size();
        }), "quantile sketch, bins, category shares"));
        Constraints rules = Constraints.suggest(base[0]);
        MonitorReport[] report = new MonitorReport[1];
        table.add(BenchTables.row("checks of every row", BenchTables.time(runs, () -> {
            report[0] = MonitorCheck.check("bench", base[0], rules, t, null);
            return report[0].findings().size();
        }), Runtime.getRuntime().availableProcessors() + " cores; target 2 s; " + report[0].violations()
                + " violations (none expected)"));
        BenchTables.print(table);
    }
}
