package io.tablewise.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.tablewise.node.ProgressMonitor;
import io.tablewise.node.ConfigureContext;
import io.tablewise.node.NodeContext;
import io.tablewise.node.NodeDescriptor;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.NodeType;
import io.tablewise.node.ParamSpec;
import io.tablewise.node.PortSpec;
import io.tablewise.node.PortType;
import io.tablewise.node.TableSchema;

/**
 * What every file import node shares: one {@code table} output, configure from a quick preview (lenient: data
 * problems are the run's business), execute with progress and cancellation, the format and warnings reported on
 * the node. A format only says how to read.
 */
abstract class FileImportNode implements NodeType {
    /** Rows read for a configure-time preview. */
    static final int PREVIEW_ROWS = 1000;

    private final NodeDescriptor descriptor;

    FileImportNode(String id, String name, String help, List<ParamSpec> params) {
        this.descriptor = new NodeDescriptor(id, 1, name, "Data", help, List.of(),
                List.of(PortSpec.of("table", PortType.TABLE, "The imported table")), params);
    }

    /**
     * Reads the file.
     *
     * @param rowLimit at most this many data rows (0: all)
     */
    abstract ImportResult read(Path file, NodeParams params, long rowLimit, ProgressMonitor monitor)
            throws NodeException;

    /** The first rows of the file, enough to know its columns; formats may read it more cheaply. */
    ImportResult preview(Path file, NodeParams params) throws NodeException {
        return read(file, params, PREVIEW_ROWS, ProgressMonitor.NONE);
    }

    @Override
    public final NodeDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final Map<String, TableSchema> configure(ConfigureContext context) throws NodeException {
        Path file = context.resolveInput(context.params().string("path"));
        ImportResult preview = preview(file, ImportParams.forPreview(context.params()));
        return Map.of("table", TableSchema.of(preview.table()));
    }

    @Override
    public final Map<String, Object> execute(NodeContext context) throws NodeException {
        Path file = context.resolveInput(context.params().string("path"));
        ImportResult result = read(file, context.params(), context.params().integer("rowLimit", 0),
                ProgressMonitor.of(context));
        context.info("read " + file.getFileName() + " as " + result.format().describe());
        result.warnings().forEach(context::warn);
        return Map.of("table", result.table());
    }
}
