package io.tablewise.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tablewise.data.csv.CsvOptions;
import io.tablewise.data.csv.DelimitedReader;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.ProgressMonitor;

/** Reads any supported data file with default options, choosing the reader by the file name's extension. */
public final class DataFiles {
    private DataFiles() {
    }

    /** The import node type id for a file name: CSV/TSV/text, Excel or JSON Lines. */
    public static String importNodeFor(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return ExcelImportNode.ID;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JsonLinesImportNode.ID;
        }
        if (name.endsWith(".parquet") || name.endsWith(".parq")) {
            return ParquetImportNode.ID;
        }
        return CsvImportNode.ID;
    }

    /** Reads a file with automatic detection. */
    public static ImportResult read(Path file, ProgressMonitor monitor) throws NodeException {
        return read(file, CsvOptions.defaults(), monitor);
    }

    /** Reads a file; delimited text uses {@code options} (Excel and JSON Lines ignore them). */
    public static ImportResult read(Path file, CsvOptions options, ProgressMonitor monitor) throws NodeException {
        NodeParams defaults = new NodeParams(Map.of());
        return switch (importNodeFor(file.getFileName().toString())) {
            case ExcelImportNode.ID -> ExcelImportNode.readSheet(file, defaults, 0, monitor);
            case JsonLinesImportNode.ID -> JsonLinesImportNode.readLines(file, defaults, 0, monitor);
            case ParquetImportNode.ID -> io.tablewise.data.parquet.ParquetFiles.read(file, "", List.of(), 0, monitor);
            default -> {
                try {
                    yield new DelimitedReader().read(file, options, monitor);
                } catch (ImportException e) {
                    throw new NodeException(e.param(), e.getMessage());
                }
            }
        };
    }
}
