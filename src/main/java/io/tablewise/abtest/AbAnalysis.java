package io.tablewise.abtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.tablewise.capture.CaptureRecord;

/**
 * Works an A/B report out of captured rows and their outcomes. The control is the production variant with the most
 * rows; every other variant (the shadow too, which scored copies of the same requests) is compared with it.
 * <ul>
 *   <li>AUC and RMSE: a 95% percentile bootstrap (1,000 resamples of each variant's labelled rows, seeded) for the
 *       value and for the difference; the p-value is twice the share of resampled differences on the other side of
 *       0.</li>
 *   <li>Rates (accuracy, the share of positive outcomes, i.e. conversion): Wilson intervals, and a two-proportion
 *       z-test for the difference.</li>
 * </ul>
 * A comparison needs at least {@value #MIN_LABELLED} labelled rows on each side; fewer is said in a note.
 */
public final class AbAnalysis {
    /** Labelled rows a variant needs before it is compared. */
    public static final int MIN_LABELLED = 30;
    private static final int RESAMPLES = 1000;
    private static final double Z95 = 1.959963984540054;

    private AbAnalysis() {
    }

    /** One labelled row of a variant. */
    private record Labelled(double score, String predicted, String actual) {
    }

    /** A variant's rows. */
    private static final class Rows {
        final String name;
        final boolean shadow;
        final Set<String> versions = new LinkedHashSet<>();
        final Map<String, Double> latencyByRequest = new LinkedHashMap<>();
        final List<Labelled> labelled = new ArrayList<>();
        int rows;

        Rows(String name, boolean shadow) {
            this.name = name;
            this.shadow = shadow;
        }
    }

    /** The report; {@code seed} fixes the bootstrap. */
    public static AbReport analyse(List<CaptureRecord> records, Outcomes outcomes, long seed) {
        List<String> notes = new ArrayList<>();
        String kind = "regression";
        String positive = null;
        for (CaptureRecord r : records) {
            if (!r.probabilities().isEmpty()) {
                List<String> classes = new ArrayList<>(r.probabilities().keySet());
                kind = classes.size() == 2 ? "binary" : "multiclass";
                positive = classes.size() == 2 ? classes.get(1) : null;
                break;
            }
        }
        Map<String, Rows> byVariant = new LinkedHashMap<>();
        int labelled = 0;
        for (CaptureRecord r : records) {
            Rows v = byVariant.computeIfAbsent(r.variant() + (r.shadow() ? " (shadow)" : ""),
                    k -> new Rows(r.variant(), r.shadow()));
            v.rows++;
            v.versions.add(r.version());
            v.latencyByRequest.putIfAbsent(r.requestId(), r.latencyMs());
            String actual = outcomes == null ? null : outcomes.of(r);
            if (actual == null) {
                continue;
            }
            double score = positive != null ? r.probabilities().getOrDefault(positive, Double.NaN)
                    : kind.equals("regression") ? parse(r.prediction()) : Double.NaN;
            v.labelled.add(new Labelled(score, r.prediction(), actual));
            labelled++;
        }
        List<Rows> ordered = new ArrayList<>(byVariant.values());
        ordered.sort(Comparator.comparing((Rows v) -> v.shadow).thenComparing(v -> -v.rows));
        long production = ordered.stream().filter(v -> !v.shadow).mapToLong(v -> v.rows).sum();
        Random random = new Random(seed);
        List<AbReport.VariantResult> results = new ArrayList<>();
        for (Rows v : ordered) {
            results.add(result(v, kind, positive, production, random, notes));
        }
        List<AbReport.Comparison> comparisons = new ArrayList<>();
        Rows control = ordered.isEmpty() || ordered.get(0).shadow ? null : ordered.get(0);
        for (Rows v : ordered) {
            if (control == null || v == control) {
                continue;
            }
            if (v.labelled.size() < MIN_LABELLED || control.labelled.size() < MIN_LABELLED) {
                notes.add(String.format(Locale.ROOT, "%s is not compared with %s: %,d and %,d rows have an outcome; "
                        + "a comparison needs %d on each side", label(v), label(control), v.labelled.size(),
                        control.labelled.size(), MIN_LABELLED));
                continue;
            }
            comparisons.addAll(compare(v, control, kind, positive, random));
        }
        if (outcomes == null || outcomes.size() == 0) {
            notes.add("no outcomes yet: send them to POST /feedback, or give a labels file with --labels and --key; "
                    + "traffic and latency are reported meanwhile");
        } else if (labelled == 0) {
            notes.add("none of the " + outcomes.size() + " outcomes matches a captured row"
                    + (outcomes.key() == null ? " (by request id and row)" : " (by '" + outcomes.key() + "')"));
        }
        return new AbReport(kind, positive, results, comparisons, labelled, records.size(), notes);
    }

