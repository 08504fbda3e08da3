package io.tablewise.insights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.ml.Values;

/**
 * The most anomalous rows of a sample. A row's score is the mean of its columns' surprise: for numbers the
 * squared robust z-score {@code ((x - median) / (1.4826 * MAD))^2}, capped at 100; for categories
 * {@code -log10} of the value's share when it is rarer than 1%, capped at 6. Missing values add nothing. The
 * reason names the columns that contribute most.
 */
final class Anomalies {
    private Anomalies() {
    }

    static List<RowSample> find(Table table, List<ColumnProfile> profiles, int[] rows, int show) {
        List<double[]> contributions = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (ColumnProfile p : profiles) {
            Column<?> c = table.column(p.name());
            if (p.semanticType() == SemanticType.NUMERIC && p.numeric() != null) {
                double[] x = Arrays.stream(rows).mapToDouble(r -> Values.number(c, r)).toArray();
                double median = p.numeric().median();
                double[] deviations = Arrays.stream(x).filter(v -> !Double.isNaN(v)).map(v -> Math.abs(v - median))
                        .sorted().toArray();
                double mad = deviations.length == 0 ? 0 : ColumnProfiler.quantile(deviations, 0.5) * 1.4826;
                if (mad > 0) {
                    contributions.add(Arrays.stream(x).map(v -> Double.isNaN(v) ? 0
                            : Math.min(100, Math.pow((v - median) / mad, 2))).toArray());
                    used.add(p.name());
                }
            } else if (p.semanticType() == SemanticType.CATEGORICAL || p.semanticType() == SemanticType.BINARY) {
                Map<String, Integer> counts = new HashMap<>();
                String[] labels = new String[rows.length];
                for (int k = 0; k < rows.length; k++) {
                    labels[k] = Values.label(c, rows[k]);
                    if (labels[k] != null) {
                        counts.merge(labels[k], 1, Integer::sum);
                    }
                }
                double[] s = new double[rows.length];
                for (int k = 0; k < rows.length; k++) {
                    if (labels[k] != null) {
                        double share = counts.get(labels[k]) / (double) rows.length;
                        s[k] = share < 0.01 ? Math.min(6, -Math.log10(share)) : 0;
                    }
                }
                contributions.add(s);
                used.add(p.name());
            }
        }
        if (used.isEmpty() || rows.length == 0) {
            return List.of();
        }
        double[] score = new double[rows.length];
        for (double[] c : contributions) {
            for (int k = 0; k < rows.length; k++) {
                score[k] += c[k] / used.size();
            }
        }
        Integer[] order = new Integer[rows.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -score[i]).thenComparingInt(i -> i));
        List<RowSample> out = new ArrayList<>();
        for (int k = 0; k < Math.min(show, rows.length) && score[order[k]] > 0; k++) {
            int i = order[k];
            Integer[] cols = new Integer[used.size()];
            Arrays.setAll(cols, j -> j);
            Arrays.sort(cols, Comparator.comparingDouble((Integer j) -> -contributions.get(j)[i]));
            List<String> top = new ArrayList<>();
            for (int j = 0; j < Math.min(3, cols.length) && contributions.get(cols[j])[i] > 0; j++) {
                top.add(used.get(cols[j]));
            }
            out.add(new RowSample(rows[i], DuplicateRows.rowValues(table, rows[i]), score[i],
                    String.format(Locale.ROOT, "unusual %s", String.join(", ", top))));
        }
        return out;
    }
}
