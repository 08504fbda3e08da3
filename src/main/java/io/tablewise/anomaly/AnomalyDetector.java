package io.tablewise.anomaly;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.node.NodeException;

/**
 * Scores every row of a table for how unusual it is (an isolation forest over the encoded columns: numbers as they
 * are, date-times by their time of day, dates by their day of the week, categories by how common their value is), flags the expected share of rows, and says for each
 * flagged row which columns made it unusual: a value in a far tail, a rare category, or — when no single value is
 * odd — the columns whose combination isolated it.
 */
public final class AnomalyDetector {
    /** Trees in the forest. */
    static final int TREES = 200;
    /** Rows each tree samples. */
    static final int SAMPLE = 256;
    /** A tail this far out is called unusual (two-sided). */
    static final double TAIL = 0.005;
    /** A category this rare is called unusual. */
    static final double RARE = 0.01;

    private AnomalyDetector() {
    }

    /**
     * What to look at.
     *
     * @param share the share of rows to flag (0 < share < 0.5)
     * @param exclude columns left out (identifiers, the label)
     * @param seed the forest's seed
     */
    public record Options(double share, List<String> exclude, long seed) {
        /** Checks the share. */
        public Options {
            if (!(share > 0 && share < 0.5)) {
                throw new IllegalArgumentException("the share of rows to flag must be between 0 and 0.5, not "
                        + share);
            }
            exclude = List.copyOf(exclude);
        }
    }

    /** One encoded column: its values per row, and how to describe a row's value. */
    record Feature(String column, double[] values, boolean categorical, double[] sorted,
                   Map<String, Double> shares, Column<?> source, double[] raw) {
    }

    /**
     * Scores {@code table}.
     *
     * @throws NodeException when no column can be used or there are too few rows
     */
    public static AnomalyReport detect(Table table, Options o) throws NodeException {
        return fit(table, o).trainingReport();
    }

