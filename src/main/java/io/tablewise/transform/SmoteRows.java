package io.tablewise.transform;

import tech.tablesaw.api.Table;

import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;

/**
 * SMOTE's synthetic rows made from the minority class's rows alone, as the SMOTE transform makes them — for an engine
 * that holds the other rows elsewhere (Spark: the minority rows on the driver, the rest on the cluster).
 */
public final class SmoteRows {
    private SmoteRows() {
    }

    /**
     * The {@code extra} synthetic rows SMOTE with {@code p} adds to a table whose minority-class rows are
     * {@code minority}, in their order.
     */
    public static Table of(Table minority, int extra, NodeParams p) throws NodeException {
        int[] all = java.util.stream.IntStream.range(0, minority.rowCount()).toArray();
        Table with = BalanceTransforms.Smote.withSynthetic(minority, all, extra, p);
        return Columns.gather(with, java.util.stream.IntStream.range(minority.rowCount(), with.rowCount()).toArray());
    }
}
