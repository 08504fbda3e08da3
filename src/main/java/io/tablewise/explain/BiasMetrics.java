package io.tablewise.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bias metrics of one group (the facet, "d") against the rest ("a"), as SageMaker Clarify defines them: pre-training
 * metrics of the labels and post-training metrics of a model's predicted labels, from the four confusion counts of
 * each side; each with a 95% confidence interval from a stratified bootstrap (rows resampled within the group and
 * within the rest, seeded).
 */
public final class BiasMetrics {
    /** Bootstrap resamples of each interval. */
    public static final int RESAMPLES = 1000;

    private BiasMetrics() {
    }

    /** A metric: its id, name, stage, one-sentence definition, and the value from the four counts of each side. */
    public enum Metric {
        CI("Class imbalance", true, "(n_a - n_d) / (n_a + n_d): how much smaller the group is than the rest, from "
                + "-1 to 1 (positive: the group is the smaller)."),
        DPL("Difference in proportions of labels", true, "q_a - q_d: the share of the rest with the positive label "
                + "minus the group's share."),
        KL("Kullback-Leibler divergence", true, "How far the group's label distribution is from the rest's, "
                + "sum of P_a(y) ln(P_a(y) / P_d(y)) (0: the same)."),
        JS("Jensen-Shannon divergence", true, "The symmetric, bounded form of KL against the average of the two "
                + "label distributions (0: the same, at most ln 2)."),
        LP("L2 norm of label distributions", true, "The Euclidean distance between the two label distributions."),
        TVD("Total variation distance", true, "Half the summed absolute differences between the two label "
                + "distributions."),
        KS("Kolmogorov-Smirnov distance", true, "The largest difference between the two label distributions."),
        DPPL("Difference in positive predicted labels", false, "q'_a - q'_d: the share of the rest predicted "
                + "positive minus the group's share (demographic parity difference)."),
        DI("Disparate impact", false, "q'_d / q'_a: the group's positive prediction rate over the rest's (the "
                + "four-fifths rule asks for at least 0.8)."),
        DCA("Difference in conditional acceptance", false, "c_a - c_d, c = observed positives / predicted "
                + "positives: how much more the model under-accepts the group than the rest."),
        RD("Recall difference (equal opportunity)", false, "TPR_a - TPR_d: the rest's true positive rate minus the "
                + "group's."),
        FPRD("False positive rate difference", false, "FPR_a - FPR_d: the rest's false positive rate minus the "
                + "group's."),
        EOD("Equalised odds difference", false, "The larger of |recall difference| and |false positive rate "
                + "difference| (0: equalised odds)."),
        AD("Accuracy difference", false, "ACC_a - ACC_d: the rest's accuracy minus the group's."),
        PD("Precision difference", false, "Precision_a - precision_d: the rest's share of correct positive "
                + "predictions minus the group's."),
        TE("Treatment equality", false, "FN_d / FP_d - FN_a / FP_a: the difference in the ratio of false negatives "
                + "to false positives.");

        private final String title;
        private final boolean pre;
        private final String definition;

        Metric(String title, boolean pre, String definition) {
            this.title = title;
            this.pre = pre;
            this.definition = definition;
        }

        /** The metric's name. */
        public String title() {
            return title;
        }

        /** True for a pre-training metric (of the labels alone). */
        public boolean preTraining() {
            return pre;
        }

        /** The definition in one sentence. */
        public String definition() {
            return definition;
        }
    }

    /**
     * Confusion counts of one side (positive = the chosen label value).
     *
     * @param tp predicted and observed positive
     * @param fp predicted positive, observed negative
     * @param fn predicted negative, observed positive
     * @param tn predicted and observed negative
     */
    public record Counts(long tp, long fp, long fn, long tn) {
        /** Rows. */
        public long n() {
            return tp + fp + fn + tn;
        }

        /** Share with the positive label. */
        public double labelRate() {
            return ratio(tp + fn, n());
        }

        /** Share predicted positive. */
        public double predictedRate() {
            return ratio(tp + fp, n());
        }
    }

    /**
     * A metric's value with its interval.
     *
     * @param metric the metric
     * @param value its value (NaN when undefined, e.g. a group with no positive predictions for DI)
     * @param low the interval's lower end (NaN when it cannot be estimated)
     * @param high its upper end
     */
    public record Value(Metric metric, double value, double low, double high) {
    }

