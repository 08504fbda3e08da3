package io.tablewise.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.io.AtomicFiles;
import io.tablewise.node.NodeContext;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.ParamSpec;
import io.tablewise.node.ParamType;

/**
 * Writes a table to an Excel {@code .xlsx} workbook with typed cells (numbers, booleans, dates with a date
 * format), a bold header row and frozen header, atomically. Passes the table through.
 */
public final class ExcelExportNode extends FileExportNode {
    /** The node type id. */
    public static final String ID = "data.export.excel";
    /** Excel's row limit, header included. */
    static final int MAX_ROWS = 1_048_576;

    /** Creates the node type. */
    public ExcelExportNode() {
        super(ID, "Export Excel", "Writes the table to an Excel .xlsx workbook with typed cells and a frozen "
                + "header row.", "Where to write the .xlsx, relative to the flow file (or the run's output folder).",
                List.of(ParamSpec.builder("sheet", ParamType.STRING).label("Sheet name").defaultValue("data")
                        .help("Name of the sheet (at most 31 characters, none of : \\ / ? * [ ]).").build()));
    }

    @Override
    void checkParams(NodeParams params) throws NodeException {
        String sheet = params.string("sheet", "data");
        if (sheet.isEmpty() || sheet.length() > 31 || sheet.matches(".*[:\\\\/?*\\[\\]].*")) {
            throw new NodeException("sheet", "'" + sheet + "' is not a valid Excel sheet name: use 1 to 31 "
                    + "characters without : \\ / ? * [ ]");
        }
    }

    @Override
    void write(Table table, Path file, NodeParams params, NodeContext context) throws IOException, NodeException {
        if (table.rowCount() + 1 > MAX_ROWS) {
            throw new NodeException("path", "the table has " + table.rowCount() + " rows but an Excel sheet holds "
                    + "at most " + (MAX_ROWS - 1) + "; export to CSV instead, or filter or sample the rows first");
        }
        writeXlsx(table, file, params.string("sheet", "data"), context);
    }

    static void writeXlsx(Table table, Path file, String sheetName, NodeContext context) throws IOException {
        AtomicFiles.write(file, out -> {
            Workbook wb = new Workbook(out, "Tablewise", "1.0");
            Worksheet ws = wb.newWorksheet(sheetName);
            List<Column<?>> columns = table.columns();
            for (int c = 0; c < columns.size(); c++) {
                ws.value(0, c, columns.get(c).name());
                ws.style(0, c).bold().set();
            }
            ws.freezePane(0, 1);
            for (int c = 0; c < columns.size(); c++) {
                Column<?> col = columns.get(c);
                for (int r = 0; r < table.rowCount(); r++) {
                    if ((r & 16383) == 0 && context != null) {
                        context.checkCancelled();
                    }
                    if (col.isMissing(r)) {
                        continue;
                    }
                    int row = r + 1;
                    if (col instanceof NumberColumn<?, ?> n) {
                        ws.value(row, c, n.getDouble(r));
                    } else if (col instanceof BooleanColumn b) {
                        ws.value(row, c, b.get(r));
                    } else if (col instanceof DateColumn d) {
                        ws.value(row, c, d.get(r));
                        ws.style(row, c).format("yyyy-mm-dd").set();
                    } else if (col instanceof DateTimeColumn dt) {
                        ws.value(row, c, dt.get(r));
                        ws.style(row, c).format("yyyy-mm-dd hh:mm:ss").set();
                    } else {
                        ws.value(row, c, col.getString(r));
                    }
                }
            }
            wb.finish();
        });
    }
}
