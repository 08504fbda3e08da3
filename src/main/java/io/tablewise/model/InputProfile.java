package io.tablewise.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.ml.Values;
import io.tablewise.node.ColumnKind;
import io.tablewise.node.ColumnSchema;
import io.tablewise.node.TableSchema;

/**
 * What the model saw of each raw input column on its training rows: the range and median of numbers, the earliest,
 * latest and middle dates, and the most frequent values of everything else. The what-if form starts from the
 * typical values and shows the ranges; it is kept in the model's manifest ({@code info.inputProfile}).
 */
public final class InputProfile {
    /** Values listed per text or true/false column, most frequent first. */
    static final int MOST_VALUES = 50;

    /**
     * One input column.
     *
     * @param name the column
     * @param kind its type at training time
     * @param min the smallest value (numbers), else NaN
     * @param max the largest value (numbers), else NaN
     * @param typical the value the what-if form starts with: the median of numbers and dates, else the most
     *     frequent value (null when the column had no values)
     * @param low the earliest value as text (dates), the smallest (numbers), else null
     * @param high the latest value as text (dates), the largest (numbers), else null
     * @param values the most frequent values (text and true/false), most frequent first
     */
    public record Input(String name, ColumnKind kind, double min, double max, String typical, String low,
                         String high, List<String> values) {
        /** Copies the list. */
        public Input {
            values = List.copyOf(values);
        }
    }

    private InputProfile() {
    }

    /** The profile of {@code columns} of {@code source} on the rows {@code rows}, as manifest entries. */
    static List<Map<String, Object>> measure(Table source, List<String> columns, int[] rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String name : columns) {
            Column<?> c = source.column(name);
            ColumnKind kind = TableSchema.describe(c).kind();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", name);
            entry.put("type", kind.id());
            if (kind.isNumeric()) {
                double[] v = Arrays.stream(rows).filter(r -> !c.isMissing(r))
                        .mapToDouble(r -> ((Number) c.get(r)).doubleValue()).sorted().toArray();
                if (v.length > 0) {
                    entry.put("min", v[0]);
                    entry.put("max", v[v.length - 1]);
                    entry.put("median", median(v));
                }
            } else if (kind == ColumnKind.DATE || kind == ColumnKind.DATETIME) {
                List<String> v = Arrays.stream(rows).filter(r -> !c.isMissing(r)).mapToObj(c::getString).sorted()
                        .toList(); // ISO text sorts as time does
                if (!v.isEmpty()) {
                    entry.put("low", v.get(0));
                    entry.put("high", v.get(v.size() - 1));
                    entry.put("typical", v.get(v.size() / 2));
                }
            } else {
                Map<String, Integer> counts = new HashMap<>();
                for (int r : rows) {
                    String label = Values.label(c, r);
                    if (label != null) {
                        counts.merge(label, 1, Integer::sum);
                    }
                }
                List<String> values = counts.entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                        .limit(MOST_VALUES).map(Map.Entry::getKey).toList();
                entry.put("values", values);
            }
            out.add(entry);
        }
        return out;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * The profile of a model's inputs; a model saved before profiles were kept gets its inputs' names and types
     * with no ranges or values.
     */
    @SuppressWarnings("unchecked")
    public static List<Input> of(TrainedModel m) {
        Map<String, Map<String, Object>> byName = new HashMap<>();
        if (m.info().get("inputProfile") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> e && e.get("name") instanceof String n) {
                    byName.put(n, (Map<String, Object>) e);
                }
            }
        }
        List<Input> out = new ArrayList<>();
        for (ColumnSchema input : m.inputs()) {
            Map<String, Object> e = byName.getOrDefault(input.name(), Map.of());
            double min = number(e.get("min"));
            double max = number(e.get("max"));
            List<String> values = e.get("values") instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                    : List.of();
            String typical;
            if (input.kind().isNumeric()) {
                double median = number(e.get("median"));
                typical = Double.isNaN(median) ? null : plain(median, input.kind());
            } else if (e.get("typical") instanceof String t) {
                typical = t;
            } else {
                typical = values.isEmpty() ? null : values.get(0);
            }
            String low = input.kind().isNumeric() ? (Double.isNaN(min) ? null : plain(min, input.kind()))
                    : (String) e.get("low");
            String high = input.kind().isNumeric() ? (Double.isNaN(max) ? null : plain(max, input.kind()))
                    : (String) e.get("high");
            out.add(new Input(input.name(), input.kind(), min, max, typical, low, high, values));
        }
        return out;
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** A number as an analyst would type it: integers without a decimal point, others without trailing zeros. */
    static String plain(double v, ColumnKind kind) {
        if (kind == ColumnKind.INTEGER || v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString(Math.round(v));
        }
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(6)).stripTrailingZeros()
                .toPlainString();
    }

    /**
     * The raw inputs the model cannot be influenced by: the transforms saved with it drop or ignore them (an
     * identifier, say). Found by trying each input at its typical value, missing, its extremes and its frequent values
     * on the typical row, and comparing the features the model then receives; an empty set when nothing can be
     * ruled out.
     */
    public static java.util.Set<String> unused(TrainedModel m) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        if (m.chain().steps().isEmpty()) {
            return out; // the model reads its inputs as they are
        }
        List<Input> inputs = of(m);
        Map<String, String> typical = new LinkedHashMap<>();
        inputs.forEach(i -> typical.put(i.name(), i.typical() == null ? "" : i.typical()));
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(typical);
        List<String> probed = new ArrayList<>();
        for (Input i : inputs) {
            java.util.Set<String> probes = new java.util.LinkedHashSet<>();
            probes.add("");
            if (i.low() != null) {
                probes.add(i.low());
                probes.add(i.high());
            }
            i.values().stream().limit(4).forEach(probes::add);
            probes.remove(typical.get(i.name()));
            for (String p : probes) {
                Map<String, String> row = new LinkedHashMap<>(typical);
                row.put(i.name(), p);
                rows.add(row);
                probed.add(i.name());
            }
        }
        try {
            Table ready = m.chain().apply(Predictor.conform(m, WhatIf.texts(m, rows), w -> { }),
                    io.tablewise.transform.TransformContext.NONE);
            if (ready.rowCount() != rows.size()) {
                return out; // the transforms change the number of rows: rows cannot be compared one to one
            }
            Column<?>[] columns = m.model().encoder().columns(ready);
            double[] base = new double[m.model().encoder().featureNames().size()];
            double[] x = new double[base.length];
            m.model().encoder().encode(columns, 0, base);
            java.util.Set<String> used = new java.util.HashSet<>();
            for (int r = 1; r < rows.size(); r++) {
                m.model().encoder().encode(columns, r, x);
                if (!Arrays.equals(base, x)) {
                    used.add(probed.get(r - 1));
                }
            }
            inputs.stream().map(Input::name).filter(n -> !used.contains(n)).forEach(out::add);
        } catch (io.tablewise.node.NodeException | RuntimeException e) {
            out.clear(); // nothing ruled out when the probes cannot be scored
        }
        return out;
    }
}
