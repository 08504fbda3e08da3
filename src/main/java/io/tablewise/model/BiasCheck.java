package io.tablewise.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.explain.BiasReport;
import io.tablewise.explain.FacetGroups;
import io.tablewise.ml.ProblemType;
import io.tablewise.node.NodeException;

/**
 * A model's bias report on labelled rows: the rows are scored by the same Predictor as any prediction (threshold
 * included), and the facet's groups are compared by their labels and predictions ({@link FacetGroups}). At build
 * time every plausible sensitive column is measured on the test rows, so the Model tab can show any of them.
 */
public final class BiasCheck {
    /** Seed of the bootstrap intervals: the same rows always give the same report. */
    static final long SEED = 20261204L;
    /** Sensitive columns measured at build time. */
    static final int MOST_FACETS = 20;

    private BiasCheck() {
    }

    /**
     * How the sensitive column is split.
     *
     * @param column the column (any column of the rows, used by the model or not)
     * @param value one group to compare with the rest, or null for every group
     * @param threshold a number column's split, or NaN for quantile bins
     * @param bins quantile bins of a number column without a threshold
     */
    public record Facet(String column, String value, double threshold, int bins) {
    }

    /**
     * The report of {@code facet} on {@code raw} (rows with the model's target column).
     *
     * @param positive the label value counted as positive; null for a binary model's positive class
     * @throws NodeException naming what is wrong: no target column, a regression model, an unknown facet or value
     */
    public static BiasReport check(TrainedModel m, Table raw, Facet facet, String positive, Consumer<String> warn)
            throws NodeException {
        if (m.problemType() == ProblemType.REGRESSION) {
            throw new NodeException("model", "bias metrics compare rates of a predicted class; this model predicts "
                    + "a number ('" + m.target() + "')");
        }
        String label = positive != null && !positive.isBlank() ? positive.strip() : m.positiveClass();
        if (label == null) {
            throw new NodeException("positive", "choose the class counted as the favourable outcome; the classes are "
                    + String.join(", ", m.classes()));
        }
        if (!m.classes().contains(label)) {
            throw new NodeException("positive", "'" + label + "' is not a class of the model; the classes are "
                    + String.join(", ", m.classes()));
        }
        if (!raw.containsColumn(m.target())) {
            throw new NodeException("table", "the rows have no '" + m.target() + "' column: bias metrics compare the "
                    + "model's predictions with the true outcomes, so the data must hold them");
        }
        if (!raw.containsColumn(facet.column())) {
            throw new NodeException("facet", "the rows have no column '" + facet.column() + "'"
                    + io.tablewise.node.Suggestions.didYouMeanOrColumns(facet.column(), raw.columnNames()));
        }
        Table scored = Predictor.predict(m, raw, warn);
        if (scored.rowCount() != raw.rowCount()) {
            throw new NodeException("table", "the model's transforms keep " + scored.rowCount() + " of "
                    + raw.rowCount() + " rows, so predictions cannot be matched to the facet; measure bias on "
                    + "rows the transforms keep");
        }
        String predictionColumn = scored.columnNames().get(raw.columnCount());
        StringColumn predictions = scored.stringColumn(predictionColumn);
        boolean[] predicted = new boolean[raw.rowCount()];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = label.equals(predictions.get(i));
        }
        FacetGroups groups;
        try {
            groups = FacetGroups.of(raw.column(facet.column()), blankToNull(facet.value()), facet.threshold(),
                    facet.bins());
        } catch (IllegalArgumentException e) {
            throw new NodeException("facetValue", e.getMessage());
        }
        return groups.report(facet.column(), m.target(), label, labels(raw.column(m.target()), label), predicted,
                blankToNull(facet.value()), SEED);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Boolean[] labels(Column<?> target, String positive) {
        Boolean[] out = new Boolean[target.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = target.isMissing(i) ? null : positive.equals(io.tablewise.ml.Values.label(target, i));
        }
        return out;
    }

    /**
     * Reports of every plausible sensitive column of the test rows (a binary model's): categories with 2 to
     * {@link FacetGroups#MOST_GROUPS} values, and numbers in quartiles, the model's inputs or not.
     */
    static List<BiasReport> candidates(io.tablewise.ml.LearnedModel model, double threshold, Table rawTest,
                                       Table test, int[] testRows, String target) {
        List<BiasReport> out = new ArrayList<>();
        if (model.type() != ProblemType.BINARY || rawTest.rowCount() != test.rowCount()) {
            return out;
        }
        String positive = model.classes().get(1);
        double[][] p = model.probabilities(test, testRows);
        Table rows = io.tablewise.transform.Columns.gather(rawTest, testRows);
        boolean[] predicted = new boolean[testRows.length];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = Double.isNaN(threshold) ? p[i][1] > p[i][0] : p[i][1] >= threshold;
        }
        Boolean[] labels = labels(rows.column(target), positive);
        for (Column<?> c : rows.columns()) {
            if (out.size() == MOST_FACETS || c.name().equals(target) || !plausibleFacet(c)) {
                continue;
            }
            out.add(FacetGroups.of(c, null, Double.NaN, 4).report(c.name(), target, positive, labels, predicted,
                    null, SEED));
        }
        return out;
    }

    /** A category with a few values, or a number; not an identifier, a date or free text. */
    private static boolean plausibleFacet(Column<?> c) {
        if (c instanceof NumericColumn<?>) {
            return c.countUnique() > 1;
        }
        if (!(c instanceof StringColumn || c instanceof tech.tablesaw.api.BooleanColumn)) {
            return false;
        }
        int distinct = c.countUnique() - (c.countMissing() > 0 ? 1 : 0);
        return distinct >= 2 && distinct <= FacetGroups.MOST_GROUPS;
    }

    /**
     * The model with the report in its facts ({@code info.bias}): a pipeline condition reads
     * {@code NODE.bias.disparateImpact}, and a registered version keeps what was measured.
     */
    public static TrainedModel withReport(TrainedModel m, BiasReport r) {
        java.util.Map<String, Object> info = new java.util.LinkedHashMap<>(m.info());
        info.put("bias", r.metrics());
        return m.withInfo(info);
    }

    /** The report as a table: one row per group and metric, with the interval and the definition. */
    public static Table asTable(BiasReport r) {
        StringColumn group = StringColumn.create("group");
        StringColumn stage = StringColumn.create("stage");
        StringColumn metric = StringColumn.create("metric");
        tech.tablesaw.api.DoubleColumn value = tech.tablesaw.api.DoubleColumn.create("value");
        tech.tablesaw.api.DoubleColumn low = tech.tablesaw.api.DoubleColumn.create("ci_low");
        tech.tablesaw.api.DoubleColumn high = tech.tablesaw.api.DoubleColumn.create("ci_high");
        StringColumn definition = StringColumn.create("definition");
        for (BiasReport.Group g : r.groups()) {
            for (io.tablewise.explain.BiasMetrics.Value v : g.values()) {
                group.append(r.facet() + " = " + g.name());
                stage.append(v.metric().preTraining() ? "pre-training" : "post-training");
                metric.append(v.metric().name() + " (" + v.metric().title().toLowerCase(Locale.ROOT) + ")");
                value.append(v.value());
                low.append(v.low());
                high.append(v.high());
                definition.append(v.metric().definition());
            }
        }
        return Table.create("bias of " + r.facet(), group, stage, metric, value, low, high, definition);
    }
}
