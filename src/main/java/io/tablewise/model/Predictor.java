package io.tablewise.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.ml.ProblemType;
import io.tablewise.ml.Values;
import io.tablewise.node.ColumnSchema;
import io.tablewise.node.NodeException;
import io.tablewise.node.NodeParams;
import io.tablewise.node.TableSchema;
import io.tablewise.transform.Columns;
import io.tablewise.transform.FittedState;
import io.tablewise.transform.Transform;
import io.tablewise.transform.TransformCatalog;
import io.tablewise.transform.TransformContext;
import io.tablewise.transform.TransformNode;

/**
 * Replays a trained model on raw data: checks that every input column is there (extra columns are carried
 * through untouched), converts columns read with another type to the training type (values that do not convert
 * become missing, with a warning), counts categories never seen in training (they fall into the "other"
 * indicator), and adds {@code prediction} plus, for classification, {@code probability_<class>} per class. A
 * binary prediction is the positive class when its probability reaches the model's threshold.
 */
public final class Predictor {
    private Predictor() {
    }

    /**
     * Scores every row of {@code raw}; {@code warn} receives what the user should know. When the model carries
     * upstream transforms they are replayed first; if they change the number of rows (a filter, say) the output
     * holds the transformed rows.
     */
    public static Table predict(TrainedModel m, Table raw, Consumer<String> warn) throws NodeException {
        return prepare(m).predict(raw, warn);
    }

    /**
     * The model with what its checks need worked out once (its input ranges, the categories it knows): a server
     * that scores many small requests with one model prepares it once.
     */
    public static Prepared prepare(TrainedModel m) {
        return new Prepared(m, InputProfile.of(m), knownCategories(m));
    }

    /** A model ready to score many tables; thread-safe. */
    public static final class Prepared {
        private final TrainedModel m;
        private final List<InputProfile.Input> profile;
        private final List<Known> known;

        private Prepared(TrainedModel m, List<InputProfile.Input> profile, List<Known> known) {
            this.m = m;
            this.profile = profile;
            this.known = known;
        }

        /** The model. */
        public TrainedModel model() {
            return m;
        }

        /** Scores every row of {@code raw}, as {@link Predictor#predict} does. */
        public Table predict(Table raw, Consumer<String> warn) throws NodeException {
            return Predictor.predict(this, raw, warn);
        }
    }

    /**
     * The rows as the model reads them: the raw columns read as their training types and the fitted transforms
     * replayed (what explanations are computed on). Its rows are the prediction table's rows.
     */
    public static Table modelInput(TrainedModel m, Table raw, Consumer<String> warn) throws NodeException {
        Table input = conform(m, raw, warn);
        return m.chain().steps().isEmpty() ? input : m.chain().apply(input, warnings(warn));
    }

    /** The categories a category column knows, and whether it caps to "other". */
    private record Known(String column, Set<String> values, boolean capped) {
    }

