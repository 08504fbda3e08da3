package io.tablewise.ui.inspector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tablewise.engine.ValidationReport;
import io.tablewise.flow.Edge;
import io.tablewise.flow.NodeInstance;
import io.tablewise.node.NodeDescriptor;
import io.tablewise.node.NodeMessage;
import io.tablewise.node.ParamSpec;
import io.tablewise.node.PortSpec;
import io.tablewise.node.TableSchema;
import io.tablewise.ui.editor.FlowEditor;
import io.tablewise.ui.run.RunViewModel;

/**
 * What the inspector shows for a node: its parameters with their values, defaults, problems and column choices
 * (from the schema that validation computed for the input the parameter names), and its other messages. Edits go
 * back through {@link FlowEditor}, so they are undoable and mark downstream nodes stale.
 */
public final class InspectorViewModel {
    private final FlowEditor editor;
    private final RunViewModel runs;

    /** The inspector of {@code editor}'s nodes, with validation from {@code runs}. */
    public InspectorViewModel(FlowEditor editor, RunViewModel runs) {
        this.editor = editor;
        this.runs = runs;
    }

    private final ParamSuggestions suggestions = new ParamSuggestions();

    /** The editor. */
    public FlowEditor editor() {
        return editor;
    }

    /** The runner (for its validation). */
    public RunViewModel runs() {
        return runs;
    }

    /** The single selected node, if exactly one is selected. */
    public Optional<NodeInstance> selectedNode() {
        return editor.selection().size() == 1
                ? editor.flow().node(editor.selection().iterator().next()) : Optional.empty();
    }

    /** The node's type, if known. */
    public Optional<NodeDescriptor> descriptor(String nodeId) {
        return editor.descriptor(nodeId);
    }

    /** The fields of a node's parameters, in declared order. */
    public List<ParamField> fields(String nodeId) {
        NodeInstance node = editor.flow().node(nodeId).orElse(null);
        NodeDescriptor d = editor.descriptor(nodeId).orElse(null);
        if (node == null || d == null) {
            return List.of();
        }
        ValidationReport report = runs.validationProperty().get();
        List<ParamField> fields = new ArrayList<>();
        for (ParamSpec spec : d.params()) {
            Object value = node.params().get(spec.name());
            String message = report == null ? "" : report.messagesFor(nodeId).stream()
                    .filter(m -> spec.name().equals(m.param())).map(NodeMessage::text).findFirst().orElse("");
            fields.add(new ParamField(spec, value, value != null ? value : spec.defaultValue(), message,
                    columnsFor(nodeId, d, spec, report), suggestions.of(d.id(), spec.name(), node.params(),
                    flowFolder())));
        }
        return fields;
    }

    /** The folder of the flow file, or null before it is saved. */
    private java.nio.file.Path flowFolder() {
        java.nio.file.Path file = editor.fileProperty().get();
        return file == null ? null : file.toAbsolutePath().getParent();
    }

    /** Messages about the node that belong to no single parameter (unconnected inputs, unknown type…). */
    public List<NodeMessage> nodeMessages(String nodeId) {
        ValidationReport report = runs.validationProperty().get();
        List<NodeMessage> list = new ArrayList<>();
        if (report != null) {
            report.messagesFor(nodeId).stream().filter(m -> m.param() == null).forEach(list::add);
        }
        return list;
    }

    /** Sets a parameter ({@code null}: back to the default). */
    public void set(String nodeId, String param, Object value) {
        editor.setParam(nodeId, param, value);
    }

    /** The user left a field: the next edit is a new undo step. */
    public void endEdit() {
        editor.endParamEdit();
    }

    private List<String> columnsFor(String nodeId, NodeDescriptor d, ParamSpec spec, ValidationReport report) {
        if (!spec.namesColumns() || report == null) {
            return List.of();
        }
        String port = spec.columnsFrom() != null ? spec.columnsFrom()
                : d.inputs().stream().map(PortSpec::name).findFirst().orElse(null);
        if (port == null) {
            // An importer's own overrides (column types) name the columns it reads.
            return d.outputs().isEmpty() ? List.of() : schemaNames(report, nodeId, d.outputs().get(0).name());
        }
        for (Edge e : editor.flow().incoming(nodeId)) {
            if (e.to().port().equals(port)) {
                return upstreamColumns(report, e.from().node(), e.from().port(), 0);
            }
        }
        return List.of();
    }

    /**
     * The columns arriving from an output port: its declared schema; when a node cannot know its columns before
     * it runs (one-hot makes one per value), those of its last run; else the columns that go into it.
     */
    private List<String> upstreamColumns(ValidationReport report, String nodeId, String port, int depth) {
        List<String> names = schemaNames(report, nodeId, port);
        if (!names.isEmpty() || depth > 50) {
            return names;
        }
        Object ran = runs.result(nodeId).filter(r -> r.state() == io.tablewise.engine.NodeState.DONE)
                .map(r -> r.outputs().get(port)).orElse(null);
        if (ran instanceof tech.tablesaw.api.Table table) {
            return table.columnNames();
        }
        for (Edge e : editor.flow().incoming(nodeId)) {
            List<String> before = upstreamColumns(report, e.from().node(), e.from().port(), depth + 1);
            if (!before.isEmpty()) {
                return before;
            }
        }
        return List.of();
    }

    private static List<String> schemaNames(ValidationReport report, String nodeId, String port) {
        Map<String, TableSchema> out = report.schemas().get(nodeId);
        TableSchema schema = out == null ? null : out.get(port);
        return schema == null ? List.of() : schema.names();
    }
}
