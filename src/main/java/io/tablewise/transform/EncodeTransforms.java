package io.tablewise.transform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.data.CellFormat;
import io.tablewise.ml.Stats;
import io.tablewise.node.ColumnKind;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.TableSchema;

/**
 * The encode group: one-hot, ordinal, frequency and target-mean encoding of categorical columns, and binning of
 * numbers. Every mapping is learned on the training rows; values never seen in training get the documented
 * fallback (the "other" indicator, missing, 0, or the overall mean).
 */
final class EncodeTransforms {
    private EncodeTransforms() {
    }

    static List<Transform> all() {
        return List.of(new OneHot(), new Ordinal(), new Frequency(), new TargetMean(), new Bin());
    }

    /** Value counts of a column's present values, most frequent first, ties by value. */
    static List<Map.Entry<String, Integer>> counts(Column<?> c) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < c.size(); i++) {
            String v = Cells.text(c, i);
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> out = new ArrayList<>(counts.entrySet());
        out.sort((a, b) -> !a.getValue().equals(b.getValue()) ? b.getValue() - a.getValue()
                : a.getKey().compareTo(b.getKey()));
        return out;
    }

    /** The value counts of the chosen columns, or null when one is not text (numbers' text form is the engine's). */
    static List<LearnedFrom.Need> countsOfText(TableSchema input, NodeParams p) throws NodeException {
        List<LearnedFrom.Need> needs = new ArrayList<>();
        for (String n : Columns.chosen(input, p, "columns", false)) {
            if (!Columns.textLike(input, n)) {
                return null;
            }
            needs.add(LearnedFrom.Need.of(n, LearnedFrom.Kind.COUNTS));
        }
        return needs;
    }

    static final class OneHot implements Transform {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("encode", "one-hot", "One-hot encode", "Replaces each chosen column by 0/1 "
                    + "columns <column>=<value>, one per frequent value (at most the cap, learned on the training "
                    + "rows) plus <column>=(other) for the rest and for values never seen in training.", List.of(
                    Params.requiredColumns("columns", "Columns", "The categorical columns to encode."),
                    Params.integer("maxCategories", "Category cap", 20, 1.0, 1000.0, "At most this many indicator "
                            + "columns per column (the most frequent values)."),
                    Params.bool("other", "Other column", true, "Add a <column>=(other) indicator for the remaining "
                            + "values."),
                    Params.bool("keepOriginal", "Keep original", false, "Keep the encoded column as well.")));
        }

        @Override
        public boolean learns() {
            return true;
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            Columns.chosen(input, p, "columns", false);
            return null;
        }

        @Override
        public FittedState fit(Table rows, NodeParams p) throws NodeException {
            Map<String, Object> out = new LinkedHashMap<>();
            int cap = (int) p.integer("maxCategories", 20);
            for (String n : Columns.chosen(TableSchema.of(rows), p, "columns", false)) {
                out.put(n, counts(rows.column(n)).stream().limit(cap).map(Map.Entry::getKey).toList());
            }
            return FittedState.perColumn(out);
        }

        @Override
        @SuppressWarnings("unchecked")
        public LearnedFrom learnedFrom(TableSchema input, NodeParams p) throws NodeException {
            List<String> names = Columns.chosen(input, p, "columns", false);
            for (String n : names) {
                if (!Columns.textLike(input, n)) {
                    return null; // numbers' text form is the engine's own; counted from the values themselves
                }
            }
            int cap = (int) p.integer("maxCategories", 20);
            List<LearnedFrom.Need> needs = names.stream().map(n -> LearnedFrom.Need.of(n, LearnedFrom.Kind.COUNTS))
                    .toList();
            return new LearnedFrom(needs, v -> {
                Map<String, Object> out = new LinkedHashMap<>();
                for (LearnedFrom.Need n : needs) {
                    out.put(n.column(), LearnedFrom.byFrequency((Map<String, Long>) v.get(n)).stream().limit(cap)
                            .toList());
                }
                return FittedState.perColumn(out);
            });
        }

        @Override
        @SuppressWarnings("unchecked")
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context) {
            boolean other = p.bool("other", true);
            boolean keep = p.bool("keepOriginal", false);
            List<Column<?>> out = new ArrayList<>();
            java.util.Set<String> taken = new java.util.HashSet<>(input.columnNames());
            for (Column<?> c : input.columns()) {
                List<String> categories = (List<String>) state.columns().get(c.name());
                if (categories == null || keep) {
                    out.add(c);
                }
                if (categories == null) {
                    continue;
                }
                Map<String, Integer> index = new HashMap<>();
                List<IntColumn> indicators = new ArrayList<>();
                for (String v : categories) {
                    index.put(v, indicators.size());
                    indicators.add(IntColumn.create(Columns.freeName(taken, c.name() + "=" + v), new int[c.size()]));
                    taken.add(indicators.get(indicators.size() - 1).name());
                }
                IntColumn rest = other ? IntColumn.create(Columns.freeName(taken, c.name() + "=(other)"),
                        new int[c.size()]) : null;
                for (int i = 0; i < c.size(); i++) {
                    String v = Cells.text(c, i);
                    Integer k = v == null ? null : index.get(v);
                    if (k != null) {
                        indicators.get(k).set(i, 1);
                    } else if (rest != null && v != null) {
                        rest.set(i, 1);
                    }
                }
                out.addAll(indicators);
                if (rest != null) {
                    taken.add(rest.name());
                    out.add(rest);
                }
            }
            return Columns.table(input.name(), out);
        }
    }

    static final class Ordinal implements Transform {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("encode", "ordinal", "Ordinal encode", "Replaces each value by a whole number: "
                    + "0 for the most frequent value, 1 for the next… (or in alphabetical order); values never seen "
                    + "in training become missing.", List.of(
                    Params.requiredColumns("columns", "Columns", "The categorical columns to encode."),
                    Params.choice("order", "Order", "Which value gets 0.", "frequency", "alphabetical")));
        }

        @Override
        public boolean learns() {
            return true;
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            return Columns.retyped(input, Columns.chosen(input, p, "columns", false), ColumnKind.INTEGER);
        }

        @Override
        public FittedState fit(Table rows, NodeParams p) throws NodeException {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String n : Columns.chosen(TableSchema.of(rows), p, "columns", false)) {
                List<String> values = new ArrayList<>(counts(rows.column(n)).stream().map(Map.Entry::getKey).toList());
                if (p.string("order", "frequency").equals("alphabetical")) {
                    values.sort(null);
                }
                out.put(n, values);
            }
            return FittedState.perColumn(out);
        }

        @Override
        @SuppressWarnings("unchecked")
        public LearnedFrom learnedFrom(TableSchema input, NodeParams p) throws NodeException {
            List<LearnedFrom.Need> needs = countsOfText(input, p);
            return needs == null ? null : new LearnedFrom(needs, v -> {
                Map<String, Object> out = new LinkedHashMap<>();
                for (LearnedFrom.Need n : needs) {
                    List<String> values = new ArrayList<>(LearnedFrom.byFrequency((Map<String, Long>) v.get(n)));
                    if (p.string("order", "frequency").equals("alphabetical")) {
                        values.sort(null);
                    }
                    out.put(n.column(), values);
                }
                return FittedState.perColumn(out);
            });
        }

        @Override
        @SuppressWarnings("unchecked")
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context) {
            List<Column<?>> out = new ArrayList<>();
            for (Map.Entry<String, Object> e : state.columns().entrySet()) {
                List<String> values = (List<String>) e.getValue();
                Map<String, Integer> code = new HashMap<>();
                for (int i = 0; i < values.size(); i++) {
                    code.put(values.get(i), i);
                }
                Column<?> c = input.column(e.getKey());
                IntColumn encoded = IntColumn.create(e.getKey());
                long unseen = 0;
                for (int i = 0; i < c.size(); i++) {
                    String v = Cells.text(c, i);
                    Integer k = v == null ? null : code.get(v);
                    if (k == null) {
                        encoded.appendMissing();
                        unseen += v == null ? 0 : 1;
                    } else {
                        encoded.append(k);
                    }
                }
                if (unseen > 0) {
                    context.warn(String.format(Locale.ROOT, "%s: %,d values never seen in training are now missing",
                            e.getKey(), unseen));
                }
                out.add(encoded);
            }
            return Columns.withColumns(input, out);
        }
    }

    static final class Frequency implements Transform {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("encode", "frequency", "Frequency encode", "Replaces each value by its share "
                    + "of the training rows (0 for values never seen in training); good for columns with many "
                    + "values.", List.of(Params.requiredColumns("columns", "Columns", "The columns to encode.")));
        }

        @Override
        public boolean learns() {
            return true;
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            return Columns.retyped(input, Columns.chosen(input, p, "columns", false), ColumnKind.DECIMAL);
        }

        @Override
        public FittedState fit(Table rows, NodeParams p) throws NodeException {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String n : Columns.chosen(TableSchema.of(rows), p, "columns", false)) {
                Map<String, Object> share = new LinkedHashMap<>();
                double total = Math.max(1, rows.rowCount());
                counts(rows.column(n)).forEach(e -> share.put(e.getKey(), e.getValue() / total));
                out.put(n, share);
            }
            return FittedState.perColumn(out);
        }

        @Override
        @SuppressWarnings("unchecked")
        public LearnedFrom learnedFrom(TableSchema input, NodeParams p) throws NodeException {
            List<LearnedFrom.Need> counted = countsOfText(input, p);
            if (counted == null) {
                return null;
            }
            List<LearnedFrom.Need> needs = new ArrayList<>(counted);
            LearnedFrom.Need rows = LearnedFrom.Need.of(counted.isEmpty() ? "" : counted.get(0).column(),
                    LearnedFrom.Kind.ROWS);
            needs.add(rows);
            return new LearnedFrom(needs, v -> {
                double total = Math.max(1, ((Number) v.get(rows)).doubleValue());
                Map<String, Object> out = new LinkedHashMap<>();
                for (LearnedFrom.Need n : counted) {
                    Map<String, Long> counts = (Map<String, Long>) v.get(n);
                    Map<String, Object> share = new LinkedHashMap<>();
                    LearnedFrom.byFrequency(counts).forEach(k -> share.put(k, counts.get(k) / total));
                    out.put(n.column(), share);
                }
                return FittedState.perColumn(out);
            });
        }

        @Override
        @SuppressWarnings("unchecked")
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context) {
            List<Column<?>> out = new ArrayList<>();
            for (Map.Entry<String, Object> e : state.columns().entrySet()) {
                Map<String, Object> share = (Map<String, Object>) e.getValue();
                Column<?> c = input.column(e.getKey());
                double[] v = new double[c.size()];
                for (int i = 0; i < v.length; i++) {
                    String s = Cells.text(c, i);
                    v[i] = s == null ? Double.NaN : share.get(s) instanceof Number n ? n.doubleValue() : 0;
                }
                out.add(DoubleColumn.create(e.getKey(), v));
            }
            return Columns.withColumns(input, out);
        }
    }

    static final class TargetMean implements Transform {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("encode", "target-mean", "Target mean encode", "Replaces each value by the "
                    + "mean of the target over training rows with that value (for a text target: the share of the "
                    + "positive class), smoothed towards the overall mean: (n·mean + m·overall) / (n + m). Values "
                    + "never seen in training get the overall mean. Fitted on training rows only.", List.of(
                    Params.requiredColumns("columns", "Columns", "The categorical columns to encode."),
                    Params.column("target", "Target", "The column to predict."),
                    Params.text("positive", "Positive class", "", "For a text target: the class counted as 1 "
                            + "(empty: the less frequent class)."),
                    Params.decimal("smoothing", "Smoothing m", 10.0, 0.0, 1e6, "Weight of the overall mean, in "
                            + "rows.")));
        }

        @Override
        public boolean learns() {
            return true;
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            List<String> names = Columns.chosen(input, p, "columns", false);
            String target = Columns.require(input, p.string("target", ""), "target").name();
            if (names.contains(target)) {
                throw new NodeException("columns", "the target cannot encode itself");
            }
            return Columns.retyped(input, names, ColumnKind.DECIMAL);
        }

        /**
         * The target's mean (a number target) or counts (a text target), and per chosen column the target's sums or
         * counts by the column's values.
         */
        @Override
        @SuppressWarnings("unchecked")
        public LearnedFrom learnedFrom(TableSchema input, NodeParams p) throws NodeException {
            List<String> names = Columns.chosen(input, p, "columns", false);
            String target = Columns.require(input, p.string("target", ""), "target").name();
            boolean numeric = input.column(target).orElseThrow().kind().isNumeric();
            double m = p.decimal("smoothing", 10);
            String chosen = p.string("positive", "");
            LearnedFrom.Need whole = LearnedFrom.Need.of(target, numeric ? LearnedFrom.Kind.MEAN
                    : LearnedFrom.Kind.COUNTS);
            List<LearnedFrom.Need> needs = new ArrayList<>(List.of(whole));
            for (String n : names) {
                needs.add(LearnedFrom.Need.by(n, numeric ? LearnedFrom.Kind.SUMS_BY : LearnedFrom.Kind.CROSS_COUNTS,
                        target));
            }
            return new LearnedFrom(needs, values -> {
                double prior;
                String positive = chosen;
                if (numeric) {
                    prior = LearnedFrom.number(values, whole);
                } else {
                    Map<String, Long> counts = (Map<String, Long>) values.get(whole);
                    if (positive.isEmpty()) {
                        if (counts.size() > 2) {
                            throw new IllegalArgumentException("a text target needs two classes (it has "
                                    + counts.size() + "); or set the positive class");
                        }
                        positive = counts.size() == 2 ? LearnedFrom.byFrequency(counts).get(1) : "\u0000none";
                    }
                    long present = counts.values().stream().mapToLong(Long::longValue).sum();
                    prior = present == 0 ? Double.NaN : counts.getOrDefault(positive, 0L) / (double) present;
                }
                Map<String, Object> out = new LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    Map<String, Map<String, Double>> by = (Map<String, Map<String, Double>>) values.get(needs
                            .get(i + 1));
                    Map<String, Object> enc = new java.util.TreeMap<>();
                    for (Map.Entry<String, Map<String, Double>> e : by.entrySet()) {
                        double sum = numeric ? e.getValue().get("sum") : e.getValue().getOrDefault(positive, 0.0);
                        double n = numeric ? e.getValue().get("count") : e.getValue().values().stream()
                                .mapToDouble(Double::doubleValue).sum();
                        enc.put(e.getKey(), (sum + m * prior) / (n + m));
                    }
                    out.put(names.get(i), Map.of("prior", prior, "values", enc));
                }
                return FittedState.perColumn(out);
            });
        }

        /** The state from the rows' aggregates: one description for this engine and Spark. */
        @Override
        public FittedState fit(Table rows, NodeParams p) throws NodeException {
            Column<?> t = rows.column(p.string("target", ""));
            if (!(t instanceof tech.tablesaw.api.NumberColumn) && p.string("positive", "").isEmpty()
                    && counts(t).size() > 2) {
                throw new NodeException("target", "a text target needs two classes (it has " + counts(t).size()
                        + "); or set the positive class");
            }
            return learnedFrom(TableSchema.of(rows), p).fit(rows);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context) {
            List<Column<?>> out = new ArrayList<>();
            for (Map.Entry<String, Object> e : state.columns().entrySet()) {
                Map<String, Object> s = (Map<String, Object>) e.getValue();
                Map<String, Object> values = (Map<String, Object>) s.get("values");
                double prior = NumericColumnsTransform.num(s, "prior");
                Column<?> c = input.column(e.getKey());
                double[] v = new double[c.size()];
                for (int i = 0; i < v.length; i++) {
                    String x = Cells.text(c, i);
                    v[i] = x == null ? prior : values.get(x) instanceof Number n ? n.doubleValue() : prior;
                }
                out.add(DoubleColumn.create(e.getKey(), v));
            }
            return Columns.withColumns(input, out);
        }
    }

    static final class Bin implements Transform {
        @Override
        public Reach reach() {
            return Reach.ROW;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("encode", "bin", "Bin numbers", "Cuts numbers into intervals, labelled like "
                    + "[10, 20): equal-count (quantile) bins or equal-width bins learned on the training rows, or "
                    + "fixed edges. Values below the first edge or above the last fall into the outer bins.",
                    List.of(Params.requiredColumns("columns", "Columns", "The numeric columns to bin."),
                            Params.choice("method", "Bins", "quantile: about the same number of rows per bin; "
                                    + "width: equal-width; edges: the edges given.", "quantile", "width", "edges"),
                            Params.integer("bins", "Number of bins", 5, 2.0, 100.0, "For quantile and width."),
                            Params.strings("edges", "Edges", List.of(), "For fixed edges: the inner cut points, "
                                    + "ascending (e.g. 18, 30, 50).")));
        }

        @Override
        public boolean learns() {
            return true;
        }

        @Override
        public TableSchema outputSchema(TableSchema input, NodeParams p) throws NodeException {
            List<String> names = Columns.chosen(input, p, "columns", false);
            Columns.requireNumeric(input, names, "columns", "binning");
            if (p.string("method", "quantile").equals("edges")) {
                fixedEdges(p);
            }
            return Columns.retyped(input, names, ColumnKind.TEXT);
        }

        private static List<Double> fixedEdges(NodeParams p) throws NodeException {
            List<Double> edges = new ArrayList<>();
            for (String s : p.strings("edges")) {
                try {
                    edges.add(Double.parseDouble(s.trim()));
                } catch (NumberFormatException e) {
                    throw new NodeException("edges", "'" + s + "' is not a number");
                }
            }
            if (edges.isEmpty()) {
                throw new NodeException("edges", "give at least one edge");
            }
            for (int i = 1; i < edges.size(); i++) {
                if (edges.get(i) <= edges.get(i - 1)) {
                    throw new NodeException("edges", "edges must be ascending");
                }
            }
            return edges;
        }

        /** Quantile bins: the inner quantiles; width bins: the smallest and largest value; fixed edges: nothing. */
        @Override
        public LearnedFrom learnedFrom(TableSchema input, NodeParams p) throws NodeException {
            String method = p.string("method", "quantile");
            int bins = (int) p.integer("bins", 5);
            List<String> names = Columns.chosen(input, p, "columns", false);
            List<Double> fixed = method.equals("edges") ? fixedEdges(p) : null;
            List<LearnedFrom.Need> needs = new ArrayList<>();
            for (String n : names) {
                if (method.equals("width")) {
                    needs.add(LearnedFrom.Need.of(n, LearnedFrom.Kind.MIN));
                    needs.add(LearnedFrom.Need.of(n, LearnedFrom.Kind.MAX));
                } else if (method.equals("quantile")) {
                    for (int b = 1; b < bins; b++) {
                        needs.add(new LearnedFrom.Need(n, LearnedFrom.Kind.QUANTILE, b / (double) bins));
                    }
                }
            }
            return new LearnedFrom(needs, values -> {
                Map<String, Object> out = new LinkedHashMap<>();
                for (String n : names) {
                    if (fixed != null) {
                        out.put(n, fixed);
                        continue;
                    }
                    List<Double> edges = new ArrayList<>();
                    double lo = LearnedFrom.number(values, LearnedFrom.Need.of(n, LearnedFrom.Kind.MIN));
                    double hi = LearnedFrom.number(values, LearnedFrom.Need.of(n, LearnedFrom.Kind.MAX));
                    for (int b = 1; b < bins; b++) {
                        double e = method.equals("width") ? lo + (hi - lo) * b / bins : LearnedFrom.number(values,
                                new LearnedFrom.Need(n, LearnedFrom.Kind.QUANTILE, b / (double) bins));
                        if (!Double.isNaN(e) && (edges.isEmpty() || e > edges.get(edges.size() - 1))) {
                            edges.add(e);
                        }
                    }
                    out.put(n, edges);
                }
                return FittedState.perColumn(out);
            });
        }

        @Override
        public FittedState fit(Table rows, NodeParams p) throws NodeException {
            Map<String, Object> out = new LinkedHashMap<>();
            String method = p.string("method", "quantile");
            int bins = (int) p.integer("bins", 5);
            for (String n : Columns.chosen(TableSchema.of(rows), p, "columns", false)) {
                List<Double> edges;
                if (method.equals("edges")) {
                    edges = fixedEdges(p);
                } else {
                    double[] v = Arrays.stream(Columns.numbers(rows, n)).filter(x -> !Double.isNaN(x)).sorted()
                            .toArray();
                    edges = new ArrayList<>();
                    for (int b = 1; b < bins && v.length > 0; b++) {
                        double e = method.equals("width") ? v[0] + (v[v.length - 1] - v[0]) * b / bins
                                : Stats.quantile(v, b / (double) bins);
                        if (edges.isEmpty() || e > edges.get(edges.size() - 1)) {
                            edges.add(e);
                        }
                    }
                }
                out.put(n, edges);
            }
            return FittedState.perColumn(out);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Table apply(Table input, NodeParams p, FittedState state, TransformContext context) {
            List<Column<?>> out = new ArrayList<>();
            for (Map.Entry<String, Object> e : state.columns().entrySet()) {
                double[] edges = ((List<Object>) e.getValue()).stream().mapToDouble(x -> ((Number) x).doubleValue())
                        .toArray();
                String[] labels = labels(edges);
                double[] v = Columns.numbers(input, e.getKey());
                StringColumn binned = StringColumn.create(e.getKey());
                for (double x : v) {
                    if (Double.isNaN(x)) {
                        binned.appendMissing();
                    } else {
                        int b = 0;
                        while (b < edges.length && x >= edges[b]) {
                            b++;
                        }
                        binned.append(labels[b]);
                    }
                }
                out.add(binned);
            }
            return Columns.withColumns(input, out);
        }

        static String[] labels(double[] edges) {
            String[] labels = new String[edges.length + 1];
            for (int b = 0; b <= edges.length; b++) {
                String lo = b == 0 ? "-∞" : CellFormat.decimal(round(edges[b - 1]));
                String hi = b == edges.length ? "∞" : CellFormat.decimal(round(edges[b]));
                labels[b] = String.format(Locale.ROOT, "[%s, %s)", lo, hi);
            }
            return labels;
        }

        private static double round(double v) {
            return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).doubleValue();
        }
    }
}
