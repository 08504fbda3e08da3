package io.tablewise.ui;

import static io.tablewise.ui.StudioFixture.fx;
import static io.tablewise.ui.StudioFixture.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import tech.tablesaw.api.Table;

import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.node.ProgressMonitor;
import io.tablewise.ui.export.ExportDialogs;
import io.tablewise.ui.grid.DataGridView;

/** The data grid's exports: the filtered rows as CSV with every column, selected cells copied with Ctrl+C. */
class GridExportUiTest extends SampleStudioUiTest {
    @Override
    String project() {
        return "customer-churn";
    }

    @Test
    void filteredRowsAreSavedAndSelectedCellsCopied(FxRobot robot) throws Exception {
        DataGridView grid = studio.importShownInGrid(robot, 6000);
        robot.clickOn(grid.filterField()).write("서울");
        Table all = new DelimitedReader().read(dir.resolve("customer-churn/data/customers.csv"), CsvOptions.defaults(),
                ProgressMonitor.NONE).table();
        long seoul = all.stringColumn("region").asList().stream().filter("서울"::equals).count();
        waitFor(() -> grid.shownRows() == seoul, "the filter (" + seoul + " rows in 서울)");

        Path out = dir.resolve("seoul.csv");
        ExportDialogs.useChooser((owner, name, ext) -> Optional.of(out));
        robot.clickOn(".grid-csv");
        waitFor(() -> java.nio.file.Files.exists(out) && robot.lookup(".grid-info").queryLabeled().getText()
                .startsWith("Saved"), "the export");
        Table saved = new DelimitedReader().read(out, CsvOptions.defaults(), ProgressMonitor.NONE).table();
        assertEquals(seoul, saved.rowCount());
        assertEquals(all.columnNames(), saved.columnNames(), "every column, not only those on screen");
        assertTrue(saved.stringColumn("region").asList().stream().allMatch("서울"::equals));
        assertEquals(all.where(all.stringColumn("region").isEqualTo("서울")).stringColumn("customer_id").get(0),
                saved.stringColumn("customer_id").get(0), "in view order");

        TableView<Integer> table = grid.tableView();
        fx(() -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().selectRange(0, table.getVisibleLeafColumn(1), 1, table.getVisibleLeafColumn(2));
            table.requestFocus();
            return null;
        });
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        String copied = fx(() -> Clipboard.getSystemClipboard().getString());
        String[] lines = copied.split("\n");
        assertEquals("customer_id\tsignup_date", lines[0]);
        assertEquals(saved.stringColumn("customer_id").get(1) + "\t" + saved.column("signup_date").getString(1),
                lines[2]);
        assertEquals(3, lines.length);
    }
}
