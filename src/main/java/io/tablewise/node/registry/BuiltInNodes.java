package io.tablewise.node.registry;

import java.util.List;

import io.tablewise.data.CsvImportNode;
import io.tablewise.node.NodeType;

/** The one explicit list of built-in node types, in palette order. Adding a node is one line here. */
public final class BuiltInNodes {
    private BuiltInNodes() {
    }

    /** Every built-in node type. */
    public static List<NodeType> list() {
        return List.of(
                new CsvImportNode());
    }
}