    /** Every metric of group {@code d} against the rest {@code a}, with bootstrap intervals. */
    public static List<Value> measure(Counts d, Counts a, long seed) {
        double[] point = values(d, a);
        Metric[] metrics = Metric.values();
        double[][] resampled = new double[metrics.length][RESAMPLES];
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int b = 0; b < RESAMPLES; b++) {
            double[] v = values(resample(d, random), resample(a, random));
            for (int k = 0; k < metrics.length; k++) {
                resampled[k][b] = v[k];
            }
        }
        List<Value> out = new ArrayList<>();
        for (int k = 0; k < metrics.length; k++) {
            if (metrics[k] == Metric.CI) {
                out.add(classImbalance(d.n(), a.n()));
                continue;
            }
            double[] finite = java.util.Arrays.stream(resampled[k]).filter(Double::isFinite).sorted().toArray();
            boolean enough = finite.length >= RESAMPLES / 2;
            out.add(new Value(metrics[k], point[k], enough ? quantile(finite, 0.025) : Double.NaN,
                    enough ? quantile(finite, 0.975) : Double.NaN));
        }
        return out;
    }

    /**
     * Class imbalance with a Wald interval of the group's share of the rows (the stratified bootstrap keeps the two
     * sides' sizes, so it cannot tell how much the sizes themselves vary): {@code CI = 1 - 2 p}.
     */
    private static Value classImbalance(long nd, long na) {
        double n = nd + na;
        double p = n == 0 ? Double.NaN : nd / n;
        double se = Math.sqrt(p * (1 - p) / n);
        return new Value(Metric.CI, 1 - 2 * p, 1 - 2 * Math.min(1, p + 1.96 * se), 1 - 2 * Math.max(0, p - 1.96 * se));
    }

    /** The metrics in {@link Metric} order. */
    static double[] values(Counts d, Counts a) {
        Map<Metric, Double> v = new LinkedHashMap<>();
        double na = a.n();
        double nd = d.n();
        double qa = a.labelRate();
        double qd = d.labelRate();
        v.put(Metric.CI, ratio(na - nd, na + nd));
        v.put(Metric.DPL, qa - qd);
        double[] pa = {qa, 1 - qa};
        double[] pd = {qd, 1 - qd};
        v.put(Metric.KL, kl(pa, pd));
        double[] m = {(qa + qd) / 2, 1 - (qa + qd) / 2};
        v.put(Metric.JS, (kl(pa, m) + kl(pd, m)) / 2);
        v.put(Metric.LP, Math.sqrt(2) * Math.abs(qa - qd));
        v.put(Metric.TVD, Math.abs(qa - qd));
        v.put(Metric.KS, Math.abs(qa - qd));
        double ra = a.predictedRate();
        double rd = d.predictedRate();
        v.put(Metric.DPPL, ra - rd);
        v.put(Metric.DI, ratio(rd, ra));
        v.put(Metric.DCA, ratio(a.tp() + a.fn(), a.tp() + a.fp()) - ratio(d.tp() + d.fn(), d.tp() + d.fp()));
        double rdiff = ratio(a.tp(), a.tp() + a.fn()) - ratio(d.tp(), d.tp() + d.fn());
        double fdiff = ratio(a.fp(), a.fp() + a.tn()) - ratio(d.fp(), d.fp() + d.tn());
        v.put(Metric.RD, rdiff);
        v.put(Metric.FPRD, fdiff);
        v.put(Metric.EOD, Math.max(Math.abs(rdiff), Math.abs(fdiff)));
        v.put(Metric.AD, ratio(a.tp() + a.tn(), na) - ratio(d.tp() + d.tn(), nd));
        v.put(Metric.PD, ratio(a.tp(), a.tp() + a.fp()) - ratio(d.tp(), d.tp() + d.fp()));
        v.put(Metric.TE, ratio(d.fn(), d.fp()) - ratio(a.fn(), a.fp()));
        return v.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The KL divergence of two label distributions (infinite when {@code q} misses a label {@code p} has). */
    private static double kl(double[] p, double[] q) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                sum += q[i] > 0 ? p[i] * Math.log(p[i] / q[i]) : Double.POSITIVE_INFINITY;
            }
        }
        return sum;
    }

    private static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }

    /**
     * The counts of {@code n} rows drawn with replacement from rows with these counts: a multinomial draw, as
     * conditional binomials.
     */
    private static Counts resample(Counts c, java.util.SplittableRandom random) {
        long n = c.n();
        if (n == 0) {
            return c;
        }
        long tp = binomial(n, (double) c.tp() / n, random);
        long rest = n - tp;
        long left = n - c.tp();
        long fp = left == 0 ? 0 : binomial(rest, (double) c.fp() / left, random);
        rest -= fp;
        left -= c.fp();
        long fn = left == 0 ? 0 : binomial(rest, (double) c.fn() / left, random);
        return new Counts(tp, fp, fn, n - tp - fp - fn);
    }

    /** Rows up to which a binomial draw is made row by row. */
    private static final long EXACT_DRAWS = 400;

    /**
     * A binomial draw: row by row for few rows; by inversion of the distribution when the rarer outcome is expected
     * fewer than 20 times; else from the normal distribution (its error is far below the bootstrap's own).
     */
    private static long binomial(long n, double p, java.util.SplittableRandom random) {
        if (p <= 0 || n == 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (n <= EXACT_DRAWS) {
            long k = 0;
            for (long i = 0; i < n; i++) {
                k += random.nextDouble() < p ? 1 : 0;
            }
            return k;
        }
        double q = Math.min(p, 1 - p);
        if (n * q < 20) {
            // inversion: walk the probabilities of 0, 1, 2, ... rare outcomes until the uniform draw is covered
            double u = random.nextDouble();
            double pk = Math.exp(n * Math.log1p(-q));
            double cumulative = pk;
            long k = 0;
            while (u > cumulative && k < n) {
                pk *= (double) (n - k) / (k + 1) * q / (1 - q);
                k++;
                cumulative += pk;
            }
            return q == p ? k : n - k;
        }
        double z = gaussian(random);
        return Math.max(0, Math.min(n, Math.round(n * p + Math.sqrt(n * p * (1 - p)) * z)));
    }

    private static double gaussian(java.util.SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    /** The {@code q} quantile of sorted values, interpolated linearly (numpy's default). */
    static double quantile(double[] sorted, double q) {
        double at = q * (sorted.length - 1);
        int lo = (int) Math.floor(at);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (at - lo) * (sorted[hi] - sorted[lo]);
    }
}