    private static String label(Rows v) {
        return v.shadow && !v.name.equalsIgnoreCase("shadow") ? v.name + " (shadow)" : v.name;
    }

    private static AbReport.VariantResult result(Rows v, String kind, String positive, long production, Random random,
                                                 List<String> notes) {
        double[] latency = v.latencyByRequest.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        List<AbReport.Estimate> metrics = new ArrayList<>();
        List<Labelled> l = v.labelled;
        if (!l.isEmpty()) {
            switch (kind) {
                case "binary" -> {
                    Auc auc = Auc.of(l, positive);
                    if (auc.defined()) {
                        double[] boot = sorted(auc.bootstrap(random, RESAMPLES));
                        metrics.add(new AbReport.Estimate("auc", auc.value(), quantile(boot, 0.025),
                                quantile(boot, 0.975), "bootstrap"));
                    } else {
                        notes.add(label(v) + ": AUC needs outcomes of both classes; all " + l.size() + " are '"
                                + l.get(0).actual() + "'");
                    }
                    metrics.add(wilson("accuracy", count(l, x -> x.predicted().equals(x.actual())), l.size()));
                    metrics.add(wilson("positiveRate", count(l, x -> x.actual().equals(positive)), l.size()));
                    metrics.add(wilson("predictedPositiveRate", count(l, x -> x.predicted().equals(positive)),
                            l.size()));
                }
                case "multiclass" -> metrics.add(wilson("accuracy", count(l, x -> x.predicted().equals(x.actual())),
                        l.size()));
                default -> {
                    double[][] pairs = numeric(l);
                    if (pairs[0].length > 0) {
                        double[] boot = sorted(bootstrapRmse(pairs, random));
                        metrics.add(new AbReport.Estimate("rmse", rmse(pairs, null), quantile(boot, 0.025),
                                quantile(boot, 0.975), "bootstrap"));
                    }
                }
            }
        }
        return new AbReport.VariantResult(v.name, v.shadow, List.copyOf(v.versions), v.latencyByRequest.size(), v.rows,
                v.shadow || production == 0 ? Double.NaN : v.rows / (double) production, quantile(latency, 0.5),
                quantile(latency, 0.95), l.size(), metrics);
    }

    private static List<AbReport.Comparison> compare(Rows v, Rows c, String kind, String positive, Random random) {
        List<AbReport.Comparison> out = new ArrayList<>();
        switch (kind) {
            case "binary" -> {
                Auc a = Auc.of(v.labelled, positive);
                Auc b = Auc.of(c.labelled, positive);
                if (a.defined() && b.defined()) {
                    double[] da = a.bootstrap(random, RESAMPLES);
                    double[] db = b.bootstrap(random, RESAMPLES);
                    out.add(bootstrapComparison(v, c, "AUC", a.value() - b.value(), da, db, true));
                }
                out.add(proportions(v, c, "positive-outcome rate (conversion)", count(v.labelled,
                        x -> x.actual().equals(positive)), count(c.labelled, x -> x.actual().equals(positive)), true));
            }
            case "multiclass" -> out.add(proportions(v, c, "accuracy", count(v.labelled,
                    x -> x.predicted().equals(x.actual())), count(c.labelled, x -> x.predicted().equals(x.actual())),
                    true));
            default -> {
                double[][] pv = numeric(v.labelled);
                double[][] pc = numeric(c.labelled);
                if (pv[0].length > 0 && pc[0].length > 0) {
                    out.add(bootstrapComparison(v, c, "RMSE", rmse(pv, null) - rmse(pc, null),
                            bootstrapRmse(pv, random), bootstrapRmse(pc, random), false));
                }
            }
        }
        return out;
    }

