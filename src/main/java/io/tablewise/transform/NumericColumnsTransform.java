package io.tablewise.transform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.node.ColumnKind;
import io.tablewise.node.ColumnSchema;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.TableSchema;

/**
 * A transform that rewrites chosen numeric columns (all numeric columns when none are chosen) value by value,
 * each with statistics learned per column on the fitting rows. Missing values stay missing. Results are decimals.
 */
abstract class NumericColumnsTransform implements Transform {
    static final String COLUMNS = "columns";

    /** What is learned from one column's present values (sorted ascending), as plain data. */
    abstract Map<String, Object> fitColumn(double[] sortedPresent);

    /**
     * The aggregates of a column that {@link #fitColumn} amounts to, for engines that learn from aggregates (null:
     * it needs the values themselves).
     */
    List<LearnedFrom.Need> needs(String column) {
        return null;
    }

    /** {@link #fitColumn}'s result from the aggregates {@link #needs} asked for. */
    Map<String, Object> fromNeeds(String column, Map<LearnedFrom.Need, Object> values) {
        throw new UnsupportedOperationException(spec().id() + " learns from the values themselves");
    }

    @Override
    public LearnedFrom learnedFrom(TableSchema input, NodeParams params) throws NodeException {
        List<String> names = Columns.chosen(input, params, COLUMNS, true);
        List<LearnedFrom.Need> all = new ArrayList<>();
        for (String n : names) {
            List<LearnedFrom.Need> needs = needs(n);
            if (needs == null) {
                return null;
            }
            all.addAll(needs);
        }
        return new LearnedFrom(all, values -> {
            Map<String, Object> byColumn = new LinkedHashMap<>();
            names.forEach(n -> byColumn.put(n, fromNeeds(n, values)));
            return FittedState.perColumn(byColumn);
        });
    }

    /** The new value of {@code x} (never called for missing values); NaN makes it missing. */
    abstract double apply(double x, Map<String, Object> stats);

    /** The why of "needs numbers" messages. */
    String purpose() {
        return spec().title().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public boolean learns() {
        return true;
    }

    @Override
    public TableSchema outputSchema(TableSchema input, NodeParams params) throws NodeException {
        List<String> names = Columns.chosen(input, params, COLUMNS, true);
        Columns.requireNumeric(input, names, COLUMNS, purpose());
        List<ColumnSchema> out = new ArrayList<>();
        names.forEach(n -> out.add(new ColumnSchema(n, ColumnKind.DECIMAL)));
        return Columns.withSchemaColumns(input, out);
    }

    @Override
    public FittedState fit(Table rows, NodeParams params) throws NodeException {
        Map<String, Object> byColumn = new LinkedHashMap<>();
        for (String name : Columns.chosen(io.tablewise.node.TableSchema.of(rows), params, COLUMNS, true)) {
            double[] present = java.util.Arrays.stream(Columns.numbers(rows, name)).filter(v -> !Double.isNaN(v))
                    .sorted().toArray();
            byColumn.put(name, fitColumn(present));
        }
        return FittedState.perColumn(byColumn);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Table apply(Table input, NodeParams params, FittedState state, TransformContext context)
            throws NodeException {
        List<Column<?>> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : state.columns().entrySet()) {
            if (!input.columnNames().contains(e.getKey())) {
                throw new NodeException(COLUMNS, "the column '" + e.getKey() + "' it was fitted on is missing");
            }
            Map<String, Object> stats = (Map<String, Object>) e.getValue();
            double[] v = Columns.numbers(input, e.getKey());
            int failed = 0;
            for (int i = 0; i < v.length; i++) {
                if (!Double.isNaN(v[i])) {
                    v[i] = apply(v[i], stats);
                    failed += Double.isNaN(v[i]) ? 1 : 0;
                }
            }
            if (failed > 0) {
                context.warn(String.format(java.util.Locale.ROOT, "%s: %,d values could not be transformed and "
                        + "are now missing", e.getKey(), failed));
            }
            out.add(Columns.decimal(e.getKey(), v));
        }
        return Columns.withColumns(input, out);
    }

    static double num(Map<String, Object> stats, String key) {
        Object v = stats.get(key);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }
}
