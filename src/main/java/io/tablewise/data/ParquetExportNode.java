package io.tablewise.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import tech.tablesaw.api.Table;

import io.tablewise.data.parquet.ParquetFiles;
import io.tablewise.io.AtomicFiles;
import io.tablewise.node.NodeContext;
import io.tablewise.node.NodeParams;
import io.tablewise.node.ProgressMonitor;

/** Exports the table as a Parquet file (Snappy), written atomically, its column types kept. */
public final class ParquetExportNode extends FileExportNode {
    /** The node type id. */
    public static final String ID = "data.export.parquet";

    /** Creates the node type. */
    public ParquetExportNode() {
        super(ID, "Export Parquet", "Writes the table as a Parquet file (Snappy compression) with its column types: "
                + "what Spark, DuckDB, pandas and data warehouses read.", "The .parquet file to write, relative to "
                + "the flow file (or the run's output folder).", List.of());
    }

    @Override
    void write(Table table, Path file, NodeParams params, NodeContext context) throws IOException {
        AtomicFiles.write(file, out -> ParquetFiles.write(table, out, ProgressMonitor.of(context)));
    }
}
