package io.tablewise.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

import io.tablewise.node.ProgressMonitor;
import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;

class ChurnGeneratorTest {
    static final Path SHIPPED = Path.of("projects-sample/customer-churn/data/customers.csv");

    @TempDir
    Path dir;

    @Test
    void shippedSampleDataIsExactlyWhatTheDocumentedGeneratorWrites() throws Exception {
        Path regenerated = dir.resolve("customers.csv");
        ChurnGenerator.write(regenerated, 6000, 20261122L);
        assertArrayEquals(Files.readAllBytes(SHIPPED), Files.readAllBytes(regenerated),
                "projects-sample data must come from: tablewise generate churn --rows 6000 --seed 20261122");
    }

    @Test
    void tableHasTheDocumentedShapeTypesAndMissingShares() throws Exception {
        Table t = new DelimitedReader().read(SHIPPED, CsvOptions.defaults(), ProgressMonitor.NONE).table();
        assertEquals(6000, t.rowCount());
        assertEquals(ColumnType.LOCAL_DATE, t.column("signup_date").type());
        assertEquals(ColumnType.BOOLEAN, t.column("paperless_billing").type());
        assertEquals(ColumnType.DOUBLE, t.column("monthly_fee").type());
        assertEquals(ColumnType.INTEGER, t.column("age").type());
        assertEquals(9, t.stringColumn("region").countUnique());
        double missingSatisfaction = t.column("satisfaction").countMissing() / 6000.0;
        assertTrue(missingSatisfaction > 0.06 && missingSatisfaction < 0.10,
                "satisfaction missing " + missingSatisfaction);
        assertTrue(t.column("data_usage_gb").countMissing() > 100);
    }

    @Test
    void targetIsLearnableFromTheDocumentedDrivers() throws Exception {
        Table t = new DelimitedReader().read(SHIPPED, CsvOptions.defaults(), ProgressMonitor.NONE).table();
        double monthly = churnRate(t.where(t.stringColumn("contract").isEqualTo("month-to-month")));
        double twoYear = churnRate(t.where(t.stringColumn("contract").isEqualTo("two-year")));
        assertTrue(monthly > twoYear + 0.25, monthly + " vs " + twoYear);
        double manyCalls = churnRate(t.where(t.intColumn("support_calls").isGreaterThanOrEqualTo(4)));
        double noCalls = churnRate(t.where(t.intColumn("support_calls").isEqualTo(0)));
        assertTrue(manyCalls > noCalls + 0.2, manyCalls + " vs " + noCalls);
        double overall = churnRate(t);
        assertTrue(overall > 0.2 && overall < 0.5, "churn rate " + overall);
    }

    private static double churnRate(Table t) {
        return t.stringColumn("churned").isEqualTo("yes").size() / (double) t.rowCount();
    }

    @Test
    void wideTableHasTheBenchmarkShape() throws Exception {
        Path file = dir.resolve("wide.csv");
        WideTableGenerator.write(file, 20_000, 1);
        Table t = new DelimitedReader().read(file, CsvOptions.defaults(), ProgressMonitor.NONE).table();
        assertEquals(20, t.columnCount());
        assertEquals(20_000, t.rowCount());
        assertEquals(ColumnType.DOUBLE, t.column("income").type());
        assertEquals(ColumnType.BOOLEAN, t.column("active").type());
        assertEquals(ColumnType.LOCAL_DATE, t.column("signup_date").type());
        double channelMissing = t.column("channel").countMissing() / 20_000.0;
        assertTrue(Math.abs(channelMissing - 0.20) < 0.02, "channel missing " + channelMissing);
        assertEquals(1000, t.stringColumn("user_tag").countUnique());
    }
}
