package io.tablewise.transform;

import tech.tablesaw.api.Table;

import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.TableSchema;

/**
 * One table-to-table transform of the catalogue. A transform that learns from data (imputation values, scaling
 * statistics, encoders, bins) does so in {@link #fit}, which returns an immutable {@link FittedState}; {@link
 * #apply} only replays that state, so fitting on training rows and applying to any other rows never leaks. The
 * input table is never modified.
 */
public interface Transform {
    /** What the transform is, its parameters and help (pure data). */
    TransformSpec spec();

    /**
     * The output schema for an input schema, without data; throws when the parameters cannot work with it (a
     * column of the wrong type, say), naming the parameter. Returns null when the output columns depend on the
     * data (one-hot encoding's categories, say).
     */
    TableSchema outputSchema(TableSchema input, NodeParams params) throws NodeException;

    /** Learns the state {@link #apply} replays. Transforms that learn nothing return {@link FittedState#NONE}. */
    default FittedState fit(Table rows, NodeParams params) throws NodeException {
        return FittedState.NONE;
    }

    /** The transformed table, a new table; the input is left as it was. */
    Table apply(Table input, NodeParams params, FittedState state, TransformContext context) throws NodeException;

    /**
     * True for transforms that only make sense on training rows (rebalancing classes): a fitted chain skips them
     * when it replays on test rows or new data.
     */
    default boolean trainingOnly() {
        return false;
    }

    /** True when {@link #fit} learns something from the data. */
    default boolean learns() {
        return false;
    }

    /**
     * How many rows one output row depends on, which says how an engine that splits the table into parts (Spark)
     * may run {@link #apply}: on any part ({@link Reach#ROW}), on parts holding whole groups in time order
     * ({@link Reach#GROUP}), or only on the whole table ({@link Reach#TABLE}: it needs an implementation of its own
     * there).
     */
    enum Reach {
        /** Each output row depends on one input row alone (or the row is kept or dropped by itself). */
        ROW,
        /** Each output row depends on the rows of its group before it, in time order. */
        GROUP,
        /** The output depends on the whole table (sorting, sampling, joining, rebalancing). */
        TABLE
    }

    /** How many rows one output row depends on (whole table unless a transform says less). */
    default Reach reach() {
        return Reach.TABLE;
    }

    /** How many rows one output row depends on with these parameters (e.g. a fill from the previous row: all). */
    default Reach reach(NodeParams params) {
        return reach();
    }

    /** For a {@link Reach#GROUP} transform: the columns whose equal values make a group. */
    default java.util.List<String> groupColumns(NodeParams params) {
        return java.util.List.of();
    }

    /** For a {@link Reach#GROUP} transform: the columns that order each group's rows. */
    default java.util.List<String> orderColumns(NodeParams params) {
        return java.util.List.of();
    }

    /**
     * For a learning transform: its state as a function of column aggregates, so an engine that cannot hand it the
     * rows learns the same state; null when the state needs the rows themselves.
     */
    default LearnedFrom learnedFrom(TableSchema input, NodeParams params) throws NodeException {
        return null;
    }
}
