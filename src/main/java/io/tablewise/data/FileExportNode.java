package io.tablewise.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import tech.tablesaw.api.Table;

import io.tablewise.node.ConfigureContext;
import io.tablewise.node.NodeContext;
import io.tablewise.node.NodeDescriptor;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.NodeType;
import io.tablewise.node.ParamSpec;
import io.tablewise.node.ParamType;
import io.tablewise.node.PortSpec;
import io.tablewise.node.PortType;
import io.tablewise.node.TableSchema;

/**
 * What every file export node shares: a table in, the same table out (so a flow can go on after writing), a
 * {@code path} relative to the flow file or the run's output folder, writing as a side effect that always runs,
 * and a plain message when the file cannot be written. A format only says how to write.
 */
abstract class FileExportNode implements NodeType {
    private final NodeDescriptor descriptor;

    FileExportNode(String id, String name, String help, String pathHelp, List<ParamSpec> extraParams) {
        List<ParamSpec> params = new java.util.ArrayList<>();
        params.add(ParamSpec.builder("path", ParamType.OUTPUT_FILE).label("File").required().help(pathHelp).build());
        params.addAll(extraParams);
        this.descriptor = new NodeDescriptor(id, 1, name, "Data", help,
                List.of(PortSpec.of("table", PortType.TABLE, "The table to write")),
                List.of(PortSpec.of("table", PortType.TABLE, "The same table, unchanged")), params);
    }

    /** Writes the table (atomically). */
    abstract void write(Table table, Path file, NodeParams params, NodeContext context)
            throws IOException, NodeException;

    /** Checks format-specific parameters without data. */
    void checkParams(NodeParams params) throws NodeException {
    }

    @Override
    public final NodeDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final boolean hasSideEffects() {
        return true;
    }

    @Override
    public final Map<String, TableSchema> configure(ConfigureContext context) throws NodeException {
        checkParams(context.params());
        TableSchema in = context.inputSchemas().get("table");
        return in == null ? Map.of() : Map.of("table", in);
    }

    @Override
    public final Map<String, Object> execute(NodeContext context) throws NodeException {
        Table table = context.input("table", Table.class);
        Path file = context.resolveOutput(context.params().string("path"));
        try {
            write(table, file, context.params(), context);
        } catch (IOException e) {
            throw new NodeException("path", "cannot write " + file + ": " + e.getMessage() + "; check that the "
                    + "folder is writable, the disk is not full and the file is not open in another program");
        }
        context.info("wrote " + table.rowCount() + " rows to " + file);
        return Map.of("table", table);
    }
}