    private static AbReport.Comparison bootstrapComparison(Rows v, Rows c, String metric, double difference,
                                                           double[] dv, double[] dc, boolean higherIsBetter) {
        double[] d = new double[Math.min(dv.length, dc.length)];
        int below = 0;
        int above = 0;
        for (int i = 0; i < d.length; i++) {
            d[i] = dv[i] - dc[i];
            below += d[i] <= 0 ? 1 : 0;
            above += d[i] >= 0 ? 1 : 0;
        }
        Arrays.sort(d);
        double p = Math.min(1, Math.max(1.0 / d.length, 2.0 * Math.min(below, above) / d.length));
        return comparison(v, c, metric, difference, quantile(d, 0.025), quantile(d, 0.975), p,
                "percentile bootstrap of the difference, " + d.length + " resamples", higherIsBetter, false);
    }

    private static AbReport.Comparison proportions(Rows v, Rows c, String metric, int xv, int xc,
                                                   boolean higherIsBetter) {
        int nv = v.labelled.size();
        int nc = c.labelled.size();
        double pv = xv / (double) nv;
        double pc = xc / (double) nc;
        double pooled = (xv + xc) / (double) (nv + nc);
        double se0 = Math.sqrt(pooled * (1 - pooled) * (1.0 / nv + 1.0 / nc));
        double z = se0 == 0 ? 0 : (pv - pc) / se0;
        double p = 2 * (1 - normalCdf(Math.abs(z)));
        double se = Math.sqrt(pv * (1 - pv) / nv + pc * (1 - pc) / nc);
        return comparison(v, c, metric, pv - pc, pv - pc - Z95 * se, pv - pc + Z95 * se, p,
                "two-proportion z-test", higherIsBetter, true);
    }

    private static AbReport.Comparison comparison(Rows v, Rows c, String metric, double d, double low, double high,
                                                  double p, String test, boolean higherIsBetter, boolean points) {
        double half = (high - low) / 2;
        String amount = points ? String.format(Locale.ROOT, "%.1f points ± %.1f", Math.abs(d) * 100, half * 100)
                : String.format(Locale.ROOT, "%s ± %s", plain(Math.abs(d)), plain(half));
        String pText = p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
        String sentence;
        if (p < 0.05) {
            boolean better = (d > 0) == higherIsBetter;
            sentence = String.format(Locale.ROOT, "%s is %s than %s on %s by %s; significant at 95%% (%s, %s).",
                    label(v), better ? "better" : "worse", label(c), metric, amount, test, pText);
        } else {
            sentence = String.format(Locale.ROOT, "%s and %s do not differ significantly on %s: %s %s %s (%s, %s).",
                    label(v), label(c), metric, label(v), d >= 0 ? "+" : "−", amount, test, pText);
        }
        return new AbReport.Comparison(label(v), label(c), metric, d, low, high, p, test, higherIsBetter, sentence);
    }

    private static String plain(double x) {
        return x >= 100 ? String.format(Locale.ROOT, "%,.0f", x) : x >= 1 ? String.format(Locale.ROOT, "%.2f", x)
                : String.format(Locale.ROOT, "%.3f", x);
    }

    private static int count(List<Labelled> l, java.util.function.Predicate<Labelled> t) {
        int n = 0;
        for (Labelled x : l) {
            n += t.test(x) ? 1 : 0;
        }
        return n;
    }

    private static AbReport.Estimate wilson(String metric, int x, int n) {
        double p = x / (double) n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new AbReport.Estimate(metric, p, Math.max(0, centre - half), Math.min(1, centre + half), "Wilson");
    }

