package io.tablewise.node.registry;

import java.util.ArrayList;
import java.util.List;

import io.tablewise.data.CsvExportNode;
import io.tablewise.data.CsvImportNode;
import io.tablewise.data.ExcelExportNode;
import io.tablewise.data.ExcelImportNode;
import io.tablewise.data.JsonLinesImportNode;
import io.tablewise.insights.InsightsExportNode;
import io.tablewise.insights.InsightsReportNode;
import io.tablewise.model.ModelNodes;
import io.tablewise.node.NodeType;
import io.tablewise.transform.TransformCatalog;

/** The one explicit list of built-in node types, in palette order. Adding a node is one line here. */
public final class BuiltInNodes {
    private BuiltInNodes() {
    }

    /** Every built-in node type. */
    public static List<NodeType> list() {
        List<NodeType> all = new ArrayList<>(List.of(
                new CsvImportNode(),
                new ExcelImportNode(),
                new JsonLinesImportNode(),
                new io.tablewise.data.ParquetImportNode(),
                new CsvExportNode(),
                new ExcelExportNode(),
                new io.tablewise.data.ParquetExportNode(),
                new InsightsReportNode(),
                new InsightsExportNode(),
                new io.tablewise.anomaly.AnomalyNode(),
                new io.tablewise.forecast.ForecastNode()));
        all.addAll(io.tablewise.data.db.DatabaseNodes.all());
        all.addAll(TransformCatalog.nodes());
        all.addAll(ModelNodes.all());
        all.addAll(io.tablewise.registry.RegistryNodes.all());
        all.addAll(io.tablewise.pipeline.PipelineNodes.all());
        return List.copyOf(all);
    }
}
