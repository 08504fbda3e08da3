package io.tablewise.data;

import java.nio.file.Path;
import java.util.List;

import io.tablewise.data.parquet.ParquetFiles;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.ParamSpec;
import io.tablewise.node.ParamType;
import io.tablewise.node.ProgressMonitor;

/**
 * Imports Parquet: a file, or a folder of files (partition folders such as {@code year=2024} become columns), only
 * the columns asked for, its types kept.
 */
public final class ParquetImportNode extends FileImportNode {
    /** The node type id. */
    public static final String ID = "data.import.parquet";

    /** Creates the node type. */
    public ParquetImportNode() {
        super(ID, "Import Parquet", "Reads a Parquet file, or a folder of them (partition folders like year=2024 "
                + "become columns), into a table with its column types. Only the columns named are read.",
                List.of(ImportParams.path("The .parquet file or a folder of them, relative to the flow file."),
                        ParamSpec.builder("pattern", ParamType.STRING).label("Files").defaultValue("")
                                .help("With a folder: which files, as a pattern, e.g. *.parquet or year=2024/**; "
                                        + "empty reads every Parquet file in it.").build(),
                        ParamSpec.builder("columns", ParamType.STRING_LIST).label("Columns").defaultValue(List.of())
                                .help("The columns to read; empty reads all.").build(),
                        ImportParams.rowLimit()));
    }

    @Override
    public boolean readsFolders() {
        return true;
    }

    @Override
    ImportResult read(Path file, NodeParams params, long rowLimit, ProgressMonitor monitor) throws NodeException {
        return ParquetFiles.read(file, params.string("pattern", ""), params.strings("columns"), rowLimit,
                monitor);
    }

    @Override
    ImportResult preview(Path file, NodeParams params) throws NodeException {
        return new ImportResult(ParquetFiles.schema(file, params.string("pattern", ""), params.strings("columns")),
                new ImportResult.DetectedFormat("Parquet", ',', '"', true), List.of());
    }
}
