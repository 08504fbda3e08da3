package io.tablewise.transform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.ml.Stats;
import io.tablewise.ml.Values;
import io.tablewise.node.ColumnKind;
import io.tablewise.node.ColumnSchema;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.TableSchema;

/** The missing-values group: impute, add "was missing" indicators, turn sentinel values into missing. */
final class MissingTransforms {
    private MissingTransforms() {
    }

    static List<Transform> all() {
        return List.of(new Impute(), new Indicator(), new Sentinels());
    }

    /** Copies a column, setting each missing value from {@code source} row 0. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Column<?> fill(Column<?> column, Column<?> oneValue) {
        Column copy = column.copy();
        for (int i = 0; i < copy.size(); i++) {
            if (isMissing(copy, i)) {
                copy.set(i, oneValue, 0);
            }
        }
        return copy;
    }

    /** Missing, counting blank text as missing (the import's rule). */
    static boolean isMissing(Column<?> c, int row) {
        return c.isMissing(row) || (c.type() == tech.tablesaw.api.ColumnType.STRING && c.getString(row).isBlank());
    }

    /** A one-row column of {@code like}'s type holding {@code text} parsed by the column's parser. */
    static Column<?> single(Column<?> like, String text, String param) throws NodeException {
        Column<?> one = like.emptyCopy();
        try {
            one.appendCell(text);
        } catch (RuntimeException e) {
            throw new NodeException(param, "'" + text + "' is not a valid " + TableSchema.describe(like).kind().id()
                    + " value for '" + like.name() + "'");
        }
        return one;
    }

    /** Impute missing values. */
    static final class Impute implements Transform {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public Reach reach(NodeParams p) {
            return p.string("strategy", "median").endsWith("-fill") ? Reach.TABLE : Reach.ROW; // row order
        }

        @Override
        public LearnedFrom learnedFrom(TableSchema input, NodeParams p) throws NodeException {
            String strategy = p.string("strategy", "median");
            List<String> names = columns(input, p);
            if (strategy.equals("mean") || strategy.equals("median")) {
                if (p.strings("columns").isEmpty()) {
                    names = names.stream().filter(n -> input.column(n).orElseThrow().kind().isNumeric()).toList();
                }
            } else if (strategy.equals("mode") && names.stream().anyMatch(n -> !Columns.textLike(input, n))) {
                return null; // the mode of numbers or dates is counted from the values themselves
            } else if (!strategy.equals("mode") && !strategy.equals("constant")) {
                return null;
            }
            List<LearnedFrom.Need> needs = new ArrayList<>();
            for (String n : names) {
                switch (strategy) {
                    case "mean" -> needs.add(LearnedFrom.Need.of(n, LearnedFrom.Kind.MEAN));
                    case "median" -> needs.add(new LearnedFrom.Need(n, LearnedFrom.Kind.QUANTILE, 0.5));
                    case "mode" -> needs.add(LearnedFrom.Need.of(n, LearnedFrom.Kind.COUNTS));
                    default -> {
                        // a constant needs nothing
                    }
                }
            }
            List<String> chosen = names;
            return new LearnedFrom(needs, values -> {
                Map<String, Object> byColumn = new LinkedHashMap<>();
                for (int i = 0; i < chosen.size(); i++) {
                    byColumn.put(chosen.get(i), switch (strategy) {
                        case "mean", "median" -> LearnedFrom.number(values, needs.get(i));
                        case "mode" -> {
                            @SuppressWarnings("unchecked")
                            Map<String, Long> counts = (Map<String, Long>) values.get(needs.get(i));
                            List<String> order = LearnedFrom.byFrequency(counts);
                            yield order.isEmpty() ? null : order.get(0);
                        }
                        default -> p.string("value", "");
                    });
                }
                return FittedState.perColumn(byColumn);
            });
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("missing", "impute", "Fill missing values", "Replaces missing values with the "
                    + "column's mean, median or most frequent value (learned on the training rows), a constant, "
                    + "or the previous / next present value in row order.", List.of(
                    Params.columns("columns", "Columns", "The columns to fill (empty: every column)."),
                    Params.choice("strategy", "Strategy", "mean and median need numbers; mode and constant work "
                            + "for any column.", "median", "mean", "mode", "constant", "forward-fill",
                            "backward-fill"),
                    Params.text("value", "Constant", "", "The value for the constant strategy, written as in the "
                            + "data (e.g. 0, unknown, 2024-01-31).")));
        }