    /**
     * Scores {@code table} and keeps the detector (its columns' encodings, the forest, the threshold) to score new
     * rows the same way.
     *
     * @throws NodeException when no column can be used or there are too few rows
     */
    public static AnomalyModel fit(Table table, Options o) throws NodeException {
        int n = table.rowCount();
        if (n < 20) {
            throw new NodeException(null, "anomaly detection needs at least 20 rows to know what is usual; the table "
                    + "has " + n);
        }
        List<Feature> features = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            if (o.exclude().contains(c.name())) {
                continue;
            }
            Feature f = encode(c, n);
            if (f == null) {
                leftOut.add(c.name());
            } else {
                features.add(f);
            }
        }
        if (features.isEmpty()) {
            throw new NodeException("exclude", "no column can be scored: every one is excluded, constant or "
                    + "an identifier (a different value on nearly every row)");
        }
        double[][] x = new double[n][features.size()];
        for (int j = 0; j < features.size(); j++) {
            double[] v = features.get(j).values();
            for (int i = 0; i < n; i++) {
                x[i][j] = v[i];
            }
        }
        IsolationForest forest = IsolationForest.fit(x, TREES, SAMPLE, o.seed());
        double[] scores = new double[n];
        double[][] credit = new double[n][features.size()];
        double[] meanCredit = new double[features.size()];
        for (int i = 0; i < n; i++) {
            scores[i] = forest.score(x[i], credit[i]);
            for (int j = 0; j < features.size(); j++) {
                meanCredit[j] += credit[i][j] / n;
            }
        }
        double[] sortedScores = scores.clone();
        Arrays.sort(sortedScores);
        int flaggedCount = Math.max(1, (int) Math.round(o.share() * n));
        double threshold = sortedScores[n - flaggedCount];
        boolean[] flagged = new boolean[n];
        String[] reasons = new String[n];
        for (int i = 0; i < n; i++) {
            flagged[i] = scores[i] >= threshold;
            reasons[i] = flagged[i] ? reason(features, i, credit[i], meanCredit) : "";
        }
        AnomalyReport report = new AnomalyReport(scores, flagged, reasons, threshold, features.stream()
                .map(Feature::column).toList(), leftOut);
        return new AnomalyModel(features.stream().map(AnomalyModel.Encoding::of).toList(), forest, meanCredit,
                threshold, o.share(), leftOut, report);
    }

    /** Numbers, booleans and dates as numbers; categories by their share; null for a column that cannot help. */
    private static Feature encode(Column<?> c, int n) {
        double[] v = new double[n];
        if (c instanceof NumericColumn<?> || c instanceof BooleanColumn || c instanceof DateColumn
                || c instanceof DateTimeColumn || c instanceof InstantColumn) {
            int present = 0;
            for (int i = 0; i < n; i++) {
                v[i] = c.isMissing(i) ? Double.NaN : number(c, i);
                if (!Double.isNaN(v[i])) {
                    present++;
                }
            }
            double[] sorted = Arrays.stream(v).filter(d -> !Double.isNaN(d)).sorted().toArray();
            if (present == 0 || sorted[0] == sorted[sorted.length - 1]) {
                return null;
            }
            double median = sorted[sorted.length / 2];
            double[] filled = new double[n];
            for (int i = 0; i < n; i++) {
                filled[i] = Double.isNaN(v[i]) ? median : v[i];
            }
            return new Feature(c.name(), filled, false, sorted, Map.of(), c, v);
        }
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            counts.merge(c.isMissing(i) ? "" : c.getString(i), 1, Integer::sum);
        }
        if (counts.size() <= 1 || counts.size() > Math.max(50, n / 2)) {
            return null; // constant, or an identifier
        }
        Map<String, Double> shares = new HashMap<>();
        counts.forEach((k, m) -> shares.put(k, m / (double) n));
        for (int i = 0; i < n; i++) {
            v[i] = shares.get(c.isMissing(i) ? "" : c.getString(i));
        }
        return new Feature(c.name(), v, true, null, shares, c, v);
    }

    static double number(Column<?> c, int i) {
        if (c instanceof NumericColumn<?> x) {
            return x.getDouble(i);
        }
        if (c instanceof BooleanColumn b) {
            return b.get(i) ? 1 : 0;
        }
        // a timestamp runs through the data, so its tails are only the first and last days: what can be unusual is
        // the time of day (date-times) or the day of the week (dates)
        if (c instanceof DateColumn d) {
            return d.get(i).getDayOfWeek().getValue();
        }
        java.time.LocalTime t = c instanceof DateTimeColumn d ? d.get(i).toLocalTime()
                : ((InstantColumn) c).get(i).atZone(java.time.ZoneOffset.UTC).toLocalTime();
        return t.toSecondOfDay() / 3600.0;
    }

    /** The columns that made row {@code i} unusual, in words. */
    static String reason(List<Feature> features, int i, double[] credit, double[] meanCredit) {
        List<String> said = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (Feature f : features) {
            if (f.categorical()) {
                Column<?> c = f.source();
                String value = c.isMissing(i) ? "" : c.getString(i);
                double share = f.shares().getOrDefault(value, 0.0);
                if (share == 0) { // a new row's value the detector never saw
                    said.add(String.format(Locale.ROOT, "'%s' = '%s' was never seen when the detector was made",
                            f.column(), value.isEmpty() ? "(blank)" : value));
                    columns.add(f.column());
                } else if (share < RARE) {
                    said.add(String.format(Locale.ROOT, "'%s' = '%s' is in only %s of rows", f.column(),
                            value.isEmpty() ? "(blank)" : value, percent(share)));
                    columns.add(f.column());
                }
            } else if (!f.source().isMissing(i)) {
                double v = f.raw()[i];
                int m = f.sorted().length;
                double atMost = upperBound(f.sorted(), v) / (double) m; // rows with this value or less
                double atLeast = (m - lowerBound(f.sorted(), v)) / (double) m; // this value or more
                if (atLeast < TAIL) {
                    said.add(String.format(Locale.ROOT, "'%s' %s is higher than %s of rows", f.column(),
                            shown(f, i), percent(1 - atLeast)));
                    columns.add(f.column());
                } else if (atMost < TAIL) {
                    said.add(String.format(Locale.ROOT, "'%s' %s is lower than %s of rows", f.column(),
                            shown(f, i), percent(1 - atMost)));
                    columns.add(f.column());
                }
            }
        }
        // no single value is odd, or more is at work: the columns whose splits isolated the row unusually early
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < features.size(); j++) {
            if (meanCredit[j] > 0 && credit[j] > meanCredit[j] && !columns.contains(features.get(j).column())) {
                order.add(j);
            }
        }
        order.sort((a, b) -> Double.compare(credit[b] / meanCredit[b], credit[a] / meanCredit[a]));
        if (said.isEmpty() && order.isEmpty() && features.size() == 1) {
            order.add(0); // one column: it alone isolated the row, though its value is in no tail
        }
        if (said.isEmpty() && order.size() == 1) {
            // a value inside the range that isolated the row quickly: it sits in a gap between the crowds
            Feature f = features.get(order.get(0));
            said.add(String.format(Locale.ROOT, "'%s' %s lies where few rows' values do", f.column(),
                    f.source().isMissing(i) ? "(blank)" : shown(f, i)));
        } else if (said.isEmpty() && !order.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (int j : order.subList(0, Math.min(3, order.size()))) {
                Feature f = features.get(j);
                parts.add("'" + f.column() + "' " + (f.source().isMissing(i) ? "(blank)" : shown(f, i)));
            }
            said.add("an unusual combination of " + String.join(", ", parts));
        }
        if (said.isEmpty() && features.size() <= 3) {
            return "unusual in " + String.join(" and ", features.stream().map(f -> "'" + f.column() + "'")
                    .toList()) + " together, none alone";
        }
        return said.isEmpty() ? "unusual across many columns, none alone" : String.join("; ", said);
    }

    /** A row's value as the reason names it: the hour of a date-time, else the cell as written. */
    private static String shown(Feature f, int i) {
        if (f.source() instanceof DateTimeColumn || f.source() instanceof InstantColumn) {
            return String.format(Locale.ROOT, "%02d:%02d", (int) f.raw()[i], Math.round(f.raw()[i] % 1 * 60) % 60);
        }
        if (f.source() instanceof DateColumn) {
            return ((DateColumn) f.source()).get(i).getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL,
                    Locale.ENGLISH);
        }
        return f.source().getString(i);
    }

    private static String percent(double share) {
        return share >= 0.995 || share < 0.001 ? String.format(Locale.ROOT, "%.2f%%", 100 * share)
                : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    private static int lowerBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
