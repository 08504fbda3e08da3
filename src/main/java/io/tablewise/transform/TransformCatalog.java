package io.tablewise.transform;

import java.util.ArrayList;
import java.util.List;

import io.tablewise.node.NodeType;

/** The transform catalogue in palette order: one list per group. Adding a transform is one entry in its group. */
public final class TransformCatalog {
    private TransformCatalog() {
    }

    /** Every transform. */
    public static List<Transform> all() {
        List<Transform> all = new ArrayList<>();
        all.addAll(ColumnTransforms.all());
        all.addAll(RowTransforms.all());
        all.addAll(FormulaTransforms.all());
        all.addAll(MissingTransforms.all());
        all.addAll(OutlierTransforms.all());
        all.addAll(EncodeTransforms.all());
        all.addAll(TextTransforms.all());
        all.addAll(ScaleTransforms.all());
        all.addAll(DateTransforms.all());
        all.addAll(WindowTransforms.all());
        all.addAll(ReshapeTransforms.all());
        all.addAll(BalanceTransforms.all());
        return List.copyOf(all);
    }

    /** Every transform as a node type, then the multi-table ones (join, concatenate, split). */
    public static List<NodeType> nodes() {
        List<NodeType> out = new ArrayList<>(all().stream().<NodeType>map(TransformNode::new).toList());
        out.addAll(MultiTableTransforms.nodes());
        return List.copyOf(out);
    }
}
