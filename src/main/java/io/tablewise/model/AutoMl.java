package io.tablewise.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import io.tablewise.ml.BoostedModel;
import io.tablewise.ml.Evaluation;
import io.tablewise.ml.ProblemType;
import io.tablewise.ml.RowSampler;
import io.tablewise.ml.Values;
import io.tablewise.node.CancelledException;
import io.tablewise.node.ProgressMonitor;

/**
 * A budget-aware search over gradient-boosted-tree settings on the training rows only (the test rows are never
 * seen): 20% of the training rows are held out for validation; the default settings and then random settings
 * (trees, depth, learning rate, row and column subsampling, minimum leaf weight, L2) are first scored after training
 * on a third of the remaining rows, and the best third of them (at least two) are trained on all of them and
 * scored again (successive halving with two rungs). The search stops at the time budget or the candidate cap,
 * whichever comes first; with a cap and a generous budget the leaderboard is the same on every run.
 */
final class AutoMl {
    private AutoMl() {
    }

    /**
     * One candidate of the leaderboard.
     *
     * @param settings the settings
     * @param rung 1: scored after training on a third of the rows; 2: after training on all of them
     * @param score the validation score (objective)
     * @param fitSeconds training time
     * @param predictSeconds scoring time of the validation rows
     */
    record Candidate(BoostedModel.Settings settings, int rung, double score, double fitSeconds,
                     double predictSeconds) {
    }

    /** The best settings and the leaderboard (best first). */
    record Result(BoostedModel.Settings best, List<Candidate> leaderboard) {
    }

    static boolean higherIsBetter(String objective) {
        return !List.of("log_loss", "rmse", "mae").contains(objective);
    }

    static Result search(Table train, String target, ProblemType type, List<String> features, int[] rows,
                         String objective, double budgetSeconds, int maxCandidates, long seed,
                         ProgressMonitor monitor) {
        long start = System.nanoTime();
        Column<?> y = train.column(target);
        String[] labels = type == ProblemType.REGRESSION ? null : Values.labels(y);
        int[][] split = RowSampler.split(rows, labels, 0.2, seed + 11);
        int[] fit = split[0];
        int[] validation = split[1];
        int[][] third = RowSampler.split(fit, labels, 2.0 / 3, seed + 13);
        int[] small = third[0];
        SplittableRandom random = new SplittableRandom(seed);
        boolean higher = higherIsBetter(objective);
        Comparator<Candidate> best = Comparator.comparingDouble(c -> higher ? -c.score() : c.score());
        List<Candidate> rung1 = new ArrayList<>();
        double half = budgetSeconds / 2;
        while (rung1.size() < maxCandidates && seconds(start) < half) {
            check(monitor);
            BoostedModel.Settings s = rung1.isEmpty() ? BoostedModel.Settings.defaults() : sample(random);
            rung1.add(score(train, target, type, features, small, validation, objective, s, 1, seed));
            monitor.progress(0.1 + 0.4 * Math.min(1, seconds(start) / half), String.format(Locale.ROOT,
                    "candidate %d, best %s %.4f so far", rung1.size(), objective,
                    rung1.stream().min(best).orElseThrow().score()));
        }
        List<Candidate> promoted = rung1.stream().sorted(best).limit(Math.max(2, rung1.size() / 3)).toList();
        List<Candidate> rung2 = new ArrayList<>();
        for (Candidate c : promoted) {
            if (!rung2.isEmpty() && seconds(start) > budgetSeconds) {
                break;
            }
            check(monitor);
            rung2.add(score(train, target, type, features, fit, validation, objective, c.settings(), 2, seed));
            monitor.progress(0.5 + 0.4 * Math.min(1, seconds(start) / budgetSeconds), String.format(Locale.ROOT,
                    "full-size candidate %d of %d, best %s %.4f so far", rung2.size(), promoted.size(), objective,
                    rung2.stream().min(best).orElseThrow().score()));
        }
        List<Candidate> board = new ArrayList<>(rung2);
        board.sort(best);
        List<Candidate> rest = new ArrayList<>(rung1);
        rest.sort(best);
        board.addAll(rest);
        return new Result(rung2.stream().min(best).orElseThrow().settings(), board);
    }

    private static Candidate score(Table t, String target, ProblemType type, List<String> features, int[] fit,
                                   int[] validation, String objective, BoostedModel.Settings s, int rung, long seed) {
        long a = System.nanoTime();
        BoostedModel m = BoostedModel.train(t, target, type, features, fit, s, seed);
        long b = System.nanoTime();
        Evaluation e = ModelBuilder.evaluate(m, t, t.column(target), type, validation, objective);
        long c = System.nanoTime();
        double v = e.metrics().getOrDefault(objective, Double.NaN);
        if (Double.isNaN(v)) {
            v = type == ProblemType.REGRESSION ? e.metrics().get("rmse") : e.metrics().get("accuracy");
        }
        return new Candidate(s, rung, v, (b - a) / 1e9, (c - b) / 1e9);
    }

    /** A random point of the search space. */
    static BoostedModel.Settings sample(SplittableRandom r) {
        int[] trees = {50, 100, 200, 300, 400};
        int[] depth = {3, 4, 5, 6, 7, 8};
        double[] childWeight = {1, 3, 5, 10};
        return new BoostedModel.Settings(trees[r.nextInt(trees.length)], depth[r.nextInt(depth.length)],
                round(Math.exp(Math.log(0.02) + r.nextDouble() * (Math.log(0.3) - Math.log(0.02)))),
                round(0.6 + 0.4 * r.nextDouble()), round(0.5 + 0.5 * r.nextDouble()),
                childWeight[r.nextInt(childWeight.length)], round(Math.exp(Math.log(0.5) + r.nextDouble()
                * (Math.log(5) - Math.log(0.5)))));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void check(ProgressMonitor monitor) {
        if (monitor.isCancelled()) {
            throw new CancelledException();
        }
    }

    /** The leaderboard as plain data for the manifest and metrics.json. */
    static List<Map<String, Object>> describe(List<Candidate> board, String objective) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < board.size(); i++) {
            Candidate c = board.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rank", i + 1);
            m.put("algorithm", "gradient-boosted trees (XGBoost)");
            m.put("settings", c.settings().asMap());
            m.put("trainedOn", c.rung() == 2 ? "80% of the training rows" : "27% of the training rows");
            String camel = ModelJson.camel(objective);
            m.put("validation" + Character.toUpperCase(camel.charAt(0)) + camel.substring(1), c.score());
            m.put("fitSeconds", c.fitSeconds());
            m.put("predictSeconds", c.predictSeconds());
            out.add(m);
        }
        return out;
    }
}
