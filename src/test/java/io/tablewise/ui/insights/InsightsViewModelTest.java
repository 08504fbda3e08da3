package io.tablewise.ui.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.insights.ColumnProfile;
import io.tablewise.insights.InsightsOptions;
import io.tablewise.insights.InsightsProfiler;
import io.tablewise.insights.InsightsReport;
import io.tablewise.insights.QualityWarning;
import io.tablewise.node.ProgressMonitor;

/** The Insights view's search, order, per-column warnings and heat-map choice, on real reports from the engine. */
class InsightsViewModelTest {
    private static Table customers;
    private static InsightsReport report;

    @BeforeAll
    static void profile() throws Exception {
        customers = new DelimitedReader().read(Path.of("projects-sample/customer-churn/data/customers.csv"),
                CsvOptions.defaults(), ProgressMonitor.NONE).table();
        report = new InsightsProfiler().profile(customers, new InsightsOptions("churned", null, 50_000, 42, true,
                true), ProgressMonitor.NONE, "test");
    }

    @Test
    void searchFiltersByNameTypeOrMeaning() {
        InsightsViewModel vm = new InsightsViewModel(report);
        assertEquals(customers.columnCount(), vm.shownColumns().size());
        vm.searchProperty().set("FEE");
        assertEquals(List.of("monthly_fee"), names(vm));
        vm.searchProperty().set("date");
        assertEquals(List.of("signup_date"), names(vm));
        vm.searchProperty().set("integer");
        List<String> integers = customers.columns().stream()
                .filter(c -> c.type() == tech.tablesaw.api.ColumnType.INTEGER).map(c -> c.name()).toList();
        assertEquals(integers, names(vm));
        vm.searchProperty().set("no such column");
        assertTrue(vm.shownColumns().isEmpty());
    }

    @Test
    void ordersFollowTheTablesOwnCounts() {
        InsightsViewModel vm = new InsightsViewModel(report);
        vm.orderProperty().set(InsightsViewModel.ColumnOrder.MISSING);
        // the expected order from Tablesaw's own missing counts (stable: ties keep table order)
        List<String> expected = new ArrayList<>(customers.columnNames());
        expected.sort(Comparator.comparingInt(n -> -customers.column(n).countMissing()));
        assertEquals(expected.subList(0, 3), names(vm).subList(0, 3));
        assertEquals(customers.column(names(vm).get(0)).countMissing(), vm.shownColumns().get(0).missing());

        vm.orderProperty().set(InsightsViewModel.ColumnOrder.UNIQUE);
        assertEquals("customer_id", names(vm).get(0));
        assertEquals(customers.column("customer_id").countUnique(), vm.shownColumns().get(0).unique());

        vm.orderProperty().set(InsightsViewModel.ColumnOrder.NAME);
        List<String> sorted = new ArrayList<>(customers.columnNames());
        sorted.sort(String.CASE_INSENSITIVE_ORDER);
        assertEquals(sorted, names(vm));

        vm.orderProperty().set(InsightsViewModel.ColumnOrder.WARNINGS);
        String top = names(vm).get(0);
        long most = report.warnings().stream().filter(w -> w.columns().contains(top)).count();
        for (ColumnProfile p : report.columns()) {
            assertTrue(report.warnings().stream().filter(w -> w.columns().contains(p.name())).count() <= most);
        }
        vm.orderProperty().set(InsightsViewModel.ColumnOrder.TABLE);
        assertEquals(customers.columnNames(), names(vm));
    }

    @Test
    void warningsArePerColumnAndCountedBySeverity() {
        InsightsViewModel vm = new InsightsViewModel(report);
        for (QualityWarning w : report.warnings()) {
            for (String c : w.columns()) {
                assertTrue(vm.warningsOf(c).contains(w));
            }
        }
        assertEquals(report.warnings().size(), vm.severityCounts().values().stream().mapToLong(Long::longValue)
                .sum());
        assertEquals(4, vm.severityCounts().size(), "every severity shown (high, medium, low, info), zero included");
        assertTrue(vm.warningsOf("region").isEmpty() || report.warnings().stream()
                .anyMatch(w -> w.columns().contains("region")));
    }

    @Test
    void heatMapTooltipsGiveTheEnginesCorrelationOfThePair() {
        var c = report.correlations();
        NumericColumn<?> a = customers.numberColumn("tenure_months");
        NumericColumn<?> b = customers.numberColumn("monthly_fee");
        double[] x = a.asDoubleArray();
        double[] y = b.asDoubleArray();
        double pearson = new PearsonsCorrelation().correlation(x, y); // both columns are complete
        String tip = InsightsCharts.tooltip(c, "tenure_months", "monthly_fee", n -> true);
        assertTrue(tip.startsWith("tenure_months × monthly_fee: Pearson "), tip);
        assertEquals(pearson, Double.parseDouble(tip.substring(tip.indexOf("Pearson ") + 8, tip.indexOf(','))),
                5e-4);
        String categorical = InsightsCharts.tooltip(c, "plan", "contract", n -> false);
        assertTrue(categorical.contains("Cramér's V"), categorical);
        String mixed = InsightsCharts.tooltip(c, "plan", "monthly_fee", n -> n.equals("monthly_fee"));
        assertTrue(mixed.contains("eta"), mixed);
    }

    @Test
    void aWideHeatMapKeepsTheMostAssociatedColumns() throws Exception {
        Random rnd = new Random(7);
        Table wide = Table.create("wide");
        double[][] cols = new double[30][2000];
        for (int r = 0; r < 2000; r++) {
            for (int k = 0; k < 30; k++) {
                cols[k][r] = rnd.nextGaussian();
            }
            for (int k = 0; k < 10; k += 2) { // five strongly related pairs
                cols[k + 1][r] = cols[k][r] + 0.1 * rnd.nextGaussian();
            }
        }
        for (int k = 0; k < 30; k++) {
            wide.addColumns(DoubleColumn.create("x" + k, cols[k]));
        }
        InsightsReport r = new InsightsProfiler().profile(wide, new InsightsOptions(null, null, 50_000, 1, true,
                true), ProgressMonitor.NONE, "test");
        List<String> heat = new InsightsViewModel(r).heatmapColumns();
        assertEquals(InsightsViewModel.HEATMAP_COLUMNS, heat.size());
        for (int k = 0; k < 10; k++) {
            assertTrue(heat.contains("x" + k), "x" + k + " is strongly associated and must be drawn: " + heat);
        }
        List<String> inOrder = new ArrayList<>(heat);
        inOrder.sort(Comparator.comparingInt(n -> Integer.parseInt(n.substring(1))));
        assertEquals(inOrder, heat, "table order");
    }

    private static List<String> names(InsightsViewModel vm) {
        return vm.shownColumns().stream().map(ColumnProfile::name).toList();
    }
}
