package io.tablewise.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.io.AtomicFiles;
import io.tablewise.node.ConfigureContext;
import io.tablewise.node.NodeContext;
import io.tablewise.node.NodeDescriptor;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeType;
import io.tablewise.node.ParamSpec;
import io.tablewise.node.ParamType;
import io.tablewise.node.PortSpec;
import io.tablewise.node.PortType;
import io.tablewise.node.TableSchema;

/**
 * Writes a table to an Excel {@code .xlsx} workbook with typed cells (numbers, booleans, dates with a date
 * format), a bold header row and frozen header, atomically. Passes the table through.
 */
public final class ExcelExportNode implements NodeType {
    /** The node type id. */
    public static final String ID = "data.export.excel";
    /** Excel's row limit, header included. */
    static final int MAX_ROWS = 1_048_576;

    private static final NodeDescriptor DESCRIPTOR = new NodeDescriptor(ID, 1, "Export Excel", "Data",
            "Writes the table to an Excel .xlsx workbook.",
            List.of(PortSpec.of("table", PortType.TABLE, "The table to write")),
            List.of(PortSpec.of("table", PortType.TABLE, "The same table, unchanged")),
            List.of(
                    ParamSpec.builder("path", ParamType.OUTPUT_FILE).label("File").required()
                            .help("Where to write the .xlsx, relative to the flow file (or the run's output folder).")
                            .build(),
                    ParamSpec.builder("sheet", ParamType.STRING).label("Sheet name").defaultValue("data")
                            .help("Name of the sheet (at most 31 characters, none of : \\ / ? * [ ]).").build()));

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean hasSideEffects() {
        return true;
    }

    @Override
    public Map<String, TableSchema> configure(ConfigureContext context) throws NodeException {
        String sheet = context.params().string("sheet", "data");
        if (sheet.isEmpty() || sheet.length() > 31 || sheet.matches(".*[:\\\\/?*\\[\\]].*")) {
            throw new NodeException("sheet", "'" + sheet + "' is not a valid Excel sheet name: use 1 to 31 "
                    + "characters without : \\ / ? * [ ]");
        }
        TableSchema in = context.inputSchemas().get("table");
        return in == null ? Map.of() : Map.of("table", in);
    }

    @Override
    public Map<String, Object> execute(NodeContext context) throws NodeException {
        Table table = context.input("table", Table.class);
        if (table.rowCount() + 1 > MAX_ROWS) {
            throw new NodeException("path", "the table has " + table.rowCount() + " rows but an Excel sheet holds "
                    + "at most " + (MAX_ROWS - 1) + "; export to CSV instead, or filter or sample the rows first");
        }
        Path file = context.resolveOutput(context.params().string("path"));
        try {
            write(table, file, context.params().string("sheet", "data"), context);
        } catch (IOException e) {
            throw new NodeException("path", "cannot write " + file + ": " + e.getMessage()
                    + "; check that the folder is writable and the file is not open in Excel");
        }
        return Map.of("table", table);
    }

    static void write(Table table, Path file, String sheetName, NodeContext context) throws IOException {
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