    /** Predictions and outcomes as numbers (rows where either is not a number left out). */
    private static double[][] numeric(List<Labelled> l) {
        double[] predicted = new double[l.size()];
        double[] actual = new double[l.size()];
        int n = 0;
        for (Labelled x : l) {
            double a = parse(x.actual());
            if (!Double.isNaN(x.score()) && !Double.isNaN(a)) {
                predicted[n] = x.score();
                actual[n] = a;
                n++;
            }
        }
        return new double[][] {Arrays.copyOf(predicted, n), Arrays.copyOf(actual, n)};
    }

    private static double rmse(double[][] pairs, int[] counts) {
        double sum = 0;
        long n = 0;
        for (int i = 0; i < pairs[0].length; i++) {
            int w = counts == null ? 1 : counts[i];
            double e = pairs[0][i] - pairs[1][i];
            sum += w * e * e;
            n += w;
        }
        return Math.sqrt(sum / n);
    }

    private static double[] bootstrapRmse(double[][] pairs, Random random) {
        int n = pairs[0].length;
        double[] out = new double[RESAMPLES];
        int[] counts = new int[n];
        for (int b = 0; b < RESAMPLES; b++) {
            Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                counts[random.nextInt(n)]++;
            }
            out[b] = rmse(pairs, counts);
        }
        return out;
    }

    private static double parse(String s) {
        try {
            return s == null ? Double.NaN : Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double[] sorted(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c;
    }

    /** A quantile of sorted values (NaN for none). */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** The standard normal distribution function (Zelen and Severo's approximation, error below 1e-7). */
    static double normalCdf(double z) {
        double t = 1 / (1 + 0.2316419 * Math.abs(z));
        double d = 0.3989422804014327 * Math.exp(-z * z / 2);
        double p = d * t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978
                + t * 1.330274429))));
        return z >= 0 ? 1 - p : p;
    }

    /** The AUC of labelled rows, sorted once so each bootstrap resample costs one pass. */
    private static final class Auc {
        private final double[] scores;
        private final boolean[] positive;
        private final double value;

        private Auc(double[] scores, boolean[] positive) {
            this.scores = scores;
            this.positive = positive;
            int[] ones = new int[scores.length];
            Arrays.fill(ones, 1);
            this.value = weighted(ones);
        }

        static Auc of(List<Labelled> rows, String positiveClass) {
            List<Labelled> sorted = rows.stream().filter(r -> !Double.isNaN(r.score()))
                    .sorted(Comparator.comparingDouble(Labelled::score)).toList();
            double[] s = new double[sorted.size()];
            boolean[] p = new boolean[sorted.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = sorted.get(i).score();
                p[i] = sorted.get(i).actual().equals(positiveClass);
            }
            return new Auc(s, p);
        }

        boolean defined() {
            return !Double.isNaN(value);
        }

        double value() {
            return value;
        }

        /** AUC with each row counted {@code w[i]} times: ties count half. */
        double weighted(int[] w) {
            double below = 0;
            double sum = 0;
            double pos = 0;
            int i = 0;
            while (i < scores.length) {
                int j = i;
                double gp = 0;
                double gn = 0;
                while (j < scores.length && scores[j] == scores[i]) {
                    if (positive[j]) {
                        gp += w[j];
                    } else {
                        gn += w[j];
                    }
                    j++;
                }
                sum += gp * (below + gn / 2);
                below += gn;
                pos += gp;
                i = j;
            }
            return pos == 0 || below == 0 ? Double.NaN : sum / (pos * below);
        }

        double[] bootstrap(Random random, int resamples) {
            int n = scores.length;
            double[] out = new double[resamples];
            int[] counts = new int[n];
            int kept = 0;
            for (int b = 0; b < resamples; b++) {
                Arrays.fill(counts, 0);
                for (int i = 0; i < n; i++) {
                    counts[random.nextInt(n)]++;
                }
                double v = weighted(counts);
                if (!Double.isNaN(v)) {
                    out[kept++] = v;
                }
            }
            return Arrays.copyOf(out, kept); // in resample order: differences pair resample b with resample b
        }
    }
}