        @Override
        public boolean learns() {
            return true;
        }

        private static List<String> columns(TableSchema schema, NodeParams p) throws NodeException {
            List<String> chosen = Columns.chosen(schema, p, "columns", false);
            return chosen.isEmpty() ? schema.names() : chosen;
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            String strategy = p.string("strategy", "median");
            List<String> names = columns(input, p);
            if (strategy.equals("mean") || strategy.equals("median")) {
                if (p.strings("columns").isEmpty()) {
                    names = names.stream().filter(n -> input.column(n).orElseThrow().kind().isNumeric()).toList();
                }
                Columns.requireNumeric(input, names, "columns", "filling with the " + strategy);
                List<ColumnSchema> out = new ArrayList<>();
                names.forEach(n -> out.add(new ColumnSchema(n, ColumnKind.DECIMAL)));
                return Columns.withSchemaColumns(input, out);
            }
            if (strategy.equals("constant") && !p.has("value")) {
                throw new NodeException("value", "give the constant to fill with");
            }
            return input;
        }

        @Override
        public FittedState fit(Table rows, NodeParams p) throws NodeException {
            String strategy = p.string("strategy", "median");
            Map<String, Object> byColumn = new LinkedHashMap<>();
            TableSchema schema = TableSchema.of(rows);
            for (String name : columns(schema, p)) {
                Column<?> c = rows.column(name);
                switch (strategy) {
                    case "mean", "median" -> {
                        if (!(c instanceof NumberColumn)) {
                            continue;
                        }
                        double[] v = java.util.Arrays.stream(Columns.numbers(rows, name))
                                .filter(x -> !Double.isNaN(x)).sorted().toArray();
                        byColumn.put(name, strategy.equals("mean") ? Stats.mean(v)
                                : Stats.quantile(v, 0.5));
                    }
                    case "mode" -> byColumn.put(name, mode(c));
                    case "constant" -> byColumn.put(name, p.string("value", ""));
                    default -> byColumn.put(name, strategy);
                }
            }
            return FittedState.perColumn(byColumn);
        }

        private static String mode(Column<?> c) {
            Map<String, Integer> counts = new HashMap<>();
            for (int i = 0; i < c.size(); i++) {
                if (!isMissing(c, i)) {
                    counts.merge(c instanceof BooleanColumn b ? String.valueOf(b.get(i)) : c.getString(i), 1,
                            Integer::sum);
                }
            }
            return counts.entrySet().stream().sorted((a, b) -> !a.getValue().equals(b.getValue())
                    ? b.getValue() - a.getValue() : a.getKey().compareTo(b.getKey()))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
        }

        @Override
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context)
                throws NodeException {
            List<Column<?>> out = new ArrayList<>();
            for (Map.Entry<String, Object> e : state.columns().entrySet()) {
                Column<?> c = input.column(e.getKey());
                Object v = e.getValue();
                if (v instanceof Number || (v == null && c instanceof NumberColumn
                        && List.of("mean", "median").contains(p.string("strategy", "median")))) {
                    double fillWith = v == null ? Double.NaN : ((Number) v).doubleValue();
                    double[] x = Columns.numbers(input, e.getKey());
                    for (int i = 0; i < x.length; i++) {
                        x[i] = Double.isNaN(x[i]) ? fillWith : x[i];
                    }
                    out.add(Columns.decimal(e.getKey(), x));
                } else if ("forward-fill".equals(v) || "backward-fill".equals(v)) {
                    out.add(shiftFill(c, "forward-fill".equals(v)));
                } else if (v != null) {
                    out.add(fill(c, single(c, (String) v, "value")));
                } else {
                    context.warn("'" + e.getKey() + "' had no present value to learn from; left as it is");
                }
            }
            return Columns.withColumns(input, out);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static Column<?> shiftFill(Column<?> c, boolean forward) {
            Column copy = c.copy();
            int n = copy.size();
            for (int k = 0; k < n; k++) {
                int i = forward ? k : n - 1 - k;
                int from = forward ? i - 1 : i + 1;
                if (isMissing(copy, i) && from >= 0 && from < n && !isMissing(copy, from)) {
                    copy.set(i, copy, from);
                }
            }
            return copy;
        }
    }

