package io.tablewise.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

import io.tablewise.node.ProgressMonitor;
import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;

/**
 * The real public datasets in {@code ../shared/data} (see its README for counts). These tests are skipped, with
 * a message saying so, on a checkout without that folder beside it.
 */
class SharedDataImportTest {
    static final Path SHARED = Path.of("..", "shared", "data");

    static Path shared(String name) {
        Path file = SHARED.resolve(name);
        assumeTrue(Files.isRegularFile(file), "SKIPPED: " + file.toAbsolutePath().normalize()
                + " is absent; clone the project beside ../shared to run the tests on the real datasets");
        return file;
    }

    private static ImportResult read(String name) throws Exception {
        return new DelimitedReader().read(shared(name), CsvOptions.defaults(), ProgressMonitor.NONE);
    }

    @Test
    void bankMarketingImportsWithTheRightTypes() throws Exception {
        ImportResult r = read("bank-additional-full.csv");
        Table t = r.table();
        assertEquals(';', r.format().delimiter());
        assertEquals(41_188, t.rowCount());
        assertEquals(21, t.columnCount());
        assertEquals(ColumnType.STRING, t.column("y").type());
        assertEquals(4_640, t.stringColumn("y").isEqualTo("yes").size());
        assertEquals(36_548, t.stringColumn("y").isEqualTo("no").size());
        assertEquals(ColumnType.INTEGER, t.column("age").type());
        assertEquals(ColumnType.INTEGER, t.column("pdays").type());
        assertEquals(ColumnType.DOUBLE, t.column("euribor3m").type());
        assertEquals(ColumnType.STRING, t.column("job").type());
        assertEquals(List.of(), r.warnings());
        // first data row: 56;"housemaid";...;1.1;93.994;-36.4;4.857;5191;"no"
        assertEquals(56, t.intColumn("age").getInt(0));
        assertEquals("housemaid", t.stringColumn("job").get(0));
        assertEquals(93.994, t.doubleColumn("cons.price.idx").getDouble(0));
    }

    @Test
    void titanicKeepsQuotedCommasAndCountsBlanksAsMissing() throws Exception {
        Table t = read("titanic_train.csv").table();
        assertEquals(891, t.rowCount());
        assertEquals(12, t.columnCount());
        assertEquals(342, (int) t.intColumn("Survived").sum());
        assertEquals(177, t.column("Age").countMissing());
        assertEquals(687, t.column("Cabin").countMissing());
        assertEquals(2, t.column("Embarked").countMissing());
        assertEquals("Braund, Mr. Owen Harris", t.stringColumn("Name").get(0));
        assertEquals(ColumnType.DOUBLE, t.column("Fare").type());
    }

    @Test
    void wineHeadersWithSpacesAndQuotes() throws Exception {
        Table t = read("winequality-red.csv").table();
        assertEquals(1_599, t.rowCount());
        assertEquals("fixed acidity", t.columnNames().get(0));
        assertEquals(ColumnType.INTEGER, t.column("quality").type());
        assertEquals(3, (int) t.intColumn("quality").min());
        assertEquals(8, (int) t.intColumn("quality").max());
    }

    @Test
    void irisHasThreeBalancedClasses() throws Exception {
        Table t = read("iris.csv").table();
        assertEquals(150, t.rowCount());
        assertEquals(3, t.stringColumn("species").countUnique());
        assertEquals(ColumnType.DOUBLE, t.column(0).type());
    }
}
