package io.tablewise.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import io.tablewise.node.ProgressMonitor;

/**
 * An id column has one distinct value per row: past 65,535 distinct values Tablesaw widens a text column's
 * dictionary, and profiling must go on as for any column (it once failed with "profiling failed").
 */
class ManyDistinctValuesTest {
    @ParameterizedTest
    @ValueSource(ints = {65_535, 66_000, 1_000_000})
    void aTextColumnWithADistinctValuePerRowIsProfiled(int rows) throws Exception {
        StringColumn ids = StringColumn.create("customer_id");
        DoubleColumn amount = DoubleColumn.create("amount");
        StringColumn region = StringColumn.create("region");
        String[] regions = {"서울", "부산", "대구"};
        for (int i = 0; i < rows; i++) {
            ids.append("C-" + Integer.toString(i * 7919 % rows, 36) + "-" + i);
            amount.append(i % 100);
            region.append(regions[i % 3]);
        }
        Table t = Table.create("ids", ids, amount, region);
        InsightsReport r = new InsightsProfiler().profile(t, InsightsOptions.defaults(), ProgressMonitor.NONE,
                "ids");
        ColumnProfile id = r.columns().stream().filter(c -> c.name().equals("customer_id")).findFirst()
                .orElseThrow();
        assertEquals(rows, id.unique(), "every id is distinct");
        assertEquals(3, r.columns().stream().filter(c -> c.name().equals("region")).findFirst().orElseThrow()
                .unique());
        assertTrue(r.warnings(QualityWarning.Kind.ID_LIKE).stream().anyMatch(w -> w.columns().contains("customer_id")),
                "the id column is flagged as an id");
    }
}
