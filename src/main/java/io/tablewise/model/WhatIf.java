package io.tablewise.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.ml.ProblemType;
import io.tablewise.node.ColumnKind;
import io.tablewise.node.ColumnSchema;
import io.tablewise.node.NodeException;

/**
 * One row scored as the analyst types it (the studio's what-if form), through the same path as a file: the values
 * are read as the training types, replayed through the fitted transforms and scored. Each column's part in the
 * result is measured by setting that column alone back to its typical training value and scoring again: the
 * change is the column's contribution (in probability of the predicted class, or in the target's unit).
 */
public final class WhatIf {
    /**
     * What the model says about one row.
     *
     * @param prediction the predicted class, or the predicted value as text (regression); null when rejected
     * @param value the predicted value (regression), else NaN
     * @param probabilities P(class) for each class (classification), in the model's class order
     * @param contributions each input's contribution, largest first (in size)
     * @param problems values that could not be read, by column: the row is not scored while there are any
     * @param notes what the analyst should know: values outside the training range, unseen categories
     * @param waterfall the row's SHAP values as steps from the average prediction to this one (for the predicted
     *     class); null when the model cannot be explained on one row
     * @param method how the SHAP values were computed, in words (empty without a waterfall)
     */
    public record Result(String prediction, double value, Map<String, Double> probabilities,
                         List<Contribution> contributions, Map<String, String> problems, List<String> notes,
                         io.tablewise.explain.Waterfall waterfall, String method) {
        /** True when the row was scored. */
        public boolean scored() {
            return problems.isEmpty();
        }
    }

    /**
     * A column's part in the prediction.
     *
     * @param column the input column
     * @param value the value typed
     * @param typical the typical training value it was compared with
     * @param effect the prediction minus the prediction with the typical value (probability of the predicted
     *     class, or the target's unit)
     */
    public record Contribution(String column, String value, String typical, double effect) {
    }

    /** Columns shown apart in the waterfall; the rest are one step. */
    public static final int WATERFALL_STEPS = 8;

    private WhatIf() {
    }

