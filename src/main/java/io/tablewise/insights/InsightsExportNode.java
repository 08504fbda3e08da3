package io.tablewise.insights;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.tablewise.node.ConfigureContext;
import io.tablewise.node.NodeContext;
import io.tablewise.node.NodeDescriptor;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeType;
import io.tablewise.node.ParamSpec;
import io.tablewise.node.ParamType;
import io.tablewise.node.PortSpec;
import io.tablewise.node.TableSchema;

/** The {@code insights.export} node: writes a report as a self-contained HTML page and/or JSON. */
public final class InsightsExportNode implements NodeType {
    /** The node type id. */
    public static final String ID = "insights.export";

    private static final NodeDescriptor DESCRIPTOR = new NodeDescriptor(ID, 1, "Export insights", "Insights",
            "Writes an insights report as one self-contained HTML page (charts included, works offline, prints "
                    + "well) and/or as JSON.",
            List.of(PortSpec.of("report", InsightsReportNode.REPORT, "The report to write")),
            List.of(),
            List.of(
                    ParamSpec.builder("html", ParamType.OUTPUT_FILE).label("HTML file")
                            .help("Where to write the HTML page, relative to the flow (empty: none).").build(),
                    ParamSpec.builder("json", ParamType.OUTPUT_FILE).label("JSON file")
                            .help("Where to write the JSON, relative to the flow (empty: none).").build()));

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
        if (context.params().string("html", "").isEmpty() && context.params().string("json", "").isEmpty()) {
            throw new NodeException("html", "set an HTML file, a JSON file, or both");
        }
        return Map.of();
    }

    @Override
    public Map<String, Object> execute(NodeContext context) throws NodeException {
        InsightsReport report = context.input("report", InsightsReport.class);
        String html = context.params().string("html", "");
        String json = context.params().string("json", "");
        Path file = null;
        try {
            if (!html.isEmpty()) {
                file = context.resolveOutput(html);
                ReportHtml.write(report, report.columns().stream().map(ColumnProfile::name).toList(), file);
                context.info("wrote " + file);
            }
            if (!json.isEmpty()) {
                file = context.resolveOutput(json);
                ReportJson.write(report, file);
                context.info("wrote " + file);
            }
        } catch (IOException e) {
            throw new NodeException(html.isEmpty() ? "json" : "html", "cannot write " + file + ": "
                    + e.getMessage() + "; check that the folder is writable");
        }
        return Map.of();
    }
}
