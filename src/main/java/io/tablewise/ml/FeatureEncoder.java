package io.tablewise.ml;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Turns table columns into numeric model features, with every choice learned on the training rows only and
 * replayed unchanged on any other rows. Numbers stay as they are (a missing value stays missing: tree models
 * route it themselves); booleans become 0/1; dates become the day number plus month and weekday (and hour for
 * date-times); text becomes one-hot indicators of its most frequent categories (at most {@value #MAX_CATEGORIES},
 * each seen at least {@value #MIN_CATEGORY_ROWS} times in training) plus an "other" indicator, and, when it has more
 * values than that, each value's share of the training rows (frequency encoding). Columns with a
 * single training value, and text columns whose values are nearly all different (identifiers, free text), are
 * left out. Each decision is recorded as a {@link Choice}. For linear and distance-based models the features can
 * also be {@linkplain #standardised standardised}: centred on their training mean and divided by their training
 * standard deviation, a missing value becoming the mean.
 */
public final class FeatureEncoder {
    static final int MAX_CATEGORIES = 30;
    static final int MIN_CATEGORY_ROWS = 5;
    /** Text with more distinct training values than this share of its rows is treated as an identifier. */
    private static final double ID_LIKE_SHARE = 0.5;

    private final List<ColumnEncoding> encodings;
    private final List<String> featureNames;
    private final List<String> featureSources;
    private final List<Choice> choices;
    /** The training means and standard deviations of the features, or null to leave them as they are. */
    private final double[] means;
    private final double[] scales;
    /**
     * Per feature: its training median, and whether training rows had it missing; null for models saved before they
     * were kept. A value missing at prediction in a feature that was never missing in training is not something the
     * model learned about: standardised families take the median, and tree scorers the branch most training rows
     * took ({@link #missingNeverSeen}).
     */
    private MissingProfile missing;

    /** Training medians and whether each feature was ever missing in training. */
    record MissingProfile(double[] medians, boolean[] seen, boolean fill) {
    }

    /**
     * One decision about an input column.
     *
     * @param column the input column
     * @param action what was done, in words
     * @param features the number of model features it became (0 when left out)
     */
    public record Choice(String column, String action, int features) {
    }

    private FeatureEncoder(List<ColumnEncoding> encodings, List<Choice> choices) {
        this(encodings, choices, null, null);
    }

    private FeatureEncoder(List<ColumnEncoding> encodings, List<Choice> choices, double[] means, double[] scales) {
        this.encodings = encodings;
        this.choices = List.copyOf(choices);
        this.means = means;
        this.scales = scales;
        List<String> names = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ColumnEncoding e : encodings) {
            for (String suffix : e.suffixes()) {
                String name = suffix.isEmpty() ? e.column : e.column + suffix;
                while (!seen.add(name)) {
                    name = name + "'";
                }
                names.add(name);
                sources.add(e.column);
            }
        }
        this.featureNames = List.copyOf(names);
        this.featureSources = List.copyOf(sources);
    }

    /** Learns how to encode {@code columns} of {@code table} from the rows in {@code trainRows}. */
    public static FeatureEncoder fit(Table table, List<String> columns, int[] trainRows) {
        List<ColumnEncoding> encodings = new ArrayList<>();
        List<Choice> choices = new ArrayList<>();
        for (String name : columns) {
            Column<?> c = table.column(name);
            ColumnEncoding e = fitColumn(c, trainRows);
            if (e == null) {
                choices.add(new Choice(name, leftOutReason(c, trainRows), 0));
            } else {
                encodings.add(e);
                choices.add(new Choice(name, e.describe(), e.suffixes().size()));
            }
        }
        return new FeatureEncoder(encodings, choices);
    }

    /**
     * The same encoding with every feature standardised by its mean and standard deviation over {@code trainRows}
     * (two passes, so large values with a small spread, such as day numbers, keep their precision); a feature with
     * no spread is only centred.
     */
    public FeatureEncoder standardised(Table table, int[] trainRows) {
        int n = featureNames.size();
        double[] sum = new double[n];
        long[] count = new long[n];
        Column<?>[] source = columns(table);
        double[] x = new double[n];
        for (int r : trainRows) {
            encodeRaw(source, r, x);
            for (int f = 0; f < n; f++) {
                if (!Double.isNaN(x[f])) {
                    sum[f] += x[f];
                    count[f]++;
                }
            }
        }
        double[] mean = new double[n];
        for (int f = 0; f < n; f++) {
            mean[f] = count[f] == 0 ? 0 : sum[f] / count[f];
        }
        double[] squares = new double[n];
        for (int r : trainRows) {
            encodeRaw(source, r, x);
            for (int f = 0; f < n; f++) {
                if (!Double.isNaN(x[f])) {
                    squares[f] += (x[f] - mean[f]) * (x[f] - mean[f]);
                }
            }
        }
        double[] scale = new double[n];
        for (int f = 0; f < n; f++) {
            double sd = count[f] == 0 ? 0 : Math.sqrt(squares[f] / count[f]);
            scale[f] = sd > 1e-12 ? sd : 1;
        }
        List<Choice> scaled = choices.stream().map(c -> c.features() == 0 ? c : new Choice(c.column(),
                c.action() + "; standardised on the training rows (a missing value counts as the mean)",
                c.features())).toList();
        FeatureEncoder out = new FeatureEncoder(encodings, scaled, mean, scale);
        out.missing = missing;
        return out;
    }

    /**
     * The same encoder knowing each feature's training median and whether it was ever missing in {@code trainRows}
     * (see {@link MissingProfile}).
     */
    public FeatureEncoder withMissingProfile(Table table, int[] trainRows, boolean fillWithMedian) {
        int n = featureNames.size();
        double[][] values = new double[n][trainRows.length];
        int[] count = new int[n];
        boolean[] seen = new boolean[n];
        Column<?>[] source = columns(table);
        double[] x = new double[n];
        for (int r : trainRows) {
            encodeRaw(source, r, x);
            for (int f = 0; f < n; f++) {
                if (Double.isNaN(x[f])) {
                    seen[f] = true;
                } else {
                    values[f][count[f]++] = x[f];
                }
            }
        }
        double[] medians = new double[n];
        for (int f = 0; f < n; f++) {
            double[] v = Arrays.copyOf(values[f], count[f]);
            Arrays.sort(v);
            medians[f] = v.length == 0 ? 0 : v.length % 2 == 1 ? v[v.length / 2]
                    : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }
        FeatureEncoder out = new FeatureEncoder(encodings, choices, means, scales);
        out.missing = new MissingProfile(medians, seen, fillWithMedian);
        return out;
    }

    /** Per feature, whether a missing value is new to the model (never missing in training); null when unknown. */
    public boolean[] missingNeverSeen() {
        if (missing == null) {
            return null;
        }
        boolean[] out = new boolean[missing.seen().length];
        for (int f = 0; f < out.length; f++) {
            out[f] = !missing.seen()[f];
        }
        return out;
    }

    /** Whether a value new to the model is filled with the training median (else tree scorers decide). */
    public boolean fillsNewMissingWithMedian() {
        return missing != null && (missing.fill() || means != null);
    }

    /** The training median of each feature (before standardising), or null when unknown. */
    public double[] trainingMedians() {
        return missing == null ? null : missing.medians().clone();
    }

    /** Whether the features are standardised. */
    public boolean isStandardised() {
        return means != null;
    }

    /** The model features, in order. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** The input column each feature comes from, parallel to {@link #featureNames()}. */
    public List<String> featureSources() {
        return featureSources;
    }

    /** What was done with each input column. */
    public List<Choice> choices() {
        return choices;
    }

    /** What was learned, as plain JSON-able data (saved with a model). */
    public Map<String, Object> state() {
        List<Map<String, Object>> columns = new ArrayList<>();
        for (ColumnEncoding e : encodings) {
            Map<String, Object> c = new java.util.LinkedHashMap<>();
            c.put("column", e.column);
            c.put("kind", e.kind());
            if (e instanceof CategoryEncoding cat) {
                c.put("categories", cat.categories);
                c.put("other", cat.other);
                if (cat.rare != null) {
                    c.put("rare", cat.rare);
                }
                if (cat.frequencies != null) {
                    c.put("frequencies", cat.frequencies);
                }
            }
            columns.add(c);
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("columns", columns);
        if (means != null) {
            out.put("scaling", ordered("means", Arrays.stream(means).boxed().toList(),
                    "scales", Arrays.stream(scales).boxed().toList()));
        }
        out.put("choices", choices.stream().map(ch -> ordered("column", ch.column(), "action", ch.action(),
                "features", ch.features())).toList());
        if (missing != null) {
            List<Boolean> seen = new ArrayList<>();
            for (boolean b : missing.seen()) {
                seen.add(b);
            }
            out.put("missing", ordered("medians", Arrays.stream(missing.medians()).boxed().toList(),
                    "seenInTraining", seen, "fillWithMedian", missing.fill()));
        }
        return out;
    }

    /** A map in the order given: Map.of's order changes from run to run, and model files must not. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }

    /** Rebuilds an encoder from {@link #state()}; fails on anything it does not recognise. */
    @SuppressWarnings("unchecked")
    public static FeatureEncoder fromState(Map<String, Object> state) {
        List<ColumnEncoding> encodings = new ArrayList<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) state.get("columns")) {
            String column = (String) c.get("column");
            encodings.add(switch ((String) c.get("kind")) {
                case "number" -> new NumberEncoding(column, false);
                case "boolean" -> new NumberEncoding(column, true);
                case "date" -> new DateEncoding(column, false);
                case "datetime" -> new DateEncoding(column, true);
                case "category" -> new CategoryEncoding(column, List.copyOf((List<String>) c.get("categories")),
                        Boolean.TRUE.equals(c.get("other")), frequencies(c.get("frequencies")),
                        c.get("rare") instanceof List<?> r ? r.stream().map(String::valueOf).toList() : null);
                default -> throw new IllegalArgumentException("unknown encoding '" + c.get("kind") + "'");
            });
        }
        List<Choice> choices = new ArrayList<>();
        for (Map<String, Object> ch : (List<Map<String, Object>>) state.getOrDefault("choices", List.of())) {
            choices.add(new Choice((String) ch.get("column"), (String) ch.get("action"),
                    ((Number) ch.get("features")).intValue()));
        }
        FeatureEncoder out = new FeatureEncoder(encodings, choices);
        if (state.get("scaling") instanceof Map<?, ?> scaling) {
            double[] mean = numbers(scaling.get("means"));
            double[] scale = numbers(scaling.get("scales"));
            if (mean.length != out.featureNames.size() || scale.length != mean.length) {
                throw new IllegalArgumentException("the scaling has " + mean.length + " means and " + scale.length
                        + " scales for " + out.featureNames.size() + " features");
            }
            out = new FeatureEncoder(encodings, choices, mean, scale);
        }
        if (state.get("missing") instanceof Map<?, ?> m) {
            double[] medians = numbers(m.get("medians"));
            List<?> seen = (List<?>) m.get("seenInTraining");
            if (medians.length != out.featureNames.size() || seen == null || seen.size() != medians.length) {
                throw new IllegalArgumentException("the missing-value profile does not match the "
                        + out.featureNames.size() + " features");
            }
            boolean[] flags = new boolean[seen.size()];
            for (int i = 0; i < flags.length; i++) {
                flags[i] = Boolean.TRUE.equals(seen.get(i));
            }
            out.missing = new MissingProfile(medians, flags, Boolean.TRUE.equals(m.get("fillWithMedian")));
        }
        return out;
    }

    private static Map<String, Double> frequencies(Object saved) {
        if (saved == null) {
            return null;
        }
        Map<String, Double> out = new java.util.TreeMap<>();
        ((Map<?, ?>) saved).forEach((k, v) -> out.put((String) k, ((Number) v).doubleValue()));
        return out;
    }

    private static double[] numbers(Object list) {
        return ((List<?>) list).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }

    /** The input columns the encoder reads. */
    public List<String> inputColumns() {
        return encodings.stream().map(e -> e.column).toList();
    }

    /** The features of one row; NaN marks a missing value. The table must have the fitted columns. */
    public double[] encode(Table table, int row) {
        double[] out = new double[featureNames.size()];
        encode(columns(table), row, out);
        return out;
    }

    /** The table's columns this encoder reads, resolved once (looking a column up by name is a linear search). */
    public Column<?>[] columns(Table table) {
        Column<?>[] out = new Column<?>[encodings.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = table.column(encodings.get(i).column);
        }
        return out;
    }

    /** Writes the features of one row into {@code out}, reading the columns from {@link #columns(Table)}. */
    public void encode(Column<?>[] columns, int row, double[] out) {
        encodeRaw(columns, row, out);
        if (means == null && missing != null && missing.fill()) {
            for (int f = 0; f < out.length; f++) {
                if (Double.isNaN(out[f]) && !missing.seen()[f]) {
                    out[f] = missing.medians()[f];
                }
            }
        }
        if (means != null) {
            for (int f = 0; f < out.length; f++) {
                double v = out[f];
                if (Double.isNaN(v) && missing != null && !missing.seen()[f]) {
                    v = missing.medians()[f]; // new to the model: the training median, not the mean
                }
                out[f] = Double.isNaN(v) ? 0 : (v - means[f]) / scales[f];
            }
        }
    }

    private void encodeRaw(Column<?>[] columns, int row, double[] out) {
        int at = 0;
        for (int i = 0; i < columns.length; i++) {
            at = encodings.get(i).write(columns[i], row, out, at);
        }
    }

    private static ColumnEncoding fitColumn(Column<?> c, int[] rows) {
        if (c instanceof BooleanColumn || c instanceof NumberColumn) {
            return distinctNumbers(c, rows) > 1 ? new NumberEncoding(c.name(), c instanceof BooleanColumn) : null;
        }
        if (c instanceof DateColumn || c instanceof DateTimeColumn) {
            return distinctNumbers(c, rows) > 1 ? new DateEncoding(c.name(), c instanceof DateTimeColumn) : null;
        }
        Map<String, Integer> counts = new HashMap<>();
        int present = 0;
        for (int r : rows) {
            String v = Values.label(c, r);
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
                present++;
            }
        }
        if (counts.size() < 2 || (counts.size() > MAX_CATEGORIES && counts.size() > ID_LIKE_SHARE * present)) {
            return null;
        }
        List<String> kept = counts.entrySet().stream().filter(e -> e.getValue() >= MIN_CATEGORY_ROWS)
                .sorted((a, b) -> !a.getValue().equals(b.getValue()) ? b.getValue() - a.getValue()
                        : a.getKey().compareTo(b.getKey()))
                .limit(MAX_CATEGORIES).map(Map.Entry::getKey).toList();
        if (kept.isEmpty()) {
            return null;
        }
        Map<String, Double> frequencies = null;
        if (counts.size() > MAX_CATEGORIES) { // many values: each one's training share keeps what one-hot drops
            frequencies = new java.util.TreeMap<>();
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                frequencies.put(e.getKey(), e.getValue() / (double) present);
            }
        }
        List<String> rare = frequencies != null ? null : counts.keySet().stream().filter(v -> !kept.contains(v))
                .sorted().toList();
        return new CategoryEncoding(c.name(), kept, kept.size() < counts.size(), frequencies, rare);
    }

    private static String leftOutReason(Column<?> c, int[] rows) {
        if (!(c instanceof BooleanColumn || c instanceof NumberColumn || c instanceof DateColumn
                || c instanceof DateTimeColumn)) {
            Set<String> distinct = new HashSet<>();
            for (int r : rows) {
                String v = Values.label(c, r);
                if (v != null) {
                    distinct.add(v);
                }
            }
            if (distinct.size() > 1) {
                return distinct.size() > MAX_CATEGORIES ? "left out: nearly every value is different (an identifier "
                        + "or free text)" : "left out: no category is frequent enough to learn from";
            }
        }
        return "left out: a single value in the training rows";
    }

    private static int distinctNumbers(Column<?> c, int[] rows) {
        double first = Double.NaN;
        for (int r : rows) {
            double v = Values.number(c, r);
            if (Double.isNaN(v)) {
                continue;
            }
            if (Double.isNaN(first)) {
                first = v;
            } else if (v != first) {
                return 2;
            }
        }
        return Double.isNaN(first) ? 0 : 1;
    }

    /** How one column becomes features. */
    private abstract static class ColumnEncoding {
        final String column;

        ColumnEncoding(String column) {
            this.column = column;
        }

        /** Feature name suffixes (empty string: the column's own name). */
        abstract List<String> suffixes();

        /** The encoding's name in a saved state. */
        abstract String kind();

        abstract String describe();

        /** Writes this column's features of {@code row} at {@code at}; returns the next position. */
        abstract int write(Column<?> c, int row, double[] out, int at);
    }

    private static final class NumberEncoding extends ColumnEncoding {
        private final boolean bool;

        NumberEncoding(String column, boolean bool) {
            super(column);
            this.bool = bool;
        }

        @Override
        List<String> suffixes() {
            return List.of("");
        }

        @Override
        String describe() {
            return bool ? "true/false as 1/0" : "number as is; missing values left to the model";
        }

        @Override
        String kind() {
            return bool ? "boolean" : "number";
        }

        @Override
        int write(Column<?> c, int row, double[] out, int at) {
            if (c.isMissing(row)) {
                out[at] = Double.NaN;
            } else if (c instanceof BooleanColumn b) {
                out[at] = b.get(row) ? 1 : 0;
            } else if (c instanceof NumberColumn<?, ?> n) {
                out[at] = n.getDouble(row);
            } else {
                out[at] = Values.number(c, row);
            }
            return at + 1;
        }
    }

    private static final class DateEncoding extends ColumnEncoding {
        private final boolean withTime;

        DateEncoding(String column, boolean withTime) {
            super(column);
            this.withTime = withTime;
        }

        @Override
        List<String> suffixes() {
            return withTime ? List.of(" (day number)", " (month)", " (weekday)", " (hour)")
                    : List.of(" (day number)", " (month)", " (weekday)");
        }

        @Override
        String describe() {
            return withTime ? "date-time as day number, month, weekday and hour"
                    : "date as day number, month and weekday";
        }

        @Override
        String kind() {
            return withTime ? "datetime" : "date";
        }

        @Override
        int write(Column<?> c, int row, double[] out, int at) {
            int n = suffixes().size();
            if (c.isMissing(row)) {
                Arrays.fill(out, at, at + n, Double.NaN);
                return at + n;
            }
            LocalDate date;
            if (c instanceof DateTimeColumn dt) {
                LocalDateTime t = dt.get(row);
                date = t.toLocalDate();
                out[at + 3] = t.getHour();
            } else {
                date = ((DateColumn) c).get(row);
            }
            out[at] = date.toEpochDay();
            out[at + 1] = date.getMonthValue();
            out[at + 2] = date.getDayOfWeek().getValue();
            return at + n;
        }
    }

    private static final class CategoryEncoding extends ColumnEncoding {
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> categories;
        private final boolean other;
        /** Each training value's share of the rows with a value, for columns with many values; else null. */
        private final Map<String, Double> frequencies;
        /**
         * The training values folded into "other" for being rare, when the column has few values (with many, the
         * frequencies name them all); null when unknown (models saved before). Tells "rare" from "never seen".
         */
        private final List<String> rare;

        CategoryEncoding(String column, List<String> categories, boolean other, Map<String, Double> frequencies,
                         List<String> rare) {
            super(column);
            this.categories = categories;
            this.other = other;
            this.frequencies = frequencies;
            this.rare = rare;
            for (int i = 0; i < categories.size(); i++) {
                index.put(categories.get(i), i);
            }
        }

        @Override
        List<String> suffixes() {
            List<String> out = new ArrayList<>();
            categories.forEach(v -> out.add(" = " + v));
            if (other) {
                out.add(" = (other)");
            }
            if (frequencies != null) {
                out.add(" (frequency)");
            }
            return out;
        }

        @Override
        String kind() {
            return "category";
        }

        @Override
        String describe() {
            String oneHot = "one indicator per category (" + categories.size()
                    + (other ? " kept, the rarer ones as other)" : ")");
            return frequencies == null ? oneHot : oneHot + ", and each value's share of the training rows ("
                    + frequencies.size() + " values; unseen ones 0)";
        }

        @Override
        int write(Column<?> c, int row, double[] out, int at) {
            int n = categories.size() + (other ? 1 : 0);
            Arrays.fill(out, at, at + n, 0);
            String v = Values.label(c, row);
            if (v != null) {
                Integer i = index.get(v);
                if (i != null) {
                    out[at + i] = 1;
                } else if (other) {
                    out[at + categories.size()] = 1;
                }
            }
            if (frequencies == null) {
                return at + n;
            }
            out[at + n] = v == null ? Double.NaN : frequencies.getOrDefault(v, 0.0);
            return at + n + 1;
        }
    }
}