    /** Adds a boolean column per chosen column: was the value missing? */
    static final class Indicator implements Transform {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("missing", "indicator", "Add missing indicator", "Adds a true/false column "
                    + "<name>_was_missing for each chosen column, so a model can learn from missingness itself "
                    + "(add it before filling).", List.of(
                    Params.requiredColumns("columns", "Columns", "The columns to flag.")));
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            List<String> sources = Columns.chosen(input, p, "columns", false);
            return Columns.withSchemaColumns(input, names(input.names(), sources).stream()
                    .map(n -> new ColumnSchema(n, ColumnKind.BOOLEAN)).toList());
        }

        private static List<String> names(List<String> taken, List<String> sources) {
            return Columns.freeNames(taken, sources.stream().map(n -> n + "_was_missing").toList());
        }

        @Override
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context)
                throws NodeException {
            List<Column<?>> out = new ArrayList<>();
            List<String> sources = Columns.chosen(TableSchema.of(input), p, "columns", false);
            List<String> names = names(input.columnNames(), sources);
            for (int k = 0; k < sources.size(); k++) {
                Column<?> c = input.column(sources.get(k));
                String name = names.get(k);
                BooleanColumn flag = BooleanColumn.create(name, c.size());
                for (int i = 0; i < c.size(); i++) {
                    flag.set(i, isMissing(c, i));
                }
                out.add(flag);
            }
            return Columns.withColumns(input, out);
        }
    }

    /** Turns sentinel values ("unknown", 999, -1…) into missing. */
    static final class Sentinels implements Transform {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("missing", "sentinels", "Sentinels to missing", "Turns values that stand for "
                    + "'unknown' into real missing values: texts compared without case and surrounding spaces, "
                    + "numbers by value (999 matches 999.0).", List.of(
                    Params.columns("columns", "Columns", "The columns to clean (empty: every column)."),
                    Params.strings("values", "Sentinel values", List.of("unknown", "999"), "The values that mean "
                            + "missing.")));
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            Columns.chosen(input, p, "columns", false);
            if (p.strings("values").isEmpty()) {
                throw new NodeException("values", "list at least one sentinel value");
            }
            return input;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context)
                throws NodeException {
            List<String> names = Columns.chosen(TableSchema.of(input), p, "columns", false);
            if (names.isEmpty()) {
                names = input.columnNames();
            }
            List<String> texts = p.strings("values").stream().map(v -> v.trim().toLowerCase(Locale.ROOT)).toList();
            List<Double> numbers = new ArrayList<>();
            for (String t : texts) {
                try {
                    numbers.add(Double.parseDouble(t));
                } catch (NumberFormatException e) {
                    // not a number: compared as text only
                }
            }
            List<Column<?>> out = new ArrayList<>();
            for (String n : names) {
                Column c = input.column(n).copy();
                long replaced = 0;
                for (int i = 0; i < c.size(); i++) {
                    if (c.isMissing(i)) {
                        continue;
                    }
                    boolean hit = c instanceof NumberColumn<?, ?> num ? numbers.contains(num.getDouble(i))
                            : texts.contains(Values.label(c, i) == null ? "" : Values.label(c, i).trim()
                            .toLowerCase(Locale.ROOT));
                    if (hit) {
                        c.setMissing(i);
                        replaced++;
                    }
                }
                if (replaced > 0) {
                    out.add(c);
                    context.warn(String.format(Locale.ROOT, "%s: %,d sentinel values set to missing", n, replaced));
                }
            }
            return Columns.withColumns(input, out);
        }
    }
}
