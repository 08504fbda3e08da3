package io.tablewise.transform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.ml.Stats;

/**
 * What a learning transform needs from its training rows, as column aggregates, and how its fitted state follows
 * from them. An engine that cannot hand the transform the rows (Spark, where they lie on many machines) computes the
 * aggregates its own way and gets the same state; {@link #fit(Table)} computes them here, and a contract test pins
 * it to the transform's own {@link Transform#fit}.
 *
 * @param needs the aggregates, each of one column
 * @param state the fitted state from the aggregates' values (NaN for a number of no values, an empty map for the
 *     counts of no values)
 */
public record LearnedFrom(List<Need> needs, Function<Map<Need, Object>, FittedState> state) {
    /** Copies the list. */
    public LearnedFrom {
        needs = List.copyOf(needs);
    }

    /** A kind of column aggregate over the present (non-missing) values. */
    public enum Kind {
        /** The mean of the numbers. */
        MEAN,
        /** The population standard deviation of the numbers. */
        POPULATION_STD,
        /** The smallest number. */
        MIN,
        /** The largest number. */
        MAX,
        /** The quantile {@code q} of the numbers, linearly interpolated between the closest ranks. */
        QUANTILE,
        /** The median absolute deviation from the median (the median of |x − median|, interpolated as QUANTILE). */
        MEDIAN_ABSOLUTE_DEVIATION,
        /** How many times each text (or true/false) value occurs: a map from the value to its count. */
        COUNTS,
        /** How many rows there are, missing values included. */
        ROWS,
        /**
         * For each present text of the column, how many times each present text of {@code other} occurs with it: a
         * map from the value to a map from the other's value to its count (a cross table).
         */
        CROSS_COUNTS,
        /**
         * For each present text of the column, the sum and the count of the present numbers of {@code other} in its
         * rows: a map from the value to {"sum": s, "count": n}.
         */
        SUMS_BY;

        /** Whether the aggregate is a map by the column's values, added up over parts of the rows ({@link #part}). */
        public boolean byValue() {
            return this == CROSS_COUNTS || this == SUMS_BY;
        }
    }

    /**
     * One aggregate.
     *
     * @param column the column
     * @param kind what of it
     * @param q for {@link Kind#QUANTILE}, which (0..1); else 0
     * @param other for {@link Kind#CROSS_COUNTS} and {@link Kind#SUMS_BY}, the second column; else null
     */
    public record Need(String column, Kind kind, double q, String other) implements java.io.Serializable {
        /** An aggregate of one column. */
        public Need(String column, Kind kind, double q) {
            this(column, kind, q, null);
        }

        /** An aggregate without a quantile. */
        public static Need of(String column, Kind kind) {
            return new Need(column, kind, 0);
        }

        /** An aggregate of a column by the values of another. */
        public static Need by(String column, Kind kind, String other) {
            return new Need(column, kind, 0, other);
        }
    }

    /** The state learned from {@code rows}, through the aggregates (as another engine computes them). */
    public FittedState fit(Table rows) {
        Map<Need, Object> values = new HashMap<>();
        Map<String, double[]> sorted = new HashMap<>();
        for (Need n : needs) {
            if (n.kind() == Kind.COUNTS) {
                values.put(n, counts(rows.column(n.column())));
                continue;
            }
            if (n.kind() == Kind.ROWS) {
                values.put(n, (long) rows.rowCount());
                continue;
            }
            if (n.kind().byValue()) {
                values.put(n, part(n, rows));
                continue;
            }
            double[] v = sorted.computeIfAbsent(n.column(), c -> Arrays.stream(Columns.numbers(rows, c))
                    .filter(x -> !Double.isNaN(x)).sorted().toArray());
            values.put(n, switch (n.kind()) {
                case MEAN -> Stats.mean(v);
                case POPULATION_STD -> Stats.populationStd(v);
                case MIN -> v.length == 0 ? Double.NaN : v[0];
                case MAX -> v.length == 0 ? Double.NaN : v[v.length - 1];
                case QUANTILE -> Stats.quantile(v, n.q());
                case MEDIAN_ABSOLUTE_DEVIATION -> medianAbsoluteDeviation(v);
                case COUNTS, ROWS, CROSS_COUNTS, SUMS_BY -> throw new IllegalStateException();
            });
        }
        return state.apply(values);
    }

    /** The median of |x − median| of sorted numbers (NaN for none). */
    static double medianAbsoluteDeviation(double[] sorted) {
        double median = Stats.quantile(sorted, 0.5);
        return Stats.quantile(Arrays.stream(sorted).map(x -> Math.abs(x - median)).sorted().toArray(), 0.5);
    }

    /**
     * A by-value aggregate ({@link Kind#byValue()}) over some rows: the aggregate over all rows is the sum of the
     * parts' ({@link #merge}), so an engine that holds the rows in parts computes each part with this very code.
     */
    public static Map<String, Map<String, Double>> part(Need n, Table rows) {
        Column<?> c = rows.column(n.column());
        Column<?> o = rows.column(n.other());
        double[] numbers = n.kind() == Kind.SUMS_BY ? Columns.numbers(rows, n.other()) : null;
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (int i = 0; i < c.size(); i++) {
            String v = Cells.text(c, i);
            if (v == null) {
                continue;
            }
            if (numbers != null) {
                if (!Double.isNaN(numbers[i])) {
                    Map<String, Double> s = out.computeIfAbsent(v, k -> new LinkedHashMap<>());
                    s.merge("sum", numbers[i], Double::sum);
                    s.merge("count", 1.0, Double::sum);
                }
            } else {
                String w = Cells.text(o, i);
                if (w != null) {
                    out.computeIfAbsent(v, k -> new LinkedHashMap<>()).merge(w, 1.0, Double::sum);
                }
            }
        }
        return out;
    }

    /** Adds a part's by-value aggregate into a total. */
    public static void merge(Map<String, Map<String, Double>> into, Map<String, Map<String, Double>> part) {
        part.forEach((v, m) -> m.forEach((k, x) -> into.computeIfAbsent(v, y -> new LinkedHashMap<>()).merge(k, x,
                Double::sum)));
    }

    /** Each present value's count, as text (true/false for booleans). */
    static Map<String, Long> counts(Column<?> c) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < c.size(); i++) {
            String v = Cells.text(c, i);
            if (v != null) {
                out.merge(v, 1L, Long::sum);
            }
        }
        return out;
    }

    /** The values of a count map, most frequent first, ties in text order (how one-hot and the mode choose). */
    public static List<String> byFrequency(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort((a, b) -> !a.getValue().equals(b.getValue()) ? Long.compare(b.getValue(), a.getValue())
                : a.getKey().compareTo(b.getKey()));
        return entries.stream().map(Map.Entry::getKey).toList();
    }

    /** A number aggregate's value: NaN when there were no values. */
    public static double number(Map<Need, Object> values, Need n) {
        return values.get(n) instanceof Number x ? x.doubleValue() : Double.NaN;
    }
}
