package io.tablewise.data;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import io.tablewise.node.ProgressMonitor;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.ParamSpec;
import io.tablewise.node.ParamType;
import io.tablewise.node.Suggestions;

/**
 * Imports one sheet of an Excel {@code .xlsx} workbook (the first, or one named). Cells become text first
 * (numbers in plain notation, date-formatted numbers as ISO dates, formulas as their cached values) and then go
 * through the same type inference as CSV, so a column types the same whichever format it came in.
 */
public final class ExcelImportNode extends FileImportNode {
    /** The node type id. */
    public static final String ID = "data.import.excel";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Creates the node type. */
    public ExcelImportNode() {
        super(ID, "Import Excel", "Reads a sheet of an Excel .xlsx workbook into a table, with the same type "
                + "detection as CSV.", ImportParams.withReading(List.of(
                    ImportParams.path("The .xlsx workbook, relative to the flow file."),
                    ParamSpec.builder("sheet", ParamType.STRING).label("Sheet").defaultValue("")
                            .help("The sheet's name; empty for the first sheet.").build(),
                    ImportParams.header())));
    }

    @Override
    ImportResult read(Path file, NodeParams params, long rowLimit, ProgressMonitor monitor) throws NodeException {
        return readSheet(file, params, rowLimit, monitor);
    }

    /** Reads the sheet; {@code rowLimit} > 0 stops after that many data rows. */
    static ImportResult readSheet(Path file, NodeParams p, long rowLimit, ProgressMonitor monitor)
            throws NodeException {
        String name = file.getFileName().toString();
        WorkbookCheck.checkColumns(file, name);
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false))) {
            Sheet sheet = sheet(wb, p.string("sheet", ""), name);
            TextTableBuilder builder = new TextTableBuilder(ImportParams.missing(p), p.bool("trimWhitespace", true));
            long errors = 0;
            Boolean header = ImportParams.headerChoice(p);
            long limit = rowLimit > 0 ? rowLimit + (Boolean.FALSE.equals(header) ? 0 : 1) : Long.MAX_VALUE;
            try (Stream<Row> rows = sheet.openStream()) {
                Iterator<Row> it = rows.iterator();
                while (it.hasNext() && builder.size() < limit) {
                    Row row = it.next();
                    if (row.getCellCount() > ReadLimits.MAX_COLUMNS) {
                        throw new NodeException("path", name + " row " + row.getRowNum() + " has a cell in column "
                                + row.getCellCount() + "; Tablewise reads at most " + ReadLimits.MAX_COLUMNS
                                + " columns (Excel's own limit). Is the workbook damaged?");
                    }
                    String[] values = new String[row.getCellCount()];
                    boolean any = false;
                    for (int c = 0; c < values.length; c++) {
                        Cell cell = row.getCell(c);
                        if (cell != null && cell.getType() == CellType.ERROR) {
                            errors++;
                        }
                        values[c] = text(cell, wb.isDate1904());
                        any |= values[c] != null && !values[c].isBlank();
                    }
                    if (any) {
                        builder.addRow(values, row.getRowNum());
                    }
                    if (monitor.isCancelled()) {
                        throw new io.tablewise.node.CancelledException();
                    }
                }
            }
            if (builder.size() == 0) {
                throw new NodeException("sheet", "sheet '" + sheet.getName() + "' of " + name + " is empty");
            }
            ImportResult result = builder.build(name.replaceFirst("\\.[^.]*$", ""), null, header,
                    ImportParams.columnKinds(p), ErrorPolicy.fromId(p.string("onError", "set-missing")), monitor,
                    new ImportResult.DetectedFormat("xlsx", ',', '"', true));
            if (errors > 0) {
                List<String> warnings = new java.util.ArrayList<>(result.warnings());
                warnings.add(errors + " cells hold Excel errors (#N/A, #DIV/0!, ...); they were read as missing");
                return new ImportResult(result.table(), result.format(), warnings);
            }
            return result;
        } catch (ImportException e) {
            throw new NodeException(e.param(), e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new NodeException("path", name + " could not be read as an Excel .xlsx workbook ("
                    + e.getMessage() + "); save it as .xlsx from Excel, or export it to CSV", e);
        }
    }

    private static Sheet sheet(ReadableWorkbook wb, String wanted, String name) throws NodeException {
        if (wanted.isEmpty()) {
            return wb.getFirstSheet();
        }
        Optional<Sheet> sheet = wb.findSheet(wanted);
        if (sheet.isEmpty()) {
            List<String> names = wb.getSheets().map(Sheet::getName).toList();
            throw new NodeException("sheet", name + " has no sheet '" + wanted + "'"
                    + Suggestions.didYouMean(wanted, names) + "; its sheets are: " + String.join(", ", names));
        }
        return sheet.get();
    }

    /** A cell as text: null for empty and error cells. */
    static String text(Cell cell, boolean date1904) {
        if (cell == null) {
            return null;
        }
        return switch (cell.getType()) {
            case EMPTY, ERROR -> null;
            case BOOLEAN -> String.valueOf(cell.asBoolean());
            case STRING -> cell.asString();
            case NUMBER -> isDateFormat(cell) ? dateText(cell.asDate()) : number(cell.asNumber());
            case FORMULA -> cell.getRawValue();
        };
    }

    private static String number(BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (Math.abs((long) value.precision() - value.scale()) > ReadLimits.MAX_EXPONENT) {
            // beyond any double: written out in full it would be millions of digits; kept short, read as text
            return value.toString();
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }

    private static String dateText(LocalDateTime t) {
        if (t == null) {
            return null;
        }
        return t.toLocalTime().toSecondOfDay() == 0 ? t.toLocalDate().toString() : DATE_TIME.format(t);
    }

    /** Excel stores dates as numbers with a date format: built-in ids 14-22 and 45-47, or a custom y/m/d/h format. */
    static boolean isDateFormat(Cell cell) {
        Integer id = cell.getDataFormatId();
        if (id != null && ((id >= 14 && id <= 22) || (id >= 45 && id <= 47))) {
            return true;
        }
        String f = cell.getDataFormatString();
        if (f == null || f.equalsIgnoreCase("General")) {
            return false;
        }
        String stripped = f.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "").toLowerCase();
        return stripped.matches(".*[ydh].*") || stripped.matches(".*m.*") && !stripped.matches("^[0#.,%e+\\-]*$");
    }
}