    /** Scores {@code values} (texts by input column; blank is missing) and measures each column's part. */
    public static Result score(TrainedModel m, Map<String, String> values) throws NodeException {
        List<InputProfile.Input> profile = InputProfile.of(m);
        Map<String, String> problems = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (InputProfile.Input c : profile) {
            String v = values.get(c.name());
            if (v != null && !v.isBlank()) {
                check(c, v.strip(), problems, notes);
            }
        }
        if (!problems.isEmpty()) {
            return new Result(null, Double.NaN, Map.of(), List.of(), problems, notes, null, "");
        }
        // row 0: as typed; row k: input k set to its typical value
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(values);
        List<InputProfile.Input> varied = new ArrayList<>();
        for (InputProfile.Input c : profile) {
            String typed = blankToNull(values.get(c.name()));
            if (c.typical() != null && !c.typical().equals(typed)) {
                Map<String, String> row = new LinkedHashMap<>(values);
                row.put(c.name(), c.typical());
                rows.add(row);
                varied.add(c);
            }
        }
        List<String> warnings = new ArrayList<>();
        Table scored = Predictor.predict(m, texts(m, rows), warnings::add);
        // unseen categories are noted above, once per column; the scorer's counts include the comparison rows
        warnings.stream().filter(w -> !w.contains("never seen")).distinct().forEach(notes::add);
        String predictionColumn = scored.columnNames().get(m.inputs().size());
        Map<String, Double> probabilities = new LinkedHashMap<>();
        double[] outcome = new double[rows.size()];
        String prediction;
        double value = Double.NaN;
        if (m.problemType() == ProblemType.REGRESSION) {
            for (int r = 0; r < rows.size(); r++) {
                outcome[r] = scored.doubleColumn(predictionColumn).get(r);
            }
            value = outcome[0];
            prediction = String.format(Locale.ROOT, "%.4g", value);
        } else {
            prediction = scored.stringColumn(predictionColumn).get(0);
            List<String> classes = m.classes();
            int predicted = classes.indexOf(prediction);
            for (int c = 0; c < classes.size(); c++) {
                probabilities.put(classes.get(c), scored.doubleColumn(m.inputs().size() + 1 + c).get(0));
            }
            for (int r = 0; r < rows.size(); r++) {
                outcome[r] = scored.doubleColumn(m.inputs().size() + 1 + predicted).get(r);
            }
        }
        List<Contribution> contributions = new ArrayList<>();
        for (int k = 0; k < varied.size(); k++) {
            InputProfile.Input c = varied.get(k);
            String typed = blankToNull(values.get(c.name()));
            contributions.add(new Contribution(c.name(), typed == null ? "" : typed, c.typical(),
                    outcome[0] - outcome[k + 1]));
        }
        contributions.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.effect())));
        io.tablewise.explain.Waterfall waterfall = null;
        String method = "";
        try {
            io.tablewise.explain.ShapValues shap = Explanations.explain(m, texts(m, List.of(values)), w -> { });
            int output = m.problemType() == ProblemType.MULTICLASS ? Math.max(0, shap.output(prediction)) : 0;
            waterfall = io.tablewise.explain.Waterfall.of(shap, 0, output, WATERFALL_STEPS);
            method = shap.methodText();
        } catch (NodeException e) {
            notes.add(e.getMessage());
        }
        return new Result(prediction, value, probabilities, contributions, problems, notes, waterfall, method);
    }

    /** Reads {@code v} as the column's training type; notes values outside what the model saw. */
    private static void check(InputProfile.Input c, String v, Map<String, String> problems, List<String> notes) {
        ColumnKind kind = c.kind();
        if (kind.isNumeric()) {
            double d;
            try {
                d = Double.parseDouble(v.replace(",", ""));
            } catch (NumberFormatException e) {
                problems.put(c.name(), String.format(Locale.ROOT, "'%s' is not a number", v));
                return;
            }
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                problems.put(c.name(), String.format(Locale.ROOT, "'%s' is not a number", v));
            } else if (kind == ColumnKind.INTEGER && d != Math.rint(d)) {
                problems.put(c.name(), String.format(Locale.ROOT, "'%s' is not a whole number", v));
            } else if (!Double.isNaN(c.min()) && (d < c.min() || d > c.max())) {
                notes.add(String.format(Locale.ROOT, "%s: %s is outside the training range %s … %s; the model has "
                        + "seen no such values and treats it like the nearest ones", c.name(), v, c.low(), c.high()));
            }
        } else if (kind == ColumnKind.DATE || kind == ColumnKind.DATETIME) {
            try {
                if (kind == ColumnKind.DATE) {
                    java.time.LocalDate.parse(v);
                } else {
                    java.time.LocalDateTime.parse(v.replace(' ', 'T'));
                }
            } catch (java.time.format.DateTimeParseException e) {
                problems.put(c.name(), String.format(Locale.ROOT, "'%s' is not a %s (write it as %s)", v,
                        kind == ColumnKind.DATE ? "date" : "date and time",
                        kind == ColumnKind.DATE ? "2024-03-31" : "2024-03-31 14:30"));
            }
        } else if (kind == ColumnKind.BOOLEAN && !List.of("true", "false").contains(v.toLowerCase(Locale.ROOT))) {
            problems.put(c.name(), String.format(Locale.ROOT, "'%s' is not true or false", v));
        } else if (kind == ColumnKind.TEXT && !c.values().isEmpty() && c.values().size() < InputProfile.MOST_VALUES
                && !c.values().contains(v)) {
            notes.add(String.format(Locale.ROOT, "%s: '%s' never appeared in training; the model treats it like a "
                    + "missing or rare value", c.name(), v));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The rows as a table of text columns, one per model input, converted to the training types by the scorer. */
    static Table texts(TrainedModel m, List<Map<String, String>> rows) {
        List<Column<?>> columns = new ArrayList<>();
        for (ColumnSchema c : m.inputs()) {
            StringColumn s = StringColumn.create(c.name());
            for (Map<String, String> row : rows) {
                String v = blankToNull(row.get(c.name()));
                if (v == null) {
                    s.appendMissing();
                } else {
                    s.append(c.kind().isNumeric() ? v.replace(",", "") : v);
                }
            }
            columns.add(s);
        }
        return io.tablewise.transform.Columns.table("what-if", columns);
    }
}