    private static Table predict(Prepared prepared, Table raw, Consumer<String> warn) throws NodeException {
        TrainedModel m = prepared.m;
        Table input = conform(m, raw, warn);
        Table ready = input;
        if (!m.chain().steps().isEmpty()) {
            ready = m.chain().apply(input, warnings(warn));
        }
        warnUnseen(prepared.known, ready, warn);
        warnNewBlanks(m, ready, warn);
        warnOutOfRange(prepared.profile, input, warn);
        Table base = ready.rowCount() == raw.rowCount() ? raw : ready;
        if (base != raw) {
            warn.accept(String.format(Locale.ROOT, "the model's transforms keep %,d of %,d rows; the output holds "
                    + "the transformed rows", ready.rowCount(), raw.rowCount()));
        }
        int[] rows = new int[ready.rowCount()];
        java.util.Arrays.setAll(rows, i -> i);
        List<Column<?>> added = new ArrayList<>();
        List<String> taken = new ArrayList<>(base.columnNames());
        String predictionName = Columns.freeName(taken, "prediction");
        taken.add(predictionName);
        if (m.problemType() == ProblemType.REGRESSION) {
            added.add(DoubleColumn.create(predictionName, m.model().values(ready, rows)));
        } else {
            List<String> classes = m.classes();
            double[][] p = m.model().probabilities(ready, rows);
            StringColumn prediction = StringColumn.create(predictionName);
            for (double[] row : p) {
                prediction.append(classes.get(choose(m, row)));
            }
            added.add(prediction);
            for (int c = 0; c < classes.size(); c++) {
                double[] v = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    v[i] = p[i][c];
                }
                String name = Columns.freeName(taken, "probability_" + classes.get(c));
                taken.add(name);
                added.add(DoubleColumn.create(name, v));
            }
        }
        List<Column<?>> all = new ArrayList<>(base.columns());
        all.addAll(added);
        return Columns.table(raw.name(), all);
    }

    /**
     * One row given as texts by column name (the what-if form): converted to the training types like a file's
     * columns, scored through the same path. Columns left out are missing.
     *
     * @return the prediction table's only row: the inputs, the prediction and the class probabilities
     */
    public static Table predictOne(TrainedModel m, Map<String, String> values, Consumer<String> warn)
            throws NodeException {
        List<Column<?>> columns = new ArrayList<>();
        for (ColumnSchema c : m.inputs()) {
            StringColumn s = StringColumn.create(c.name());
            String v = values.get(c.name());
            if (v == null || v.isBlank()) {
                s.appendMissing();
            } else {
                s.append(v);
            }
            columns.add(s);
        }
        for (String name : values.keySet()) {
            if (m.inputs().stream().noneMatch(c -> c.name().equals(name))) {
                warn.accept("'" + name + "' is not an input of the model; ignored");
            }
        }
        return predict(m, Columns.table("row", columns), warn);
    }

    private static TransformContext warnings(Consumer<String> warn) {
        return new TransformContext() {
            @Override
            public void warn(String message) {
                warn.accept(message);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }

    /** The predicted class index for one row's probabilities. */
    static int choose(TrainedModel m, double[] p) {
        if (m.problemType() == ProblemType.BINARY && !Double.isNaN(m.threshold())) {
            return p[1] >= m.threshold() ? 1 : 0;
        }
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            best = p[c] > p[best] ? c : best;
        }
        return best;
    }

    /** The raw table with the model's inputs present and of their training types. */
    @SuppressWarnings("unchecked")
    static Table conform(TrainedModel m, Table raw, Consumer<String> warn) throws NodeException {
        List<String> missing = m.inputs().stream().map(ColumnSchema::name)
                .filter(n -> !raw.columnNames().contains(n)).toList();
        if (!missing.isEmpty()) {
            throw new NodeException("The data has no column" + (missing.size() == 1 ? " " : "s ") + "'"
                    + String.join("', '", missing) + "', which the model needs (it was trained on "
                    + String.join(", ", m.inputs().stream().map(ColumnSchema::name).toList()) + ")");
        }
        Transform changeType = TransformCatalog.all().stream()
                .filter(t -> t.spec().id().equals("transform.columns.change-type")).findFirst().orElseThrow();
        Table out = raw;
        TableSchema schema = TableSchema.of(raw);
        for (ColumnSchema want : m.inputs()) {
            ColumnSchema have = schema.column(want.name()).orElseThrow();
            if (have.kind() != want.kind() && !(have.kind().isNumeric() && want.kind().isNumeric())) {
                NodeParams p = NodeParams.withDefaults(new TransformNode(changeType).descriptor(),
                        Map.of("columns", List.of(want.name()), "to", want.kind().id()));
                out = changeType.apply(out, p, FittedState.NONE, warnings(warn));
            }
        }
        return out;
    }

    /**
     * Counts, per column, blank numbers in columns that had none in training, and says what was done with them
     * (the model never learned about a blank there: a tree model sends it down the branch most training rows took,
     * the other families take the training median).
     */
    static void warnNewBlanks(TrainedModel m, Table ready, Consumer<String> warn) {
        io.tablewise.ml.FeatureEncoder encoder = m.model().encoder();
        boolean[] never = encoder.missingNeverSeen();
        if (never == null) {
            return;
        }
        double[] medians = encoder.trainingMedians();
        List<String> sources = encoder.featureSources();
        List<String> names = encoder.featureNames();
        Set<String> present = new HashSet<>(ready.columnNames());
        for (int f = 0; f < never.length; f++) {
            String column = sources.get(f);
            if (!never[f] || !names.get(f).equals(column) || !present.contains(column)) {
                continue; // one feature per number column; the parts of dates and categories are covered elsewhere
            }
            Column<?> c = ready.column(column);
            if (!(c instanceof tech.tablesaw.api.NumericColumn<?>)) {
                continue;
            }
            long blanks = c.countMissing();
            if (blanks > 0) {
                warn.accept(String.format(Locale.ROOT, "%s: %,d %s blank, a value never blank in training; %s",
                        column, blanks, blanks == 1 ? "row is" : "rows are", encoder.fillsNewMissingWithMedian()
                                ? "scored with the training median "
                                        + InputProfile.plain(medians[f], io.tablewise.node.ColumnKind.DECIMAL)
                                : "scored on the branch most training rows took at each split"));
            }
        }
    }

    /** Counts, per number column, values outside the range the training rows covered. */
    static void warnOutOfRange(List<InputProfile.Input> profile, Table input, Consumer<String> warn) {
        for (InputProfile.Input i : profile) {
            if (Double.isNaN(i.min()) || !input.columnNames().contains(i.name())
                    || !(input.column(i.name()) instanceof tech.tablesaw.api.NumericColumn<?> c)) {
                continue;
            }
            long below = 0;
            long above = 0;
            for (int r = 0; r < c.size(); r++) {
                if (!c.isMissing(r)) {
                    double v = c.getDouble(r);
                    below += v < i.min() ? 1 : 0;
                    above += v > i.max() ? 1 : 0;
                }
            }
            if (below + above > 0) {
                warn.accept(String.format(Locale.ROOT, "%s: %,d %s outside the training range %s to %s (%,d below, "
                        + "%,d above); the model has not seen such values", i.name(), below + above,
                        below + above == 1 ? "value" : "values", i.low(), i.high(), below, above));
            }
        }
    }

    /**
     * Warns about category values never seen in training: for a column whose every category was kept they match no
     * category; for a column capped to its frequent values they are scored as "other", like rare training values,
     * which are not news (models saved before the training values were kept say nothing for capped columns).
     */
    @SuppressWarnings("unchecked")
    private static List<Known> knownCategories(TrainedModel m) {
        List<Known> out = new ArrayList<>();
        Map<String, Object> state = m.model().encoder().state();
        for (Map<String, Object> c : (List<Map<String, Object>>) state.get("columns")) {
            if (!"category".equals(c.get("kind"))) {
                continue;
            }
            Set<String> known = new HashSet<>((List<String>) c.get("categories"));
            boolean capped = Boolean.TRUE.equals(c.get("other"));
            if (capped) {
                if (c.get("frequencies") instanceof Map<?, ?> f) {
                    f.keySet().forEach(k -> known.add(String.valueOf(k)));
                } else if (c.get("rare") instanceof List<?> r) {
                    r.forEach(v -> known.add(String.valueOf(v)));
                } else {
                    continue;
                }
            }
            out.add(new Known((String) c.get("column"), known, capped));
        }
        return out;
    }

    static void warnUnseen(List<Known> categories, Table ready, Consumer<String> warn) {
        for (Known c : categories) {
            Set<String> known = c.values();
            boolean capped = c.capped();
            Column<?> col = ready.column(c.column());
            long unseen = 0;
            String example = null;
            for (int i = 0; i < col.size(); i++) {
                String v = Values.label(col, i);
                if (v != null && !known.contains(v)) {
                    unseen++;
                    example = example == null ? v : example;
                }
            }
            if (unseen > 0) {
                warn.accept(String.format(Locale.ROOT, "%s: %,d values never seen in training (e.g. '%s') %s",
                        col.name(), unseen, example, capped ? "are scored as 'other'" : "match no category"));
            }
        }
    }
}
